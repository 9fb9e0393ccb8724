"""Verification markers: the text itself says a statement is unverified or comes from an independent source."""
from __future__ import annotations

import re

UNVERIFIED = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|can not|was not able to|were not able to|has not been able to|have not been able to|"
    r"is not possible to|was not possible to|were unable to|was unable to|is unable to|are unable to)\s+"
    r"(?:(?:be|independently|immediately|yet)\s+)*(?:verif|confirm|corroborat|check|determin|establish)\w*"
    r"|\bno (?:way|means) to (?:independently )?(?:verif|confirm|check)\w*"
    r"|\b(?:unverified|unconfirmed|not (?:been )?(?:independently )?(?:verified|confirmed))\b"
    r"|\bwithout (?:providing|offering|giving|presenting|citing|showing) (?:any )?(?:evidence|proof|details)\b"
    r"|\bdid not (?:provide|offer|give|present) (?:any )?(?:evidence|proof)\b"
    r"|\b(?:provided|offered|gave|presented|cited|showed) no (?:evidence|proof)\b"
    r"|\bno evidence (?:was|has been) (?:provided|given|presented)\b"
    r"|\bno (?:immediate |independent |official )?confirmation\b"
    r"|\b(?:[Nn]either|[Nn]one)\b(?:\s+[\w'’]+){0,3}\s+(?:could|can|has|have|was|were)\s+(?:been\s+|be\s+)?(?:independently\s+)?(?:verif|confirm)\w*",
    re.IGNORECASE,
)
INDEPENDENT = re.compile(r"\bindependent(?:ly)?\s+(?:estimates?|sources?|monitors?|analysts?|experts?|observers?|count|tally|data)\b", re.IGNORECASE)


_UNVERIFIED_KEYWORDS = ("verif", "confirm", "corroborat", "check", "evidence", "proof", "details", "determin", "establish")


def is_unverified(text: str) -> bool:
    lower = text.lower()
    return any(keyword in lower for keyword in _UNVERIFIED_KEYWORDS) and bool(UNVERIFIED.search(text))


def is_independent(text: str) -> bool:
    return "ndependent" in text and bool(INDEPENDENT.search(text))


# "The figures could not be verified." / "Reuters could not independently verify the report." / "AFP said it could
# not confirm this.": a sentence that only says so; it qualifies earlier claims and asserts nothing itself.
_SAID_IT = re.compile(r"\s+(?:said|says|added)\s+(?:that\s+)?(?:it|they|he|she)\s*$")
_AUXILIARY_END = re.compile(r"\s+(?:has|have|had|is|are|was|were)$")
_OTHER_CLAUSE = re.compile(r"[,;:]|\b(?:said|says|told|added|reported|according)\b")


def marker_subject(text: str) -> str | None:
    """What a verification-marker sentence is about ("The figures", "The rebels' claims", "This"), else None."""
    if not is_unverified(text):
        return None
    marker = UNVERIFIED.search(text)
    prefix = text[: marker.start()]
    said_it = _SAID_IT.search(prefix)
    if said_it:
        prefix = prefix[: said_it.start()]
    if len(prefix.split()) > 7 or _OTHER_CLAUSE.search(prefix):
        return None
    subject = _AUXILIARY_END.sub("", prefix.strip(" \"'\u201c"))
    if marker[0][:1] not in "Nn":  # "Neither claim could be verified" is its own subject
        return subject
    return marker[0].split(" could")[0].split(" can")[0] if not subject else subject


# What a newsroom's own disclaimer is about: "the reports", "the claims", "this" name whatever was reported;
# anything more specific ("whether it also shot at them with a machine gun") names what it covers.
_GENERIC_OBJECT = re.compile(
    r"^\s*(?:the|these|those|this|that|such|its|their|any|either|both)?\s*(?:\w+\s+)?(?:reports?|claims?|figures?|accounts?|statements?|"
    r"allegations?|numbers?|videos?|footage|images?|information|details|assertions?|casualty figures|toll|it|this|them)?[\s.,]*$",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    "the a an of to in on at by for with and or but if nor whether it its it's that this these those was were is are be been "
    "had has have also then so why how what who which from as into their there they them he she his her not no".split()
)


_OWNED_STATEMENT = re.compile(
    r"^\s*(?P<owner>[^,;]+?)(?:'s|’s|s'|s’)\s+(?:\w+\s+)?(?:comments?|claims?|remarks|statements?|reports?|figures|accounts?|"
    r"assertions?|allegations?|numbers|data|tally|version)\b",
    re.IGNORECASE,
)


def statement_owner(words: str) -> str | None:
    """Whose statements a disclaimer names: "the Russian defence ministry's comments" -> "the Russian defence ministry"."""
    owned = _OWNED_STATEMENT.match(words)
    return owned["owner"] if owned else None


def disclaimer_object(text: str) -> str | None:
    """The words after the marker ("verify the reports" -> "the reports"), for a sentence that is only a marker."""
    marker = UNVERIFIED.search(text)
    return text[marker.end():] if marker else None


_SINGLE_STATEMENT = re.compile(r"^\s*(?:the|this|that|its|his|her|their)\s+(?:\w+\s+)?(?:claim|statement|assertion|allegation)\b",
                               re.IGNORECASE)
_TRAILING_ADVERB = re.compile(r"\s+(?:independently|immediately|yet|so far)(?=[\s.,]*$)", re.IGNORECASE)


def is_generic_object(words: str) -> bool:
    """ "the reports", "the figures", "it", "the accounts independently": whatever the story reported. "the claim" is not:
    a single statement, the one just before."""
    return not _SINGLE_STATEMENT.match(words) and bool(_GENERIC_OBJECT.match(_TRAILING_ADVERB.sub("", words)))


def content_bigrams(text: str) -> set[tuple[str, str]]:
    """Pairs of neighbouring content words ("machine gun"): two sentences sharing one speak of the same thing."""
    words = [w.removesuffix("s") for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS]
    return set(zip(words, words[1:]))
