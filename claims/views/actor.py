"""The actor page and editors' changes to actors: rename, aliases, parent, merge; suggestions."""

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from claims.forms import ActorAliasForm, ActorMergeForm, ActorParentForm, ActorRenameForm
from claims.models import Actor, ActorAlias
from claims.selectors.actor_profile import actor_activity, actor_latest_claims, actor_profile
from claims.selectors.actors import actor_suggestions
from claims.selectors.audit import audit_trail
from claims.services.actors import actor_alias_add, actor_alias_remove, actor_merge, actor_rename, actor_set_parent
from claims.views.charts import weekly_verdict_chart
from claims.views.htmx import render_page_or_fragment

PAGE = "claims/actor_detail.html"


def _actor_context(request: HttpRequest, actor_id: int, forms: dict | None = None) -> dict:
    try:
        actor = actor_profile(actor_id)
    except Actor.DoesNotExist as missing:
        raise Http404("No such actor") from missing
    activity = actor_activity(actor)
    return {
        "actor": actor,
        "verdict_counts": activity.verdict_counts,
        "chart": weekly_verdict_chart(activity.weeks),
        "latest_claims": actor_latest_claims(actor),
        "audit": audit_trail(object_type="actor", object_id=actor.pk),
        "can_change": request.user.has_perm("claims.change_actor"),
        "rename_form": ActorRenameForm(initial={"name": actor.name}),
        "alias_form": ActorAliasForm(),
        "parent_form": ActorParentForm(initial={"parent": actor.parent.name if actor.parent_id else ""}),
        "merge_form": ActorMergeForm(),
        **(forms or {}),
    }


@require_GET
@permission_required("claims.view_actor", raise_exception=True)
def actor_detail(request: HttpRequest, actor_id: int) -> HttpResponse:
    return render_page_or_fragment(request, PAGE, ["profile"], _actor_context(request, actor_id))


def _after_change(request: HttpRequest, actor_id: int, forms: dict | None = None, *, failed: bool = False) -> HttpResponse:
    """The profile (names, family, editor forms) and the audit trail out of band; a redirect
    back to the page for a plain successful POST."""
    if not request.htmx and not failed:
        return redirect("actor_detail", actor_id=actor_id)
    context = _actor_context(request, actor_id, forms)
    return render_page_or_fragment(request, PAGE, ["profile", "audit_trail"], context, status=400 if failed else 200)


def _apply(request, actor_id: int, form, form_name: str, change) -> HttpResponse:
    if form.is_valid():
        try:
            change(form.cleaned_data)
            return _after_change(request, actor_id)
        except ValidationError as error:
            form.add_error(None, error)
    return _after_change(request, actor_id, {form_name: form}, failed=True)


@require_POST
@permission_required("claims.change_actor", raise_exception=True)
def actor_rename_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    return _apply(request, actor_id, ActorRenameForm(request.POST), "rename_form",
                  lambda data: actor_rename(actor=actor, name=data["name"], user=request.user))


@require_POST
@permission_required("claims.add_actoralias", raise_exception=True)
def actor_alias_add_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    return _apply(request, actor_id, ActorAliasForm(request.POST), "alias_form",
                  lambda data: actor_alias_add(actor=actor, alias=data["alias"], user=request.user))


@require_POST
@permission_required("claims.delete_actoralias", raise_exception=True)
def actor_alias_remove_view(request: HttpRequest, actor_id: int, alias_id: int) -> HttpResponse:
    alias = get_object_or_404(ActorAlias.objects.select_related("actor"), pk=alias_id, actor_id=actor_id)
    actor_alias_remove(alias=alias, user=request.user)
    return _after_change(request, actor_id)


@require_POST
@permission_required("claims.change_actor", raise_exception=True)
def actor_parent_view(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("parent"), pk=actor_id)
    return _apply(request, actor_id, ActorParentForm(request.POST), "parent_form",
                  lambda data: actor_set_parent(actor=actor, parent=data["parent"], user=request.user))


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
    return _after_change(request, actor_id, {"merge_form": form}, failed=True)


@require_GET
@permission_required("claims.view_actor", raise_exception=True)
def actor_suggest(request: HttpRequest) -> HttpResponse:
    """Suggestions for an actor field: names and aliases as the editor types."""
    # The picker sends its own field's value; `field` names it (actor, parent, target, ...).
    query = request.GET.get(request.GET.get("field", "q"), "")
    actors = actor_suggestions(query)
    prefetch_related_objects(actors, "aliases")
    return render(request, "claims/_actor_picker.html#suggestions", {"actors": actors, "query": query})
