"""Editors' changes to actors: rename, aliases, parent, and merging duplicates.

Actors have no version column, so a change names the value it replaces (the name or parent the
editor's page showed): if someone saved another value meanwhile, nothing changes and
ActorChangedMeanwhile is raised, so two editors never silently overwrite each other.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from claims.models import Actor, ActorAlias, Attribution, Claim, Evidence
from claims.services.audit import audit_record


class ActorChangedMeanwhile(Exception):
    def __init__(self, actor: Actor, field: str):
        super().__init__(f"actor {actor.pk}: {field} changed meanwhile")
        self.actor = actor
        self.field = field


def _locked(actor: Actor) -> Actor:
    """The actor's row, locked until the transaction ends so checks and writes see one state;
    an actor merged meanwhile takes no more changes (they belong on the one it went into)."""
    actor = Actor.objects.select_for_update(of=("self",)).select_related("parent", "merged_into").get(pk=actor.pk)
    if actor.merged_into_id is not None:
        raise ActorChangedMeanwhile(actor, "merged_into")
    return actor


def _name_taken(name: str, *, except_actor: Actor) -> bool:
    return Actor.objects.filter(name__iexact=name).exclude(pk=except_actor.pk).exists()


def _has_alias(actor: Actor, alias: str) -> bool:
    return actor.name.lower() == alias.lower() or actor.aliases.filter(alias__iexact=alias).exists()


@transaction.atomic
def actor_create(*, name: str, user) -> Actor:
    """An actor an editor names while fixing a claim; kind, country and the rest come later."""
    name = " ".join(name.split())[:300]
    if not name:
        raise ValidationError({"name": "The name cannot be empty."})
    existing = Actor.objects.filter(Q(name__iexact=name) | Q(aliases__alias__iexact=name), merged_into=None).first()
    if existing is not None:
        raise ValidationError({"name": f'"{existing.name}" already has that name: pick it instead.'})
    actor = Actor.objects.create(name=name, is_reviewed=True)
    audit_record(user=user, action="actor_create", obj=actor, before={}, after={"name": name})
    return actor


@transaction.atomic
def actor_rename(*, actor: Actor, name: str, user, expected_name: str) -> Actor:
    """The old name stays as an alias, so text that uses it still finds the actor."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "The name cannot be empty."})
    actor = _locked(actor)
    if actor.name != expected_name:
        raise ActorChangedMeanwhile(actor, "name")
    if _name_taken(name, except_actor=actor):
        raise ValidationError({"name": f'Another actor is already called "{name}": merge the two instead.'})
    old_name = actor.name
    if old_name == name:
        return actor
    actor.name = name
    actor.save(update_fields=["name", "updated_at"])
    if not _has_alias(actor, old_name):
        ActorAlias.objects.create(actor=actor, alias=old_name)
    audit_record(user=user, action="actor_rename", obj=actor, before={"name": old_name}, after={"name": name})
    return actor


@transaction.atomic
def actor_alias_add(*, actor: Actor, alias: str, user) -> ActorAlias | None:
    alias = " ".join(alias.split())
    if not alias:
        raise ValidationError({"alias": "The alias cannot be empty."})
    actor = _locked(actor)
    if _has_alias(actor, alias):
        raise ValidationError({"alias": f'"{alias}" is already a name of this actor.'})
    created = ActorAlias.objects.create(actor=actor, alias=alias)
    audit_record(user=user, action="actor_alias_add", obj=actor, before={}, after={"alias": alias})
    return created


@transaction.atomic
def actor_alias_remove(*, actor: Actor, alias_id: int, user) -> None:
    actor = _locked(actor)
    alias = actor.aliases.filter(pk=alias_id).first()
    if alias is None:
        raise ActorChangedMeanwhile(actor, "aliases")
    audit_record(user=user, action="actor_alias_remove", obj=actor, before={"alias": alias.alias}, after={})
    alias.delete()


