"""The actor page and editors' changes to actors: rename, aliases, parent, merge; suggestions
and creating an actor from the picker."""

import json

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from claims.desk.selectors import follows_actor
from claims.forms import (
    ActorAliasForm,
    ActorChangeForm,
    ActorDetailsForm,
    ActorMergeForm,
    ActorParentForm,
    ActorRenameForm,
)
from claims.models import Actor, ActorAlias
from claims.selectors.actor_profile import actor_activity, actor_latest_claims, actor_profile
from claims.selectors.actors import ACTOR_LIST_PAGE_SIZE, actor_suggestions, actors_for_cleanup
from claims.selectors.audit import audit_trail, changes_after
from claims.services.actors import (
    ActorChangedMeanwhile,
    actor_alias_add,
    actor_create,
    actor_alias_remove,
    actor_merge,
    actor_details,
    actor_rename,
    actor_set_details,
    actor_set_parent,
)
from claims.views.charts import weekly_verdict_chart
from claims.views.conflicts import Conflict, who_changed
from claims.views.htmx import render_page_or_fragment
from config.replicas import reads_from_replica

PAGE = "claims/actor_detail.html"
_EDIT_FORMS = {
    "rename_form": ActorRenameForm, "alias_form": ActorAliasForm, "parent_form": ActorParentForm,
    "details_form": ActorDetailsForm,
}


def _actor_context(request: HttpRequest, actor_id: int, forms: dict | None = None, conflict: Conflict | None = None) -> dict:
    try:
        actor = actor_profile(actor_id)
    except Actor.DoesNotExist as missing:
        raise Http404("No such actor") from missing
    activity = actor_activity(actor)
    audit = audit_trail(object_type="actor", object_id=actor.pk)
    seen = audit[0].pk if audit else 0
    initial = {"seen": seen, "name": actor.name, "parent": actor.parent.name if actor.parent_id else "",
               **actor_details(actor)}
    return {
        "actor": actor,
        "verdict_counts": activity.verdict_counts,
        "chart": weekly_verdict_chart(activity.weeks),
        "latest_claims": actor_latest_claims(actor),
        "audit": audit,
        "seen": seen,
        "can_change": request.user.has_perm("claims.change_actor"),
        "following_actor": follows_actor(request.user, actor),
        **{name: form(initial={**initial, **form.previous_values(actor)}) for name, form in _EDIT_FORMS.items()},
        "merge_form": ActorMergeForm(),
        "conflict": conflict,
        **(forms or {}),
    }


