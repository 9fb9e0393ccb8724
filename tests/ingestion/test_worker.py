"""The whole path in production shape: a real `celery worker` process, the Redis broker and
PostgreSQL. A feed is added, the due feeds are queued as beat would, and its articles and
passages arrive in the database."""

import pytest

from sources import services, tasks
from sources.models import Article, Passage
from tests.conftest import requires_real_services


@pytest.fixture
def worker_can_reach_fixture_server(monkeypatch):
    """The worker fixture copies this process's environment: point it at the test settings
    (this process has read its settings already)."""
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "tests.ingestion.worker_settings")


def _feed_of_an_article_and_a_live_blog(http_server):
    http_server.add_fixture("/news/port-strike-ends?utm_source=rss&utm_medium=feed", "article.html")
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    feed_url = http_server.add_fixture("/rss20.xml", "rss20.xml", content_type="application/rss+xml")
    feed, _ = services.feed_add(url=feed_url, outlet_name="The Meridian Courier")
    return feed


@requires_real_services
def test_a_real_worker_polls_a_feed_and_stores_articles_and_passages(
    http_server, worker_can_reach_fixture_server, celery_worker_process
):
    feed = _feed_of_an_article_and_a_live_blog(http_server)

    tasks.feeds_poll_due.delay()  # what beat sends every tick

    def articles_split():
        return Article.objects.filter(feed=feed, passages__isnull=False).distinct().count() == 2

    celery_worker_process(articles_split, timeout=60)
    blog = Article.objects.get(url=http_server.url("/live/ostmark-floods"))
    assert blog.is_live_blog and Passage.objects.filter(article=blog).count() == 3
    assert Passage.objects.filter(article__url=http_server.url("/news/port-strike-ends")).count() == 4
    assert http_server.hits("/rss20.xml") == 1


@requires_real_services
def test_a_real_worker_keeps_its_database_connection_from_task_to_task(
    http_server, worker_can_reach_fixture_server, celery_worker_process
):
    from django.db import connection

    feed = _feed_of_an_article_and_a_live_blog(http_server)

    tasks.feeds_poll_due.delay()  # then a feed poll, two fetches and two extractions

    celery_worker_process(lambda: Article.objects.filter(feed=feed, status=Article.Status.EXTRACTED).count() == 2)
    first_fetch = Article.objects.filter(feed=feed).order_by("fetched_at").values_list("fetched_at", flat=True)[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT backend_start FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        worker_connections = [started for (started,) in cursor.fetchall()]
    # One connection, opened before the first fetch and still open: not one per task.
    assert len(worker_connections) == 1 and worker_connections[0] < first_fetch
