"""Finding actors by what people type: names and aliases, tolerant of spelling on PostgreSQL."""

from django.conf import settings
from django.db.models import Q, QuerySet

from claims.models import Actor, ActorAlias

SUGGESTION_LIMIT = 10
FUZZY_MIN_LENGTH = 4  # shorter queries share trigrams with too many names to be useful


def actor_suggestions(query: str, *, limit: int = SUGGESTION_LIMIT) -> list[Actor]:
    """Actors whose name or an alias matches `query`: prefix matches first, then close spellings.

    On PostgreSQL, trigram similarity (pg_trgm, indexed) also finds "Zelensky" for "Zelenskyy";
    on SQLite a plain case-insensitive substring match is used.
    """
    query = " ".join(query.split())[:100]
    if not query:
        return []
    live = Actor.objects.filter(merged_into__isnull=True)
    matched = list(
        live.filter(Q(name__istartswith=query) | Q(aliases__alias__istartswith=query)).distinct().order_by("name")[:limit]
    )
    if len(matched) < limit and len(query) >= FUZZY_MIN_LENGTH:
        seen = {actor.pk for actor in matched}
        matched += [a for a in _close_matches(live, query, limit) if a.pk not in seen][: limit - len(matched)]
    return matched


def _close_matches(actors: QuerySet, query: str, limit: int) -> list[Actor]:
    if not settings.USING_POSTGRES:
        return list(actors.filter(Q(name__icontains=query) | Q(aliases__alias__icontains=query)).distinct()[:limit])
    from django.contrib.postgres.search import TrigramWordSimilarity

    by_name = actors.annotate(score=TrigramWordSimilarity(query, "name")).filter(score__gte=0.3)
    alias_actor_ids = (
        ActorAlias.objects.annotate(score=TrigramWordSimilarity(query, "alias"))
        .filter(score__gte=0.3)
        .order_by("-score")
        .values("actor_id")[:limit]
    )
    ranked = list(by_name.order_by("-score", "name")[:limit])
    ranked += [a for a in actors.filter(pk__in=alias_actor_ids) if a not in ranked]
    return ranked[:limit]


def actor_with_descendants_ids(actor: Actor, *, max_depth: int = 5) -> list[int]:
    """The actor and its children, grandchildren, ... ("Russia" with its ministries)."""
    ids, frontier = [actor.pk], [actor.pk]
    for _ in range(max_depth):
        frontier = list(Actor.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        if not frontier:
            break
        ids += frontier
    return ids


def actor_by_name(name: str) -> Actor | None:
    """The live actor an editor means by `name`: its exact name, else an alias only one actor has.

    A merged actor's name leads to the actor it was merged into.
    """
    name = " ".join(name.split())
    if not name:
        return None
    actor = Actor.objects.filter(name__iexact=name).select_related("merged_into").first()
    if actor is None:
        by_alias = list(Actor.objects.filter(aliases__alias__iexact=name, merged_into__isnull=True).distinct()[:2])
        actor = by_alias[0] if len(by_alias) == 1 else None
    while actor is not None and actor.merged_into_id is not None:
        actor = actor.merged_into
    return actor