def _descendant_ids(actor: Actor) -> set[int]:
    found, frontier = set(), {actor.pk}
    while frontier:
        frontier = set(Actor.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


@transaction.atomic
def actor_set_parent(*, actor: Actor, parent: Actor | None, user, expected_parent_id: int | None) -> Actor:
    actor = _locked(actor)
    if actor.parent_id != expected_parent_id:
        raise ActorChangedMeanwhile(actor, "parent")
    if parent is not None and (parent.pk == actor.pk or parent.pk in _descendant_ids(actor)):
        raise ValidationError({"parent": f"{parent.name} is {actor.name} or belongs to it: that would make a loop."})
    before = {"parent": actor.parent.name if actor.parent_id else None}
    actor.parent = parent
    actor.save(update_fields=["parent", "updated_at"])
    audit_record(user=user, action="actor_set_parent", obj=actor, before=before,
                 after={"parent": parent.name if parent else None})
    return actor


ACTOR_DETAILS = ("kind", "country", "wikidata_id", "is_reviewed")


def actor_details(actor: Actor) -> dict:
    return {field: getattr(actor, field) for field in ACTOR_DETAILS}


@transaction.atomic
def actor_set_details(*, actor: Actor, details: dict, user, expected: dict) -> Actor:
    """Kind, country, Wikidata id and whether an editor has checked the actor. `expected`: the
    values the editor's page showed, so a change saved meanwhile is not overwritten."""
    actor = _locked(actor)
    before = actor_details(actor)
    if before != expected:
        raise ActorChangedMeanwhile(actor, "details")
    after = {**before, **details}
    if after == before:
        return actor
    for field, value in after.items():
        setattr(actor, field, value)
    actor.full_clean(exclude=["name", "parent", "merged_into", "description"])
    actor.save(update_fields=[*ACTOR_DETAILS, "updated_at"])
    changed = [field for field in ACTOR_DETAILS if before[field] != after[field]]
    audit_record(user=user, action="actor_set_details", obj=actor,
                 before={field: before[field] for field in changed}, after={field: after[field] for field in changed})
    return actor


@transaction.atomic
def actor_merge(*, source: Actor, target: Actor, user) -> Actor:
    """Fold `source` into `target`: aliases, attributions, claims and children move; the source
    keeps its row (merged_into set) so old links and the audit trail still lead somewhere."""
    if source.pk == target.pk:
        raise ValidationError({"target": "An actor cannot be merged into itself."})
    # Both rows locked (in id order, so two merges never wait on each other in a circle) and read
    # again: a merge someone finished meanwhile is seen here instead of being overwritten.
    locked = {actor.pk: actor for actor in Actor.objects.select_for_update().filter(pk__in=[source.pk, target.pk]).order_by("pk")}
    source, target = locked[source.pk], locked[target.pk]
    if target.merged_into_id is not None or source.merged_into_id is not None:
        raise ValidationError({"target": "Merged actors cannot be merged again: use the actor they were merged into."})
    moved_aliases = []
    for alias in source.aliases.all():
        if _has_alias(target, alias.alias):
            alias.delete()
        else:
            alias.actor = target
            alias.save(update_fields=["actor"])
            moved_aliases.append(alias.alias)
    if not _has_alias(target, source.name):
        ActorAlias.objects.create(actor=target, alias=source.name)
    attributions = Attribution.objects.filter(actor=source).update(actor=target)
    Attribution.objects.filter(via=source).update(via=target)
    claims = Claim.objects.filter(actor=source).update(actor=target)
    Evidence.objects.filter(source_actor=source).update(source_actor=target)
    Actor.objects.filter(Q(parent=source) & ~Q(pk=target.pk)).update(parent=target)
    if target.parent_id == source.pk:
        target.parent_id = source.parent_id
        target.save(update_fields=["parent", "updated_at"])
    Actor.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    details = {"merged": source.name, "aliases_moved": moved_aliases, "attributions_moved": attributions, "claims_moved": claims}
    audit_record(user=user, action="actor_merge", obj=target, before={}, after=details)
    audit_record(user=user, action="actor_merged_into", obj=source, before={"merged_into": None},
                 after={"merged_into": target.name})
    return target
