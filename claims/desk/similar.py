"""Similar claims: earlier claims with the same meaning in other words or other numbers, so a desk
reuses a verdict instead of checking twice.

Candidates come from indexes: on PostgreSQL the newest earlier claims sharing a word of the claim's
text (the search_vector GIN index), and the claims asserted within a month that share one of its
numbers (the claim date index). Each is scored on the words they share (stemmed lexemes on
PostgreSQL), their trigram similarity (pg_trgm) and their numbers (the same quantity signature,
some number in common, or the same counted thing with other numbers). bench/similar_claims.py
measures precision and recall on pairs written for it.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from difflib import SequenceMatcher

from django.conf import settings
from django.db import connection

from claims.models import Claim, Quantity
from claims.search.selectors import SEARCH_CONFIG
from claims.services.claim_matching import content_words, quantity_signature, word_overlap

SHOWN = 5
MIN_SCORE = 0.35
TEXT_CANDIDATES = 200
RECENT_MATCHES = 2000  # ranking reads every candidate's vector: only the newest matches of a common word
NUMBER_WINDOW = timedelta(days=31)
WEIGHTS = {"words": 0.5, "letters": 0.3, "numbers": 0.2}
WORDS_FOR_NUMBERS = 0.3
OTHER_THINGS = 0.4  # a number in common about other things, or other numbers of the same thing


@dataclass
class SimilarClaim:
    claim: Claim
    score: float
    reasons: list[str] = field(default_factory=list)


def _text_candidates_postgres(claim: Claim) -> tuple[frozenset, dict[int, tuple[frozenset, float]]]:
    """Earlier claims sharing a lexeme of the claim's text: id -> (their lexemes, trigram similarity)."""
    with connection.cursor() as cursor:
        # The OR query is made first and then given as a literal: the planner sees its words, so for
        # common words it walks the newest claims back instead of reading every match (as it did when
        # the query came from a CTE it could not estimate: 150 ms at 100,000 claims).
        cursor.execute(
            """
            SELECT tsvector_to_array(vector), to_tsquery(%(config)s::regconfig, (
                SELECT string_agg(quote_literal(lexeme), ' | ') FROM unnest(tsvector_to_array(vector)) AS lexeme))::text
            FROM to_tsvector(%(config)s::regconfig, %(text)s) AS vector
            """,
            {"config": SEARCH_CONFIG, "text": claim.text},
        )
        own, query = cursor.fetchone()
        if not query:
            return frozenset(own), {}
        cursor.execute(
            f"""
            WITH recent AS (
                SELECT c.id FROM claims_claim c
                WHERE c.search_vector @@ %(query)s::tsquery AND c.id < %(id)s AND c.review_state <> 'rejected'
                ORDER BY c.id DESC LIMIT {RECENT_MATCHES}
            )
            SELECT c.id, tsvector_to_array(to_tsvector(%(config)s::regconfig, c.text)), similarity(c.text, %(text)s)
            FROM claims_claim c JOIN recent USING (id)
            ORDER BY ts_rank_cd(c.search_vector, %(query)s::tsquery) DESC, c.id DESC LIMIT {TEXT_CANDIDATES}
            """,
            {"config": SEARCH_CONFIG, "text": claim.text, "id": claim.pk, "query": query},
        )
        return frozenset(own), {pk: (frozenset(lexemes), float(trigram)) for pk, lexemes, trigram in cursor.fetchall()}


def _text_candidates_sqlite(claim: Claim):
    """Without PostgreSQL: the newest earlier claims, compared in Python (development only)."""
    own = content_words(claim.text)
    rows = Claim.objects.filter(pk__lt=claim.pk).exclude(review_state=Claim.ReviewState.REJECTED).order_by("-pk")
    return own, {
        pk: (content_words(text), SequenceMatcher(None, claim.text.lower(), text.lower()).ratio())
        for pk, text in rows.values_list("pk", "text")[:RECENT_MATCHES]
    }


def _number_candidates(claim: Claim, quantities: list[Quantity]) -> set[int]:
    if not quantities or claim.asserted_on is None:
        return set()
    return set(
        Quantity.objects.filter(
            value__in={q.value for q in quantities}, claim__pk__lt=claim.pk,
            claim__asserted_on__range=(claim.asserted_on - NUMBER_WINDOW, claim.asserted_on + NUMBER_WINDOW),
        ).exclude(claim__review_state=Claim.ReviewState.REJECTED).values_list("claim_id", flat=True)[:TEXT_CANDIDATES]
    )


def _counted_things(quantities: list[Quantity]) -> set[str]:
    return {q.noun.lower() for q in quantities if q.noun}


def _numbers_score(mine: list[Quantity], theirs: list[Quantity]) -> tuple[float, str]:
    if not mine or not theirs:
        return 0.0, ""
    my_things, their_things = _counted_things(mine), _counted_things(theirs)
    # "40 nurses" and "40 patients" share a number, not a fact: when both name what they count and
    # nothing is in common, the same numbers weigh as little as other numbers of the same thing.
    other_things = bool(my_things and their_things and not my_things & their_things)
    if quantity_signature(mine) == quantity_signature(theirs):
        return (OTHER_THINGS, "the same number of other things") if other_things else (1.0, "same numbers")
    if {(q.value, q.total) for q in mine} & {(q.value, q.total) for q in theirs}:
        return (OTHER_THINGS * 0.7, "a number in common, of other things") if other_things else (0.7, "a number in common")
    if my_things & their_things:
        return OTHER_THINGS, "other numbers of the same thing"
    return 0.0, ""


def similar_claims(claim: Claim, *, limit: int = SHOWN) -> list[SimilarClaim]:
    """Earlier claims (stored before this one), best first, scored 0-1; at most `limit` above MIN_SCORE."""
    quantities = list(claim.quantities.all())
    own, by_text = (_text_candidates_postgres if settings.USING_POSTGRES else _text_candidates_sqlite)(claim)
    candidate_ids = set(by_text) | _number_candidates(claim, quantities)
    if not candidate_ids:
        return []
    theirs_quantities: dict[int, list[Quantity]] = {}
    for quantity in Quantity.objects.filter(claim_id__in=candidate_ids):
        theirs_quantities.setdefault(quantity.claim_id, []).append(quantity)
    scored: list[tuple[float, int, list[str]]] = []
    for pk in candidate_ids:
        words, letters = by_text.get(pk, (frozenset(), 0.0))
        overlap = word_overlap(own, words)
        numbers, numbers_reason = _numbers_score(quantities, theirs_quantities.get(pk, []))
        # A number in common means little about claims that share few words ("14 tanks", "14 medals").
        numbers *= min(1.0, overlap / WORDS_FOR_NUMBERS)
        score = WEIGHTS["words"] * overlap + WEIGHTS["letters"] * letters + WEIGHTS["numbers"] * numbers
        if score >= MIN_SCORE:
            reasons = [f"{overlap:.0%} of words in common"] + ([numbers_reason] if numbers_reason else [])
            scored.append((score, pk, reasons))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    top = scored[:limit]
    claims = Claim.objects.select_related("actor").in_bulk([pk for _, pk, _ in top])
    results = []
    for score, pk, reasons in top:
        if claims[pk].actor_id and claims[pk].actor_id == claim.actor_id:
            reasons.append("same actor")
        results.append(SimilarClaim(claims[pk], round(score, 2), reasons))
    return results
