"""Matched words in a sentence, marked safely: escape everything first, then add our own <mark>s.

Both highlighters (PostgreSQL's ts_headline and the substring one) wrap matches in two
private-use characters; they are removed from the text beforehand, so the only <mark> tags in
the output are ours and nothing from the text itself can become HTML.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START, STOP = "\ue000", "\ue001"


def without_markers(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def mark_terms(text: str, terms: tuple[str, ...]) -> str:
    """Wrap case-insensitive occurrences of the terms (longest first) in the markers."""
    text = without_markers(text)
    if not terms:
        return text
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    return pattern.sub(lambda match: f"{START}{match[0]}{STOP}", text)


def render_marked(marked: str) -> SafeString:
    html = escape(marked).replace(START, '<mark class="hl-match">').replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own markers became tags
