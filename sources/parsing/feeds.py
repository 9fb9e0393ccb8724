"""RSS 0.9x/1.0/2.0 and Atom feeds, read with feedparser, reduced to what ingestion needs."""

import calendar
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.sax import SAXException

import feedparser

from sources.parsing.urls import InvalidUrl, canonicalize_url


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


def _as_datetime(parsed: time.struct_time | None) -> datetime | None:
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _entry_url(entry) -> str | None:
    for candidate in (entry.get("link"), entry.get("id")):
        if not candidate:
            continue
        try:
            return canonicalize_url(candidate)
        except InvalidUrl:
            continue
    return None


def parse_feed(body: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse raw bytes (feedparser finds the encoding from the XML prolog and the header)."""
    if not body.strip():
        raise FeedParseError("empty body")
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
    entries = []
    seen = set()
    for entry in parsed.entries:
        entry_url = _entry_url(entry)
        if entry_url is None or entry_url in seen:
            continue
        seen.add(entry_url)
        entries.append(
            FeedEntry(
                url=entry_url,
                title=entry.get("title", "").strip(),
                # dict.get: feedparser's own get() falls back to the published time, with a warning.
                published=_as_datetime(dict.get(entry, "published_parsed")),
                updated=_as_datetime(dict.get(entry, "updated_parsed")),
            )
        )
    if xml_problem is not None and not entries:
        raise FeedParseError(f"malformed feed: {xml_problem}")
    return ParsedFeed(
        title=parsed.feed.get("title", "").strip(),
        version=version,
        entries=entries,
        warning=f"malformed feed, entries recovered: {xml_problem}" if xml_problem else "",
    )
