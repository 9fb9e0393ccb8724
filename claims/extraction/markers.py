"""Verification markers: the text itself says a statement is unverified or comes from an independent source."""
from __future__ import annotations

import re

UNVERIFIED = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|can not|was not able to|were not able to|has not been able to|have not been able to|"
    r"is not possible to|was not possible to|were unable to|was unable to|is unable to|are unable to)\s+(?:be\s+)?"
    r"(?:independently\s+|immediately\s+|yet\s+)*(?:verif|confirm|corroborat)\w*"
    r"|\b(?:unverified|unconfirmed|not (?:been )?(?:independently )?(?:verified|confirmed))\b"
    r"|\bwithout (?:providing|offering|giving|presenting|citing|showing) (?:any )?(?:evidence|proof|details)\b"
    r"|\bdid not (?:provide|offer|give|present) (?:any )?(?:evidence|proof)\b"
    r"|\bno evidence (?:was|has been) (?:provided|given|presented)\b"
    r"|\bno (?:immediate |independent |official )?confirmation\b",
    re.IGNORECASE,
)
INDEPENDENT = re.compile(r"\bindependent(?:ly)?\s+(?:estimates?|sources?|monitors?|analysts?|experts?|observers?|count|tally|data)\b", re.IGNORECASE)


_UNVERIFIED_KEYWORDS = ("verif", "confirm", "corroborat", "evidence", "proof", "details")


def is_unverified(text: str) -> bool:
    lower = text.lower()
    return any(keyword in lower for keyword in _UNVERIFIED_KEYWORDS) and bool(UNVERIFIED.search(text))


def is_independent(text: str) -> bool:
    return "ndependent" in text and bool(INDEPENDENT.search(text))
