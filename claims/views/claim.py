"""The claim page and what is done on it: verdicts with evidence, links to other claims."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from claims.desk.selectors import claim_desk
from claims.forms import ClaimEditForm, ClaimLinkForm, VerdictForm
from claims.models import Claim, ClaimLink
from claims.selectors.audit import audit_trail, claim_changes_since
from claims.selectors.claims import claim_link_candidates, claim_page, independence_status
from claims.services.links import claim_link_create, claim_link_remove
from claims.services.review import ClaimVersionConflict
from claims.services.verdicts import claim_set_verification
from claims.views.conflicts import Conflict, who_changed
from claims.views.htmx import render_fragments, render_page_or_fragment, wants_fragment

PAGE = "claims/claim_detail.html"


def _claim_context(request: HttpRequest, claim_id: int, extra: dict | None = None) -> dict:
    try:
        claim = claim_page(claim_id)
    except Claim.DoesNotExist as missing:
        raise Http404("No such claim") from missing
    user = request.user
    link_query = request.GET.get("link_q", "")
    context = {
        "claim": claim,
        "independence": independence_status(list(claim.evidence.all())),
        "audit": audit_trail(object_type="claim", object_id=claim.pk),
        "can_review": user.has_perm("claims.review_claim"),
        "can_verify": user.has_perm("claims.set_verdict"),
        "can_link": user.has_perm("claims.add_claimlink"),
        "can_unlink": user.has_perm("claims.delete_claimlink"),
        "verdict_form": VerdictForm(initial={"verdict": claim.verdict, "version": claim.version}),
        "link_form": ClaimLinkForm(),
        "link_query": link_query,
        "link_candidates": claim_link_candidates(link_query, exclude_id=claim.pk) if link_query else [],
        **claim_desk(claim, user),
        **(extra or {}),
    }
    if context.get("edit_form") is None and request.GET.get("edit") and context["can_review"]:
        context["edit_form"] = ClaimEditForm.for_claim(claim)
    return context


def claim_page_response(request: HttpRequest, claim_id: int, *, extra: dict | None = None, status: int = 200) -> HttpResponse:
    return render_page_or_fragment(request, PAGE, ["page_body"], _claim_context(request, claim_id, extra), status=status)


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def claim_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    return claim_page_response(request, claim_id)


def _section_response(request, claim_id, section: str, extra: dict, *, status: int = 200) -> HttpResponse:
    """The changed section plus the audit trail (out of band), or the whole page without htmx."""
    if not request.htmx and status == 200:
        return redirect(reverse("claim_detail", args=[claim_id]) + f"#{section.replace('_', '-')}")
    context = _claim_context(request, claim_id, extra)
    return render_page_or_fragment(request, PAGE, [section, "head_badges", "audit_trail"], context, status=status)


@require_POST
@permission_required("claims.set_verdict", raise_exception=True)
def claim_verdict(request: HttpRequest, claim_id: int) -> HttpResponse:
    get_object_or_404(Claim, pk=claim_id)
    form = VerdictForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim_set_verification(
                claim_id=claim_id, user=request.user, verdict=data["verdict"], note=data["note"],
                expected_version=data["version"], evidence=form.evidence(),
            )
            return _section_response(request, claim_id, "verdict_section", {"verdict_notice": "Verdict saved."})
        except ClaimVersionConflict as conflict:
            # Keep what the fact-checker typed, now at the current version: saving again after
            # reading the newer verdict deliberately replaces it.
            kept = request.POST.copy()
            kept["version"] = conflict.claim.version
            changes = claim_changes_since(claim_id=claim_id, version=data["version"])
            conflict = Conflict(
                title=f"Not saved: {who_changed(changes)} changed this claim while you were looking at it.",
                changes=changes,
                advice="Your verdict is not saved yet; it is still in the form below. "
                       "Save again to replace the newer verdict with yours.",
            )
            extra = {"verdict_form": VerdictForm(kept), "verdict_conflict": conflict}
            return _section_response(request, claim_id, "verdict_section", extra, status=409)
        except ValidationError as error:
            form.add_error(None, error)
    return _section_response(request, claim_id, "verdict_section", {"verdict_form": form}, status=400)


@require_POST
@permission_required("claims.add_claimlink", raise_exception=True)
def claim_link_add(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    form = ClaimLinkForm(request.POST)
    if form.is_valid():
        other = Claim.objects.filter(pk=form.cleaned_data["to_claim"]).first()
        if other is None:
            form.add_error("to_claim", "There is no claim with that number.")
        else:
            try:
                claim_link_create(from_claim=claim, to_claim=other, kind=form.cleaned_data["kind"],
                                  note=form.cleaned_data["note"], user=request.user)
                return _section_response(request, claim_id, "links_section", {})
            except ValidationError as error:
                form.add_error(None, error)
    return _section_response(request, claim_id, "links_section", {"link_form": form}, status=400)


@require_POST
@permission_required("claims.delete_claimlink", raise_exception=True)
def claim_link_delete(request: HttpRequest, claim_id: int, link_id: int) -> HttpResponse:
    link = get_object_or_404(ClaimLink.objects.select_related("from_claim"), pk=link_id, from_claim_id=claim_id)
    claim_link_remove(link=link, user=request.user)
    return _section_response(request, claim_id, "links_section", {})


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def claim_link_search(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Search-as-you-type for the link picker; without htmx, the claim page with the results."""
    if not wants_fragment(request):
        return claim_page_response(request, claim_id)
    claim = get_object_or_404(Claim, pk=claim_id)
    query = request.GET.get("link_q", "")
    context = {"claim": claim, "link_query": query, "link_candidates": claim_link_candidates(query, exclude_id=claim.pk)}
    return render_fragments(request, PAGE, ["link_candidates"], context)
