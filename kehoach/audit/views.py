"""The audit page (secretariat, admin): filters, paging, JSON and CSV twins."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from kehoach.accounts.access import can
from kehoach.audit.forms import AuditFilterForm
from kehoach.audit.selectors import AuditFilter, audit_choices, audit_entries, entry_dict
from kehoach.plans.twins import respond, wanted_format

PAGE_SIZE = 100
EXPORT_LIMIT = 50_000


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    """Who did what, when and why; filter by actor, action, plan, agency and dates; export as CSV."""
    if not can(request.user, "audit.view"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    f = (
        AuditFilter(**{k: v for k, v in form.cleaned_data.items() if v})
        if form.is_bound and valid
        else AuditFilter()
    )
    qs = audit_entries(f)
    if wanted_format(request) != "html":
        rows = [entry_dict(e) for e in qs[:EXPORT_LIMIT]]
        return respond(request, template="audit/list.html", context={}, data={"entries": rows}, rows=rows,
                       filename="nhat-ky")  # fmt: skip
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "choices": audit_choices(), "query": query.urlencode()}
    return respond(
        request, template="audit/list.html", context=context, data={}, status=200 if valid else 400
    )
