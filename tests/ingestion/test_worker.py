"""The whole path in production shape: a real `celery worker` process, the Redis broker and
PostgreSQL. A feed is added, the due feeds are queued as beat would, and its articles and
passages arrive in the database."""

import os
import signal
from pathlib import Path

import pytest

from sources import services, tasks
from sources.models import Article, Passage
from tests.conftest import requires_real_services
from tests.ingestion.conftest import Reply


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
    assert Passage.objects.filter(article__url=http_server.url("/news/port-strike-ends")).count() == 5  # headline + 4
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


def _pool_children(worker) -> list[int]:
    children = Path(f"/proc/{worker.pid}/task/{worker.pid}/children").read_text().split()
    return [int(pid) for pid in children]


@requires_real_services
@pytest.mark.worker
@pytest.mark.worker_pool("prefork")
def test_a_page_that_kills_the_worker_fetching_it_fails_once_and_is_recorded(
    http_server, worker_can_reach_fixture_server, celery_worker_process
):
    """Acks late: the killed child's task goes back to the queue. It must come back once, find
    the mark its first run left, and fail the article instead of killing worker after worker."""
    url = http_server.add("/kills-workers", Reply(body=b"<p>never read</p>", delay=30))
    outlet = services.outlet_get_or_create(name="Hostile Example")
    article, _ = services.article_get_or_create_for_url(url=url, outlet=outlet)
    tasks.article_fetch.delay(article.pk)

    celery_worker_process(lambda: http_server.hits("/kills-workers") == 1)
    for child in _pool_children(celery_worker_process.worker):
        os.kill(child, signal.SIGKILL)  # what the kernel's out-of-memory killer does

    celery_worker_process(lambda: Article.objects.get(pk=article.pk).status == Article.Status.FAILED, timeout=60)
    article.refresh_from_db()
    assert "worker fetching this page died" in article.last_error
    assert http_server.hits("/kills-workers") == 1
