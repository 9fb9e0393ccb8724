"""CSV and JSON exports: streamed, in the page's order, with spreadsheet formulas neutralised."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.http import StreamingHttpResponse
from django.urls import reverse

from tests.search.conftest import make_claim


def body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def test_csv_export_streams_every_match_in_order(viewer_client, corpus):
    response = viewer_client.get(reverse("search:export_csv"), {"q": "drone", "children": "on", "actor": "Russia", "sort": "date"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [int(row["id"]) for row in rows] == [corpus.crimea_drones.pk, corpus.undated_exercise.pk]
    first = rows[0]
    assert first["actor"] == "Russian Defense Ministry" and first["asserted_on"] == "2023-09-14"
    assert first["outlet"] == "DW" and first["verdict"] == "false" and first["review_state"] == "accepted"
    assert first["sentence"].startswith("The Russian Defense Ministry said")
    assert first["claim_url"] == f"http://testserver/claims/{corpus.crimea_drones.pk}/"


def test_json_export_is_a_valid_array(viewer_client, corpus):
    response = viewer_client.get(reverse("search:export_json"), {"verdict": ["false", "misleading"]})
    assert response.status_code == 200
    rows = json.loads(body(response))
    assert [row["id"] for row in rows] == [corpus.korean_troops.pk, corpus.crimea_drones.pk]
    assert rows[0]["outlet"] == "Reuters" and rows[0]["asserted_on"] == "2024-11-12"


def test_json_export_of_nothing_is_an_empty_array(viewer_client, corpus):
    assert json.loads(body(viewer_client.get(reverse("search:export_json"), {"q": "nothingmatchesthis"}))) == []


def test_csv_export_neutralises_formulas(viewer_client, corpus):
    for text in ("=HYPERLINK(\"http://evil.example\")", "+1+2", "-3+4", "@SUM(A1)", "\tcmd", "\rcmd"):
        make_claim(text=text, sentence=f"{text} is what the formula said", actor=corpus.air_force, outlet=corpus.dw,
                   asserted_on=corpus.grain_deal.asserted_on)
    rows = list(csv.DictReader(io.StringIO(body(viewer_client.get(reverse("search:export_csv"), {"date_from": "2023-10-02", "date_to": "2023-10-02"})))))
    claims = sorted(row["claim"] for row in rows)
    assert claims == sorted(["'=HYPERLINK(\"http://evil.example\")", "'+1+2", "'-3+4", "'@SUM(A1)", "'\tcmd", "'\rcmd",
                             "the grain deal would not be extended"])
    assert all(row["sentence"][0] == "'" for row in rows if row["claim"][0] == "'")


def test_export_bad_input_is_400(viewer_client, corpus):
    response = viewer_client.get(reverse("search:export_csv"), {"date_to": "yesterday"})
    assert response.status_code == 400
    assert response.content.decode() == "Asserted until: Enter a valid date."


def test_export_requires_a_role(client, corpus):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="nobody-special"))
    assert client.get(reverse("search:export_csv")).status_code == 403


def test_export_reads_in_chunks_and_keeps_each_sentence_with_its_claim(viewer_client, corpus, monkeypatch):
    from claims.search import exports

    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    rows = list(csv.DictReader(io.StringIO(body(viewer_client.get(reverse("search:export_csv"))))))
    assert len(rows) == 5
    assert all(row["claim"] in row["sentence"] or row["claim"].startswith("10,000") for row in rows)


def test_exports_carry_a_readable_statement_beside_the_verbatim_claim(viewer_client, corpus):
    rows = json.loads(body(viewer_client.get(reverse("search:export_json"), {"q": "overnight"})))
    row = next(row for row in rows if row["claim"].startswith("it downed"))
    assert row["statement"] == f"{row['actor']} downed 17 of 22 Russian drones overnight"
    lines = list(csv.DictReader(io.StringIO(body(viewer_client.get(reverse("search:export_csv"), {"q": "overnight"})))))
    assert any(line["statement"].startswith(row["actor"]) for line in lines)


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="COPY is PostgreSQL's")
@pytest.mark.parametrize("sort", ["date", "relevance"])
def test_the_copy_export_writes_what_the_row_by_row_export_writes(corpus, sort):
    from claims.search import exports
    from claims.search.forms import SearchForm

    make_claim(text="=1+1 drones", sentence="-2 drones, said nobody", actor=corpus.air_force, outlet=corpus.dw,
               asserted_on=None)
    form = SearchForm({"q": "drones OR grain", "sort": sort})
    assert form.is_valid()
    search = form.search()
    claim_url = lambda claim_id: f"https://claims.example.org/claims/{claim_id}/"  # noqa: E731
    copied = b"".join(exports.csv_copy_chunks(search, claim_url=claim_url)).decode()
    row_by_row = "".join(exports.csv_lines(exports.export_rows(search, claim_url=claim_url)))
    assert list(csv.reader(io.StringIO(copied))) == list(csv.reader(io.StringIO(row_by_row)))
    assert "'=1+1 drones" in copied and "'-2 drones, said nobody" in copied
