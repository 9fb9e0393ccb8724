"""Fact-checks: written and published by fact-checkers, public pages with ClaimReview, feeds."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from claims.desk.models import FactCheck
from claims.models import AuditEntry, Claim
from tests.desk.conftest import post_verdict

BODY = """## What we checked

The ministry's count is **not** supported.

<script>alert('x')</script> [a link](javascript:alert(1)) [imagery](https://imagery.example.org/pass)
"""


def _write(client, claim, **fields):
    data = {"headline": "The drone count does not add up", "summary": "Imagery shows 8 launches, not 15.",
            "body_format": "markdown", "body": BODY, "evidence_text": "https://imagery.example.org/pass\nPort log, 14 March"}
    data.update(fields)
    return client.post(reverse("desk:factcheck_edit", args=[claim.pk]), data)


@pytest.fixture
def judged_claim(claim, fact_checker_client):
    Claim.objects.filter(pk=claim.pk).update(review_state=Claim.ReviewState.ACCEPTED)  # an editor stands by it
    post_verdict(fact_checker_client, claim, "false", "Imagery")
    claim.refresh_from_db()
    return claim


def test_a_fact_checker_writes_publishes_and_anyone_reads_it(fact_checker_client, judged_claim):
    assert _write(fact_checker_client, judged_claim).status_code == 302
    factcheck = FactCheck.objects.get()
    assert factcheck.evidence == ["https://imagery.example.org/pass", "Port log, 14 March"]
    assert fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"}).status_code == 302
    anonymous = Client()
    page = anonymous.get(reverse("factchecks:page", args=[factcheck.pk]), {"utm_source": "feed"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h2>What we checked</h2>" in html and "<strong>not</strong>" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # raw HTML is shown as text
    assert 'href="javascript:' not in html
    document = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert document["@type"] == "ClaimReview" and document["reviewRating"]["alternateName"] == "False"
    assert document["url"].endswith(f"/factchecks/{factcheck.pk}/") and document["headline"] == factcheck.headline
    assert factcheck.headline in anonymous.get(reverse("factchecks:index")).content.decode()
    for feed in ("factchecks:rss", "factchecks:atom"):
        body = anonymous.get(reverse(feed)).content.decode()
        assert factcheck.headline in body and f"/factchecks/{factcheck.pk}/" in body
    actions = set(AuditEntry.objects.filter(object_id=judged_claim.pk).values_list("action", flat=True))
    assert {"claim_factcheck_save", "claim_factcheck_publish"} <= actions


def test_unpublished_fact_checks_stay_behind_login(fact_checker_client, judged_claim):
    _write(fact_checker_client, judged_claim)
    factcheck = FactCheck.objects.get()
    anonymous = Client()
    assert anonymous.get(reverse("factchecks:page", args=[factcheck.pk])).status_code == 404
    fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"})
    fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "0"})
    assert anonymous.get(reverse("factchecks:page", args=[factcheck.pk])).status_code == 404
    assert factcheck.headline not in anonymous.get(reverse("factchecks:rss")).content.decode()
    # Everything else still asks for a login.
    assert anonymous.get(reverse("claim_detail", args=[judged_claim.pk])).status_code == 302
    assert anonymous.get(reverse("desk:factcheck_edit", args=[judged_claim.pk])).status_code == 302


def test_a_claim_without_a_final_verdict_cannot_be_published(fact_checker_client, claim):
    _write(fact_checker_client, claim)
    factcheck = FactCheck.objects.get()
    response = fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"}, follow=True)
    assert "set a final verdict before publishing" in response.content.decode()
    assert FactCheck.objects.get().published_at is None


def test_a_claim_no_editor_accepted_cannot_be_published(fact_checker_client, judged_claim):
    Claim.objects.filter(pk=judged_claim.pk).update(review_state=Claim.ReviewState.PENDING)
    _write(fact_checker_client, judged_claim)
    factcheck = FactCheck.objects.get()
    response = fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"}, follow=True)
    assert "an editor must accept (or correct) its words and speaker" in response.content.decode()
    assert FactCheck.objects.get().published_at is None
    Claim.objects.filter(pk=judged_claim.pk).update(review_state=Claim.ReviewState.CORRECTED)
    fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"})
    assert FactCheck.objects.get().published_at is not None


def test_editors_and_viewers_cannot_write_or_publish(editor_client, claim, fact_checker):
    assert _write(editor_client, claim).status_code == 403
    factcheck = FactCheck.objects.create(claim=claim, headline="h", summary="s", author=fact_checker)
    assert editor_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"}).status_code == 403


def test_a_missing_headline_is_a_clear_error_and_keeps_what_was_typed(fact_checker_client, claim):
    response = _write(fact_checker_client, claim, headline="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required" in html and "Imagery shows 8 launches" in html
    assert not FactCheck.objects.exists()


def test_a_plain_text_body_is_escaped(fact_checker_client, judged_claim):
    _write(fact_checker_client, judged_claim, body_format="plain", body="**not bold** <b>no</b>")
    factcheck = FactCheck.objects.get()
    fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"})
    html = Client().get(reverse("factchecks:page", args=[factcheck.pk])).content.decode()
    assert "**not bold** &lt;b&gt;no&lt;/b&gt;" in html


def test_a_reopened_verdict_takes_the_fact_check_off_the_public_pages(fact_checker_client, judged_claim):
    _write(fact_checker_client, judged_claim)
    factcheck = FactCheck.objects.get()
    fact_checker_client.post(reverse("desk:factcheck_publish", args=[factcheck.pk]), {"published": "1"})
    post_verdict(fact_checker_client, judged_claim, "misleading", "Partly true after all")
    html = Client().get(reverse("factchecks:page", args=[factcheck.pk])).content.decode()
    assert '"alternateName": "Misleading"' in html  # a new finding stays public, with its rating
    post_verdict(fact_checker_client, judged_claim, "in_progress", "New footage to check")
    assert Client().get(reverse("factchecks:page", args=[factcheck.pk])).status_code == 404
    assert FactCheck.objects.get().published_at is None
    entry = AuditEntry.objects.get(action="claim_factcheck_unpublish", object_id=judged_claim.pk)
    assert entry.after == {"published": False, "because": "verdict In progress"}
