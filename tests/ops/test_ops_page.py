from datetime import timedelta

import pytest
from django.utils import timezone

from claims.tasks import worker_heartbeat
from config.celery_app import app as celery_app
from config.ops.selectors import queue_state
from sources.models import Article, Feed
from tests.conftest import requires_real_services
from tests.factories import ArticleFactory, FeedFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get("/ops/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_it_checks_the_role(viewer_client):
    assert viewer_client.get("/ops/").status_code == 403


def test_staff_without_a_role_may_look(client):
    client.force_login(UserFactory(username="sam-staff", is_staff=True))
    assert client.get("/ops/").status_code == 200


def test_it_shows_failures_and_last_success_per_feed(editor_client):
    now = timezone.now()
    failing = FeedFactory(
        url="https://failing.example.org/feed.xml", status=Feed.Status.FAILING, consecutive_failures=3,
        failure_score=0.66, last_error="HTTP 503 from https://failing.example.org/feed.xml", last_error_at=now,
    )
    FeedFactory(url="https://healthy.example.org/feed.xml", last_success_at=now - timedelta(minutes=5))
    ArticleFactory(outlet=failing.outlet, feed=failing, status=Article.Status.FAILED, last_error="HTTP 404")
    response = editor_client.get("/ops/")
    assert response.status_code == 200
    feeds = [feed.url for feed in response.context["feeds"]]
    assert feeds == ["https://failing.example.org/feed.xml", "https://healthy.example.org/feed.xml"]
    assert response.context["feeds"][0].failed_articles == 1
    page = response.content.decode()
    assert "HTTP 503 from https://failing.example.org/feed.xml" in page
    assert "5 min ago" in page  # in the words of the page's other durations, not "5\xa0minutes ago"
    assert "never" in page  # the failing feed never succeeded


def test_it_shows_extraction_lag_from_publication(editor_client):
    now = timezone.now()
    ArticleFactory(published_at=now - timedelta(seconds=300), extracted_at=now, status=Article.Status.EXTRACTED)
    ArticleFactory(published_at=now - timedelta(seconds=100), extracted_at=now, status=Article.Status.EXTRACTED)
    ArticleFactory(published_at=now - timedelta(days=3), extracted_at=None)  # not extracted: no lag yet
    lag = editor_client.get("/ops/").context["lag"]["since_published"]
    assert lag.articles == 2
    assert lag.median_seconds == pytest.approx(200, abs=2)
    assert lag.max_seconds == pytest.approx(300, abs=2)


def test_it_shows_tasks_per_minute(editor_client):
    before = editor_client.get("/ops/").context["minutes"][0].counts["success"]
    worker_heartbeat.delay()
    response = editor_client.get("/ops/")
    assert response.context["minutes"][0].counts["success"] == before + 1
    assert "tasks per minute" in response.content.decode()


def test_htmx_refresh_gets_only_the_panels(editor_client):
    response = editor_client.get("/ops/", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="ops-panels"')
    assert "<html" not in page


def test_it_still_serves_when_redis_is_down(editor_client, redis_down):
    response = editor_client.get("/ops/")
    assert response.status_code == 200
    assert response.context["problems"]["redis"]
    assert "Broker unreachable" in response.content.decode()


@requires_real_services
def test_queue_length_counts_tasks_no_worker_took(settings):
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    waiting = queue_state().waiting
    for _ in range(3):
        worker_heartbeat.delay()
    try:
        assert queue_state().waiting == waiting + 3
    finally:
        celery_app.control.purge()


def test_the_menu_links_the_page_for_those_who_may_see_it(editor_client):
    assert 'href="/ops/"' in editor_client.get("/").content.decode()


def test_the_menu_hides_the_page_from_viewers(viewer_client):
    assert 'href="/ops/"' not in viewer_client.get("/").content.decode()


def test_without_redis_it_says_tasks_run_in_process_not_that_workers_are_up(editor_client, settings):
    settings.REDIS_URL = None
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CELERY_BROKER_URL = "memory://"
    page = editor_client.get("/ops/").content.decode()
    assert "Redis: not used" in page
    assert "tasks run in-process" in page
    assert "workers are up" not in page and "heartbeat: never" not in page
    assert "counted by the process showing this page" in page  # each process's cache counts apart


def test_it_names_the_database_and_what_its_search_can_do(editor_client):
    from django.db import connection

    from claims.search.rum import ON_SQLITE, WITHOUT_RUM

    page = editor_client.get("/ops/").content.decode()
    assert f"Database ({connection.display_name}): up" in page
    if connection.vendor == "sqlite":  # no full text at all: the RUM note would not be true here
        assert ON_SQLITE.replace("'", "&#x27;") in page and "RUM" not in page
    else:
        assert "substrings" not in page
        assert WITHOUT_RUM.replace("'", "&#x27;") in page or "Relevance ranks every match through the RUM index" in page


def test_with_a_worker_it_shows_its_last_heartbeat_for_people(editor_client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    worker_heartbeat.delay()  # runs here (tests run tasks in-process) and stamps the heartbeat
    page = editor_client.get("/ops/").content.decode()
    assert "Workers: up, last heartbeat 0 s ago" in page or "Workers: up, last heartbeat 1 s ago" in page


def test_lag_reads_in_days_and_hours_not_seconds(editor_client):
    now = timezone.now()
    ArticleFactory(published_at=now - timedelta(days=642, hours=13), extracted_at=now, status=Article.Status.EXTRACTED)
    page = editor_client.get("/ops/").content.decode()
    assert "median 642 days 13 h" in page
    assert "55518" not in page


@pytest.mark.parametrize("seconds, text", [
    (None, "—"), (0, "0 s"), (45.4, "45 s"), (61, "1 min 1 s"), (3600, "1 h"), (3 * 3600 + 120, "3 h 2 min"),
    (86400 + 59, "1 day"), (55518178, "642 days 13 h"),
])
def test_durations_for_people(seconds, text):
    from config.ops.durations import duration

    assert duration(seconds) == text
