"""A live blog fetched again: new posts are added, edited posts get a new version, and the words
earlier claims were made from stay where they were."""

import pytest

from sources import services, tasks
from sources.models import Article, Passage
from tests.factories import ArticleFactory, AttributionFactory
from tests.ingestion.conftest import fixture_text

pytestmark = pytest.mark.django_db(transaction=True)

EDITED_KEY_SUFFIX = "#post-3"


def fetch_blog(http_server, fixture: str) -> Article:
    url = http_server.add_fixture("/live/ostmark-floods", fixture)
    article = Article.objects.filter(url=url).first() or ArticleFactory(
        url=url, requested_url=url, status=Article.Status.PENDING, text=""
    )
    tasks.article_fetch.delay(article.pk)
    article.refresh_from_db()
    return article


def test_a_refetched_live_blog_adds_new_posts_and_versions_edited_ones(http_server):
    blog = fetch_blog(http_server, "liveblog.html")
    original = Passage.objects.get(article=blog, key__endswith=EDITED_KEY_SUFFIX)
    attribution = AttributionFactory(passage=original)

    blog = fetch_blog(http_server, "liveblog_updated.html")

    current = list(blog.passages.current().order_by("position"))
    assert [p.heading for p in current] == [
        "Government pledges 25 million for flood relief",
        "Rescue service says 140 people evacuated overnight",
        "Water level at Brenn bridge reaches 6.2 metres",
        "Rail line closed between Ostmark and Lenz",
    ]
    versions = list(Passage.objects.filter(article=blog, key=original.key).order_by("version"))
    assert [(p.version, p.is_current) for p in versions] == [(1, False), (2, True)]
    assert "evacuated 140 people" in versions[0].text and "evacuated 160 people" in versions[1].text
    attribution.refresh_from_db()
    assert attribution.passage_id == original.pk
    assert "140 people" in attribution.passage.text
    assert blog.passages.count() == 5  # 3 original + 1 new post + 1 new version


def test_splitting_again_adds_nothing(http_server):
    blog = fetch_blog(http_server, "liveblog_updated.html")
    before = list(blog.passages.values_list("id", "version", "is_current"))
    result = services.article_split(article_id=blog.pk)
    assert (result.added, result.revised, result.retired) == (0, 0, 0)
    assert list(blog.passages.values_list("id", "version", "is_current")) == before


def test_posts_missing_from_a_later_fetch_are_kept(http_server):
    fetch_blog(http_server, "liveblog_updated.html")
    blog = fetch_blog(http_server, "liveblog.html")  # the newest post dropped off the page
    assert blog.passages.current().filter(heading__startswith="Government pledges").exists()


def test_an_edited_article_paragraph_is_retired_and_its_replacement_added(http_server):
    page = fixture_text("article.html")
    url = http_server.add_fixture("/news/port-strike-ends", "article.html")
    article = ArticleFactory(url=url, requested_url=url, status=Article.Status.PENDING, text="")
    tasks.article_fetch.delay(article.pk)
    old = article.passages.get(text__contains="no more than 30 ships")
    http_server.routes["/news/port-strike-ends"][0].body = (
        page.replace("no more than 30 ships", "no more than 28 ships").replace("{base}", http_server.base_url).encode()
    )
    assert tasks.article_fetch.delay(article.pk).get() == {"status": "updated"}
    old.refresh_from_db()
    assert not old.is_current and "30 ships" in old.text
    assert article.passages.current().filter(text__contains="no more than 28 ships").count() == 1
    assert article.passages.current().count() == 5  # the headline and four paragraphs
