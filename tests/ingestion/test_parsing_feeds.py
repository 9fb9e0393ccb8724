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


@pytest.mark.parametrize(("name", "version"), [("jsonfeed11.json", "json11"), ("jsonfeed1.json", "json1")])
def test_json_feeds_are_read_like_rss_and_atom(name, version):
    parsed = parse_feed(feed_bytes(name), url=f"{BASE}/feed.json", content_type="application/feed+json")
    assert parsed.version == version
    assert parsed.entries[0].url.startswith(f"{BASE}/news/")


def test_json_feed_entries_keep_url_title_and_times_and_count_the_ones_without_a_link():
    parsed = parse_feed(feed_bytes("jsonfeed11.json"), url=f"{BASE}/feed.json")
    assert parsed.title == "The Meridian Courier: Harbour"
    first, second = parsed.entries
    assert (first.url, first.title) == (f"{BASE}/news/harbour-cranes", "Harbour board says 12 cranes idle")
    assert first.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    assert first.updated == datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
    assert second.url == f"{BASE}/news/ferry-timetable"  # external_url when there is no url
    assert parsed.entries_without_link == 1


def test_whitespace_before_the_xml_prolog_is_no_malformed_feed():
    body = feed_bytes("rss_odd_entries.xml")
    assert body.startswith(b"\n")
    parsed = parse_feed(body, url=f"{BASE}/odd.xml")
    assert parsed.version == "rss20" and parsed.warning == ""


def test_epoch_dates_redirect_links_and_linkless_entries():
    parsed = parse_feed(feed_bytes("rss_odd_entries.xml"), url=f"{BASE}/odd.xml")
    by_title = {entry.title: entry for entry in parsed.entries}
    assert by_title["Epoch-dated entry"].published == datetime(2025, 5, 18, 20, 0, tzinfo=UTC)
    assert by_title["FeedBurner entry"].url == f"{BASE}/news/feedburner-original"
    assert by_title["Google Alerts entry"].url == f"{BASE}/news/alert-target?id=7"
    assert by_title["Entry from the year 1"].published is None
    assert parsed.entries_without_link == 1
    assert "Entry without a link" not in by_title
