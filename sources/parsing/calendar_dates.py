"""Calendar dates as news pages write them ("September 14, 2023", "14 March", "2023-09-14",
"09/14/2023"): found by ingestion (live-blog day headings, bylines) and by claim extraction
(quantities that are dates, event times), which imports them from here."""
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

MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(\d{{4}}))?")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAME})(?:,?\s*(\d{{4}}))?")
_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_US_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # 09/14/2023
_EUROPEAN_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # 14.09.2023


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
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
        found.append((match.start(), match.end(), safe_date(*map(int, match.groups())), True))
    for match in _US_NUMERIC.finditer(text):
        found.append((match.start(), match.end(), safe_date(int(match[3]), int(match[1]), int(match[2])), True))
    for match in _EUROPEAN_NUMERIC.finditer(text):
        found.append((match.start(), match.end(), safe_date(int(match[3]), int(match[2]), int(match[1])), True))
    for match in MONTH_DAY_YEAR.finditer(text):
        month, day, year = month_number(match[1]), int(match[2]), match[3]
        found.append((match.start(), match.end(), safe_date(int(year), month, day) if year else None, bool(year)))
    for match in DAY_MONTH_YEAR.finditer(text):
        day, month, year = int(match[1]), month_number(match[2]), match[3]
        found.append((match.start(), match.end(), safe_date(int(year), month, day) if year else None, bool(year)))
    return tuple(found)


def parse_calendar_date(text: str) -> datetime.date | None:
    """The first complete calendar date (with a year) in text, e.g. "Published September 14, 2023"."""
    dated = sorted((start, date) for start, _, date, has_year in find_calendar_dates(text) if has_year and date)
    return dated[0][1] if dated else None
