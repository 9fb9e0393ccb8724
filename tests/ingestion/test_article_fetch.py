"""Article pages fetched through the task: stored, split, deduplicated, or failed with a reason."""

import time

import pytest
from django.core.cache import cache

from sources import tasks
from sources.models import Article
from sources.services import canonical_is_trusted
from tests.factories import ArticleFactory, OutletFactory
from tests.ingestion.conftest import Reply

pytestmark = pytest.mark.django_db(transaction=True)

SPLIT_OR_LATER = {Article.Status.SPLIT, Article.Status.EXTRACTED}
PARAGRAPH = "The ministry said on Tuesday that its crews had repaired 18 of the 25 damaged power lines. "


def pending_article(url: str, **fields) -> Article:
    return ArticleFactory(url=url, requested_url=url, status=Article.Status.PENDING, text="", title="", **fields)


def html_page(text: str, *, charset_meta: str = "") -> str:
    return (
        f"<html><head>{charset_meta}<title>Repairs</title></head>"
        f"<body><article><h1>Repairs</h1><p>{text}</p></article></body></html>"
    )


def test_an_article_page_is_stored_with_its_raw_html_and_split(http_server):
    url = http_server.add_fixture("/news/port-strike-ends", "article.html")
    article = pending_article(url)
    assert tasks.article_fetch.delay(article.pk).get() == {"status": "new"}
    article.refresh_from_db()
    assert article.status in SPLIT_OR_LATER and article.fetch_attempts == 1
    assert article.title == "Port authority says 40 ships cleared customs after strike"
    assert article.language == "en-gb" and article.published_at.isoformat() == "2025-03-04T07:15:00+00:00"
    assert article.raw_html.startswith("<!DOCTYPE html>") and len(article.content_hash) == 64
    passages = list(article.passages.order_by("position"))
    # The headline is a passage of its own, once, marked as such; the paragraphs follow without it.
    assert (passages[0].key, passages[0].text) == ("headline", article.title)
    assert passages[1].text.startswith("The Veldoran port authority said on Tuesday")
    assert [p.text for p in passages].count(article.title) == 1


def test_article_fetch_also_takes_a_url(http_server):
    url = http_server.add_fixture("/news/port-strike-ends", "article.html")
    pending_article(url)
    assert tasks.article_fetch.delay(url + "?utm_campaign=x").get() == {"status": "new"}


def test_script_tags_and_handlers_never_reach_the_stored_text(http_server):
    url = http_server.add_fixture("/news/port-strike-ends", "article.html")
    article = pending_article(url)
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    stored = article.text + article.title + "".join(article.passages.values_list("text", flat=True))
    for fragment in ("<script", "alert(", "onclick", "onload", "document.cookie", "javascript:"):
        assert fragment not in stored


def test_fetching_the_same_unchanged_page_again_changes_nothing(http_server):
    url = http_server.add_fixture("/news/port-strike-ends", "article.html")
    article = pending_article(url)
    tasks.article_fetch.delay(article.pk)
    passages = list(article.passages.values_list("id", "version"))
    assert tasks.article_fetch.delay(article.pk).get() == {"status": "unchanged"}
    assert list(article.passages.values_list("id", "version")) == passages


def test_a_page_whose_rel_canonical_is_already_stored_is_marked_duplicate(http_server):
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    first = pending_article(http_server.url("/news/port-strike-ends"))
    tasks.article_fetch.delay(first.pk)
    mirror_url = http_server.add_fixture("/amp/port-strike-ends", "article.html")  # same rel=canonical
    mirror = pending_article(mirror_url, outlet=first.outlet)
    assert tasks.article_fetch.delay(mirror.pk).get() == {"status": "duplicate"}
    mirror.refresh_from_db()
    assert (mirror.status, mirror.duplicate_of_id, mirror.passages.count()) == (Article.Status.DUPLICATE, first.pk, 0)


def test_the_same_text_from_the_same_outlet_under_another_url_is_a_duplicate(http_server):
    outlet = OutletFactory()
    body = html_page(PARAGRAPH * 3).encode()
    first = pending_article(http_server.add("/a", Reply(body=body)), outlet=outlet)
    second = pending_article(http_server.add("/b", Reply(body=body)), outlet=outlet)
    elsewhere = pending_article(http_server.add("/c", Reply(body=body)))
    for article in (first, second, elsewhere):
        tasks.article_fetch.delay(article.pk)
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert statuses[second.pk] == Article.Status.DUPLICATE
    assert statuses[first.pk] in SPLIT_OR_LATER and statuses[elsewhere.pk] in SPLIT_OR_LATER


