"""Is a newly extracted claim one we already hold? Same actor, same quantities, similar words.

The candidates are the actor's claims asserted within a few days (the claim_actor_date_idx
index), so the comparison never scans the whole table. Similarity is the Jaccard overlap of
normalised content words, computed in Python so SQLite and PostgreSQL decide the same way.
"""

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Context, Decimal
from functools import lru_cache

from claims.models import Claim, Quantity

SAME_CLAIM_MIN_SIMILARITY = 0.6
SAME_CLAIM_WINDOW = timedelta(days=14)
MAX_CANDIDATES = 5000

_WORD = re.compile(r"\w+")
# Function words carry no claim; dropping them keeps "it downed 17 drones" close to "17 drones were downed".
_STOPWORDS = frozenset(
    "a an the of to in on at and or that it its is was were be been being has have had by for from with as this "
    "these those they their he she his her we our".split()
)
_SIX_PLACES = Decimal("0.000001")
_WIDE = Context(prec=400)  # room for any float's digits, so an absurd number is compared, not an error

QuantitySignature = tuple[tuple[Decimal, Decimal | None, Decimal | None, str], ...]


def quantity_number(value: float | Decimal | None) -> Decimal | None:
    """A number as the Quantity table stores it (six decimal places), normalised for comparison."""
    if value is None:
        return None
    number = Decimal(str(value))
    return number.quantize(_SIX_PLACES, context=_WIDE).normalize(context=_WIDE) if number.is_finite() else number


def quantity_signature(quantities: Iterable) -> QuantitySignature:
    """What must be equal for two claims to be the same: each number, range end, total and unit."""
    return _signature((q.value, q.value_max, q.total, q.unit) for q in quantities)


def _signature(rows: Iterable[tuple]) -> QuantitySignature:
    """quantity_signature of (value, value_max, total, unit) rows."""
    return tuple(
        sorted(
            (
                (quantity_number(value), quantity_number(value_max), quantity_number(total), unit or "")
                for value, value_max, total, unit in rows
            ),
            key=repr,
        )
    )


@lru_cache(maxsize=20_000)  # a stored claim is compared again by every article that may repeat it
def _stored_signature(rows: tuple[tuple, ...]) -> QuantitySignature:
    return _signature(rows)


@lru_cache(maxsize=20_000)  # a stored claim is compared again by every article that may repeat it
def content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in _STOPWORDS)


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two sets of content words."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


_CANDIDATE_FIELDS = ["id", "text", "actor_id", "asserted_on"]


class SameClaimFinder:
    """Finds the claim a new one repeats: same actor, asserted within the window, same quantities,
    similar words. Three plain queries load the candidates for all the actors of an article (a
    Claim object is made only for a candidate that matches); claims made while storing are added
    as they are made, so an article can repeat itself too.

    Each query goes by an index whatever the planner believes: the actors' claims in the window
    (ids only), their quantities by claim id, then the words of the few whose quantity signature
    is one the new claims have. One query with a quantity semi-join was planned as a sequential
    scan of the quantities per candidate on tables not yet analysed (a new install, the ingestion
    bench): 5-25 ms an article instead of under one.

    Rejected claims are left out: a new assertion of something an editor rejected goes to review.
    """

    def __init__(self, *, actor_ids: set[int], dates: set[date], signatures: set[QuantitySignature]):
        # Per actor: [claim or None until needed, (id, text, actor_id, asserted_on), quantities, words]
        self._by_actor: dict[int, list[list]] = {}
        if not actor_ids or not dates or not signatures:
            return
        in_window = list(
            Claim.objects.filter(
                actor_id__in=actor_ids,
                asserted_on__range=(min(dates) - SAME_CLAIM_WINDOW, max(dates) + SAME_CLAIM_WINDOW),
            )
            .exclude(review_state=Claim.ReviewState.REJECTED)
            .order_by("-asserted_on", "-id")
            .values_list("id", "actor_id", "asserted_on")[:MAX_CANDIDATES]
        )
        if not in_window:
            return
        quantities: dict[int, list[tuple]] = {}
        for claim_id, *numbers in Quantity.objects.filter(claim_id__in=[row[0] for row in in_window]).values_list(
            "claim_id", "value", "value_max", "total", "unit"
        ):
            quantities.setdefault(claim_id, []).append(tuple(numbers))
        wanted = {}
        for claim_id, actor_id, asserted_on in in_window:
            signature = _stored_signature(tuple(quantities.get(claim_id, ())))
            if signature in signatures:
                wanted[claim_id] = (actor_id, asserted_on, signature)
        if not wanted:
            return
        # Words are read only for a candidate whose quantities match (most do not): see find().
        texts = dict(Claim.objects.filter(pk__in=list(wanted)).order_by().values_list("id", "text"))
        for claim_id, (actor_id, asserted_on, signature) in wanted.items():  # newest first, as read
            if claim_id not in texts:  # deleted since the first read (a re-extraction elsewhere)
                continue
            self._by_actor.setdefault(actor_id, []).append(
                [None, (claim_id, texts[claim_id], actor_id, asserted_on), signature, None]
            )

    def add(self, claim: Claim, quantities: QuantitySignature) -> None:
        self._by_actor.setdefault(claim.actor_id, []).append([claim, None, quantities, content_words(claim.text)])

    def find(
        self, *, actor_id: int | None, asserted_on: date | None, text: str, quantities: QuantitySignature,
        excluded: Callable[[Claim], bool],
    ) -> Claim | None:
        if actor_id is None or asserted_on is None:
            return None
        words = content_words(text)
        best, best_similarity = None, 0.0
        for candidate in self._by_actor.get(actor_id, ()):
            claim, row, signature, claim_words = candidate
            if signature != quantities:
                continue
            claimed_on = claim.asserted_on if claim is not None else row[3]
            if claimed_on is None or abs(claimed_on - asserted_on) > SAME_CLAIM_WINDOW:
                continue
            if claim_words is None:
                claim_words = candidate[3] = content_words(row[1])
            similarity = word_overlap(words, claim_words)
            if similarity < SAME_CLAIM_MIN_SIMILARITY or similarity <= best_similarity:
                continue
            if claim is None:
                claim = candidate[0] = Claim.from_db(Claim.objects.db, _CANDIDATE_FIELDS, row)
            if not excluded(claim):
                best, best_similarity = claim, similarity
        return best
