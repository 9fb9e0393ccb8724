"""Page metadata made trustworthy: dates that cannot be right refused, author lists cleaned,
the site's name cut from the title."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

EARLIEST_PLAUSIBLE_YEAR = 1990  # before the web: a CMS default ("0001-01-01"), not a publication date
FUTURE_TOLERANCE = timedelta(days=1)  # time zones and clock skew; a week ahead is a typo
EPOCH_MILLISECONDS = 10**11  # larger epoch numbers are milliseconds


@dataclass(frozen=True)
class DateCandidate:
    source: str  # where the page gives it ("article:published_time", "JSON-LD datePublished")
    value: datetime | None
    raw: str = ""


def parse_epoch(value: str) -> datetime | None:
    """Unix time in seconds or milliseconds ("1747598400", "1747594800000")."""
    if not value.strip().isdigit():
        return None
    number = int(value.strip())
    seconds = number / 1000 if number >= EPOCH_MILLISECONDS else number
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def date_is_plausible(value: datetime, *, now: datetime | None = None) -> bool:
    now = now or datetime.now(tz=UTC)
    return value.year >= EARLIEST_PLAUSIBLE_YEAR and value <= now + FUTURE_TOLERANCE


def first_plausible_date(
    candidates: Iterable[DateCandidate], *, label: str, warnings: list[str], now: datetime | None = None
) -> datetime | None:
    """The first candidate that is a possible date; each impossible one refused adds a warning,
    so an editor can see why the date came from a later source (or is missing)."""
    for candidate in candidates:
        if candidate.value is None:
            continue
        if date_is_plausible(candidate.value, now=now):
            return candidate.value
        warnings.append(f"ignored impossible {label} date {candidate.raw or candidate.value.isoformat()!r} ({candidate.source})")
    return None


# Authors -----------------------------------------------------------------------------------

_BY_PREFIX = re.compile(r"^(?:(?:analysis|opinion|commentary|review|story|words|text|written|reporting)\s+)?by[:\s]+", re.IGNORECASE)
_ROLE_WORDS = (
    r"writer|editor(?:-at-large)?|correspondent|reporter|producer|analyst|columnist|contributor|"
    r"journalist|chief|bureau|anchor|host|photographer|staff"
)
# ", AP National Security Writer", " CNN Editor-at-large", ", for CNN": a role after the name.
_TRAILING_ROLE = re.compile(rf"(?:,\s*|\s+)(?:(?:for|at|of)\s+)?(?:[A-Z][\w.&'-]*\s+){{0,4}}(?:{_ROLE_WORDS})\b.*$", re.IGNORECASE)
_AFTER_COMMA_OUTLET = re.compile(r",\s*(?:[A-Z][\w.&'-]*\s*){1,3}$")
_SPLIT_NAMES = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|;\s*|\s*\|\s*)", re.IGNORECASE)
FORM_WORDS = frozenset({"username", "password", "email", "e-mail", "search", "sign in", "log in", "login", "subscribe", "menu"})


def _one_author(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:-–—")
    name = _BY_PREFIX.sub("", name)
    without_role = _TRAILING_ROLE.sub("", name).strip(" ,")
    # A name that is only a role ("Guardian staff reporter") is kept as the page gives it.
    if without_role and len(without_role.split()) >= 2:
        name = without_role
    if "," in name:
        name = _AFTER_COMMA_OUTLET.sub("", name).strip(" ,")
    if name.isupper():
        name = name.title()
    return name


def clean_authors(names: Iterable[str]) -> list[str]:
    """"By A and B, AP Writers" -> ["A", "B"]: prefixes and roles stripped, joint bylines split,
    form labels dropped, case variants of one name kept once (the first, mixed case preferred)."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for raw in names:
        raw = _BY_PREFIX.sub("", " ".join(str(raw).split()))
        # A role at the end of a joint byline belongs to all of them: strip it before splitting.
        raw = _TRAILING_ROLE.sub("", raw) if len(_TRAILING_ROLE.sub("", raw).split()) >= 2 else raw
        for part in _SPLIT_NAMES.split(raw):
            name = _one_author(part)
            key = name.casefold()
            if not name or key in FORM_WORDS or key in seen or not any(ch.isalpha() for ch in name):
                continue
            seen.add(key)
            cleaned.append(name)
    return cleaned


# Titles ------------------------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—:-]|::)\s+")
SECTION_WORDS = 3  # "National", "World news", "Middle East": a section name sits before the site's


def _name_key(text: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", text.lower().removeprefix("the "))
    return key.removesuffix("news") or key


def clean_title(title: str, *, site_name: str = "", domain_label: str = "") -> str:
    """"Headline - National | Globalnews.ca" -> "Headline": the site's name (its og:site_name or
    its domain's name) and the section names just before it are cut from the end."""
    title = " ".join(title.split())
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    site_key, label = _name_key(site_name), domain_label.lower()

    def names_the_site(part: str) -> bool:
        key = _name_key(part)
        return bool(key) and (key == site_key or (len(label) >= 3 and label in re.sub(r"[^a-z0-9]", "", part.lower())))

    cut = len(parts)
    while cut > 1 and names_the_site(parts[cut - 1]):
        cut -= 1
    if cut == len(parts):
        return title
    while cut > 1 and len(parts[cut - 1].split()) <= SECTION_WORDS and len(" ".join(parts[: cut - 1]).split()) > SECTION_WORDS:
        cut -= 1
    # Rebuild from the original text so separators inside the headline survive.
    kept = title
    for part in reversed(parts[cut:]):
        kept = kept[: kept.rfind(part)].rstrip()
        kept = re.sub(r"\s*(?:[|–—:-]|::)$", "", kept)
    return kept or title
