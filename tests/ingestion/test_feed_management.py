"""Feeds managed from the ingestion page: add and check, pause, resume, edit, remove, OPML in and
out, fetch one URL now, merge outlets. Each is permission-checked, CSRF-protected and audited."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import AuditEntry
from sources.models import Article, Feed, Outlet
from tests.factories import ArticleFactory, FeedFactory, OutletFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db(transaction=True)

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>Desk feeds</title></head><body>
<outline text="Meridian Courier">
  <outline type="rss" text="World" title="World" xmlUrl="https://meridian.example.org/world.xml"/>
  <outline type="rss" text="Harbour" xmlUrl="https://meridian.example.org/harbour.xml?utm_source=x"/>
</outline>
<outline type="rss" text="Coastline Herald" xmlUrl="https://herald.example.org/rss"/>
<outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
</body></opml>"""


def audited(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action))


def test_an_editor_adds_a_feed_and_sees_its_first_poll(editor_client, http_server):
    url = http_server.add_fixture("/rss20.xml", "rss20.xml", content_type="application/rss+xml")
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    response = editor_client.post(reverse("sources:feed-add"), {"feed-url": url, "feed-outlet": "Meridian Courier",
                                                                "feed-interval_minutes": 30}, **htmx())
    assert response.status_code == 200
    feed = Feed.objects.get(url=url)
    assert (feed.outlet.name, feed.poll_interval) == ("Meridian Courier", timedelta(minutes=30))
    assert f'id="feed-{feed.pk}"' in response.content.decode()
    row = response.content.decode()
    if 'hx-get="' in row:  # the poll still runs: ask the row again, as htmx does
        row = editor_client.get(row.split('hx-get="')[1].split('"')[0], **htmx()).content.decode()
    assert "2 entries, 2 new" in row
    assert [entry.after["url"] for entry in audited("feed_add")] == [url]


def test_a_bad_feed_url_is_refused_with_the_form_error(editor_client):
    response = editor_client.post(reverse("sources:feed-add"), {"feed-url": "not a url", "feed-outlet": "X", "feed-interval_minutes": 30})
    assert response.status_code == 400 and "Enter a valid URL" in response.content.decode()
    assert not Feed.objects.exists()


def test_pause_resume_edit_and_remove(editor_client):
    feed = FeedFactory()
    assert editor_client.post(reverse("sources:feed-pause", args=[feed.pk]), **htmx()).status_code == 200
    feed.refresh_from_db()
    assert feed.status == Feed.Status.PAUSED and feed.paused_at
    editor_client.post(reverse("sources:feed-resume", args=[feed.pk]))
    feed.refresh_from_db()
    assert feed.status != Feed.Status.PAUSED
    response = editor_client.post(reverse("sources:feed-edit", args=[feed.pk]),
                                  {"feed-url": "https://new.example.org/feed.xml", "feed-outlet": "Renamed Outlet",
                                   "feed-interval_minutes": 5})
    assert response.status_code == 302
    feed.refresh_from_db()
    assert (feed.url, feed.outlet.name, feed.poll_interval) == ("https://new.example.org/feed.xml", "Renamed Outlet",
                                                                 timedelta(minutes=5))
    article = ArticleFactory(feed=feed, outlet=feed.outlet)
    assert editor_client.post(reverse("sources:feed-delete", args=[feed.pk]), **htmx()).content == b""
    assert not Feed.objects.filter(pk=feed.pk).exists()
    assert Article.objects.get(pk=article.pk).feed is None
    assert [e.action for e in AuditEntry.objects.order_by("id")] == ["feed_pause", "feed_resume", "feed_edit", "feed_remove"]


def test_viewers_can_do_none_of_it(viewer_client):
    feed = FeedFactory()
    outlet = OutletFactory()
    for name, args, data in [
        ("sources:feed-add", [], {"feed-url": "https://a.example/x", "feed-outlet": "A", "feed-interval_minutes": 5}),
        ("sources:feed-pause", [feed.pk], {}), ("sources:feed-resume", [feed.pk], {}),
        ("sources:feed-edit", [feed.pk], {}), ("sources:feed-delete", [feed.pk], {}),
        ("sources:feeds-import", [], {}), ("sources:fetch", [], {"fetch-url": "https://a.example/x"}),
        ("sources:outlet-merge", [], {"merge-source": outlet.pk, "merge-target": feed.outlet.pk}),
    ]:
        assert viewer_client.post(reverse(name, args=args), data).status_code == 403, name
    assert Feed.objects.get(pk=feed.pk).status == Feed.Status.ACTIVE
    assert not AuditEntry.objects.exists()


def test_posts_without_a_csrf_token_are_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    feed = FeedFactory()
    assert client.post(reverse("sources:feed-pause", args=[feed.pk])).status_code == 403
    assert client.post(reverse("sources:feed-add"), {"feed-url": "https://a.example/x", "feed-outlet": "A",
                                                     "feed-interval_minutes": 5}).status_code == 403


def test_opml_import_adds_the_listed_feeds_filed_by_outlet_and_reports_the_rest(editor_client):
    FeedFactory(url="https://herald.example.org/rss")
    upload = _opml_upload(OPML)
    response = editor_client.post(reverse("sources:feeds-import"), {"opml-file": upload, "opml-interval_minutes": 20}, follow=True)
    page = response.content.decode()
    assert "2 feeds added, 1 already followed, 1 skipped" in page
    world = Feed.objects.get(url="https://meridian.example.org/world.xml")
    assert (world.outlet.name, world.title, world.poll_interval) == ("Meridian Courier", "World", timedelta(minutes=20))
    assert Feed.objects.filter(url="https://meridian.example.org/harbour.xml").exists()
    assert len(audited("feed_import")) == 2


