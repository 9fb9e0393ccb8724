"""Articles with passages written for these tests, and the starter gazetteer in the database."""

import hashlib
from datetime import UTC, datetime

import pytest

from claims.extraction.gazetteer import Gazetteer
from claims.services.gazetteer_sync import gazetteer_load_starter
from tests.factories import ArticleFactory, PassageFactory

PUBLISHED = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)

DRONES = (
    "Ukraine's air force said it shot down 17 of 22 Russian drones overnight. "
    "Governor Jane Holloway said that three people were injured in the port city. "
    "The Interfax news agency cited the Russian Defense Ministry as saying that about 200 soldiers were killed."
)
TANKS = (
    "The Russian Defense Ministry said 40 tanks were destroyed near the river. "
    "Ukraine's military said that only 12 tanks were destroyed."
)


@pytest.fixture
def starter_gazetteer(db):
    gazetteer_load_starter(records=Gazetteer.default().records.values())


def passage_with(text: str, *, article=None, published_at=PUBLISHED, **fields):
    article = article or ArticleFactory(published_at=published_at)
    return PassageFactory(
        article=article, text=text, text_hash=hashlib.sha256(text.encode()).hexdigest(), published_at=published_at,
        heading="", **fields,
    )
