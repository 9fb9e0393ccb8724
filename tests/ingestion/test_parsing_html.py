from datetime import UTC, datetime, timedelta, timezone

import pytest

from sources.parsing.html_article import ArticleParseError, extract_article
from sources.parsing.html_liveblog import split_html_liveblog
from tests.ingestion.conftest import fixture_text

BASE = "http://news.example.org"


def page(name: str) -> str:
    return fixture_text(name).replace("{base}", BASE)


def test_article_text_and_metadata_are_extracted():
    article = extract_article(page("article.html"), url=f"{BASE}/news/port-strike-ends?utm_source=rss")
    assert article.url == f"{BASE}/news/port-strike-ends"
    assert article.title == "Port authority says 40 ships cleared customs after strike"
    assert article.authors == ["Ilse Marrow", "Tomas Vey"]
    assert article.published == datetime(2025, 3, 4, 8, 15, tzinfo=timezone(timedelta(hours=1)))
    assert article.updated == datetime(2025, 3, 4, 11, 40, tzinfo=timezone(timedelta(hours=1)))
    assert article.language == "en-gb"
    assert "40 cargo ships had cleared customs at Saltmere" in article.text
    assert "no more than 30 ships" in article.text
    assert not article.declares_live_blog


def test_scripts_styles_and_handlers_do_not_reach_the_text():
    text = extract_article(page("article.html"), url=f"{BASE}/news/x").text
    for fragment in ("alert", "<script", "onclick", "document.cookie", "javascript:", "Copyright"):
        assert fragment not in text


def test_a_page_without_text_is_refused():
    with pytest.raises(ArticleParseError):
        extract_article("<html><body><script>var a = 1;</script></body></html>", url=BASE)


def test_garbage_markup_is_refused():
    with pytest.raises(ArticleParseError):
        extract_article("<<<>>><<!--", url=BASE)


def test_live_blog_posts_come_out_in_page_order_with_heading_time_and_permalink():
    posts = split_html_liveblog(page("liveblog.html"), url=f"{BASE}/live/ostmark-floods")
    assert [post.heading for post in posts] == [
        "Rescue service says 140 people evacuated overnight",
        "Water level at Brenn bridge reaches 6.2 metres",
        "Rail line closed between Ostmark and Lenz",
    ]
    first = posts[0]
    assert first.published == datetime(2025, 6, 2, 9, 30, tzinfo=UTC)
    assert first.permalink == f"{BASE}/live/ostmark-floods#post-3"
    assert first.text == (
        "The regional rescue service said it had evacuated 140 people from riverside villages overnight, "
        "most of them by boat.\n\nA spokesperson said two people were still missing."
    )


def test_a_plain_article_is_not_a_live_blog():
    assert split_html_liveblog(page("article.html"), url=BASE) == []


def test_live_blog_posts_found_by_shape_not_by_class_names():
    html = """<html><body><main>
      <section><h3>First update</h3><p><time datetime="2025-01-01T10:00:00Z">10:00</time></p>
        <p>The ministry said 3 bridges were closed.</p><a rel="bookmark" href="/blog/1">#</a></section>
      <section><h3>Second update</h3><p><time datetime="2025-01-01T11:00:00Z">11:00</time></p>
        <p>Officials said 2 reopened.</p><a rel="bookmark" href="/blog/2">#</a></section>
    </main></body></html>"""
    posts = split_html_liveblog(html, url=f"{BASE}/blog")
    assert [(post.heading, post.permalink, post.text) for post in posts] == [
        ("First update", f"{BASE}/blog/1", "The ministry said 3 bridges were closed."),
        ("Second update", f"{BASE}/blog/2", "Officials said 2 reopened."),
    ]
