"""A claim people can read on its own: the content span with its leading pronoun named.

"it shot down 12 of 15 drones launched from Karsk overnight." says nothing in a list, a search
result or an export; "Veldora's defence ministry shot down 12 of 15 drones launched from Karsk
overnight." does. The verbatim content span stays the claim's text; this is how it is shown.
The same rule is written once for Python (pages, JSON) and once as SQL (the CSV export's COPY),
both from the pronoun lists here.
"""
from __future__ import annotations

import re

SUBJECT_PRONOUNS = ("it", "he", "she", "they", "we")
POSSESSIVE_PRONOUNS = ("its", "his", "her", "their", "our")
_LEADING = re.compile(rf"^(?P<pronoun>{'|'.join(SUBJECT_PRONOUNS + POSSESSIVE_PRONOUNS)})\s+", re.IGNORECASE)
_QUOTED = "\"“‘'"


def readable_statement(content: str, actor_name: str | None) -> str:
    """The content with a leading pronoun replaced by the actor's name ("its forces" -> "Ukraine's forces")."""
    if not actor_name or not content or content[0] in _QUOTED:
        return content
    match = _LEADING.match(content)
    if not match:
        return content
    name = f"{actor_name}'s" if match["pronoun"].lower() in POSSESSIVE_PRONOUNS else actor_name
    return f"{name} {content[match.end():]}"


def readable_statement_sql(content: str, actor_name: str) -> str:
    """readable_statement as a PostgreSQL expression over two columns (no parameters: the lists are ours)."""
    subject = "|".join(SUBJECT_PRONOUNS)
    possessive = "|".join(POSSESSIVE_PRONOUNS)
    quotes = _QUOTED.replace("'", "''")
    rest = f"regexp_replace({content}, '^\\S+\\s+', '')"
    return (
        f"CASE WHEN {actor_name} IS NULL OR {actor_name} = '' OR left({content}, 1) = ANY(regexp_split_to_array('{quotes}', ''))"
        f" THEN {content}"
        f" WHEN {content} ~* '^({possessive})\\s' THEN {actor_name} || '''s ' || {rest}"
        f" WHEN {content} ~* '^({subject})\\s' THEN {actor_name} || ' ' || {rest}"
        f" ELSE {content} END"
    )
