"""RSS 0.9x/1.0/2.0 and Atom feeds (read with feedparser) and JSON Feed 1 and 1.1, reduced to
what ingestion needs."""

import calendar
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit
from xml.sax import SAXException

import feedparser

from sources.parsing.html_article import parse_datetime
from sources.parsing.metadata import date_is_plausible, parse_epoch
from sources.parsing.urls import InvalidUrl, canonicalize_url

JSON_FEED_VERSIONS = ("https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1")
# Hosts whose links only redirect to the article, and the query parameter that names it.
REDIRECT_PARAMETERS = {"www.google.com": "url", "google.com": "url"}


class FeedParseError(ValueError):
    """The body is not a feed we can read (HTML page, empty, unrecoverable XML)."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    published: datetime | None
    updated: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    version: str
    entries: list[FeedEntry] = field(default_factory=list)
    # Set when the XML was broken but feedparser's lenient parser still recovered entries.
    warning: str = ""
    # Entries with no usable link: reported on the feed, never dropped silently.
    entries_without_link: int = 0


def _plausible(value: datetime | None) -> datetime | None:
    return value if value is not None and date_is_plausible(value) else None


def _entry_date(parsed: time.struct_time | None, raw: str | None) -> datetime | None:
    """The entry's date. Epoch seconds (some CMSs write them) first: feedparser misreads
    "1747598400" as the year 1747."""
    epoch = parse_epoch(raw or "")
    if epoch is not None:
        return _plausible(epoch)
    if parsed is not None:
        return _plausible(datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC))
    return _plausible(parse_datetime(raw))


def unwrap_redirect(url: str) -> str:
    """The article a Google Alerts redirect (google.com/url?url=...) points to; other URLs as given."""
    parts = urlsplit(url)
    parameter = REDIRECT_PARAMETERS.get((parts.hostname or "").lower())
    if parameter and parts.path == "/url":
        target = parse_qs(parts.query).get(parameter, [""])[0]
        if target.startswith(("http://", "https://")):
            return target
    return url


def _usable_url(*candidates: str | None) -> str | None:
    for candidate in candidates:
        if not candidate or not isinstance(candidate, str):
            continue
        try:
            return canonicalize_url(unwrap_redirect(candidate))
        except InvalidUrl:
            continue
    return None


def _entry_url(entry) -> str | None:
    # FeedBurner keeps the publisher's own link in feedburner:origLink; its <link> is a redirect.
    return _usable_url(entry.get("feedburner_origlink"), entry.get("link"), entry.get("id"))


def _unique_entries(entries: list[FeedEntry | None]) -> tuple[list[FeedEntry], int]:
    """Entries with a link, first of each URL kept; and how many had no usable link."""
    kept, seen = [], set()
    for entry in entries:
        if entry is not None and entry.url not in seen:
            seen.add(entry.url)
            kept.append(entry)
    return kept, sum(1 for entry in entries if entry is None)


def _json_feed(body: bytes) -> ParsedFeed | None:
    """A JSON Feed (version 1 or 1.1), or None when the body is not one."""
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("version") not in JSON_FEED_VERSIONS:
        return None
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedParseError("JSON Feed without an items list")
    entries = []
    for item in items:
        url = _usable_url(item.get("url"), item.get("external_url"), item.get("id")) if isinstance(item, dict) else None
        entries.append(
            FeedEntry(
                url=url,
                title=str(item.get("title") or "").strip(),
                published=_plausible(parse_datetime(item.get("date_published"))),
                updated=_plausible(parse_datetime(item.get("date_modified"))),
            )
            if url
            else None
        )
    kept, without_link = _unique_entries(entries)
    version = "json" + document["version"].rsplit("/", 1)[-1].replace(".", "")
    return ParsedFeed(
        title=str(document.get("title") or "").strip(), version=version, entries=kept, entries_without_link=without_link
    )


def parse_feed(body: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse raw bytes (feedparser finds the encoding from the XML prolog and the header)."""
    if not body.strip():
        raise FeedParseError("empty body")
    # Whitespace before "<?xml" is a well-formedness error that loses nothing: drop it, not the feed.
    body = body.lstrip()
    if body.startswith(b"{"):
        json_feed = _json_feed(body)
        if json_feed is not None:
            return json_feed
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    version = parsed.get("version", "")
    # Only broken XML is worth a warning; feedparser also flags harmless charset/type mismatches.
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    xml_problem = problem if isinstance(problem, SAXException) else None
    if not version:
        looks_like_html = b"<html" in body[:2048].lower()
        reason = "an HTML page, not a feed" if looks_like_html else f"not a feed ({problem or 'unknown format'})"
        raise FeedParseError(reason)
    entries, without_link = _unique_entries(
        [
            FeedEntry(
                url=entry_url,
                title=entry.get("title", "").strip(),
                # dict.get: feedparser's own get() falls back to the published time, with a warning.
                published=_entry_date(dict.get(entry, "published_parsed"), dict.get(entry, "published")),
                updated=_entry_date(dict.get(entry, "updated_parsed"), dict.get(entry, "updated")),
            )
            if (entry_url := _entry_url(entry))
            else None
            for entry in parsed.entries
        ]
    )
    if xml_problem is not None and not entries:
        raise FeedParseError(f"malformed feed: {xml_problem}")
    return ParsedFeed(
        title=parsed.feed.get("title", "").strip(),
        version=version,
        entries=entries,
        warning=f"malformed feed, entries recovered: {xml_problem}" if xml_problem else "",
        entries_without_link=without_link,
    )
