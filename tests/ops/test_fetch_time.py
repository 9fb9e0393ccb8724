"""Found by the soak: a live-blog post edited while a slow page was loading was never fetched
again, because the article's fetch time was taken after the page had arrived."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sources import services
from sources.models import Article
from sources.parsing.documents import document_from_html
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PAGE = "<html><head><title>Dam repairs</title></head><body><article><h1>Dam repairs</h1>{}</article></body></html>"


def page(*paragraphs: str) -> services.Document:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return document_from_html(html=PAGE.format(body), url="https://news.example.org/dam")


@pytest.fixture
def article():
    return ArticleFactory(url="https://news.example.org/dam", status=Article.Status.PENDING, text="")


def test_the_fetch_time_is_when_the_page_was_requested(article):
    requested = timezone.now() - timedelta(seconds=2)
    outcome = services.article_store(
        article_id=article.pk, document=page("The engineers said the dam would hold for another 48 hours."),
        requested_at=requested,
    )
    article.refresh_from_db()
    assert outcome == services.ArticleOutcome.NEW
    # A feed entry updated while the page loaded (after `requested`) now looks newer: fetched again.
    assert article.fetched_at == requested


def test_a_page_requested_before_the_stored_one_does_not_overwrite_it(article):
    newer = timezone.now()
    services.article_store(
        article_id=article.pk, document=page("The engineers said the dam would hold for another 36 hours."),
        requested_at=newer,
    )
    outcome = services.article_store(
        article_id=article.pk, document=page("The engineers said the dam would hold for another 48 hours."),
        requested_at=newer - timedelta(seconds=1),
    )
    article.refresh_from_db()
    assert outcome == services.ArticleOutcome.UNCHANGED
    assert "36 hours" in article.text
