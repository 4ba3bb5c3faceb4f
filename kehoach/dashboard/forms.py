"""Input of the dashboard: a comment or a reply on an indicator."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["ERR_EMPTY", "ERR_TOO_LONG", "MAX_COMMENT", "CommentForm"]

MAX_COMMENT = 4000
ERR_EMPTY = _("Ý kiến không được để trống.")
ERR_TOO_LONG = _("Ý kiến dài quá 4.000 ký tự.")
ERR_NO_PARENT = _("Ý kiến được trả lời không tồn tại.")


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Ý kiến"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_COMMENT,
        error_messages={"required": ERR_EMPTY, "max_length": ERR_TOO_LONG},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"]).strip()
        if not text:
            raise forms.ValidationError(ERR_EMPTY)
        return text
