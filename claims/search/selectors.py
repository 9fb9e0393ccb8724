"""Reads behind the search page, its exports, saved searches and the JSON API: one filter, one order."""

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache, reduce
from operator import or_

from django.conf import settings
from django.db import connection, models
from django.db.models import DateField, Exists, Expression, F, FloatField, Func, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Replace
from django.utils.safestring import SafeString

from claims.models import Actor, Attribution, Claim, Quantity, SavedSearch
from claims.search.highlight import START, STOP, mark_terms, render_marked, without_markers
from claims.search.pagination import (
    DATE, RANKED, RELEVANCE, RELEVANT_RECENT, Cursor, keyset_page, newest_first, ranked_page_closer_than,
)
from claims.search.rum import rum_ranking
from claims.search.textquery import parse_websearch
from claims.selectors.actors import actor_by_name, actor_suggestions, actor_with_descendants_ids
from sources.models import Outlet

SEARCH_CONFIG = "english"  # the text search configuration the search_vector migration indexes with
COUNT_CAP = 1_000  # counting every match of a common word costs more than the page itself
# Without the RUM index, pages sorted by relevance rank the most recently stored matches only:
# ranking reads every ranked row's vector, so ranking all 150,000 matches of a common word took ~800 ms.
# "Relevant and recent" weighs this many of the newest matches (by asserted date), read from the date index.
RELEVANCE_WINDOW = 1_000
# A one-word query ranks no claim outside claim_search_vector_strong_rum_idx closer than this; the index's
# predicate says the same number (claims/0018).
STRONG_WORD_DISTANCE = 1.49
RECENCY_HALF_LIFE_DAYS = 90  # "relevant and recent": a match this many days older must be twice as relevant


@dataclass(frozen=True)
class ClaimSearch:
    text: str = ""
    actor: Actor | None = None
    include_children: bool = False
    date_from: date | None = None
    date_to: date | None = None
    verdicts: tuple[str, ...] = ()
    review_states: tuple[str, ...] = ()
    outlet: Outlet | None = None
    has_quantity: bool = False
    noun: str = ""
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    sort: str = DATE  # or RELEVANCE, RELEVANT_RECENT
    created_after: datetime | None = None

    @property
    def effective_sort(self) -> str:
        """Ranking needs text to rank by and PostgreSQL's ranking; otherwise newest first."""
        return self.sort if self.sort in RANKED and self.text and settings.USING_POSTGRES else DATE


@dataclass
class SearchRow:
    claim: Claim
    sentence_html: SafeString
    outlet_name: str = ""
    article_url: str = ""


@dataclass
class SearchResults:
    rows: list[SearchRow]
    total: int | None  # None when the caller asked for no count (the page loads it separately)
    total_is_lower_bound: bool
    next_cursor: Cursor | None


def actor_named(text: str) -> tuple[Actor | None, list[Actor]]:
    """The actor a person typed: its name or alias, else the one close match.

    Returns (actor, []) when one actor fits and (None, candidates) otherwise.
    """
    actor = actor_by_name(text)
    if actor:
        return actor, []
    candidates = actor_suggestions(text, limit=6)
    return (candidates[0], []) if len(candidates) == 1 else (None, candidates)


def _text_query(text: str):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def _sentence_mentions(term: str) -> Q:
    return Q(text__icontains=term) | Q(Exists(Attribution.objects.filter(claim=OuterRef("pk"), sentence__icontains=term)))


class PostgresOnlyColumn(Expression):
    """A claims_claim column only a PostgreSQL migration adds (search_vector, outlet_ids), so not a model field.

    Unlike RawSQL it follows its table's alias when the query becomes a subquery.
    """

    def __init__(self, name: str, output_field, alias: str = Claim._meta.db_table):
        super().__init__(output_field=output_field)
        self.name, self.alias = name, alias

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        column = self.copy()
        column.alias = query.get_initial_alias() if query is not None else self.alias
        return column

    def relabeled_clone(self, change_map):
        column = self.copy()
        column.alias = change_map.get(self.alias, self.alias)
        return column

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.{self.name}", []


