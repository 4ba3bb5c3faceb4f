"""Review pages: upload a resolution, see what was read beside its source, correct, accept.

Only users who may manage plans (secretariat, admin) see these pages; an
anonymous visitor is sent to the login page, anyone else gets 403. Views parse,
call :mod:`kehoach.plans.review` and render.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kehoach.accounts.access import can
from kehoach.core.numbers import format_number
from kehoach.core.plan import COMPARATORS, DELIVERABLE_TYPES, KINDS, PlanError
from kehoach.formats.readers import ReadError
from kehoach.plans import review
from kehoach.plans.models import Plan

MAX_UPLOAD = 12 * 1024 * 1024


class UploadForm(forms.Form):
    document = forms.FileField(
        label=gettext_lazy("Tệp nghị quyết (.pdf, .docx, .html, .txt)"), allow_empty_file=True
    )


class AcceptForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[
            ("new", gettext_lazy("Kế hoạch mới")),
            ("version", gettext_lazy("Phiên bản mới của kế hoạch")),
        ],
        widget=forms.RadioSelect,
    )
    code = forms.RegexField(regex=r"^[a-z0-9][a-z0-9-]*$", max_length=60, label=gettext_lazy("Mã kế hoạch"))
    reason = forms.CharField(required=False, max_length=500, label=gettext_lazy("Ghi chú"))


def _guard(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, "plan.manage"):
        raise PermissionDenied
    return None


def _draft(token: str) -> review.ReviewDraft:
    try:
        return review.review_get(token=token)
    except review.ReviewError as exc:
        raise Http404(str(exc)) from exc


@require_http_methods(["GET", "POST"])
def review_upload(request: HttpRequest) -> HttpResponse:
    """The upload form; a posted file is read and extracted, then its review page opens."""
    if (denied := _guard(request)) is not None:
        return denied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        if upload.size > MAX_UPLOAD:
            form.add_error("document", _("Tệp quá lớn (tối đa 12 MB)."))
        else:
            try:
                draft = review.review_start(filename=upload.name, data=upload.read(), actor=request.user)
            except ReadError as exc:
                form.add_error("document", str(exc))
            else:
                return redirect("review:detail", token=draft.token)
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/review_upload.html", {"form": form}, status=status)


def review_detail(request: HttpRequest, token: str) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    return _render_detail(request, _draft(token))


def _render_detail(
    request: HttpRequest, draft: review.ReviewDraft, accept_form: AcceptForm | None = None, status: int = 200
) -> HttpResponse:
    doc = draft.document
    if accept_form is None:
        taken = Plan.objects.filter(code=doc["id"]).exists()
        accept_form = AcceptForm(initial={"mode": "version" if taken else "new", "code": doc["id"]})
    context: dict[str, Any] = {
        "draft": draft,
        "doc": doc,
        "indicators": [_indicator_row(i, ind) for i, ind in enumerate(doc["indicators"])],
        "tasks": _task_rows(doc),
        "paragraphs": review.review_segments(draft),
        "accept_form": accept_form,
        "plans": Plan.objects.order_by("code").values_list("code", flat=True),
        "comparators": COMPARATORS,
        "kinds": KINDS,
        "deliverable_types": DELIVERABLE_TYPES,
    }
    return render(request, "plans/review_detail.html", context, status=status)


def _indicator_row(i: int, ind: dict[str, Any]) -> dict[str, Any]:
    targets = []
    for j, t in enumerate(ind["targets"]):
        shown = {k: ("" if t.get(k) is None else format_number(t[k])) for k in ("value", "low", "high")}
        targets.append({"j": j, "t": t, **shown})
    return {"i": i, "ind": ind, "targets": targets}


def _task_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def walk(node: dict[str, Any], path: str) -> None:
        here = f"{path}{node['n']}" if not path else f"{path}.{node['n']}"
        if node.get("title"):
            rows.append({"heading": True, "n": here, "title": node["title"]})
        for task in node.get("tasks", []):
            rows.append({"heading": False, "task": task})
        for child in node.get("children", []):
            walk(child, here)

    for top in (doc.get("tasks") or {}).get("sections", []):
        walk(top, "")
    return rows


@require_POST
def review_save(request: HttpRequest, token: str) -> HttpResponse:
    """Keep the corrections typed in the review form and show the page again."""
    if (denied := _guard(request)) is not None:
        return denied
    draft = _draft(token)
    edits = {k: str(v) for k, v in request.POST.items() if k.startswith(("meta-", "ind-", "task-"))}
    draft = review.review_apply_edits(draft=draft, edits=edits, actor=request.user)
    if draft.errors:
        return _render_detail(request, draft, status=400)
    messages.success(request, _("Đã lưu các chỉnh sửa."))
    return redirect(reverse("review:detail", kwargs={"token": token}))


@require_POST
def review_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Load the reviewed plan (new plan or new version); it becomes active only now."""
    if (denied := _guard(request)) is not None:
        return denied
    draft = _draft(token)
    form = AcceptForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, draft, accept_form=form, status=400)
    d = form.cleaned_data
    try:
        plan = review.review_accept(
            draft=draft,
            actor=request.user,
            code=d["code"],
            new_version=d["mode"] == "version",
            reason=d["reason"],
        )
    except (review.ReviewError, PlanError) as exc:
        form.add_error(None, str(exc))
        return _render_detail(request, draft, accept_form=form, status=400)
    messages.success(
        request,
        _("Đã chấp nhận kế hoạch %(code)s, phiên bản %(v)s.") % {"code": plan.code, "v": plan.version},
    )
    return redirect("plans:detail", code=plan.code)


@require_POST
def review_discard(request: HttpRequest, token: str) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    review.review_discard(draft=_draft(token), actor=request.user)
    messages.success(request, _("Đã bỏ bản đọc này."))
    return redirect("review:upload")
