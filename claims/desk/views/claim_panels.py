"""The desk's parts of the claim page: assignment, notes thread, follow button, similar claims.

Each POST answers htmx with its section plus the claim's audit trail (out of band), and anything
else with a redirect to the claim page at that section."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims.desk.forms import AssignForm, NoteForm
from claims.desk.models import Note
from claims.desk.selectors import claim_desk
from claims.desk.services.assignments import claim_assign, claim_unassign
from claims.desk.services.follows import follow_set
from claims.desk.services.notes import note_add, note_edit, note_remove
from claims.desk.similar import similar_claims
from claims.models import Claim
from claims.selectors.audit import audit_trail
from claims.views.claim import claim_page_response
from claims.views.htmx import render_fragments, wants_fragment

PANELS = "desk/claim_panels.html"


def _claim(claim_id: int) -> Claim:
    return get_object_or_404(Claim.objects.select_related("actor"), pk=claim_id)


def _panel_response(request: HttpRequest, claim: Claim, section: str, extra: dict | None = None, *, status: int = 200) -> HttpResponse:
    anchor = section.replace("_", "-")
    if not wants_fragment(request) and status == 200:
        return redirect(reverse("claim_detail", args=[claim.pk]) + f"#{anchor}")
    if not wants_fragment(request):
        return claim_page_response(request, claim.pk, extra=extra, status=status)
    context = {"claim": claim, **claim_desk(claim, request.user), **(extra or {})}
    html = render_fragments(request, PANELS, [section], context).content
    audit = {"audit": audit_trail(object_type="claim", object_id=claim.pk)}
    html += render_fragments(request, "claims/claim_detail.html", ["audit_trail"], audit, all_oob=True).content
    return HttpResponse(html)


@require_POST
@permission_required("claims.add_assignment", raise_exception=True)
def claim_assign_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            claim_assign(claim_id=claim.pk, assignee=form.cleaned_data["assignee"], due_on=form.cleaned_data["due_on"], user=request.user)
            return _panel_response(request, claim, "assignment_section")
        except ValidationError as error:
            form.add_error(None, error)
    return _panel_response(request, claim, "assignment_section", {"assign_form": form}, status=400)


@require_POST
@permission_required("claims.add_assignment", raise_exception=True)
def claim_unassign_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)
    claim_unassign(claim_id=claim.pk, user=request.user)
    return _panel_response(request, claim, "assignment_section")


@require_POST
@permission_required("claims.add_note", raise_exception=True)
def note_add_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            note_add(claim_id=claim.pk, user=request.user, text=form.cleaned_data["text"])
            return _panel_response(request, claim, "notes_section")
        except ValidationError as error:
            form.add_error(None, error)
    return _panel_response(request, claim, "notes_section", {"note_form": form}, status=400)


@require_http_methods(["GET", "POST"])
@permission_required("claims.add_note", raise_exception=True)
def note_edit_view(request: HttpRequest, note_id: int) -> HttpResponse:
    """GET: the thread with this note's edit form (only its author, within the edit window)."""
    note = get_object_or_404(Note.objects.select_related("claim"), pk=note_id)
    form = NoteForm(request.POST or None, initial={"text": note.text})
    editing = {"editing": note.pk, "note_edit_form": form}
    if request.method == "POST":
        if form.is_valid():
            try:
                note_edit(note_id=note.pk, user=request.user, text=form.cleaned_data["text"])
                return _panel_response(request, note.claim, "notes_section")
            except ValidationError as error:
                form.add_error(None, error)
        return _panel_response(request, note.claim, "notes_section", editing, status=400)
    if note.author_id != request.user.pk:
        return HttpResponse("Only its author edits a note.", status=403, content_type="text/plain")
    if wants_fragment(request):
        return render_fragments(request, PANELS, ["notes_section"], {"claim": note.claim, **claim_desk(note.claim, request.user), **editing})
    return claim_page_response(request, note.claim_id, extra=editing)


@require_POST
@permission_required("claims.add_note", raise_exception=True)
def note_remove_view(request: HttpRequest, note_id: int) -> HttpResponse:
    note = get_object_or_404(Note.objects.select_related("claim"), pk=note_id)
    note_remove(note_id=note.pk, user=request.user)
    return _panel_response(request, note.claim, "notes_section")


@require_POST
@permission_required("claims.view_claim", raise_exception=True)
def claim_follow_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim(claim_id)
    follow_set(user=request.user, claim=claim, following=request.POST.get("following") == "1")
    if not wants_fragment(request):
        return redirect(reverse("claim_detail", args=[claim.pk]))
    return render_fragments(request, PANELS, ["follow_claim"], {"claim": claim, **claim_desk(claim, request.user)})


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def claim_similar_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The similar-claims section, asked for by the claim page once it is shown: ranking earlier
    claims costs more than the rest of the page (tens of ms at 100,000 claims), so it comes after."""
    claim = _claim(claim_id)
    return render(request, f"{PANELS}#similar_section", {"claim": claim, "similar": similar_claims(claim), "similar_loaded": True})