def _search_vector() -> PostgresOnlyColumn:
    from django.contrib.postgres.search import SearchVectorField

    return PostgresOnlyColumn("search_vector", SearchVectorField())


class RumDistance(Func):
    """RUM's `search_vector <=> query` (1 / its rank): in this exact form, ORDER BY reads the index in rank order."""

    template = "(%(expressions)s)"
    arg_joiner = " <=> "
    output_field = FloatField()


class InverseRank(Func):
    """1 / ts_rank, the distance where RUM is missing: the same order as RUM's, best first, and like
    RUM's a float4, so pagination compares both the same way (see claims.search.pagination.Real)."""

    template = "(1 / greatest(%(expressions)s, 1e-6))::real"
    output_field = FloatField()


class RecencyWeighted(Func):
    """A distance times (1 + the match's age in days / RECENCY_HALF_LIFE_DAYS), for "relevant and recent"."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        distance, day = (compiler.compile(expression) for expression in self.source_expressions)
        sql = f"(({distance[0]}) * (1 + greatest(CURRENT_DATE - ({day[0]}), 0) / {float(RECENCY_HALF_LIFE_DAYS)}))::real"
        return sql, [*distance[1], *day[1]]


def _filter_text(claims: QuerySet, text: str) -> QuerySet:
    if settings.USING_POSTGRES:
        return claims.alias(search_vector=_search_vector()).filter(search_vector=_text_query(text))
    parsed = parse_websearch(text)
    for group in parsed.groups:
        claims = claims.filter(reduce(or_, map(_sentence_mentions, group)))
    for term in parsed.excluded:
        claims = claims.exclude(_sentence_mentions(term))
    return claims


def _may_hold_phrase(text: str) -> bool:
    """Whether `text` has a quoted run of words or words joined by punctuation, which PostgreSQL may read as a phrase."""
    return any(re.search(r"\s|\w[^\w\s]+\w", term) for term in parse_websearch(text).terms)


@lru_cache(maxsize=1024)
def _parsed(text: str) -> str:
    """PostgreSQL's reading of `text` (websearch_to_tsquery as text), asked once per text and process: it drops
    stop words by its own list, so '"shot down"' reads as plain 'shot', which RUM ranks in its index (ranking
    its 83,000 matches outside the index, as a phrase, took 210 ms)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s, %s)::text", [SEARCH_CONFIG, text])
        return cursor.fetchone()[0]


def _has_phrase(text: str) -> bool:
    """Whether PostgreSQL's reading of `text` holds a phrase operator (<-> or <N>)."""
    return _may_hold_phrase(text) and re.search(r" <(-|[0-9]+)> ", _parsed(text)) is not None


def _any_of_words(text: str) -> int:
    """How many words `text` asks for any one of, when PostgreSQL reads it as single lexemes joined by OR, with
    words to exclude ("drones", "drones OR missiles", "troops -Kursk"); 0 for anything else (AND, phrases).
    A lone run of letters and digits is one token to PostgreSQL's parser; a quoted phrase may read as one
    word once its stop words are dropped."""
    parsed = parse_websearch(text)
    if len(parsed.groups) != 1 or not all(re.fullmatch(r"[^\W_]+", term) for term in parsed.excluded):
        return 0
    if all(re.fullmatch(r"[^\W_]+", term) for term in parsed.terms):
        return len(parsed.terms)
    if not parsed.excluded and _may_hold_phrase(text) and re.fullmatch(r"'(?:[^']|'')*'", _parsed(text)):
        return 1
    return 0


def _distance(text: str) -> Func:
    """How far a match is from the query, smaller for better matches."""
    if rum_ranking():
        if _has_phrase(text):
            # RUM's index returns phrase matches unranked (in storage order), so these rank by the same
            # function outside the index; phrases match few claims.
            return Func(_search_vector(), _text_query(text), function="rum_ts_distance", output_field=FloatField())
        return RumDistance(_search_vector(), _text_query(text))
    from django.contrib.postgres.search import SearchRank

    return InverseRank(SearchRank(_search_vector(), _text_query(text)))


