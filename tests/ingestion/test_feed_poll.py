"""Feeds polled through the Celery tasks (in-process here) against a local HTTP server."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from sources import services, tasks
from sources.models import Article, Feed, Passage
from tests.factories import FeedFactory
from tests.ingestion.conftest import Reply

pytestmark = pytest.mark.django_db(transaction=True)

# Extraction runs right after the split (in-process here) and may move the status on.
SPLIT_OR_LATER = {Article.Status.SPLIT, Article.Status.EXTRACTED}


def serve_site(http_server, feed_name="rss20.xml"):
    http_server.add_fixture("/news/port-strike-ends?utm_source=rss&utm_medium=feed", "article.html")
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    content_type = "application/atom+xml" if feed_name == "atom.xml" else "application/rss+xml"
    return http_server.add_fixture(f"/{feed_name}", feed_name, content_type=content_type, etag='"feed-v1"')


def test_polling_a_feed_stores_its_articles_and_passages_and_hands_them_to_extraction(http_server, tasks_run):
    feed = FeedFactory(url=serve_site(http_server))
    result = tasks.feed_poll.delay(feed.pk).get()
    assert result == {"status": "ok", "entries": 2, "new": 2, "refetch": 0}
    article = Article.objects.get(url=http_server.url("/news/port-strike-ends"))
    assert article.status in SPLIT_OR_LATER
    assert article.feed == feed and article.outlet == feed.outlet
    assert article.authors == ["Ilse Marrow", "Tomas Vey"]
    assert "40 cargo ships" in article.text and "<script" in article.raw_html
    assert article.passages.current().count() == 5  # the headline, then four paragraphs
    blog = Article.objects.get(url=http_server.url("/live/ostmark-floods"))
    assert blog.is_live_blog
    assert list(blog.passages.values_list("heading", flat=True)) == [
        "Rescue service says 140 people evacuated overnight",
        "Water level at Brenn bridge reaches 6.2 metres",
        "Rail line closed between Ostmark and Lenz",
    ]
    handed_off = {args[0] for name, args in tasks_run if name == "claims.tasks.article_extract_claims"}
    assert handed_off == {article.pk, blog.pk}
    feed.refresh_from_db()
    assert feed.status == Feed.Status.ACTIVE and feed.etag == '"feed-v1"'
    assert feed.title == "The Meridian Courier: World"
    assert feed.last_success_at and feed.next_poll_at > timezone.now()


@pytest.mark.parametrize("feed_name", ["rss091.xml", "rss10.xml", "rss20.xml", "atom.xml"])
def test_every_feed_format_brings_in_the_article(http_server, tasks_run, feed_name):
    feed = FeedFactory(url=serve_site(http_server, feed_name))
    tasks.feed_poll.delay(feed.pk)
    article = Article.objects.get(url=http_server.url("/news/port-strike-ends"))
    assert article.status in SPLIT_OR_LATER and article.passages.exists()


def test_an_unchanged_feed_costs_one_conditional_request(http_server, tasks_run):
    feed = FeedFactory(url=serve_site(http_server))
    tasks.feed_poll.delay(feed.pk)
    requests_after_first_poll = len(http_server.requests)
    assert tasks.feed_poll.delay(feed.pk).get() == {"status": "not_modified", "entries": 0, "new": 0, "refetch": 0}
    assert len(http_server.requests) == requests_after_first_poll + 1
    assert http_server.requests[-1].headers["If-None-Match"] == '"feed-v1"'
    assert Article.objects.count() == 2


def test_repolling_a_changed_feed_adds_no_duplicates(http_server, tasks_run):
    feed = FeedFactory(url=serve_site(http_server))
    http_server.routes["/rss20.xml"][0].etag = None
    tasks.feed_poll.delay(feed.pk)
    passages = Passage.objects.count()
    tasks.feed_poll.delay(feed.pk)
    assert Article.objects.count() == 2 and Passage.objects.count() == passages


def test_an_updated_live_blog_entry_is_fetched_again(http_server, tasks_run):
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    feed = FeedFactory(url=http_server.add_fixture("/atom.xml", "atom.xml", content_type="application/atom+xml"))
    tasks.feed_poll.delay(feed.pk)
    blog = Article.objects.get(url=http_server.url("/live/ostmark-floods"))
    assert blog.passages.count() == 3
    # The entry was updated at 11:05 on 2 June 2025: our copy, fetched just now, is newer...
    assert tasks.feed_poll.delay(feed.pk).get()["refetch"] == 0
    # ...but a copy fetched at 10:00 that day is older, so the blog is fetched again.
    Article.objects.filter(pk=blog.pk).update(fetched_at=datetime(2025, 6, 2, 10, 0, tzinfo=UTC))
    http_server.add_fixture("/live/ostmark-floods", "liveblog_updated.html")
    assert tasks.feed_poll.delay(feed.pk).get()["refetch"] == 1
    assert blog.passages.current().count() == 4


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(body=b"<!doctype html><html><body><h1>Our news</h1></body></html>"), "an HTML page, not a feed"),
        (Reply(body=b"", content_type="application/rss+xml"), "empty body"),
        (Reply(body=b"<?xml version='1.0'?><rss><channel><title>Bro", content_type="text/xml"), "malformed feed"),
        (Reply(status=404, body=b"gone"), "HTTP 404"),
        (Reply(status=503, headers={"Retry-After": "120"}), "HTTP 503"),
    ],
)
def test_a_failed_poll_is_recorded_on_the_feed(http_server, tasks_run, reply, message):
    feed = FeedFactory(url=http_server.add("/feed.xml", reply))
    result = tasks.feed_poll.delay(feed.pk).get()
    assert result["status"] == "failed" and message in result["error"]
    feed.refresh_from_db()
    assert feed.status == Feed.Status.FAILING and feed.consecutive_failures == 1
    assert message in feed.last_error and feed.last_error_at
    assert feed.failure_score > 0
    assert feed.next_poll_at > timezone.now() + feed.poll_interval  # backed off
    assert Article.objects.count() == 0


def test_retry_after_pushes_the_next_poll_back_at_least_that_far(http_server, tasks_run):
    feed = FeedFactory(url=http_server.add("/feed.xml", Reply(status=429, headers={"Retry-After": "86400"})))
    tasks.feed_poll.delay(feed.pk)
    feed.refresh_from_db()
    assert feed.next_poll_at >= timezone.now() + timedelta(hours=23, minutes=59)


def test_a_feed_that_keeps_failing_is_paused_and_a_success_clears_it(http_server, tasks_run, settings):
    settings.FEED_PAUSE_AFTER_FAILURES = 3
    feed_url = http_server.add("/feed.xml", Reply(status=500))
    feed = FeedFactory(url=feed_url)
    for _ in range(3):
        tasks.feed_poll.delay(feed.pk)
    feed.refresh_from_db()
    assert feed.status == Feed.Status.PAUSED and feed.paused_at and feed.consecutive_failures == 3
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())
    assert tasks.feeds_poll_due() == 0  # paused feeds are not due
    serve_site(http_server)
    http_server.add_fixture("/feed.xml", "rss20.xml", content_type="application/rss+xml")
    services.feed_resume(feed_id=feed.pk)
    tasks.feed_poll.delay(feed.pk)
    feed.refresh_from_db()
    assert (feed.status, feed.consecutive_failures, feed.paused_at, feed.last_error) == (Feed.Status.ACTIVE, 0, None, "")


def test_beat_polls_each_due_feed_once(http_server, tasks_run):
    due = FeedFactory(url=serve_site(http_server))
    FeedFactory(url=http_server.url("/later.xml"), next_poll_at=timezone.now() + timedelta(hours=1))
    assert tasks.feeds_poll_due() == 1
    assert [args for name, args in tasks_run if name == "sources.tasks.feed_poll"] == [(due.pk,)]
    assert tasks.feeds_poll_due() == 0  # claimed: its next poll moved forward


def test_an_updated_entry_that_copies_another_article_refreshes_that_article(http_server, tasks_run):
    blog_url = http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    http_server.add_fixture("/amp/ostmark-floods", "liveblog.html")  # same rel=canonical
    # Updated after our fetch (a time far in the future would be refused as impossible).
    updated = (timezone.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    feed_body = (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Amp</title><id>urn:amp</id><updated>{updated}</updated>'
        f'<entry><title>Live</title><id>urn:amp:1</id><link href="{http_server.url("/amp/ostmark-floods")}"/>'
        f"<updated>{updated}</updated></entry></feed>"
    )
    blog = Article.objects.create(outlet=FeedFactory().outlet, url=blog_url, requested_url=blog_url)
    tasks.article_fetch.delay(blog.pk)
    feed = FeedFactory(url=http_server.add("/amp.xml", Reply(body=feed_body.encode(), content_type="application/atom+xml")))
    tasks.feed_poll.delay(feed.pk)
    assert Article.objects.get(url=http_server.url("/amp/ostmark-floods")).duplicate_of == blog
    http_server.add_fixture("/live/ostmark-floods", "liveblog_updated.html")
    assert tasks.feed_poll.delay(feed.pk).get()["refetch"] == 1
    assert blog.passages.current().count() == 4


def test_a_json_feed_is_polled_and_its_linkless_entries_are_reported_on_the_feed(http_server, tasks_run):
    http_server.add_fixture("/news/harbour-cranes", "article_furniture.html")
    http_server.add_fixture("/news/ferry-timetable", "article.html")
    feed = FeedFactory(url=http_server.add_fixture("/feed.json", "jsonfeed11.json", content_type="application/feed+json"))
    assert tasks.feed_poll.delay(feed.pk).get() == {"status": "ok", "entries": 2, "new": 2, "refetch": 0}
    feed.refresh_from_db()
    assert (feed.title, feed.entries_without_link, feed.last_error) == ("The Meridian Courier: Harbour", 1, "")
    cranes = Article.objects.get(requested_url=http_server.url("/news/harbour-cranes"))
    assert cranes.status in SPLIT_OR_LATER
    assert cranes.warnings == ["ignored impossible publication date '0001-01-01T00:00:00Z' (article:published_time)"]


def test_a_feed_url_httpx_cannot_read_is_recorded_on_the_feed(tasks_run):
    feed = FeedFactory(url="http://0177.0.0.1/feed.xml")
    result = tasks.feed_poll.delay(feed.pk).get()
    feed.refresh_from_db()
    assert result["status"] == "failed"
    assert feed.status == Feed.Status.FAILING and "not a URL we can fetch" in feed.last_error


def test_a_poll_whose_worker_died_fails_once_and_is_recorded_on_the_feed(http_server, tasks_run):
    feed = FeedFactory(url=http_server.add("/kills-workers.xml", Reply(body=b"<rss/>")))
    # What a poll killed mid-fetch leaves behind; the broker then hands the same task back.
    cache.set("ingest:feed-poll-running:poll-of-the-dead-worker", feed.pk)
    result = tasks.feed_poll.apply((feed.pk,), task_id="poll-of-the-dead-worker").get()
    feed.refresh_from_db()
    assert result["status"] == "failed" and http_server.hits("/kills-workers.xml") == 0
    assert feed.status == Feed.Status.FAILING and "worker polling this feed died" in feed.last_error
    assert feed.next_poll_at > timezone.now()  # polled again at its next turn, with the usual backoff
