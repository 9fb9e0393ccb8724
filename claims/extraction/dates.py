"""Calendar dates written in news text, and event times resolved against the passage date."""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Capitals too: a dateline writes "KYIV, JANUARY 18 (Reuters) -".
MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
              r"Aug|Sept?|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?")
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(\d{{4}}))?")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAME})(?:,?\s*(\d{{4}}))?")
_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_US_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # 09/14/2023
_EUROPEAN_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # 14.09.2023


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4)  # a sentence is read for its numbers and then for its event time: no need to scan it twice
def find_calendar_dates(text: str) -> tuple[tuple[int, int, datetime.date | None, bool], ...]:
    """Every written calendar date as (start, end, date or None when the year is missing, has_year)."""
    found: list[tuple[int, int, datetime.date | None, bool]] = []
    if not _DIGIT.search(text):
        return ()
    for match in _ISO.finditer(text):
        found.append((match.start(), match.end(), _safe_date(*map(int, match.groups())), True))
    for match in _US_NUMERIC.finditer(text):
        found.append((match.start(), match.end(), _safe_date(int(match[3]), int(match[1]), int(match[2])), True))
    for match in _EUROPEAN_NUMERIC.finditer(text):
        found.append((match.start(), match.end(), _safe_date(int(match[3]), int(match[2]), int(match[1])), True))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month, day, year = _month(match[1]), int(match[2]), match[3]
        found.append((match.start(), match.end(), _safe_date(int(year), month, day) if year else None, bool(year)))
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = int(match[1]), _month(match[2]), match[3]
        found.append((match.start(), match.end(), _safe_date(int(year), month, day) if year else None, bool(year)))
    return tuple(found)


def parse_calendar_date(text: str) -> datetime.date | None:
    """The first complete calendar date (with a year) in text, e.g. "Published September 14, 2023"."""
    dated = sorted((start, date) for start, _, date, has_year in find_calendar_dates(text) if has_year and date)
    return dated[0][1] if dated else None


_LOWER_WORDS = re.compile(r"[a-z]+")
# "will travel on Monday" is the coming Monday; reports of the past take the last one.
_FUTURE = re.compile(r"\b(?:will|would|shall|is to|are to|is due to|are due to|plans? to|next|is expected to|are expected to)\b", re.IGNORECASE)
_TIME_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, "overnight", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year"]
)
_EVENT_TIME = re.compile(
    rf"\b(?:(?:on|since|by|until|last|this|late on|early on)\s+)?(?P<weekday>{WEEKDAY_NAME})(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|\b(?:in|since|by|until|last|early|late|mid-?)\s+(?P<month>{MONTH_NAME})(?!\s+\d)(?:\s+(?P<month_year>\d{{4}}))?\b"
    r"|\b(?P<relative>overnight|yesterday|today|tonight|this morning|this afternoon|this evening|last night"
    r"|last week|last month|last year|earlier this week|earlier this month|earlier this year|this week|this month)\b",
    re.IGNORECASE,
)


def resolve_event_time(text: str, published_on: datetime.date | None) -> tuple[datetime.date | None, str | None]:
    """The first event-time expression in text and its date, resolved against the passage date.

    Explicit dates win over relative words; a date without a year takes the latest year that
    does not put it after the passage date (news reports the past). Never raises: a passage date
    at the edge of the calendar (year 1, year 9999) leaves the date unresolved, not the article unextracted.
    """
    try:
        return _resolve_event_time(text, published_on)
    except (OverflowError, ValueError):
        return None, None


def _resolve_event_time(text: str, published_on: datetime.date | None) -> tuple[datetime.date | None, str | None]:
    for start, end, date, has_year in sorted(find_calendar_dates(text)):
        if date is None and published_on is not None:
            month_day = text[start:end]
            match = _MONTH_DAY_YEAR.match(month_day) or _DAY_MONTH_YEAR.match(month_day)
            month, day = (_month(match[1]), int(match[2])) if match.re is _MONTH_DAY_YEAR else (_month(match[2]), int(match[1]))
            date = _safe_date(published_on.year, month, day)
            if date and date > published_on:
                date = _safe_date(published_on.year - 1, month, day)
        return date, text[start:end]
    if _TIME_WORDS.isdisjoint(_LOWER_WORDS.findall(text.lower())):
        return None, None
    match = _EVENT_TIME.search(text)
    if not match:
        return None, None
    phrase = match[0]
    if published_on is None:
        return None, phrase
    if match["weekday"]:
        target = WEEKDAYS.index(match["weekday"].lower())
        if _FUTURE.search(text) and not phrase.lower().startswith("last"):
            return published_on + datetime.timedelta(days=(target - published_on.weekday()) % 7), phrase
        back = (published_on.weekday() - target) % 7
        if phrase.lower().startswith("last") and back == 0:
            back = 7
        return published_on - datetime.timedelta(days=back), phrase
    if match["month"]:
        month = _month(match["month"])
        year = int(match["month_year"]) if match["month_year"] else published_on.year - (month > published_on.month)
        return datetime.date(year, month, 1), phrase
    relative = match["relative"].lower()
    if relative in ("overnight", "today", "tonight", "this morning", "this afternoon", "this evening"):
        return published_on, phrase
    if relative in ("yesterday", "last night"):
        return published_on - datetime.timedelta(days=1), phrase
    if relative == "last week":
        return published_on - datetime.timedelta(days=published_on.weekday() + 7), phrase
    if relative == "last month":
        first = published_on.replace(day=1) - datetime.timedelta(days=1)
        return first.replace(day=1), phrase
    if relative == "last year":
        return datetime.date(published_on.year - 1, 1, 1), phrase
    return None, phrase