def _recency_weighted(text: str) -> Func:
    return RecencyWeighted(_distance(text), Coalesce("asserted_on", Cast("created_at", DateField())))


def _ranked(claims: QuerySet, search: ClaimSearch) -> QuerySet:
    """`claims` with the `distance` the search's sort orders by."""
    if search.effective_sort == RELEVANT_RECENT:
        return claims.annotate(distance=_recency_weighted(search.text))
    return claims.annotate(distance=_distance(search.text))


def quantity_noun_forms(noun: str) -> list[str]:
    """The counted noun as the extractor stores it (lower case), singular or plural."""
    noun = noun.lower()
    forms = {noun, noun + "s"}
    if noun.endswith("s"):
        forms.add(noun[:-1])
    return sorted(forms)


def _filter_reported_by(claims: QuerySet, outlet: Outlet, *, with_text: bool) -> QuerySet:
    """Claims any of whose reports is from `outlet`: a claim first reported by one outlet and repeated
    by another matches both. With text on PostgreSQL, the outlets kept on the claim row, indexed with
    the text (claim_text_outlets_idx); otherwise each claim probes attribution_outlet_claim_idx, whose
    (outlet, claim) order also counts an outlet's claims by merge without reading them."""
    if with_text and settings.USING_POSTGRES:
        from django.contrib.postgres.fields import ArrayField

        outlets = PostgresOnlyColumn("outlet_ids", ArrayField(models.BigIntegerField()))
        return claims.alias(outlet_ids=outlets).filter(outlet_ids__contains=[outlet.pk])
    return claims.filter(Exists(Attribution.objects.filter(outlet=outlet, claim=OuterRef("pk"))))


def claims_matching(search: ClaimSearch) -> QuerySet:
    claims = Claim.objects.all()
    if search.text:
        claims = _filter_text(claims, search.text)
    if search.actor:
        if search.include_children:
            claims = claims.filter(actor_id__in=actor_with_descendants_ids(search.actor))
        else:
            claims = claims.filter(actor=search.actor)
    if search.date_from:
        claims = claims.filter(asserted_on__gte=search.date_from)
    if search.date_to:
        claims = claims.filter(asserted_on__lte=search.date_to)
    if search.verdicts:
        claims = claims.filter(verdict__in=search.verdicts)
    if search.review_states:
        claims = claims.filter(review_state__in=search.review_states)
    if search.outlet:
        claims = _filter_reported_by(claims, search.outlet, with_text=bool(search.text))
    if search.has_quantity or search.noun or search.value_min is not None or search.value_max is not None:
        quantities = Quantity.objects.filter(claim=OuterRef("pk"))
        if search.noun:
            quantities = quantities.filter(noun__in=quantity_noun_forms(search.noun))
        if search.value_min is not None:
            quantities = quantities.filter(value__gte=search.value_min)
        if search.value_max is not None:
            quantities = quantities.filter(value__lte=search.value_max)
        claims = claims.filter(Exists(quantities))
    if search.created_after:
        claims = claims.filter(created_at__gt=search.created_after)
    return claims


def _strong_words_read(search: ClaimSearch) -> QuerySet:
    """One word's strong matches, ranked: the claims where that word is strong, read from claims_claim.strong_words
    (claims/0019), which gives the distance the whole vector gives. It applies the search's other filters
    itself: the text filter on search_vector made the planner intersect both indexes and rank outside them
    (97 ms for drones instead of 18). Only a word to exclude needs search_vector, as strong_words lacks the
    weak words; a negated condition stays a filter on the rows read."""
    from django.contrib.postgres.search import SearchVectorField

    strong_words = PostgresOnlyColumn("strong_words", SearchVectorField())
    query = _text_query(search.text)
    strong = claims_matching(replace(search, text="")).alias(strong_words=strong_words).filter(strong_words=query)
    excluded = parse_websearch(search.text).excluded
    if excluded:
        strong = strong.alias(search_vector=_search_vector()).exclude(search_vector=_text_query(" OR ".join(excluded)))
    return strong.annotate(distance=RumDistance(strong_words, query)).select_related("actor")


