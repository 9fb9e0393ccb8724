"""Sentence splitting with character offsets, tuned for news prose.

Newlines end sentences (paragraphs, headlines and bullets are lines). Inside a line a sentence
ends at . ! or ? (plus closing quotes or brackets) before a capital, a digit or an opening
quote, unless the dot ends an abbreviation ("Gen.", "U.S.") or an initial ("J. Smith").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep st jr sr no nos vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept est fig u.s u.k u.n e.g i.e a.m p.m".split()
)
# A sentence starts with a capital, a digit, or (on pages that lost a capital) "he said".
_BOUNDARY = re.compile(
    r"(?:[.!?]+|\u2026)[\"'\u201d\u2019)\]]*(?=[\s\u00a0]+[\"'\u201c\u2018(\[]*[A-Z0-9\u0400-\u042f])"
    r"|(?<=\w)\.(?=[\s\u00a0]+(?:he|she|they)\s+(?:said|says|added)\b)"
)
_BULLET = re.compile(r"^[\s\u00a0]*(?:[\u2022\u25cf\u25aa*\u2013\u2014-]|\d{1,2}[.)])[\s\u00a0]+")
_DOUBLE_QUOTES = {"\u201c": 1, "\u201d": -1}
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_SINGLE_QUOTED = re.compile(r"\u2018[^\u2018]*?\u2019(?![A-Za-z])")
_WORD = re.compile(r"\w")
_QUOTE_MARK = re.compile('["\u201c\u201d]')


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line it belongs to
    first_in_paragraph: bool
    terminated: bool  # ends with . ! ? (possibly before a closing quote); headlines usually do not
    opens_inside_quote: bool  # starts inside a quotation opened by an earlier sentence of the paragraph
    ends_inside_quote: bool  # a quotation is still open at its end


def _abbreviation_before(line: str, dot: int) -> bool:
    word = _LAST_WORD.search(line, max(0, dot - 30), dot)
    if not word:
        return False
    token = word[1].rstrip(".").lower()
    # "J. Smith" is an initial; "she and I." ends a sentence.
    return token in _ABBREVIATIONS or (len(token) == 1 and word[1][-1:].isupper() and word[1] != "I")


def _quote_depth_after(text: str, depth: int) -> int:
    for mark in _QUOTE_MARK.finditer(text):
        char = mark[0]
        if char == '"':
            depth = 0 if depth else 1
        elif char in _DOUBLE_QUOTES:
            depth = max(0, min(1, depth + _DOUBLE_QUOTES[char]))
    return depth


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    position = 0
    for paragraph, line in enumerate(text.split("\n")):
        line_start = position
        position += len(line) + 1
        bullet = _BULLET.match(line)
        cursor = bullet.end() if bullet else 0
        pieces = []
        for boundary in _BOUNDARY.finditer(line, cursor):
            opens_quote = line[boundary.end() :].lstrip(" \t\u00a0")[:1] in "\"\u201c"
            if line[boundary.start()] == "." and not opens_quote and _abbreviation_before(line, boundary.start()):
                continue
            if not _WORD.search(line, cursor, boundary.start()):
                continue  # "“… These tariffs are ...": an ellipsis opening a quotation ends no sentence
            pieces.append((cursor, boundary.end()))
            cursor = boundary.end()
        pieces.append((cursor, len(line)))
        depth = 0
        first = True
        for start, end in pieces:
            piece = line[start:end]
            stripped = piece.strip(" \t\u00a0\r")
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip(" \t\u00a0\r"))
            absolute = line_start + start + lead
            opens_inside = depth > 0
            depth = _quote_depth_after(stripped, depth)
            sentences.append(
                Sentence(
                    start=absolute,
                    end=absolute + len(stripped),
                    text=stripped,
                    paragraph=paragraph,
                    first_in_paragraph=first,
                    terminated=bool(re.search(r"[.!?][\"'\u201d\u2019)\]]*$", stripped)),
                    opens_inside_quote=opens_inside,
                    ends_inside_quote=depth > 0,
                )
            )
            first = False
    return sentences


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, so cues inside a quotation are not taken as attributions.

    Double quotes, and curly single quotes (British style) where the closing mark is not an
    apostrophe ("Russia’s").
    """
    regions = _double_quoted(text)
    for match in _SINGLE_QUOTED.finditer(text):
        if not any(start <= match.start() < end for start, end in regions):
            regions.append((match.start(), match.end()))
    return sorted(regions)


def _double_quoted(text: str) -> list[tuple[int, int]]:
    regions, opened = [], None
    for mark in _QUOTE_MARK.finditer(text):
        index, char = mark.start(), mark[0]
        opening = char == "\u201c" or (char == '"' and opened is None)
        if opening and opened is None:
            opened = index
        elif not opening and opened is not None:
            regions.append((opened, index + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions
