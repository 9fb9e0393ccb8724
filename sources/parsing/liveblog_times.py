"""When a live-blog post was published, from the forms pages use: a datetime attribute, epoch or
ISO text in data-time / data-post-time / data-timestamp, or a bare "20:24" / "8:05 p.m." that
only means something against the day it belongs to (the day heading above it, else the page's
own date). A bare time with no day to anchor it gives no time: we never invent a date or "00:00"."""

import re
from datetime import date, datetime, time, tzinfo

from lxml import etree

from sources.parsing.html_article import parse_datetime
from sources.parsing.metadata import parse_epoch

TIME_ATTRIBUTES = ("datetime", "data-time", "data-post-time", "data-timestamp", "data-published", "data-date")
TIME_MARKERS_XPATH = " | ".join(
    [".//time", *(f".//*[@{attribute}]" for attribute in TIME_ATTRIBUTES)]
)
_BARE_TIME = re.compile(
    r"^\s*(?P<hour>[012]?\d)[:.h](?P<minute>[0-5]\d)\s*(?P<half>[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,5}\b)?\s*$", re.IGNORECASE
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_FIRST = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE)
_CLOCK = re.compile(r"\b[012]?\d[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?", re.IGNORECASE)
TIME_LEAD_MAX = 40
DAY_HEADING_MAX = 60  # "Monday 14 September 2023" fits; a sentence that mentions a date does not


def parse_bare_time(value: str) -> time | None:
    """ "20:24", "8.05", "8:05 p.m.", "10:15 a.m. EDT" -> a clock time."""
    match = _BARE_TIME.match(value)
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    half = (match["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    return time(hour, minute) if hour < 24 else None


def is_time_lead(text: str) -> bool:
    """A short line that is a time ("10:15 a.m.", "Tuesday, 8:05 p.m."), as bold leads in "The Latest" are."""
    return bool(parse_bare_time(text) or (len(text) <= TIME_LEAD_MAX and _CLOCK.search(text)))


def parse_day(text: str, *, year_hint: int | None) -> date | None:
    """A day heading ("Monday 14 September 2023", "Sept. 14", "14 September") -> the date; a
    heading without its year takes the page's."""
    text = " ".join(text.split())
    if not text or len(text) > DAY_HEADING_MAX:
        return None
    match = _DAY_FIRST.search(text) or _MONTH_FIRST.search(text)
    if not match:
        return None
    year = int(match["year"]) if match["year"] else year_hint
    if year is None:
        return None
    try:
        return date(year, _MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
    except ValueError:
        return None


def _at_day(clock: time, *, day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def marker_time(element: etree._Element, *, day: date | None, zone: tzinfo) -> datetime | None:
    """The time one marker element carries, full or anchored to the day."""
    for attribute in TIME_ATTRIBUTES:
        raw = element.get(attribute)
        if raw:
            parsed = parse_epoch(raw) or parse_datetime(raw)
            if parsed:
                return parsed
            clock = parse_bare_time(raw)
            if clock and day:
                return _at_day(clock, day=day, zone=zone)
    return text_time(" ".join(element.text_content().split()), day=day, zone=zone)


def text_time(text: str, *, day: date | None, zone: tzinfo) -> datetime | None:
    """ "2023-09-14T20:24Z", "20:24", "14 September 2023, 20:24", "Sept. 14, 8:05 p.m." -> a time."""
    parsed = parse_datetime(text) if len(text) >= 10 else None
    if parsed:
        return parsed
    clock = parse_bare_time(text)
    if clock is None:
        found = _CLOCK.search(text)
        if found is None:
            return None
        clock = parse_bare_time(found.group(0))
        rest = text[: found.start()] + text[found.end():]
        day = parse_day(rest, year_hint=day.year if day else None) or day
    return _at_day(clock, day=day, zone=zone) if clock and day else None