def _strong_claims_read(search: ClaimSearch, claims: QuerySet) -> QuerySet:
    """The matches among claim_search_vector_strong_rum_idx's claims (claims/0018), those with any strong word."""
    return claims_to_page(search, claims).alias(
        best_word_distance=PostgresOnlyColumn("best_word_distance", FloatField())
    ).filter(best_word_distance__lt=STRONG_WORD_DISTANCE)


def _strong_reads(search: ClaimSearch, claims: QuerySet) -> list[tuple[QuerySet, float]]:
    """Where a page by relevance for words may be read whole, narrowest first, each with the distance within
    which its page is exact: no claim outside the read comes closer. `claims` is claims_matching(search).

    RUM scores a word by its positions, sum(weight / (i + 1)^2) / 1.645, under 1 even at every position with
    weight A (claims_claim.search_vector's highest), and an OR of words as the sum of their scores; a word
    to exclude is absent from every match.
    - One word: a claim where it is not strong is at least STRONG_WORD_DISTANCE from it.
    - n words, OR: a claim with no strong word is under n / STRONG_WORD_DISTANCE in score; one lacking a word
      is under n - 1. So the strong claims holding every word come first, within both bounds (290 claims for
      drones OR missiles at a million claims, against 60,924 strong claims holding either), then all strong
      claims, within the first.
    """
    if search.effective_sort != RELEVANCE or not rum_ranking():
        return []
    words = _any_of_words(search.text)
    if words == 1:
        return [(_strong_words_read(search), STRONG_WORD_DISTANCE)]
    if not words:
        return []
    strong_claims = _strong_claims_read(search, claims)
    every_word = " ".join(parse_websearch(search.text).terms)
    holding_every_word = strong_claims.alias(search_vector=_search_vector()).filter(search_vector=_text_query(every_word))
    return [
        (holding_every_word, min(STRONG_WORD_DISTANCE / words, 1 / (words - 1))),
        (strong_claims, STRONG_WORD_DISTANCE / words),
    ]


def claims_page(search: ClaimSearch, claims: QuerySet, *, cursor: Cursor | None, size: int) -> tuple[list, Cursor | None]:
    """keyset_page over claims_to_page. RUM ranks every match to give the best few (0.7 µs a match), so a
    page by relevance for words is first looked for among the strong matches (_strong_reads), a fraction of
    them: when it is there in full and within the read's bound, no claim outside could rank inside it."""
    for strong, bound in _strong_reads(search, claims):
        page = ranked_page_closer_than(strong, bound=bound, cursor=cursor, size=size)
        if page is not None:
            return page
    return keyset_page(claims_to_page(search, claims), sort=search.effective_sort, cursor=cursor, size=size,
                       index_ordered=not _ranks_a_window(search))


def _ranks_a_window(search: ClaimSearch) -> bool:
    """Whether the page ranks a window of matches ("relevant and recent", or relevance without RUM)
    rather than reading every match from the RUM index in rank order."""
    sort = search.effective_sort
    return sort == RELEVANT_RECENT or (sort == RELEVANCE and not rum_ranking())