@require_GET
@permission_required("claims.view_actor", raise_exception=True)
def actor_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(actors_for_cleanup(), ACTOR_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    unchecked = Actor.objects.filter(merged_into__isnull=True, is_reviewed=False).count()
    return render(request, "claims/actor_list.html", {"page": page, "unchecked": unchecked})


@require_GET
@permission_required("claims.view_actor", raise_exception=True)
def actor_detail(request: HttpRequest, actor_id: int) -> HttpResponse:
    return render_page_or_fragment(request, PAGE, ["profile"], _actor_context(request, actor_id))


def _after_change(request: HttpRequest, actor_id: int, forms: dict | None = None, *, status: int = 200,
                  conflict: Conflict | None = None) -> HttpResponse:
    """The profile (names, family, editor forms) and the audit trail out of band; a redirect
    back to the page for a plain successful POST."""
    if not request.htmx and status == 200:
        return redirect("actor_detail", actor_id=actor_id)
    context = _actor_context(request, actor_id, forms, conflict)
    return render_page_or_fragment(request, PAGE, ["profile", "audit_trail"], context, status=status)


def _changed_meanwhile(request: HttpRequest, actor_id: int, form: ActorChangeForm, form_name: str | None,
                       changed: ActorChangedMeanwhile) -> HttpResponse:
    """Nothing was saved: list what others changed since the editor's page was made, keep what
    the editor typed, and let the form replace the current value if they save again."""
    seen = form.cleaned_data.get("seen") or 0
    changes = changes_after(object_type="actor", object_id=actor_id, entry_id=seen)
    if changed.field == "merged_into":
        advice = f"It was merged into {changed.actor.merged_into}: make your change there."
    elif changed.field == "aliases":
        advice = "That alias is no longer this actor's: nothing was removed."
    else:
        advice = ("Your change is not saved yet; it is still in the form below. "
                  "Save again to replace theirs with yours, or reload the page to keep theirs.")
    conflict = Conflict(title=f"Not saved: {who_changed(changes)} changed this actor while you were editing it.",
                        changes=changes, advice=advice)
    forms = {}
    if form_name:
        kept = request.POST.copy()
        for name, value in {"seen": changes[-1].pk if changes else seen, **form.previous_values(changed.actor)}.items():
            kept[name] = value
        forms[form_name] = type(form)(kept)
    return _after_change(request, actor_id, forms, status=409, conflict=conflict)


def _apply(request, actor_id: int, form, form_name: str, change) -> HttpResponse:
    if form.is_valid():
        try:
            change(form.cleaned_data)
            return _after_change(request, actor_id)
        except ValidationError as error:
            form.add_error(None, error)
        except ActorChangedMeanwhile as changed:
            return _changed_meanwhile(request, actor_id, form, form_name, changed)
    return _after_change(request, actor_id, {form_name: form}, status=400)


@require_POST
@permission_required("claims.change_actor", raise_exception=True)
def actor_rename_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    return _apply(request, actor_id, ActorRenameForm(request.POST), "rename_form",
                  lambda data: actor_rename(actor=actor, name=data["name"], user=request.user,
                                            expected_name=data["previous_name"]))


@require_POST
@permission_required("claims.add_actoralias", raise_exception=True)
def actor_alias_add_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    return _apply(request, actor_id, ActorAliasForm(request.POST), "alias_form",
                  lambda data: actor_alias_add(actor=actor, alias=data["alias"], user=request.user))


@require_POST
@permission_required("claims.delete_actoralias", raise_exception=True)
def actor_alias_remove_view(request: HttpRequest, actor_id: int, alias_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    if ActorAlias.objects.filter(pk=alias_id).exclude(actor=actor).exists():
        raise Http404("No such alias of this actor")
    form = ActorChangeForm(request.POST)
    form.is_valid()
    try:
        actor_alias_remove(actor=actor, alias_id=alias_id, user=request.user)
    except ActorChangedMeanwhile as changed:
        return _changed_meanwhile(request, actor_id, form, None, changed)
    return _after_change(request, actor_id)


@require_POST
@permission_required("claims.change_actor", raise_exception=True)
def actor_parent_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    return _apply(request, actor_id, ActorParentForm(request.POST), "parent_form",
                  lambda data: actor_set_parent(actor=actor, parent=data["parent"], user=request.user,
                                                expected_parent_id=data["previous_parent"] or None))


@require_POST
@permission_required("claims.change_actor", raise_exception=True)
def actor_details_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    form = ActorDetailsForm(request.POST)
    return _apply(request, actor_id, form, "details_form",
                  lambda data: actor_set_details(actor=actor, details=form.details(), user=request.user,
                                                 expected=form.expected()))


@require_POST
@permission_required("claims.change_actor", raise_exception=True)
def actor_merge_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    source = get_object_or_404(Actor, pk=actor_id)
    form = ActorMergeForm(request.POST)
    if form.is_valid():
        try:
            target = actor_merge(source=source, target=form.cleaned_data["target"], user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            url = reverse("actor_detail", args=[target.pk])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return _after_change(request, actor_id, {"merge_form": form}, status=400)


def _suggestions(request: HttpRequest, actors: list[Actor], query: str, *, offer_create: bool = False,
                 picked: bool = False, problem: str = "") -> HttpResponse:
    prefetch_related_objects(actors, "aliases")
    query = " ".join(query.split())
    offer_create = (offer_create and bool(query) and request.user.has_perm("claims.add_actor")
                    and not any(actor.name.lower() == query.lower() for actor in actors))
    context = {
        "actors": actors, "query": query, "picked": picked, "problem": problem,
        # Where a claim's actor is typed, "Pick one from the suggestions" needs a way out.
        "create_vals": json.dumps({"name": query}) if offer_create else "",
    }
    return render(request, "claims/_actor_picker.html#suggestions", context)


@require_GET
@reads_from_replica
@permission_required("claims.view_actor", raise_exception=True)
def actor_suggest(request: HttpRequest) -> HttpResponse:
    """Suggestions for an actor field: names and aliases as the editor types."""
    # The picker sends its own field's value; `field` names it (actor, parent, target, ...).
    query = request.GET.get(request.GET.get("field", "q"), "")
    return _suggestions(request, actor_suggestions(query), query, offer_create=request.GET.get("create") == "1")


@require_POST
@permission_required("claims.add_actor", raise_exception=True)
def actor_create_view(request: HttpRequest) -> HttpResponse:
    """Create an actor from the picker: answers the picker's list with the new actor, picked."""
    name = request.POST.get("name", "")
    try:
        actor = actor_create(name=name, user=request.user)
    except ValidationError as error:
        return _suggestions(request, actor_suggestions(name), name, offer_create=True, problem=" ".join(error.messages))
    return _suggestions(request, [actor], actor.name, picked=True)
