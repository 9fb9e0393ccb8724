from datetime import UTC, datetime

import pytest

from sources.parsing.feeds import FeedParseError, parse_feed
from tests.ingestion.conftest import fixture_text

BASE = "http://feeds.example.org"


def feed_bytes(name: str) -> bytes:
    return fixture_text(name).replace("{base}", BASE).encode("utf-8")


@pytest.mark.parametrize(
    ("name", "version"), [("rss091.xml", "rss091n"), ("rss10.xml", "rss10"), ("rss20.xml", "rss20"), ("atom.xml", "atom10")]
)
def test_each_feed_format_yields_canonical_entry_urls(name, version):
    parsed = parse_feed(feed_bytes(name), url=f"{BASE}/{name}")
    assert parsed.version == version
    assert f"{BASE}/news/port-strike-ends" in [entry.url for entry in parsed.entries]
    assert parsed.warning == ""


def test_rss_entries_keep_title_and_publication_time_without_tracking_parameters():
    entry = parse_feed(feed_bytes("rss20.xml"), url=f"{BASE}/rss20.xml").entries[0]
    assert entry.url == f"{BASE}/news/port-strike-ends"
    assert entry.title == "Port authority says 40 ships cleared customs after strike"
    assert entry.published == datetime(2025, 3, 4, 7, 15, tzinfo=UTC)


def test_atom_entries_carry_their_update_time_and_drop_the_fragment():
    entries = parse_feed(feed_bytes("atom.xml"), url=f"{BASE}/atom.xml").entries
    assert entries[0].url == f"{BASE}/live/ostmark-floods"
    assert entries[0].updated == datetime(2025, 6, 2, 11, 5, tzinfo=UTC)


def test_an_html_page_is_not_a_feed():
    with pytest.raises(FeedParseError, match="HTML page"):
        parse_feed(b"<!doctype html><html><body><p>Welcome</p></body></html>", url=BASE, content_type="text/html")


def test_an_empty_body_is_not_a_feed():
    with pytest.raises(FeedParseError, match="empty"):
        parse_feed(b"  \n", url=BASE)


def test_unrecoverable_xml_is_refused():
    with pytest.raises(FeedParseError):
        parse_feed(b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti", url=BASE)


def test_a_truncated_feed_keeps_the_entries_that_arrived_and_says_so():
    body = feed_bytes("rss20.xml")
    truncated = body[: body.index(b"</item>") + len(b"</item>")]
    parsed = parse_feed(truncated, url=BASE)
    assert [entry.url for entry in parsed.entries] == [f"{BASE}/news/port-strike-ends"]
    assert parsed.warning.startswith("malformed feed")