def test_an_opml_file_that_is_not_opml_is_refused_and_adds_nothing(editor_client):
    response = editor_client.post(reverse("sources:feeds-import"),
                                  {"opml-file": _opml_upload(b"<html><body>hi</body></html>"), "opml-interval_minutes": 20})
    assert response.status_code == 400 and "not an OPML file" in response.content.decode()
    assert not Feed.objects.exists()


def test_an_opml_file_cannot_read_local_files(editor_client):
    hostile = (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b'<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example.org/feed"/></body></opml>')
    editor_client.post(reverse("sources:feeds-import"), {"opml-file": _opml_upload(hostile), "opml-interval_minutes": 20})
    assert "root:" not in "".join(Outlet.objects.values_list("name", flat=True))


def test_the_export_lists_every_feed_by_outlet_and_imports_back(editor_client):
    FeedFactory(url="https://meridian.example.org/world.xml", title="World", outlet=OutletFactory(name="Meridian"))
    response = editor_client.get(reverse("sources:feeds-export"))
    assert response["Content-Type"].startswith("text/x-opml") and "attachment" in response["Content-Disposition"]
    body = response.content
    assert b'xmlUrl="https://meridian.example.org/world.xml"' in body and b'text="Meridian"' in body
    Feed.objects.all().delete()
    editor_client.post(reverse("sources:feeds-import"), {"opml-file": _opml_upload(body), "opml-interval_minutes": 15})
    assert Feed.objects.get().outlet.name == "Meridian"


def test_fetch_one_url_now_follows_it_until_its_claims_are_queued(editor_client, http_server):
    url = http_server.add_fixture("/news/port-strike-ends", "article.html")
    response = editor_client.post(reverse("sources:fetch"), {"fetch-url": url}, **htmx())
    assert response.status_code == 200
    article = Article.objects.get(requested_url=url)
    assert article.status == Article.Status.EXTRACTED
    assert "claims are in the review queue" in response.content.decode()
    assert reverse("article_detail", args=[article.pk]) in response.content.decode()
    progress = editor_client.get(reverse("sources:fetch-progress", args=[article.pk]), **htmx())
    assert "hx-get" not in progress.content.decode()  # finished: no more polling
    assert [entry.after["url"] for entry in audited("article_fetch_now")] == [url]


def test_fetch_progress_polls_while_the_article_is_pending(editor_client):
    article = ArticleFactory(status=Article.Status.PENDING)
    page = editor_client.get(reverse("sources:fetch-progress", args=[article.pk]), **htmx()).content.decode()
    assert "hx-get" in page and "waiting to be fetched" in page


def test_an_editor_merges_two_outlets(editor_client):
    kept, stray = OutletFactory(name="Reuters", domain="reuters.com"), OutletFactory(name="U.S.")
    ArticleFactory(outlet=stray)
    response = editor_client.post(reverse("sources:outlet-merge"), {"merge-source": stray.pk, "merge-target": kept.pk}, follow=True)
    assert "Merged U.S. into Reuters." in response.content.decode()
    assert not Outlet.objects.filter(pk=stray.pk).exists()
    assert audited("outlet_merge")[0].before == {"merged": "U.S.", "domain": ""}


def _opml_upload(body: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("feeds.opml", body, content_type="text/x-opml")


def test_with_htmx_a_bad_feed_url_comes_back_as_the_form_with_its_error(editor_client):
    response = editor_client.post(reverse("sources:feed-add"), {"feed-url": "not a url", "feed-outlet": "X",
                                                                "feed-interval_minutes": 30}, **htmx())
    assert response["HX-Retarget"] == "#feed-add" and response["HX-Reswap"] == "outerHTML"
    page = response.content.decode()
    assert page.lstrip().startswith('<form class="inline-form" id="feed-add"') and "Enter a valid URL" in page


@pytest.mark.parametrize(
    ("name", "form"),
    [("feed-add", {"feed-outlet": "Somebody", "feed-interval_minutes": 30}), ("fetch", {})],
)
@pytest.mark.parametrize("url", ["http://127.0.0.1:5432/", "http://10.0.0.8/feed.xml", "http://[::1]/x"])
def test_feed_and_fetch_urls_follow_the_fetchers_address_rules(editor_client, settings, name, form, url):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    prefix = "feed" if name == "feed-add" else name
    response = editor_client.post(reverse(f"sources:{name}"), {f"{prefix}-url": url, **form})
    assert response.status_code == 400 and "non-public address" in response.content.decode()
    assert not Feed.objects.exists() and not Article.objects.exists() and not Outlet.objects.exists()


def test_an_opml_import_skips_feeds_on_private_addresses(editor_client, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    listed = b"""<?xml version="1.0"?><opml version="2.0"><body>
<outline type="rss" text="Inside" xmlUrl="http://10.0.0.8/feed.xml"/>
<outline type="rss" text="Database" xmlUrl="http://127.0.0.1:5432/"/>
</body></opml>"""
    response = editor_client.post(reverse("sources:feeds-import"), {"opml-file": _opml_upload(listed), "opml-interval_minutes": 20}, follow=True)
    assert "0 feeds added, 0 already followed, 2 skipped" in response.content.decode()
    assert not Feed.objects.exists() and not Outlet.objects.exists()
