"""Offline extraction over saved pages: `python -m claims.extraction.cli PATH... --format jsonl|table`.

The `extract_claims` management command wraps main(); nothing here touches a database.
Files are read through ingestion's parsing, so the command finds what ingestion would store. Spans in
the output are offsets into the file's text as read (a .txt file decoded; for .html, the headline and
the passages ingestion stores, a blank line apart).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from claims.extraction.document import PARAGRAPH_BREAK, PassageText, extract_document
from claims.extraction.extractor import EXTRACTOR_VERSION
from claims.extraction.gazetteer import Gazetteer
from claims.extraction.types import ExtractedClaim, ExtractedQuantity, Span
from sources.parsing.documents import IngestError, document_from_upload, document_passages


@dataclass(frozen=True)
class ReadDocument:
    """A saved file as ingestion reads it: the text spans refer to, and its passages with their offsets."""

    text: str
    title: str
    passages: list[tuple[int, PassageText]]
    is_live_blog: bool
    links: list[str]  # the page's own URL or posts' permalinks: they tell whose outlet it is


def read_document(path: Path) -> ReadDocument:
    """Read a file through ingestion's own parsing (sources.parsing.documents). The text is the file decoded
    for a text view; for HTML it is the headline, then the passages ingestion stores, a blank line apart."""
    body = path.read_bytes()
    try:
        document = document_from_upload(body=body, name=path.name)
    except IngestError:
        # A saved page that names no URL of its own still has text worth reading.
        document = document_from_upload(body=body, name=path.name, url=f"https://saved.invalid/{quote(path.name)}")
    split = document_passages(
        raw_html=document.raw_html, text=document.text, url=document.url, published=document.published,
        declares_live_blog=document.declares_live_blog,
    )
    def day(moment):
        return moment.date() if moment else None

    drafts = [(draft, PassageText(draft.text, draft.heading or None, day(draft.published_at or document.published))) for draft in split.drafts]
    if not document.raw_html:
        text, passages, cursor = document.text, [], 0
        for draft, passage in drafts:
            start = text.find(draft.text, cursor)
            cursor = start + len(draft.text)
            passages.append((start, passage))
        return ReadDocument(text, document.title, passages, split.is_live_blog, [d.permalink for d, _ in drafts if d.permalink])
    title = "" if split.is_live_blog else document.title.strip()
    pieces, passages, cursor = ([title] if title else []), [], (len(title) + len(PARAGRAPH_BREAK) if title else 0)
    for _, passage in drafts:
        passages.append((cursor, passage))
        pieces.append(passage.text)
        cursor += len(passage.text) + len(PARAGRAPH_BREAK)
    return ReadDocument(PARAGRAPH_BREAK.join(pieces), title, passages, split.is_live_blog, [document.url])


def _publisher(permalinks: list[str], gazetteer: Gazetteer) -> str | None:
    """The outlet whose article this is, from its permalinks' host ("p.dw.com" -> DW's record)."""
    for link in permalinks:
        # Links may come through a proxy ("https://proxy.example/https/p.dw.com/p/..."): try every label.
        for label in re.findall(r"[a-z0-9-]{2,}", link.lower()):
            if label in ("http", "https", "www", "com", "org", "net"):
                continue
            candidates = gazetteer.candidates(label)
            if candidates and candidates[0].kind == "media":
                return candidates[0].name
    return None


def document_claims(document: ReadDocument, gazetteer: Gazetteer | None = None) -> Iterator[tuple[ExtractedClaim, int]]:
    """Every claim of a read document with the offset of its passage, so spans can be made file-relative."""
    gazetteer = gazetteer or Gazetteer.default()
    extraction = extract_document(
        [passage for _, passage in document.passages], title=document.title or None, is_live_blog=document.is_live_blog,
        gazetteer=gazetteer, publisher=_publisher(document.links, gazetteer),
    )
    for claim in extraction.headline.claims:
        yield claim, 0
    for (start, _), passage in zip(document.passages, extraction.passages, strict=True):
        for claim in passage.claims:
            yield claim, start


def _span(span: Span | None, offset: int) -> list[int] | None:
    return [span.start + offset, span.end + offset] if span else None


def _quantity_entries(q: ExtractedQuantity, offset: int) -> list[dict]:
    """A quantity as the contract lists it; a range ("between 80 and 100 tonnes") is also listed by its upper bound,
    as "17 of 22" lists the part and the total, so every number the sentence asserts has an entry of its own."""
    entry = {
        # As in the design's example, a count's unit is what is counted ("drones"); money and
        # percentages keep their currency code or "%".
        "value": q.value, "value_max": q.value_max, "total": q.total, "unit": q.unit or q.noun, "noun": q.noun,
        "approximate": q.approximate, "qualifier": q.qualifier, "text": q.text, "span": _span(q.span, offset),
    }
    if q.value_max is None:
        return [entry]
    return [entry, {**entry, "value": q.value_max, "value_max": None, "qualifier": "range upper bound"}]


def claim_record(doc: str, claim: ExtractedClaim, offset: int) -> dict:
    return {
        "doc": doc,
        "sentence": claim.sentence,
        "text": claim.text,
        "actor": claim.actor.name if claim.actor else None,
        "actor_mention": claim.actor_mention,
        "cue": claim.cue,
        "via": claim.via.name if claim.via else None,
        "quantities": [entry for q in claim.quantities for entry in _quantity_entries(q, offset)],
        "unverified": claim.unverified,
        "asserted_on": claim.asserted_on.isoformat() if claim.asserted_on else None,
        "event_date": claim.event_date.isoformat() if claim.event_date else None,
        "kind": claim.kind,
        "rule": claim.rule,
        "extractor_version": EXTRACTOR_VERSION,
        "spans": {
            "source": _span(claim.source_span, offset),
            "cue": _span(claim.cue_span, offset),
            "content": _span(claim.content_span, offset),
        },
    }


def _clip(text: str | None, width: int) -> str:
    text = (text or "-").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def write_table(records: list[dict], out: TextIO) -> None:
    columns = [("actor", 28), ("cue", 14), ("via", 12), ("numbers", 24), ("kind", 7), ("rule", 18), ("text", 60)]
    out.write("  ".join(name.ljust(width) for name, width in columns).rstrip() + "\n")
    for record in records:
        numbers = ", ".join(f"{_number(q['value'])}{'' if q['unit'] == q['noun'] else ' ' + q['unit']}" for q in record["quantities"])
        values = {**record, "numbers": numbers}
        out.write("  ".join(_clip(str(values[name]) if values[name] is not None else None, width).ljust(width) for name, width in columns).rstrip() + "\n")


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    parser = argparse.ArgumentParser(prog="extract_claims", description="Print the attributed claims of saved articles.")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    args = parser.parse_args(argv)
    run(args.paths, args.format, out or sys.stdout)
    return 0


def run(paths: list[Path], output_format: str, out: TextIO) -> None:
    gazetteer = Gazetteer.default()
    for path in paths:
        records = [claim_record(path.name, claim, offset) for claim, offset in document_claims(read_document(path), gazetteer)]
        if output_format == "jsonl":
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(f"== {path.name}: {len(records)} claims\n")
            write_table(records, out)


if __name__ == "__main__":
    sys.exit(main())
