"""The extractor's output records: plain frozen dataclasses the Django side stores as they are."""
from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class ExtractedQuantity:
    value: float
    value_max: float | None
    total: float | None
    unit: str | None  # currency code ("EUR", "USD"), "%", or None for counts
    noun: str | None  # what is counted ("drones")
    approximate: bool
    qualifier: str | None  # "about", "at least", "total" ...
    text: str
    span: Span


@dataclass(frozen=True)
class ExtractedActor:
    name: str
    kind: str
    known: bool  # True when the name comes from the gazetteer
    parent: str | None
    country: str | None


@dataclass(frozen=True)
class ExtractedClaim:
    sentence: str
    sentence_span: Span
    text: str
    content_span: Span
    actor: ExtractedActor | None
    actor_mention: str | None
    source_span: Span | None
    cue: str
    cue_span: Span | None
    via: ExtractedActor | None
    via_mention: str | None
    quantities: tuple[ExtractedQuantity, ...]
    kind: str  # "fact" | "opinion"
    unverified: bool
    independent_estimate: bool
    asserted_on: datetime.date | None
    event_date: datetime.date | None
    event_time_text: str | None
    rule: str


@dataclass(frozen=True)
class PassageExtraction:
    claims: tuple[ExtractedClaim, ...]
    contradictions: tuple[tuple[int, int], ...]  # index pairs into claims