def claims_to_page(search: ClaimSearch, claims: QuerySet) -> QuerySet:
    """What keyset_page reads for `search`: the matches by date; by relevance every match, read from the
    RUM index in rank order. "Relevant and recent" weighs the RELEVANCE_WINDOW newest matches (its blend
    ranks a match a year older level only if it is five times as relevant, so the best of the newest are
    what it shows), and without RUM relevance weighs the most recently stored (by id, which its index
    yields in order).

    By date, actors come in a second query for the page's claims: joined before the LIMIT, the planner
    sometimes hashed all 20,000 actors to name a few hundred candidate claims.
    """
    sort = search.effective_sort
    if _ranks_a_window(search):
        # The window's ids are read first, walking the date or id index, and then ranked.
        if sort == RELEVANT_RECENT:
            window_ids = newest_first(claims.values_list("pk", flat=True), None, RELEVANCE_WINDOW)
        else:
            window_ids = list(claims.order_by("-id").values_list("pk", flat=True)[:RELEVANCE_WINDOW])
        claims = _ranked(Claim.objects.filter(pk__in=window_ids), search)
    elif sort == RELEVANCE:
        claims = _ranked(claims, search)
    if sort in RANKED:
        # A ranked page reads its chosen rows by id, where joining their actors costs nothing.
        return claims.select_related("actor")
    return claims.prefetch_related("actor")


def claims_in_order(search: ClaimSearch) -> QuerySet:
    """Every match in the page's order, for exports; an export ranks all matches, not only a window."""
    claims = claims_matching(search)
    if search.effective_sort in RANKED:
        return _ranked(claims, search).order_by("distance", "-id")
    return claims.order_by(F("asserted_on").desc(nulls_last=True), "-id")


def count_capped(claims: QuerySet, *, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """The number of matches, counting no further than `cap`; True when there are more."""
    total = claims.order_by()[: cap + 1].count()
    return min(total, cap), total > cap


def first_attributions(claim_ids: list[int], *, text: str = "", using: str | None = None) -> dict[int, dict]:
    """Each claim's first attribution (sentence, outlet, article URL); "marked" wraps the matches in markers."""
    attributions = Attribution.objects.db_manager(using).filter(claim_id__in=claim_ids).order_by(
        "claim_id", F("asserted_on").asc(nulls_last=True), "id"
    )
    columns = ["claim_id", "sentence", "passage__article__url", "passage__article__outlet__name"]
    if text and settings.USING_POSTGRES:
        from django.contrib.postgres.search import SearchHeadline

        clean = Replace(Replace(F("sentence"), Value(START), Value("")), Value(STOP), Value(""))
        attributions = attributions.annotate(
            marked=SearchHeadline(
                clean, _text_query(text), config=SEARCH_CONFIG, start_sel=START, stop_sel=STOP, highlight_all=True
            )
        )
        columns.append("marked")
    terms = parse_websearch(text).terms if text and not settings.USING_POSTGRES else ()
    first: dict[int, dict] = {}
    for row in attributions.values(*columns):
        if row["claim_id"] not in first:
            first[row["claim_id"]] = {**row, "marked": row.get("marked") or mark_terms(row["sentence"], terms)}
    return first


def search_results(search: ClaimSearch, *, cursor: Cursor | None, size: int, count: bool = True) -> SearchResults:
    """One page of matches with highlighted sentences, and the total unless `count` is False."""
    claims = claims_matching(search)
    page, next_cursor = claims_page(search, claims, cursor=cursor, size=size)
    total, is_lower_bound = None, False
    if cursor is None and next_cursor is None:
        total = len(page)  # everything fits on the first page: no count needed
    elif count:
        total, is_lower_bound = count_capped(claims)
    attributions = first_attributions([claim.pk for claim in page], text=search.text)
    rows = []
    for claim in page:
        attribution = attributions.get(claim.pk)
        if attribution is None:
            rows.append(SearchRow(claim=claim, sentence_html=render_marked(without_markers(claim.text))))
            continue
        rows.append(
            SearchRow(
                claim=claim,
                sentence_html=render_marked(attribution["marked"]),
                outlet_name=attribution["passage__article__outlet__name"],
                article_url=attribution["passage__article__url"],
            )
        )
    return SearchResults(rows=rows, total=total, total_is_lower_bound=is_lower_bound, next_cursor=next_cursor)


def saved_searches_of(user) -> QuerySet:
    return SavedSearch.objects.filter(user=user).order_by("name")
