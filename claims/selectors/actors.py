"""Finding actors by what people type (names and aliases, tolerant of spelling on PostgreSQL),
and listing them for clean-up."""

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, QuerySet

from claims.models import Actor, ActorAlias

SUGGESTION_LIMIT = 10
FUZZY_MIN_LENGTH = 4  # shorter queries share trigrams with too many names to be useful


def actor_suggestions(query: str, *, limit: int = SUGGESTION_LIMIT) -> list[Actor]:
    """Actors whose name or an alias matches `query`: prefix matches first, then close spellings.

    On PostgreSQL, trigram word similarity also finds "Zelenskyy" for "Zelenski"; on SQLite a
    plain case-insensitive substring match is used. Names and aliases are searched in separate
    queries so that each can use its trigram index (an OR across the alias join cannot).
    """
    query = " ".join(query.split())[:100]
    if not query:
        return []
    matched = _live_actors_in_order(
        Actor.objects.filter(name__istartswith=query).order_by("name").values_list("pk", flat=True)[:limit],
        ActorAlias.objects.filter(alias__istartswith=query).order_by("alias").values_list("actor_id", flat=True)[:limit],
    )
    if len(matched) < limit and len(query) >= FUZZY_MIN_LENGTH:
        seen = {actor.pk for actor in matched}
        matched += [a for a in _close_matches(query, limit) if a.pk not in seen]
    return matched[:limit]


def _close_matches(query: str, limit: int) -> list[Actor]:
    if not settings.USING_POSTGRES:
        return _live_actors_in_order(
            Actor.objects.filter(name__icontains=query).values_list("pk", flat=True)[:limit],
            ActorAlias.objects.filter(alias__icontains=query).values_list("actor_id", flat=True)[:limit],
        )
    from django.contrib.postgres.search import TrigramWordSimilarity

    # trigram_word_similar is the %> operator its trigram index serves; the similarity only
    # orders the few hits. The planner underestimates word_similarity() per row and would scan
    # a few thousand actors instead, several times slower, so it is told not to, for this query.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return _live_actors_in_order(
            Actor.objects.filter(name__trigram_word_similar=query)
            .annotate(score=TrigramWordSimilarity(query, "name"))
            .order_by("-score", "name")
            .values_list("pk", flat=True)[:limit],
            ActorAlias.objects.filter(alias__trigram_word_similar=query)
            .annotate(score=TrigramWordSimilarity(query, "alias"))
            .order_by("-score", "alias")
            .values_list("actor_id", flat=True)[:limit],
        )


def _live_actors_in_order(*id_queries) -> list[Actor]:
    """The actors the id queries name, in their order, merged actors left out."""
    ordered_ids = list(dict.fromkeys(pk for ids in id_queries for pk in ids))
    actors = Actor.objects.filter(pk__in=ordered_ids, merged_into__isnull=True).in_bulk()
    return [actors[pk] for pk in ordered_ids if pk in actors]


def actor_with_descendants_ids(actor: Actor, *, max_depth: int = 5) -> list[int]:
    """The actor and its children, grandchildren, ... ("Russia" with its ministries).

    One recursive query rather than one per generation: a government has hundreds of descendants.
    """
    table = Actor._meta.db_table
    if connection.vendor == "postgresql":
        # PostgreSQL expects a generation of a few actors and would hash the whole table to find
        # their children (6 ms); the fenced LATERAL looks each one up in the parent index (1.7 ms).
        children = f"family CROSS JOIN LATERAL (SELECT id FROM {table} WHERE parent_id = family.id OFFSET 0) child"
    else:
        children = f"{table} child JOIN family ON child.parent_id = family.id"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE family (id, depth) AS (
                SELECT id, 0 FROM {table} WHERE id = %s
                UNION ALL
                SELECT child.id, family.depth + 1 FROM {children} WHERE family.depth < %s
            )
            SELECT DISTINCT id FROM family
            """,
            [actor.pk, max_depth],
        )
        return [actor_id for (actor_id,) in cursor.fetchall()]


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


ACTOR_LIST_PAGE_SIZE = 100


def actors_for_cleanup() -> QuerySet:
    """Every live actor with its claim count: the extractor's unchecked ones first, busiest first,
    so an editor can clean them up in one sitting."""
    return (
        Actor.objects.filter(merged_into__isnull=True)
        .annotate(claim_count=Count("claims"))
        .order_by("is_reviewed", "-claim_count", "name")
    )
