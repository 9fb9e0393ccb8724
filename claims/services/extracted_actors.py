"""Turn the extractor's actors into Actor rows.

A known actor (from the gazetteer) is found by name. An unknown one with a name (a titled
person, an organisation the gazetteer lacks) becomes a new Actor with is_reviewed=False so it
shows up for an editor, instead of being dropped. Merged actors resolve to the actor they were
merged into.
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models.functions import Upper

from claims.extraction import ExtractedActor
from claims.extraction.actors import PRONOUNS
from claims.models import Actor
from claims.services.gazetteer_sync import actor_kind_for

_NAME_LENGTH = Actor._meta.get_field("name").max_length
_COUNTRY_LENGTH = Actor._meta.get_field("country").max_length


class ActorResolver:
    """Resolves names within one extraction run, each name looked up once."""

    def __init__(self) -> None:
        self._by_name: dict[str, Actor | None] = {}

    def resolve(self, extracted: ExtractedActor | None) -> Actor | None:
        name = self._name(extracted)
        if name is None:
            return None
        key = name.lower()
        if key not in self._by_name:
            self._by_name[key] = self._find(name) or self._create(extracted, name)
        return self._by_name[key]

    def resolve_all(self, extracted: Iterable[ExtractedActor | None]) -> None:
        """Resolve many actors (an article's) with one query for those that exist; resolve() then
        answers from memory. A name the query misses is looked up (or created) one by one."""
        extracted = [actor for actor in extracted if self._name(actor) is not None]
        wanted = {self._name(actor).upper() for actor in extracted} - {key.upper() for key in self._by_name}
        found: dict[str, Actor] = {}
        for actor in Actor.objects.annotate(upper_name=Upper("name")).filter(upper_name__in=wanted).order_by("pk"):
            found.setdefault(actor.name.lower(), actor)
        for key, actor in found.items():
            if actor.merged_into_id is None:  # a merged one is followed to its target by _find
                self._by_name.setdefault(key, actor)
        for actor in extracted:
            self.resolve(actor)

    @staticmethod
    def _name(extracted: ExtractedActor | None) -> str | None:
        if extracted is None:
            return None
        name = " ".join(extracted.name.split())[:_NAME_LENGTH]
        # An unresolved pronoun, or a person or group only described ("a spokesperson", "residents"), names
        # nobody in particular: one shared Actor for every "spokesperson" would tie unrelated claims together.
        # The attribution keeps the mention for an editor to resolve. A body the text names ("the national rail
        # operator", "the dockworkers' union") becomes an unreviewed actor named as the text names it.
        if not name or name.lower() in PRONOUNS:
            return None
        if not extracted.known and name == name.lower():
            if extracted.kind in ("person", "group") or " " not in name:
                return None  # "spokesperson", "residents", a lone "group": nobody in particular
            return name[0].upper() + name[1:]
        return name

    def _find(self, name: str) -> Actor | None:
        actor = Actor.objects.filter(name__iexact=name).first()
        seen = set()
        while actor is not None and actor.merged_into_id and actor.pk not in seen:
            seen.add(actor.pk)
            actor = Actor.objects.filter(pk=actor.merged_into_id).first()
        return actor

    def _create(self, extracted: ExtractedActor, name: str) -> Actor:
        parent = self._find(extracted.parent) if extracted.parent else None
        try:
            with transaction.atomic():
                return Actor.objects.create(
                    name=name,
                    kind=actor_kind_for(extracted.kind),
                    parent=parent,
                    country=(extracted.country or "")[:_COUNTRY_LENGTH],
                    is_reviewed=False,
                )
        except IntegrityError:
            # Another worker created it between our lookup and insert.
            return self._find(name)
