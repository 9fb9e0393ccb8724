import pytest

from sources.parsing.urls import (
    InvalidUrl,
    canonicalize_url,
    first_bare_url,
    resolve_canonical_url,
)


def test_canonical_url_drops_tracking_parameters_fragment_and_default_port():
    url = "HTTPS://News.Example.ORG:443/world/story?id=7&utm_source=rss&fbclid=abc&at_medium=x&gclid=1#comments"
    assert canonicalize_url(url) == "https://news.example.org/world/story?id=7"


def test_canonical_url_keeps_meaningful_parameters_in_order_and_custom_ports():
    assert canonicalize_url("http://example.org:8080?b=2&a=1") == "http://example.org:8080/?b=2&a=1"


@pytest.mark.parametrize("url", ["ftp://example.org/a", "javascript:alert(1)", "file:///etc/passwd", "/relative/path", ""])
def test_canonical_url_refuses_non_web_urls(url):
    with pytest.raises(InvalidUrl):
        canonicalize_url(url)


def test_rel_canonical_is_resolved_against_the_page_and_ignored_when_unusable():
    page = "https://example.org/a/b?utm_campaign=z"
    assert resolve_canonical_url(page_url=page, canonical_href="/story/1") == "https://example.org/story/1"
    assert resolve_canonical_url(page_url=page, canonical_href="javascript:void(0)") == "https://example.org/a/b"
    assert resolve_canonical_url(page_url=page, canonical_href=None) == "https://example.org/a/b"


def test_first_bare_url_finds_a_saved_page_short_link():
    text = "Title\n\nSome lead with https://inline.example/x inside.\n  https://NWD.example/p/7QxR2  \nmore"
    assert first_bare_url(text) == "https://nwd.example/p/7QxR2"
    assert first_bare_url("no links here") is None
