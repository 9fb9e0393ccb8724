"""The offline extract_claims command: the JSON contract, file-relative spans, the table, no database."""
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.extraction import EXTRACTOR_VERSION
from claims.extraction.cli import read_document

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "extraction" / "harbourline-liveblog.txt"
KEYS = {"doc", "sentence", "text", "actor", "actor_mention", "cue", "via", "quantities", "unverified", "asserted_on", "rule", "spans"}


def run_command(*args):
    out = io.StringIO()
    call_command("extract_claims", *map(str, args), stdout=out)
    return out.getvalue()


def records(*paths):
    return [json.loads(line) for line in run_command(*paths, "--format", "jsonl").splitlines()]


def test_prints_one_json_object_per_claim_in_the_design_contract():
    rows = records(FIXTURE)
    assert len(rows) >= 10
    for row in rows:
        assert KEYS <= row.keys()
        assert row["doc"] == FIXTURE.name
        assert row["extractor_version"] == EXTRACTOR_VERSION
        assert set(row["spans"]) == {"source", "cue", "content"}
        for quantity in row["quantities"]:
            assert {"value", "unit", "approximate", "text"} <= quantity.keys()


def test_spans_are_offsets_into_the_file_text():
    text = FIXTURE.read_text(encoding="utf-8")
    for row in records(FIXTURE):
        assert text[slice(*row["spans"]["content"])] == row["text"]
        assert row["sentence"] in text
        if row["spans"]["source"]:
            assert text[slice(*row["spans"]["source"])] == row["actor_mention"]
        if row["spans"]["cue"]:
            assert text[slice(*row["spans"]["cue"])] in row["cue"] or row["cue"].startswith(text[slice(*row["spans"]["cue"])])
        for quantity in row["quantities"]:
            assert text[slice(*quantity["span"])] == quantity["text"]


def test_fixture_claims_have_the_expected_actors_numbers_and_markers():
    rows = records(FIXTURE)
    by_sentence = {row["sentence"]: row for row in rows}
    downed = by_sentence["Ukraine's air force said it shot down 40 of 48 drones launched overnight."]
    assert downed["actor"] == "Ukrainian Air Force" and [q["value"] for q in downed["quantities"]] == [40, 48]
    assert downed["quantities"][0]["total"] == 48 and downed["asserted_on"] == "2025-03-03"
    assert downed["quantities"][0]["unit"] == "drones"
    money = by_sentence[
        "Kursk Governor Pavel Ostrogin wrote on Telegram that power had been restored to 3,400 homes, adding that the damage would cost more than €2 million ($2.1 million)."
    ]
    assert [(q["value"], q["unit"]) for q in money["quantities"]] == [(3400, "homes"), (2_000_000, "EUR")]
    cited = by_sentence["The TASS news agency cited the ministry as saying a 9-year-old girl was hurt by falling debris in Rylsk."]
    assert (cited["actor"], cited["via"], cited["quantities"]) == ("Russian Defense Ministry", "TASS", [])
    assert by_sentence[
        "The Russian Defense Ministry claimed that its forces had taken control of the village of Vesele Pole, a claim that could not be independently verified."
    ]["unverified"]
    headline = by_sentence["Russia says it repelled attack near border — Defense Ministry"]
    assert (headline["actor"], headline["cue"], headline["spans"]["cue"]) == ("Russian Defense Ministry", "headline", None)


def test_html_input_is_converted_to_text_and_spans_refer_to_that_text(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Dam breach</title></head><body><article><h1>Dam breach floods villages</h1>"
        "<p>Rescuers evacuated 1,400 people overnight, the regional governor said.</p>"
        "<p>The Ukrainian Interior Ministry said 12 villages were flooded.</p></article></body></html>",
        encoding="utf-8",
    )
    rows = records(page)
    assert {row["actor"] for row in rows} >= {"Ukrainian Interior Ministry"}
    assert any(1400 in [q["value"] for q in row["quantities"]] for row in rows)


def test_table_format_is_readable(tmp_path):
    copy = tmp_path / "blog.txt"
    shutil.copy(FIXTURE, copy)
    table = run_command(copy, "--format", "table")
    lines = table.splitlines()
    assert lines[0].startswith("== blog.txt:")
    assert lines[1].split()[:3] == ["actor", "cue", "via"]
    assert any("Ukrainian Air Force" in line and "40, 48" in line for line in lines)
    assert any("3,400, 2,000,000 EUR" in line for line in lines)


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run_command(tmp_path / "absent.txt")


def test_html_page_date_becomes_the_asserted_date(tmp_path):
    page = tmp_path / "dated.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2024-06-02"></head><body><article>'
        "<h1>Flood waters recede</h1><p>The water level fell by 40 centimeters overnight, officials said.</p>"
        "<p>The mayor said 300 homes were still without power.</p></article></body></html>",
        encoding="utf-8",
    )
    rows = records(page)
    assert [row["asserted_on"] for row in rows] == ["2024-06-02", "2024-06-02"]
    assert rows[1]["actor_mention"] == "The mayor"


def test_a_range_lists_its_upper_bound_as_an_entry_of_its_own(tmp_path):
    article = tmp_path / "range.txt"
    article.write_text("The agency said between 80 and 100 trucks were needed every day.\n", encoding="utf-8")
    [row] = records(article)
    assert [(q["value"], q["value_max"], q["qualifier"]) for q in row["quantities"]] == [
        (80, 100, None), (100, None, "range upper bound"),
    ]


HTML_PAGE = FIXTURE.parent / "ambry-shelling.html"


def test_an_html_page_is_read_as_ingestion_reads_it():
    rows = records(HTML_PAGE)
    text = read_document(HTML_PAGE).text  # the headline and the passages ingestion stores, a blank line apart
    assert "café" in text and "\ufffd" not in text  # a latin-1 page, decoded by its declared charset
    assert "Subscribe" not in text and "Home" not in text.split("\n\n")[1]
    for row in rows:
        assert text[slice(*row["spans"]["content"])] == row["text"]
    by_actor = {}
    for row in rows:
        by_actor.setdefault(row["actor"], []).append(row)
    assert by_actor["Tomas Brek"][0]["cue"] == "headline"  # ", says governor" is named in the body
    assert "Veldora's defence ministry" in by_actor and "Karsk's defence ministry" in by_actor
    assert not any("Reporting by" in row["sentence"] for row in rows)
    assert all(row["unverified"] for row in by_actor["Veldora's defence ministry"])
