"""The review queue and the editors' actions on one claim: accept, reject, edit in place."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims.forms import ClaimEditForm, ReviewFilterForm
from claims.models import Claim, UserPreferences
from claims.selectors.audit import audit_trail, claim_changes_since
from claims.selectors.claims import claim_card
from claims.selectors.review_queue import review_queue_page
from claims.selectors.users import prefers_compact_cards
from claims.services.review import (
    ClaimVersionConflict,
    claim_accept,
    claim_correct,
    claim_reject,
    claims_bulk_accept,
    claims_bulk_reject,
    claims_review_undo,
)
from claims.services.users import user_preferences_set
from claims.views.claim import claim_page_response
from claims.views.conflicts import Conflict, who_changed
from claims.views.htmx import redirect_back, render_fragments, render_page_or_fragment, wants_fragment

CARD = "claims/_review_card.html"
CLAIM_PAGE = "claims/claim_detail.html"


def _queue_context(request: HttpRequest, query: QueryDict) -> dict:
    form = ReviewFilterForm(query)
    # Bad filters show what was wrong instead of a queue that ignores them.
    page = review_queue_page(form.filters(), query.get("page")) if form.is_valid() else None
    filters_only = query.copy()
    filters_only.pop("page", None)
    return {
        "form": form,
        "page": page,
        "filter_query": filters_only.urlencode(),
        "can_review": request.user.has_perm("claims.review_claim"),
        "compact": prefers_compact_cards(request.user),
        "queue_url": f"{reverse('review_queue')}?{query.urlencode()}" if query else reverse("review_queue"),
        # A plain string for the 100 forms on the page; the context processor's is a lazy object.
        "csrf_token": get_token(request),
    }


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def review_queue(request: HttpRequest) -> HttpResponse:
    context = _queue_context(request, request.GET)
    status = 200 if context["page"] is not None else 400
    return render_page_or_fragment(request, "claims/review_queue.html", ["queue_list"], context, status=status)


@require_POST
@permission_required("claims.view_claim", raise_exception=True)
def review_density(request: HttpRequest) -> HttpResponse:
    """Comfortable or compact cards, remembered for the person (not the browser)."""
    density = request.POST.get("density", "")
    if density not in UserPreferences.QueueDensity.values:
        return HttpResponseBadRequest("density must be comfortable or compact")
    user_preferences_set(user=request.user, queue_density=density)
    return redirect_back(request, reverse("review_queue"))


def _claim_ids(request: HttpRequest) -> list[int]:
    return [int(value) for value in request.POST.getlist("claim_ids") if value.isdigit()]


def _plural(count: int) -> str:
    return f"{count} claim{'s' if count != 1 else ''}"


def _queue_response(request: HttpRequest, notice: str, *, undo_ids: list[int] = ()) -> HttpResponse:
    """The queue list with a notice (and an undo button for what was just done), or a redirect back."""
    if not wants_fragment(request):
        messages.success(request, notice)
        return redirect_back(request, reverse("review_queue"))
    queue_url = redirect_back(request, reverse("review_queue"))["Location"]
    context = {**_queue_context(request, QueryDict(urlsplit(queue_url).query)), "notice": notice, "undo_ids": undo_ids}
    return render_fragments(request, "claims/review_queue.html", ["queue_list"], context)


def _bulk_review(request: HttpRequest, service, done: str) -> HttpResponse:
    ids = _claim_ids(request)
    changed = service(claim_ids=ids, user=request.user)
    notice = f"{done} {_plural(len(changed))}."
    if ids and len(changed) < len(ids):
        notice += f" {len(ids) - len(changed)} had already been reviewed by someone else."
    return _queue_response(request, notice, undo_ids=changed)


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def review_bulk_accept(request: HttpRequest) -> HttpResponse:
    return _bulk_review(request, claims_bulk_accept, "Accepted")


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def review_bulk_reject(request: HttpRequest) -> HttpResponse:
    return _bulk_review(request, claims_bulk_reject, "Rejected")


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def review_bulk_undo(request: HttpRequest) -> HttpResponse:
    ids = _claim_ids(request)
    undone = claims_review_undo(claim_ids=ids, user=request.user)
    notice = f"Undone: {_plural(undone)} back as they were."
    if undone < len(ids):
        notice += f" {_plural(len(ids) - undone)} changed since, or the minute to undo had passed: left as they are."
    return _queue_response(request, notice)


def _version(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _with_claim_page_updates(request: HttpRequest, response: HttpResponse, claim) -> HttpResponse:
    """On the claim page, the header badges and the audit trail change too (out of band)."""
    if (request.htmx.current_url_abs_path or "").split("?")[0] == reverse("claim_detail", args=[claim.pk]):
        context = {"claim": claim, "audit": audit_trail(object_type="claim", object_id=claim.pk)}
        response.content += render_fragments(request, CLAIM_PAGE, ["head_badges", "audit_trail"], context, all_oob=True).content
    patch_vary_headers(response, ["HX-Request"])
    return response


def _card_response(request: HttpRequest, claim_id: int, *, conflict: Conflict | None = None, intended: str = "",
                   notice: str = "", undo: bool = False) -> HttpResponse:
    if not wants_fragment(request):
        if conflict:
            messages.error(request, conflict.as_text())
        elif notice:
            messages.success(request, notice)
        return redirect_back(request, reverse("claim_detail", args=[claim_id]))
    claim = claim_card(claim_id)
    context = {"claim": claim, "can_review": True, "conflict": conflict, "intended": intended, "card_notice": notice,
               "card_undo": undo}
    response = render_fragments(request, CARD, ["card"], context)
    return _with_claim_page_updates(request, response, claim)


def _review_action(request: HttpRequest, claim_id: int, service, verb: str) -> HttpResponse:
    get_object_or_404(Claim, pk=claim_id)
    version = _version(request)
    if version is None:
        return HttpResponseBadRequest("version is required")
    try:
        service(claim_id=claim_id, user=request.user, expected_version=version)
    except ClaimVersionConflict:
        changes = claim_changes_since(claim_id=claim_id, version=version)
        conflict = Conflict(
            title=f"Not saved: {who_changed(changes)} changed this claim while you were looking at it.",
            changes=changes,
            advice=f"You were about to {verb} it and nothing was saved. The card now shows the claim as it is: "
                   f"press {verb.capitalize()} again to {verb} this version.",
        )
        return _card_response(request, claim_id, conflict=conflict, intended=verb)
    return _card_response(request, claim_id, undo=True)


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def review_accept(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _review_action(request, claim_id, claim_accept, "accept")


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def review_reject(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _review_action(request, claim_id, claim_reject, "reject")


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def review_undo(request: HttpRequest, claim_id: int) -> HttpResponse:
    get_object_or_404(Claim, pk=claim_id)
    if claims_review_undo(claim_ids=[claim_id], user=request.user):
        return _card_response(request, claim_id, notice="Undone: the claim is back as it was.")
    return _card_response(request, claim_id, notice="Not undone: the claim changed since, or the minute to undo had passed.")


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def review_card(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The card alone (htmx: cancel an edit); the claim page otherwise."""
    get_object_or_404(Claim, pk=claim_id)
    if not wants_fragment(request):
        return claim_page_response(request, claim_id)
    context = {"claim": claim_card(claim_id), "can_review": request.user.has_perm("claims.review_claim")}
    response = render_fragments(request, CARD, ["card"], context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _edit_form_response(request: HttpRequest, claim_id: int, form: ClaimEditForm, *, conflict: Conflict | None = None,
                        status: int = 200) -> HttpResponse:
    extra = {"edit_form": form, "conflict": conflict}
    if not wants_fragment(request):
        return claim_page_response(request, claim_id, extra=extra, status=status)
    claim = claim_card(claim_id)
    response = render_fragments(request, CARD, ["edit_form"], {"claim": claim, "can_review": True, **extra})
    return _with_claim_page_updates(request, response, claim)


@require_http_methods(["GET", "POST"])
@permission_required("claims.review_claim", raise_exception=True)
def review_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    get_object_or_404(Claim, pk=claim_id)
    if request.method == "GET":
        return _edit_form_response(request, claim_id, ClaimEditForm.for_claim(claim_card(claim_id)))
    form = ClaimEditForm(request.POST)
    if not form.is_valid():
        return _edit_form_response(request, claim_id, form, status=400)
    data = form.cleaned_data
    try:
        claim_correct(
            claim_id=claim_id, user=request.user, expected_version=data["version"], actor=data["actor"],
            content=data["content"], asserted_on=data["asserted_on"], quantities=data["quantities"],
        )
    except ClaimVersionConflict as conflict:
        # Keep what the editor typed; the form now carries the current version, so saving again
        # after reading the changes deliberately overwrites them.
        kept = request.POST.copy()
        kept["version"] = conflict.claim.version
        conflict = Conflict(
            title="Someone else saved this claim while you were editing.",
            changes=claim_changes_since(claim_id=claim_id, version=data["version"]),
            advice="Your changes are not saved yet; they are still in the form below. "
                   "Save again to replace their version with yours, or cancel to keep theirs.",
        )
        return _edit_form_response(request, claim_id, ClaimEditForm(kept), conflict=conflict, status=409)
    except ValidationError as error:
        form.add_error(None, error)
        return _edit_form_response(request, claim_id, form, status=400)
    return _card_response(request, claim_id, undo=True)
