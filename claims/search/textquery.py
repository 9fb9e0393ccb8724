"""Web-search syntax ("a phrase", OR, -exclusion) read the simple way, for SQLite and highlighting.

PostgreSQL parses the same syntax itself (websearch_to_tsquery, with stemming); this reading
backs the substring match of the SQLite fallback and the highlighting that goes with it.
"""

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_EDGE_PUNCTUATION = ".,;:!?()[]{}'\u2018\u2019\u201c\u201d"


@dataclass(frozen=True)
class TextQuery:
    groups: tuple[tuple[str, ...], ...]  # every group must match; any one term of a group will do
    excluded: tuple[str, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for group in self.groups for term in group)


def parse_websearch(text: str) -> TextQuery:
    groups: list[list[str]] = []
    excluded: list[str] = []
    joins_previous = False
    for match in _TOKEN.finditer(text):
        negated, phrase, word = match.groups()
        if word is not None:
            if word.lower() == "or":
                joins_previous = bool(groups)
                continue
            negated = "-" if word.startswith("-") else ""
            term = word.lstrip("-").strip(_EDGE_PUNCTUATION)
        else:
            term = " ".join(phrase.split())
        if not term:
            continue
        if negated:
            excluded.append(term)
        elif joins_previous:
            groups[-1].append(term)
        else:
            groups.append([term])
        joins_previous = False
    return TextQuery(groups=tuple(tuple(group) for group in groups), excluded=tuple(excluded))
