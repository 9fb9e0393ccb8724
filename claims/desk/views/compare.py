"""The compare page, and confirming or dismissing a suggested link from it or the claim page."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from claims.desk.compare import MAX_COMPARED, claims_compared, event_timeline, links_between
from claims.models import ClaimLink
from claims.services.links import claim_link_set_status
from claims.views.htmx import redirect_back


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def compare(request: HttpRequest) -> HttpResponse:
    """GET ?claim=1&claim=2...: the selected claims side by side, with their timeline."""
    raw = request.GET.getlist("claim")
    if not all(value.isdigit() for value in raw):
        return HttpResponseBadRequest("Claims are chosen by number (claim=12&claim=15).", content_type="text/plain")
    ids = list(dict.fromkeys(int(value) for value in raw))
    if len(ids) < 2 or len(ids) > MAX_COMPARED:
        return render(request, "desk/compare.html", {"error": f"Pick between 2 and {MAX_COMPARED} claims to compare."}, status=400)
    claims = claims_compared(ids)
    if len(claims) != len(ids):
        return render(request, "desk/compare.html", {"error": "Some of these claims do not exist."}, status=404)
    context = {
        "claims": claims,
        "timeline": event_timeline(claims),
        "links": links_between(ids),
        "can_judge_links": request.user.has_perm("claims.change_claimlink"),
        "here": request.get_full_path(),
    }
    return render(request, "desk/compare.html", context)


@require_POST
@permission_required("claims.change_claimlink", raise_exception=True)
def link_status(request: HttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(ClaimLink.objects.select_related("from_claim"), pk=link_id)
    try:
        claim_link_set_status(link=link, status=request.POST.get("status", ""), user=request.user)
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages), content_type="text/plain")
    return redirect_back(request, reverse("claim_detail", args=[link.from_claim_id]))
