"""The gazetteer lives in the database, where editors can change it; the extractor reads a
snapshot of it.

Two directions: `gazetteer_load_starter()` adds the starter list shipped with the extractor
(claims/extraction/data/gazetteer.json) to the Actor and ActorAlias tables, and
`gazetteer_from_database()` builds the extractor's Gazetteer from those tables.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from django.db import connection, transaction
from django.db.models import Q

from claims.extraction.gazetteer import ActorRecord, Gazetteer
from claims.models import Actor, ActorAlias, AuditEntry
from claims.services.audit import audit_record

GAZETTEER_LOAD_ACTION = "gazetteer_load"

# The extractor names kinds more finely than the Actor model; anything unlisted is OTHER.
_ACTOR_KIND_BY_EXTRACTED_KIND = {
    "person": Actor.Kind.PERSON,
    "government": Actor.Kind.GOVERNMENT,
    "ministry": Actor.Kind.MINISTRY,
    "military": Actor.Kind.MILITARY,
    "armed group": Actor.Kind.MILITARY,
    "agency": Actor.Kind.AGENCY,
    "media": Actor.Kind.OUTLET,
    "outlet": Actor.Kind.OUTLET,
    "organization": Actor.Kind.ORGANISATION,
    "organisation": Actor.Kind.ORGANISATION,
    "international organization": Actor.Kind.ORGANISATION,
    "ngo": Actor.Kind.ORGANISATION,
    "think tank": Actor.Kind.ORGANISATION,
    "court": Actor.Kind.ORGANISATION,
}
_EXTRACTED_KIND_BY_ACTOR_KIND = {Actor.Kind.OUTLET: "media", Actor.Kind.ORGANISATION: "organization"}


def actor_kind_for(extracted_kind: str) -> str:
    return _ACTOR_KIND_BY_EXTRACTED_KIND.get(extracted_kind, Actor.Kind.OTHER)


@dataclass
class GazetteerLoadResult:
    actors_created: list[str] = field(default_factory=list)
    aliases_added: int = 0
    skipped_deleted: int = 0  # loaded once, since deleted by an editor: not brought back


def _previous_loads() -> tuple[dict[str, int], set[tuple[str, str]]]:
    """What earlier loads added, read from the audit trail: starter name -> actor id, and the
    (starter name, alias) pairs. An editor may since have renamed, deleted or trimmed them."""
    actor_ids: dict[str, int] = {}
    aliases: set[tuple[str, str]] = set()
    for entry in AuditEntry.objects.filter(action=GAZETTEER_LOAD_ACTION, object_type="actor").order_by("id"):
        name = entry.after.get("starter_name", "")
        actor_ids.setdefault(name, entry.object_id)
        aliases.update((name, alias.lower()) for alias in entry.after.get("aliases", []))
    return actor_ids, aliases


@transaction.atomic
def gazetteer_load_starter(*, records: Iterable[ActorRecord]) -> GazetteerLoadResult:
    """Add the starter actors and aliases that are missing; never change what is there.

    Safe to run any number of times. What an editor changed wins: an existing actor's fields are
    left alone, and an actor or alias that an earlier load added and an editor then deleted (or
    renamed) is not brought back, because each load is recorded in the audit trail.
    """
    records = list(records)
    result = GazetteerLoadResult()
    loaded_ids, loaded_aliases = _previous_loads()
    existing_ids = set(Actor.objects.filter(pk__in=loaded_ids.values()).values_list("pk", flat=True))
    actor_by_name: dict[str, Actor] = {}
    created: set[str] = set()
    for record in records:
        if record.name in loaded_ids:
            if loaded_ids[record.name] not in existing_ids:
                result.skipped_deleted += 1
                continue
            actor = Actor.objects.get(pk=loaded_ids[record.name])
        else:
            actor = Actor.objects.filter(name__iexact=record.name).first()
            if actor is None:
                actor = Actor.objects.create(
                    name=record.name, kind=actor_kind_for(record.kind), country=record.country or "",
                    wikidata_id=record.wikidata or "", is_reviewed=True,
                )
                created.add(record.name)
                result.actors_created.append(record.name)
        actor_by_name[record.name] = actor
    for record in records:
        actor = actor_by_name.get(record.name)
        if actor is None:
            continue
        if record.name in created and record.parent and record.parent in actor_by_name:
            actor.parent = actor_by_name[record.parent]
            actor.save(update_fields=["parent", "updated_at"])
        added = _add_missing_aliases(actor=actor, record=record, loaded_aliases=loaded_aliases, result=result)
        if record.name in created or added:
            audit_record(
                user=None, action=GAZETTEER_LOAD_ACTION, obj=actor,
                after={"starter_name": record.name, "created": record.name in created, "aliases": added},
            )
    return result


def _add_missing_aliases(
    *, actor: Actor, record: ActorRecord, loaded_aliases: set[tuple[str, str]], result: GazetteerLoadResult
) -> list[str]:
    present = {alias.lower() for alias in actor.aliases.values_list("alias", flat=True)}
    present.add(actor.name.lower())  # the name needs no alias row
    added = []
    for alias in record.aliases:
        key = alias.lower()
        if key in present:
            continue
        present.add(key)
        if (record.name, key) in loaded_aliases:
            result.skipped_deleted += 1
            continue
        ActorAlias.objects.create(actor=actor, alias=alias)
        added.append(alias)
    result.aliases_added += len(added)
    return added


# Database -> extractor ---------------------------------------------------------------------

_cached: tuple[tuple, Gazetteer] | None = None


def _gazetteer_state() -> tuple:
    """Changes whenever a gazetteer actor or an alias is added, edited or deleted (alias edits
    delete and add: editors have no change permission on aliases). Unreviewed actors are left
    out, so the extractor creating them does not force a rebuild."""
    with connection.cursor() as cursor:
        cursor.execute(*_gazetteer_state_statement())
        return cursor.fetchone()


@cache
def _gazetteer_state_statement() -> tuple[str, tuple]:
    """_gazetteer_state's one statement, built once per process: it runs before every article is
    extracted, and building two ORM aggregates each time cost more than running them."""
    actors, params = _gazetteer_actors().order_by().values("id", "updated_at").query.sql_with_params()
    aliases = connection.ops.quote_name(ActorAlias._meta.db_table)
    return (
        f"SELECT * FROM (SELECT COUNT(*), MAX(updated_at) FROM ({actors}) AS actors) AS actor_state, "
        f"(SELECT COUNT(*), MAX(id) FROM {aliases}) AS alias_state",
        params,
    )


def _gazetteer_actors():
    return Actor.objects.filter(Q(is_reviewed=True) | Q(merged_into__isnull=False))


def gazetteer_from_database() -> Gazetteer:
    """The extractor's gazetteer: reviewed actors with their aliases, in the order they were added
    (the extractor prefers the first record when an alias is shared). Actors merged into another
    lend their names and aliases to it. Rebuilt only when the tables changed."""
    global _cached
    state = _gazetteer_state()
    if _cached is not None and _cached[0] == state:
        return _cached[1]
    actors = {actor.pk: actor for actor in _gazetteer_actors().select_related("parent").order_by("pk")}
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in ActorAlias.objects.order_by("pk").values_list("actor_id", "alias"):
        aliases.setdefault(actor_id, []).append(alias)
    for actor in actors.values():
        target = _merge_target(actor, actors)
        if target is not actor:
            aliases.setdefault(target.pk, []).extend([actor.name, *aliases.pop(actor.pk, [])])
    records = [
        ActorRecord(
            name=actor.name,
            kind=_EXTRACTED_KIND_BY_ACTOR_KIND.get(actor.kind, actor.kind),
            parent=actor.parent.name if actor.parent else None,
            country=actor.country or None,
            aliases=tuple(aliases.get(actor.pk, ())),
            wikidata=actor.wikidata_id or None,
        )
        for actor in actors.values()
        if actor.is_reviewed and actor.merged_into_id is None
    ]
    gazetteer = Gazetteer.from_records(records)
    _cached = (state, gazetteer)
    return gazetteer


def _merge_target(actor: Actor, actors: dict[int, Actor]) -> Actor:
    seen = set()
    while actor.merged_into_id and actor.merged_into_id in actors and actor.pk not in seen:
        seen.add(actor.pk)
        actor = actors[actor.merged_into_id]
    return actor
