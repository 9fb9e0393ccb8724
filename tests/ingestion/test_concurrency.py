"""Two workers on the same URL at once still make one Article: the unique constraint decides."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from sources import services, tasks
from sources.models import Article, Passage
from tests.factories import OutletFactory
from tests.ingestion.conftest import Reply

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # SQLite's shared in-memory test database locks whole tables across threads ("database table is
    # locked") instead of letting the constraint decide: the race is PostgreSQL's to settle.
    pytest.mark.skipif(not settings.USING_POSTGRES, reason="concurrent writers need PostgreSQL (DATABASE_URL)"),
]


def run_at_once(count: int, target) -> list:
    """Start `count` threads that call target() at the same moment; return results or errors."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(index: int) -> None:
        try:
            barrier.wait()
            results[index] = target()
        except Exception as error:  # reported to the test, which fails on it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_workers_getting_the_same_url_create_one_article():
    outlet = OutletFactory()
    url = "https://news.example.org/story?utm_source=a"
    results = run_at_once(4, lambda: services.article_get_or_create_for_url(url=url, outlet=outlet))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len({article.pk for article, _ in results}) == 1
    assert sorted(created for _, created in results) == [False, False, False, True]
    assert Article.objects.count() == 1


def test_two_workers_fetching_the_same_page_store_it_once(http_server):
    page = b"<html><body><article><p>The ministry said 12 of 15 drones were shot down overnight.</p></article></body></html>"
    url = http_server.add("/story", Reply(body=page))
    article, _ = services.article_get_or_create_for_url(url=url, outlet=OutletFactory())

    results = run_at_once(2, lambda: tasks.article_fetch.apply((article.pk,)).result)
    assert sorted(result["status"] for result in results) == ["new", "unchanged"]
    assert Article.objects.count() == 1
    assert Passage.objects.filter(article=article).count() == 1
