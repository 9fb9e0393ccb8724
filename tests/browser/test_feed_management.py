"""An editor manages feeds on the ingestion page in a real browser, against a local feed server."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import AuditEntry
from sources.models import Article, Feed
from tests.browser.conftest import screenshot
from tests.ingestion.conftest import http_server, ingest_settings  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_eddie(transactional_db):
    from claims.roles import EDITOR
    from tests.factories import UserFactory

    return UserFactory(username="eddie", role=EDITOR)


def test_editor_adds_checks_pauses_resumes_and_removes_a_feed_then_fetches_one_url(
    new_page, editor_eddie, http_server, ingest_settings  # noqa: F811
):
    feed_url = http_server.add_fixture("/rss20.xml", "rss20.xml", content_type="application/rss+xml")
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    page = new_page("eddie")
    page.goto("/ingestion/")

    page.fill("#id_feed-url", feed_url)
    page.fill("#id_feed-outlet", "Meridian Courier")
    page.fill("#id_feed-interval_minutes", "30")
    page.click("#feed-add button[type=submit]")
    feed_row = page.locator("#feed-rows tr").filter(has_text="Meridian Courier")
    expect(feed_row).to_contain_text("2 entries, 2 new", timeout=20_000)
    screenshot(page, "ingestion-feed-added")
    feed = Feed.objects.get(url=feed_url)

    feed_row.locator("button", has_text="Pause").click()
    expect(page.locator(f"#feed-{feed.pk}")).to_contain_text("Paused")
    page.locator(f"#feed-{feed.pk}").get_by_role("button", name="Resume", exact=True).click()
    expect(page.locator(f"#feed-{feed.pk} button", has_text="Pause")).to_be_visible()

    page.locator(f"#feed-{feed.pk} a", has_text="Edit").click()
    page.fill("#id_feed-interval_minutes", "45")
    page.click("button.primary")
    expect(page.locator("body")).to_contain_text("Feed saved.")

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#feed-{feed.pk} button", has_text="Remove").click()
    expect(page.locator(f"#feed-{feed.pk}")).to_have_count(0)
    assert not Feed.objects.filter(pk=feed.pk).exists()

    article_url = http_server.add_fixture("/news/harbour-cranes", "article_furniture.html")
    page.fill("#id_fetch-url", article_url)
    page.click("#fetch button[type=submit]")
    expect(page.locator("#fetch-result")).to_contain_text("claims are in the review queue", timeout=20_000)
    screenshot(page, "ingestion-fetch-now")
    article = Article.objects.get(requested_url=article_url)
    page.locator("#fetch-result a").click()
    expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/$"))
    expect(page.locator("main")).to_contain_text("Coastline Herald")  # the outlet named by the page, not its host
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "feed_add", "feed_pause", "feed_resume", "feed_edit", "feed_remove", "article_fetch_now",
    ]


def test_editor_imports_and_exports_opml_and_merges_two_outlets(new_page, editor_eddie):
    from sources.models import Outlet
    from tests.factories import ArticleFactory, OutletFactory

    opml = (b'<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>'
            b'<outline text="Meridian Courier"><outline type="rss" text="World" xmlUrl="https://meridian.example.org/world.xml"/>'
            b'</outline></body></opml>')
    page = new_page("eddie")
    page.goto("/ingestion/")
    page.set_input_files("#id_opml-file", files=[{"name": "desk.opml", "mimeType": "text/x-opml", "buffer": opml}])
    page.click("#feeds-import button[type=submit]")
    expect(page.locator("body")).to_contain_text("OPML import: 1 feeds added, 0 already followed.")
    expect(page.locator("#feed-rows")).to_contain_text("Meridian Courier")

    with page.expect_download() as download:
        page.click("text=Export feeds (OPML)")
    assert b'xmlUrl="https://meridian.example.org/world.xml"' in open(download.value.path(), "rb").read()

    kept, stray = OutletFactory(name="Reuters", domain="reuters.com"), OutletFactory(name="U.S.")
    ArticleFactory(outlet=stray)
    page.reload()
    page.select_option("#id_merge-source", str(stray.pk))
    page.select_option("#id_merge-target", str(kept.pk))
    page.click("#outlet-merge button[type=submit]")
    expect(page.locator("body")).to_contain_text("Merged U.S. into Reuters.")
    screenshot(page, "ingestion-outlets-merged")
    assert not Outlet.objects.filter(pk=stray.pk).exists()
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == ["feed_import", "outlet_merge"]
