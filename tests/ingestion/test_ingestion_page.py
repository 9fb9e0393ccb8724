"""The ingestion page: who may see and act, what it shows, and that hostile text stays text."""

import re

import pytest
from django.urls import reverse

from claims.models import AuditEntry
from sources.models import Article, Feed, Outlet, Passage
from tests.factories import ArticleFactory, FeedFactory
from tests.ingestion.conftest import Reply

pytestmark = pytest.mark.django_db(transaction=True)


PAGE = reverse("sources:ingestion")
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def test_it_works_for_an_editor(editor_client):
    feed = FeedFactory(title="Meridian world feed", status=Feed.Status.PAUSED, consecutive_failures=5,
                       last_error="HTTP 503 from the server", failure_score=0.83)
    ArticleFactory(title="Port strike ends", status=Article.Status.FAILED, last_error="HTTP 404", outlet=feed.outlet)
    response = editor_client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("Meridian world feed", feed.outlet.name, "Paused", "5 in a row", "score 0.83",
                  "HTTP 503 from the server", "Port strike ends", "HTTP 404", "Resume and poll", "Add a page by hand"):
        assert shown in page


def test_viewers_see_the_page_without_the_buttons(viewer_client):
    FeedFactory()
    page = viewer_client.get(PAGE).content.decode()
    assert "Poll now" not in page and "Add a page by hand" not in page


def test_viewers_cannot_poll_or_upload(viewer_client):
    feed = FeedFactory()
    assert viewer_client.post(reverse("sources:feed-poll", args=[feed.pk])).status_code == 403
    assert viewer_client.post(reverse("sources:upload"), {"text": "x", "url": "https://a.example/"}).status_code == 403


def test_anonymous_users_are_sent_to_login(client):
    assert client.get(PAGE).status_code == 302


def test_hostile_text_from_articles_and_feeds_is_escaped(editor_client):
    feed = FeedFactory(title=HOSTILE, last_error=HOSTILE)
    ArticleFactory(title=HOSTILE, last_error=HOSTILE, outlet=feed.outlet)
    page = editor_client.get(PAGE).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_ingested_hostile_html_never_reaches_the_page_unescaped(editor_client, http_server):
    body = (
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Minister says 3 ports open</title></head>"
        "<body onload='alert(2)'><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; Minister says 3 ports open</h1>"
        "<p onclick='alert(3)'>The minister said three ports had reopened after the storm, out of five that closed.</p>"
        "<script>alert(4)</script><style>body{display:none}</style></article></body></html>"
    )
    url = http_server.add("/hostile", Reply(body=body.encode()))
    feed = FeedFactory(url=http_server.add("/feed.xml", Reply(
        body=f"<rss version='2.0'><channel><title>T</title><item><link>{url}</link></item></channel></rss>".encode(),
        content_type="application/rss+xml")))
    assert editor_client.post(reverse("sources:feed-poll", args=[feed.pk])).status_code == 302
    article = Article.objects.get(url=url)
    assert "<script>" in article.title  # the page's escaped text, now plain text...
    page = editor_client.get(PAGE).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page  # ...escaped on the way out
    assert "onclick" not in article.text and "alert(4)" not in article.text and "display:none" not in article.text


