"""Quotation marks in the house styles the rules do not read directly, turned into curly double ones.

The rules read quotations between double marks (" or “ ”). Some outlets quote with guillemets
(«We cannot ...,» he said) and British tabloids quote with single marks throughout (‘Inflation rose
this month,’ he said). Both are rewritten, one character for one so every offset stays valid, and the
claims then take their words from the original text (restore_verbatim).
"""
from __future__ import annotations

import re
from dataclasses import replace

from claims.extraction.types import ExtractedClaim

_GUILLEMETS = str.maketrans({"«": "“", "»": "”", "‹": "‘", "›": "’"})
_DOUBLE = re.compile("[\"“”]")
# A single mark opens a quotation at a line start or after a space, bracket, dash or colon, before a word; it
# closes one before a space, punctuation or the line end. "isn’t" and "Russia’s" do neither.
_MARK = re.compile(
    r"(?P<open>(?:(?<=^)|(?<=[\s(\[—–:]))['‘](?=[\w\"“(…]))"
    r"|(?P<close>(?<=\S)['’](?=[\s,.;:!?)\]—–…]|$))"
)


def normalise_quotes(text: str) -> str:
    text = text.translate(_GUILLEMETS) if "«" in text or "‹" in text else text
    if _DOUBLE.search(text) or not ("‘" in text or "'" in text):
        return text
    return "\n".join(_single_to_double(line) for line in text.split("\n"))


def _single_to_double(line: str) -> str:
    """One paragraph: tabloids reopen each paragraph of a long quotation, so each is read on its own."""
    chars = list(line)
    quoting = False
    for mark in _MARK.finditer(line):
        if mark["open"] and not quoting:
            chars[mark.start()], quoting = "“", True
        elif mark["close"] and quoting:
            chars[mark.start()], quoting = "”", False
    return "".join(chars)


def restore_verbatim(claim: ExtractedClaim, original: str) -> ExtractedClaim:
    """The claim's words as the original text writes them (its spans are the same in both texts)."""
    def words(span):
        return original[span.start:span.end] if span else None

    return replace(
        claim,
        sentence=words(claim.sentence_span),
        text=words(claim.content_span),
        actor_mention=words(claim.source_span) if claim.source_span else claim.actor_mention,
        cue=words(claim.cue_span) if claim.cue_span else claim.cue,
        quantities=tuple(replace(q, text=original[q.span.start:q.span.end]) for q in claim.quantities),
    )