FRENCH = "Le ministère a déclaré que douze des quinze drones avaient été abattus près de la frontière. " * 3
GERMAN = "Die Behörde erklärte, dass 140 Menschen in Sicherheit gebracht wurden und Brücken gesperrt blieben. " * 3
POLISH = "Burmistrz Łodzi powiedziała, że ponad 140 osób musiało opuścić domy z powodu powodzi. " * 3
LATIN2_META = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'


@pytest.mark.parametrize(
    ("text", "encoding", "content_type", "meta"),
    [
        (FRENCH, "cp1252", "text/html", ""),  # no charset anywhere: detected
        (GERMAN, "cp1252", "text/html; charset=utf-8", ""),  # a header that lies
        (POLISH, "iso-8859-2", "text/html", LATIN2_META),  # only the page says
    ],
)
def test_pages_in_legacy_charsets_are_decoded_right(http_server, text, encoding, content_type, meta):
    page = html_page(text, charset_meta=meta).encode(encoding)
    article = pending_article(http_server.add("/page", Reply(body=page, content_type=content_type)))
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    assert text.split(".")[0] in article.text


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(status=404, body=b"missing"), "HTTP 404"),
        (Reply(status=410, body=b"gone"), "HTTP 410"),
        (Reply(body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8), "binary"),
        (Reply(body=b"%PDF-1.7 ...", content_type="application/pdf"), "not an HTML or text page"),
        (Reply(body=b""), "empty body"),
        (Reply(body=b"<html><head><style>p{}</style></head><body><script>x()</script></body></html>"), "no article text"),
        (Reply(body=b"x" * 20_000), "cap"),
    ],
)
def test_permanent_failures_are_recorded_without_retrying(http_server, settings, reply, message):
    settings.INGEST_MAX_BYTES = 10_000
    url = http_server.add("/page", reply)
    article = pending_article(url)
    result = tasks.article_fetch.delay(article.pk).get()
    assert result["status"] == "failed" and message in result["error"]
    article.refresh_from_db()
    assert (article.status, article.fetch_attempts) == (Article.Status.FAILED, 1)
    assert message in article.last_error and article.last_error_at
    assert http_server.hits("/page") == 1


def test_a_transient_failure_is_retried_after_retry_after(http_server):
    url = http_server.add(
        "/busy",
        Reply(status=503, headers={"Retry-After": "1"}),
        Reply(body=html_page(PARAGRAPH * 3).encode()),
    )
    article = pending_article(url)
    started = time.monotonic()
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    assert article.status in SPLIT_OR_LATER and article.fetch_attempts == 2 and article.last_error == ""
    assert http_server.hits("/busy") == 2
    assert time.monotonic() - started >= 0.9  # the host was left alone for the second it asked


def test_a_server_that_keeps_failing_fails_the_article_after_the_last_retry(http_server):
    url = http_server.add("/down", Reply(status=500))
    article = pending_article(url)
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "HTTP 500" in article.last_error
    assert article.fetch_attempts == tasks.MAX_FETCH_RETRIES + 1 == http_server.hits("/down")


def test_a_slow_server_times_out_and_is_retried(http_server):
    url = http_server.add("/slow", Reply(body=b"late", delay=1.5), Reply(body=html_page(PARAGRAPH * 3).encode()))
    article = pending_article(url)
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    assert article.status in SPLIT_OR_LATER and article.fetch_attempts == 2


def test_an_in_process_task_stops_dripped_headers_at_the_total_timeout_and_retries(http_server, settings):
    settings.INGEST_TOTAL_TIMEOUT = 1.0
    url = http_server.add(
        "/slow-headers", Reply(body=b"late", header_drip_interval=0.05), Reply(body=html_page(PARAGRAPH * 3).encode())
    )
    article = pending_article(url)
    started = time.monotonic()
    tasks.article_fetch.delay(article.pk)
    assert time.monotonic() - started < 2.5  # the first try cut off after 1 s, then the retry
    article.refresh_from_db()
    assert article.status in SPLIT_OR_LATER and article.fetch_attempts == 2