def test_poll_now_answers_with_the_row_and_polls_progress_until_done(editor_client, http_server):
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    feed = FeedFactory(url=http_server.add_fixture("/rss20.xml", "rss20.xml", content_type="application/rss+xml"))
    response = editor_client.post(reverse("sources:feed-poll", args=[feed.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    row = response.content.decode()
    assert row.lstrip().startswith(f'<tr id="feed-{feed.pk}"')
    progress_url = re.search(r'hx-get="([^"]+)"', row)
    if progress_url:  # the task had not finished when the row was drawn: follow it as htmx would
        row = editor_client.get(progress_url.group(1), HTTP_HX_REQUEST="true").content.decode()
    assert "Done: 2 entries, 2 new" in row and "hx-get" not in row
    assert Article.objects.filter(feed=feed).count() == 2


def test_poll_progress_shows_a_failed_poll(editor_client, http_server):
    feed = FeedFactory(url=http_server.add("/feed.xml", Reply(status=500)))
    row = editor_client.post(reverse("sources:feed-poll", args=[feed.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Poll failed: HTTP 500" in row


def test_poll_now_resumes_a_paused_feed(editor_client, http_server):
    feed = FeedFactory(url=http_server.add_fixture("/rss20.xml", "rss20.xml", content_type="application/rss+xml"),
                       status=Feed.Status.PAUSED, consecutive_failures=5)
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    http_server.add_fixture("/live/ostmark-floods", "liveblog.html")
    editor_client.post(reverse("sources:feed-poll", args=[feed.pk]))
    feed.refresh_from_db()
    assert (feed.status, feed.consecutive_failures) == (Feed.Status.ACTIVE, 0)


def test_polling_an_unknown_feed_is_404(editor_client):
    assert editor_client.post(reverse("sources:feed-poll", args=[999])).status_code == 404


def test_pasted_text_is_ingested_with_its_url_outlet_and_date(editor_client):
    text = (
        "Coastal towns brace for storm\n\nPublished May 5, 2025\n\nThe weather service said waves of 6 metres were "
        "expected.\n\nSkip next section Harbour closed\nMay 5, 2025\n\nHarbour closed\n\nThe port authority said "
        "it had closed the harbour to 40 vessels.\n\nhttps://coast.example/p/2\n"
    )
    response = editor_client.post(reverse("sources:upload"), {
        "text": text, "url": "https://coast.example/live/storm", "outlet": "Coast Herald", "published": "2025-05-04",
    })
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.url, article.outlet.name) == ("https://coast.example/live/storm", "Coast Herald")
    assert article.published_at.date().isoformat() == "2025-05-04"
    assert article.passages.filter(heading="Harbour closed", permalink="https://coast.example/p/2").exists()
    page = editor_client.get(PAGE).content.decode()
    assert "Coastal towns brace for storm: new, 2 passages added." in page


def test_an_uploaded_html_file_is_ingested(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = (
        b"<html><head><link rel=canonical href='https://a.example/story'></head><body><article>"
        b"<p>The agency said 7 of 9 flights were cancelled because of fog over the airport.</p></article></body></html>"
    )
    upload = SimpleUploadedFile("story.html", page, content_type="text/html")
    assert editor_client.post(reverse("sources:upload"), {"file": upload}).status_code == 302
    assert Article.objects.get().url == "https://a.example/story"


def test_the_upload_form_explains_what_is_missing(editor_client):
    response = editor_client.post(reverse("sources:upload"), {"text": "Officials said 4 roads were closed."})
    assert response.status_code == 400
    assert "names no URL of its own" in response.content.decode()
    response = editor_client.post(reverse("sources:upload"), {})
    assert "Give either a file or pasted text." in response.content.decode()


@pytest.mark.parametrize("url", ["http://127.0.0.1:5432/", "http://10.0.0.8/story", "http://[::1]/x", "ftp://coast.example/a"])
def test_the_upload_url_follows_the_fetchers_address_rules(editor_client, settings, url):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    response = editor_client.post(reverse("sources:upload"), {"text": "Officials said 4 roads were closed.", "url": url})
    assert response.status_code == 400 and "refused" in response.content.decode()
    assert not Article.objects.exists() and not Outlet.objects.exists()


def test_a_private_address_the_page_itself_names_is_refused(editor_client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    page = b"<html><head><link rel=canonical href='http://127.0.0.1:5432/'></head><body><p>Said 4.</p></body></html>"
    response = editor_client.post(reverse("sources:upload"), {"file": SimpleUploadedFile("s.html", page)})
    assert response.status_code == 400 and "non-public address" in response.content.decode()
    assert not Outlet.objects.exists()


def test_an_upload_over_a_stored_article_is_audited_and_keeps_the_earlier_text(editor_client, editor):
    first = "Storm update\n\nThe weather service said waves of 6 metres were expected at the coast.\n"
    second = "Storm update\n\nThe port authority said it had closed the harbour to 40 vessels overnight.\n"
    url = "https://coast.example/live/storm"
    editor_client.post(reverse("sources:upload"), {"text": first, "url": url, "outlet": "Coast Herald"})
    response = editor_client.post(
        reverse("sources:upload"), {"text": second, "url": url, "outlet": "Another Outlet"}, follow=True
    )

    article = Article.objects.get()
    assert article.outlet.name == "Coast Herald" and "40 vessels" in article.text
    assert "already stored, under Coast Herald" in response.content.decode()
    entry = AuditEntry.objects.get(action="article_replace_text", object_id=article.pk)
    assert entry.user == editor and entry.before["content_hash"] != entry.after["content_hash"]
    earlier = Passage.objects.filter(article=article, is_current=False).values_list("text", flat=True)
    assert any("waves of 6 metres" in text for text in earlier)
