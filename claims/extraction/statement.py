"""A claim people can read on its own: the content span with its leading pronoun named.

"it shot down 12 of 15 drones launched from Karsk overnight." says nothing in a list, a search
result or an export; "Veldora's defence ministry shot down 12 of 15 drones launched from Karsk
overnight." does. The verbatim content span stays the claim's text; this is how it is shown.
"""
from __future__ import annotations

import re

_LEADING_PRONOUN = re.compile(r"^(?P<pronoun>it|he|she|they|we|its|his|her|their|our)\b(?P<contraction>['’](?:s|d|ll|re|ve))?\s+",
                              re.IGNORECASE)
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our"})
_CONTRACTIONS = {"'s": " has", "’s": " has", "'d": " had", "’d": " had", "'ll": " will", "’ll": " will",
                 "'re": " are", "’re": " are", "'ve": " have", "’ve": " have"}
_OPENING_QUOTE = re.compile(r"^[\"“‘']")


def readable_statement(content: str, actor_name: str | None) -> str:
    """The content with a leading pronoun replaced by the actor's name ("its forces" -> "Ukraine's forces")."""
    text = " ".join(content.split()).strip(" ,;:")
    if not text or not actor_name or _OPENING_QUOTE.match(text):
        return text
    match = _LEADING_PRONOUN.match(text)
    if not match:
        return text
    pronoun = match["pronoun"].lower()
    name = f"{actor_name}'s" if pronoun in _POSSESSIVES else actor_name
    contraction = _CONTRACTIONS.get(match["contraction"] or "", "")
    return f"{name}{contraction} {text[match.end():]}"