def test_a_private_address_is_refused_and_not_retried(settings):
    article = pending_article("http://169.254.169.254/latest/meta-data/")
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "non-public address" in article.last_error
    assert article.fetch_attempts == 1


def test_the_retry_countdown_grows_and_honours_retry_after():
    assert [tasks.retry_countdown(retries=n, retry_after=None) for n in range(4)] == [30, 60, 120, 240]
    assert tasks.retry_countdown(retries=0, retry_after=600) == 600



def test_fetching_a_duplicate_again_leaves_it_a_duplicate(http_server):
    http_server.add_fixture("/news/port-strike-ends", "article.html")
    first = pending_article(http_server.url("/news/port-strike-ends"))
    tasks.article_fetch.delay(first.pk)
    mirror = pending_article(http_server.add_fixture("/amp/port-strike-ends", "article.html"), outlet=first.outlet)
    tasks.article_fetch.delay(mirror.pk)
    assert tasks.article_fetch.delay(mirror.pk).get() == {"status": "duplicate"}
    assert mirror.passages.count() == 0


def test_a_task_whose_worker_died_fetching_fails_once_and_is_recorded(http_server):
    article = pending_article(http_server.add("/kills-workers", Reply(body=html_page(PARAGRAPH).encode())))
    # What a run killed mid-fetch leaves behind; the broker then hands the same task back.
    cache.set("ingest:article-fetch-running:task-of-the-dead-worker", article.pk)
    tasks.article_fetch.apply((article.pk,), task_id="task-of-the-dead-worker")
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "worker fetching this page died" in article.last_error
    assert http_server.hits("/kills-workers") == 0


def test_a_finished_fetch_leaves_no_running_mark(http_server):
    article = pending_article(http_server.add("/fine", Reply(status=404)))
    tasks.article_fetch.apply((article.pk,), task_id="an-ordinary-task")
    assert cache.get("ingest:article-fetch-running:an-ordinary-task") is None


def test_an_url_httpx_cannot_read_fails_the_article_with_its_error(settings):
    article = pending_article("http://0177.0.0.1/")
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "not a URL we can fetch" in article.last_error


def _squatting_page(http_server, victim_url: str) -> str:
    page = f'<html><head><link rel="canonical" href="{victim_url}"><title>Not yours</title></head>' \
        f"<body><article><h1>Not yours</h1><p>{PARAGRAPH * 3}</p></article></body></html>"
    return http_server.add("/squat", Reply(body=page.encode()))


def test_a_canonical_url_on_another_site_is_not_trusted(http_server):
    victim_url = http_server.url("/news/real-story").replace("127.0.0.1", "localhost")
    squatter = pending_article(_squatting_page(http_server, victim_url))
    tasks.article_fetch.delay(squatter.pk)
    squatter.refresh_from_db()
    assert squatter.url == http_server.url("/squat") and squatter.status in SPLIT_OR_LATER

    victim = pending_article(victim_url)
    http_server.add("/news/real-story", Reply(body=html_page("The real story, told by its own outlet. " * 3).encode()))
    tasks.article_fetch.delay(victim.pk)
    victim.refresh_from_db()
    assert victim.status in SPLIT_OR_LATER and victim.duplicate_of_id is None


def test_a_canonical_url_on_a_domain_the_deployment_groups_with_the_page_is_trusted(http_server, settings):
    settings.INGEST_CANONICAL_DOMAIN_GROUPS = [frozenset({"127.0.0.1", "localhost"})]
    victim_url = http_server.url("/news/real-story").replace("127.0.0.1", "localhost")
    mirror = pending_article(_squatting_page(http_server, victim_url))
    tasks.article_fetch.delay(mirror.pk)
    mirror.refresh_from_db()
    assert mirror.url == victim_url


def test_canonical_urls_on_the_same_registered_domain_are_trusted():
    assert canonical_is_trusted(page_url="https://amp.dw.com/a/123", canonical_url="https://www.dw.com/en/a/123")
    assert not canonical_is_trusted(page_url="https://evil.github.io/a", canonical_url="https://news.github.io/a")
    assert not canonical_is_trusted(page_url="https://squatter.example/a", canonical_url="https://www.dw.com/en/a")
