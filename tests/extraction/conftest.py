"""Helpers for the extractor's unit tests: plain functions, no database."""
import datetime

import pytest

from claims.extraction import extract_passage

PUBLISHED = datetime.date(2025, 3, 6)  # a Thursday


def extract(text, **options):
    options.setdefault("published_on", PUBLISHED)
    return extract_passage(text, **options)


def only_claim(text, **options):
    claims = extract(text, **options).claims
    assert len(claims) == 1, [(c.actor_mention, c.cue, c.sentence) for c in claims]
    return claims[0]


def part(text, span):
    return text[span.start : span.end] if span else None


@pytest.fixture
def published():
    return PUBLISHED
