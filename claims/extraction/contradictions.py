"""Claims in one passage that an editor may want to link as contradicting each other."""
from __future__ import annotations

import re

from claims.extraction.cues import DENIAL_LEMMAS
from claims.extraction.types import ExtractedClaim, ExtractedQuantity

def _noun_key(quantity: ExtractedQuantity) -> str | None:
    return quantity.noun.rstrip("s") if quantity.noun else None


_NUMBER_WINDOW = 50  # earlier claims per counted noun compared with a new one; passages are far shorter
_STOPWORDS = frozenset(
    "the a an of in on at to for from by with and or but that this these those it its their his her was were is are be "
    "been has have had will would could should may might not no than as over into out about after before since more less "
    "some any all most said says say".split()
)
_ANAPHORIC_OBJECT = re.compile(r"^(?:the|these|those|such|this|that|its|it|them|any)\b.*?\b(?:claims?|accusations?|allegations?|reports?|charges?|it|this|that|them)\b", re.IGNORECASE)


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS}


def _answers(denial: ExtractedClaim, earlier: ExtractedClaim) -> bool:
    """Is the denial about the earlier claim? It shares words, names it ("the accusations"), or its denier is the subject."""
    if _content_words(denial.text) & _content_words(earlier.text) or _ANAPHORIC_OBJECT.match(denial.text):
        return True
    return bool(denial.actor_mention) and _content_words(denial.actor_mention) <= _content_words(earlier.text) and bool(_content_words(denial.actor_mention))


def find_contradictions(claims: list[ExtractedClaim], lemmas: list[str | None]) -> tuple[tuple[int, int], ...]:
    """Claims by different actors giving different numbers for the same thing in the same terms, or a denial of a claim."""
    pairs = set()
    words = [_content_words(claim.text) for claim in claims]
    by_noun: dict[str, list[int]] = {}
    for j, later in enumerate(claims):
        if not later.actor:
            continue
        nouns_j = {_noun_key(q) for q in later.quantities} - {None}
        # Only earlier claims counting the same thing can disagree on its number.
        candidates = {i for noun in nouns_j for i in by_noun.get(noun, ())[-_NUMBER_WINDOW:]}
        for i in sorted(candidates):
            earlier = claims[i]
            if earlier.actor.name == later.actor.name:
                continue
            # Besides the counted thing, the two must share a word saying what happened to it ("launched").
            nouns = nouns_j | {_noun_key(q) for q in earlier.quantities}
            if words[i] & words[j] - nouns and any(
                _noun_key(a) and _noun_key(a) == _noun_key(b) and a.unit == b.unit and a.value != b.value
                and a.total is None and b.total is None
                for a in earlier.quantities for b in later.quantities
            ):
                pairs.add((i, j))
        if lemmas[j] in DENIAL_LEMMAS:
            i = _last_before(claims, j, later)
            if i is not None and lemmas[i] not in DENIAL_LEMMAS and _answers(later, claims[i]):
                pairs.add((i, j))
        for noun in nouns_j:
            by_noun.setdefault(noun, []).append(j)
    return tuple(sorted(pairs, key=lambda pair: (pair[1], pair[0])))


def _last_before(claims: list[ExtractedClaim], index: int, claim: ExtractedClaim) -> int | None:
    """The nearest earlier claim by someone else: what a denial answers."""
    for i in range(index - 1, -1, -1):
        if claims[i].actor and claims[i].actor.name != claim.actor.name:
            return i
    return None
