"""Event times in news text, resolved against the passage date (the calendar dates themselves are
read by sources.parsing.calendar_dates)."""
from __future__ import annotations

import datetime
import re

from sources.parsing.calendar_dates import (
    DAY_MONTH_YEAR,
    MONTH_DAY_YEAR,
    MONTH_NAME,
    MONTHS,
    WEEKDAY_NAME,
    WEEKDAYS,
    find_calendar_dates,
    month_number,
    safe_date,
)

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
            match = MONTH_DAY_YEAR.match(month_day) or DAY_MONTH_YEAR.match(month_day)
            month, day = (month_number(match[1]), int(match[2])) if match.re is MONTH_DAY_YEAR else (month_number(match[2]), int(match[1]))
            date = safe_date(published_on.year, month, day)
            if date and date > published_on:
                date = safe_date(published_on.year - 1, month, day)
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
        month = month_number(match["month"])
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
