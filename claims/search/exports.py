"""CSV and JSON exports of a search, streamed row by row so memory stays flat at any size."""

import csv
import json
from collections.abc import Iterator
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder

from claims.extraction.statement import readable_statement
from claims.search.selectors import ClaimSearch, claims_in_order, first_attributions

CHUNK_SIZE = 2000
COLUMNS = (
    "id", "asserted_on", "actor", "statement", "claim", "sentence", "outlet", "article_url", "verdict", "review_state",
    "claim_url",
)
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def export_rows(search: ClaimSearch, *, claim_url) -> Iterator[dict]:
    """One dict per matching claim, in the page's order, reading CHUNK_SIZE claims at a time."""
    claims = claims_in_order(search).values_list("id", "asserted_on", "actor__name", "text", "verdict", "review_state")
    rows = claims.iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        attributions = first_attributions([row[0] for row in chunk])
        for claim_id, asserted_on, actor_name, text, verdict, review_state in chunk:
            attribution = attributions.get(claim_id, {})
            yield {
                "id": claim_id,
                "asserted_on": asserted_on,
                "actor": actor_name or "",
                "statement": readable_statement(text, actor_name),
                "claim": text,
                "sentence": attribution.get("sentence", ""),
                "outlet": attribution.get("passage__article__outlet__name", ""),
                "article_url": attribution.get("passage__article__url", ""),
                "verdict": verdict,
                "review_state": review_state,
                "claim_url": claim_url(claim_id),
            }


class _Line:
    """csv.writer writes into this and gets the line back, so each row can be yielded at once."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for row in rows:
        yield writer.writerow([neutralise_formula(row[column]) for column in COLUMNS])


def json_chunks(rows: Iterator[dict]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
