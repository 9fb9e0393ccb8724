"""The ingestion management commands, run as an operator would, printing what they did."""

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import Article, Feed, Passage
from tests.factories import FeedFactory
from tests.ingestion.conftest import FIXTURES, Reply, fixture_text

pytestmark = pytest.mark.django_db(transaction=True)

LIVEBLOG_TXT = FIXTURES / "liveblog.txt"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


def test_ingest_file_turns_every_post_of_a_saved_live_blog_into_a_passage():
    output = run("ingest_file", str(LIVEBLOG_TXT), "--outlet", "Northwind Daily")
    assert "articles: 1 new, 0 updated, 0 unchanged; passages added: 5; errors: 0" in output
    article = Article.objects.get()
    assert article.url == "https://nwd.example/p/7QxR2"  # the page's own short link
    assert article.outlet.name == "Northwind Daily" and article.is_live_blog
    assert article.language == "en"  # a text view declares none: read from the text
    assert article.title == "Veldora: Border talks resume as both sides report drone attacks"
    rows = list(article.passages.values_list("heading", "permalink", "published_at__date"))
    assert [(heading, permalink) for heading, permalink, _ in rows] == [
        ("Veldora: Border talks resume as both sides report drone attacks", ""),
        ("What you need to know", ""),
        ("Veldora says 12 of 15 drones downed overnight", "https://nwd.example/p/7QxT4"),
        ("Karsk reports destroying four drones over Lenz", "https://nwd.example/p/7QxU9"),
        ("Talks resume in Ambry", "https://nwd.example/p/7QxV1"),
    ]
    assert {str(day) for _, _, day in rows} == {"2025-03-03"}


def test_passages_of_a_text_file_are_exact_slices_of_the_stored_text():
    run("ingest_file", str(LIVEBLOG_TXT))
    article = Article.objects.get()
    assert article.text == LIVEBLOG_TXT.read_text()
    summary = article.passages.get(heading="What you need to know")
    assert "shot down 12 of 15 drones" in summary.text and summary.text in article.text


def test_ingesting_the_same_file_again_adds_nothing():
    run("ingest_file", str(LIVEBLOG_TXT))
    output = run("ingest_file", str(LIVEBLOG_TXT))
    assert "articles: 0 new, 0 updated, 1 unchanged; passages added: 0; errors: 0" in output
    assert (Article.objects.count(), Passage.objects.count()) == (1, 5)


def test_an_edited_text_file_adds_a_version_of_the_edited_post(tmp_path):
    run("ingest_file", str(LIVEBLOG_TXT))
    edited = tmp_path / "liveblog.txt"
    edited.write_text(LIVEBLOG_TXT.read_text().replace("met for four hours", "met for five hours"))
    output = run("ingest_file", str(edited))
    assert "articles: 0 new, 1 updated, 0 unchanged; passages added: 1; errors: 0" in output
    talks = Passage.objects.filter(heading="Talks resume in Ambry").order_by("version")
    assert [(p.version, p.is_current, "four hours" in p.text) for p in talks] == [(1, False, True), (2, True, False)]


def test_ingest_file_reads_html_and_takes_url_outlet_and_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(fixture_text("liveblog.html").replace("{base}", "https://harbourline.example"))
    output = run("ingest_file", str(page), "--published", "2025-06-01")
    assert "1 new" in output and "passages added: 3" in output
    article = Article.objects.get()
    assert article.url == "https://harbourline.example/live/ostmark-floods"
    assert article.outlet.name == "Harbourline" and article.published_at.date().isoformat() == "2025-06-01"


def test_ingest_file_reports_a_page_that_names_no_url(tmp_path):
    page = tmp_path / "anonymous.html"
    page.write_text("<html><body><p>Officials said 4 roads were closed.</p></body></html>")
    with pytest.raises(CommandError, match="nothing was ingested"):
        run("ingest_file", str(page))


def test_ingest_url_fetches_a_page_now(http_server):
    url = http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    output = run("ingest_url", url, "--outlet", "Harbourline News")
    assert "articles: 1 new" in output and "passages added: 3" in output
    assert Article.objects.get().outlet.name == "Harbourline News"
    assert "articles: 0 new, 0 updated, 1 unchanged" in run("ingest_url", url)


def test_ingest_url_reports_a_failure(http_server):
    url = http_server.add("/gone", Reply(status=410))
    with pytest.raises(CommandError, match="HTTP 410"):
        run("ingest_url", url)
    assert Article.objects.get().status == Article.Status.FAILED


def test_add_feed_then_poll_feeds(http_server):
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    feed_url = http_server.add_fixture("/rss20.xml", "rss20.xml", content_type="application/rss+xml", etag='"1"')
    assert "added feed" in run("add_feed", feed_url, "--outlet", "The Meridian Courier", "--interval", "600")
    assert "updated feed" in run("add_feed", feed_url, "--outlet", "The Meridian Courier")
    output = run("poll_feeds")
    assert "2 entries, 2 new" in output and "articles: 2 new" in output and "passages added: 8" in output  # 2 headlines, 6 paragraphs
    assert "feeds polled: 0" in run("poll_feeds")  # not due again yet
    assert "not modified" in run("poll_feeds", "--now")


def test_poll_feeds_reports_failures(http_server):
    FeedFactory(url=http_server.add("/broken.xml", Reply(body=b"<html><body>Moved</body></html>")))
    output = run("poll_feeds", "--now")
    assert "HTML page, not a feed" in output and "errors: 1" in output
    assert Feed.objects.get().consecutive_failures == 1



def test_an_html_page_names_its_outlet_when_none_is_given(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><link rel=canonical href='https://meridian.example/story'>"
        "<meta property='og:site_name' content='The Meridian Courier'></head><body><article>"
        "<p>The port authority said 40 of 52 ships had cleared customs since the strike ended.</p>"
        "</article></body></html>"
    )
    run("ingest_file", str(page))
    assert Article.objects.get().outlet.name == "The Meridian Courier"


def test_ingest_url_stops_a_server_dripping_its_headers_at_the_total_timeout(http_server, settings):
    settings.INGEST_TOTAL_TIMEOUT = 1.0
    url = http_server.add("/slow-headers", Reply(body=b"late", header_drip_interval=0.05))
    started = time.monotonic()
    with pytest.raises(CommandError, match="in total"):
        run("ingest_url", url)
    assert time.monotonic() - started < 1.5
    assert Article.objects.get().status == Article.Status.FAILED
