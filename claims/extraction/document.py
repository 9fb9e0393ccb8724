"""A whole document's claims: an article is read as one discourse, a live blog post by post.

In a news article "he said" in the ninth paragraph may point at the person named in the second, a
headline's "says governor" is named only in the body, and "Reuters could not independently verify
the reports" qualifies statements anywhere in the story. So an article's passages (paragraphs) are
read in order as one text, with the headline first, and the claims are handed back per passage with
spans relative to that passage. Live-blog posts are separate stories and are read one at a time.
"""
from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claims.extraction.extractor import extract_passage
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.types import ExtractedClaim, PassageExtraction, Span

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class PassageText:
    text: str
    heading: str | None = None
    published_on: datetime.date | None = None


@dataclass(frozen=True)
class DocumentExtraction:
    headline: PassageExtraction  # claims of the title itself (empty for live blogs and untitled documents)
    passages: tuple[PassageExtraction, ...]  # one per input passage, spans relative to that passage


def _shift(claim: ExtractedClaim, offset: int) -> ExtractedClaim:
    def moved(span: Span | None) -> Span | None:
        return Span(span.start - offset, span.end - offset) if span else None

    return replace(
        claim,
        sentence_span=moved(claim.sentence_span), content_span=moved(claim.content_span),
        source_span=moved(claim.source_span), cue_span=moved(claim.cue_span),
        quantities=tuple(replace(q, span=moved(q.span)) for q in claim.quantities),
    )


def extract_document(
    passages: Sequence[PassageText],
    *,
    title: str | None = None,
    is_live_blog: bool = False,
    gazetteer: Gazetteer | None = None,
    publisher: str | None = None,
) -> DocumentExtraction:
    gazetteer = gazetteer or Gazetteer.default()
    if is_live_blog:
        return DocumentExtraction(
            headline=PassageExtraction((), ()),
            passages=tuple(
                extract_passage(p.text, heading=p.heading, published_on=p.published_on, gazetteer=gazetteer, publisher=publisher)
                for p in passages
            ),
        )
    heading = (title or "").strip()
    body = list(passages)
    # A page whose first paragraph is the headline reads it once, as the headline (and its claims stay there).
    title = heading if heading and not (body and body[0].text.strip() == heading) else ""
    texts = ([title] if title else []) + [p.text for p in body]
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(PARAGRAPH_BREAK)
    whole = PARAGRAPH_BREAK.join(texts)
    published_on = next((p.published_on for p in body if p.published_on), None)
    extraction = extract_passage(
        whole, heading=heading or None, published_on=published_on, gazetteer=gazetteer, publisher=publisher, article=True,
    )
    per_text: list[list[ExtractedClaim]] = [[] for _ in texts]
    owner_of: dict[int, tuple[int, int]] = {}
    for index, claim in enumerate(extraction.claims):
        owner = bisect.bisect_right(starts, claim.sentence_span.start) - 1  # the passage the sentence is in
        owner_of[index] = (owner, len(per_text[owner]))
        per_text[owner].append(_shift(claim, starts[owner]))
    contradictions: list[list[tuple[int, int]]] = [[] for _ in texts]
    for a, b in extraction.contradictions:
        (owner_a, local_a), (owner_b, local_b) = owner_of[a], owner_of[b]
        if owner_a == owner_b:
            contradictions[owner_a].append((local_a, local_b))
    results = [PassageExtraction(tuple(claims), tuple(pairs)) for claims, pairs in zip(per_text, contradictions)]
    if title:
        return DocumentExtraction(headline=results[0], passages=tuple(results[1:]))
    return DocumentExtraction(headline=PassageExtraction((), ()), passages=tuple(results))
