import pytest

from claims.models import AuditEntry, Claim, Evidence, Verification
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db

EVIDENCE = {"evidence_url": "https://monitor.example.net/report", "evidence_source": "Sky Watch",
            "evidence_independent": "yes", "evidence_stance": "supports"}


def test_it_works(fact_checker_client, fact_checker, claim):
    response = fact_checker_client.post(
        f"/claims/{claim.pk}/verdict/", {"verdict": "verified", "note": "Radar logs agree", **EVIDENCE}, **htmx())
    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card" id="verdict-section">')
    assert "Independently verified: supported by Sky Watch, a source independent of the claimant." in body
    assert 'id="claim-badges" hx-swap-oob="true"' in body and "Verdict: Verified" in body
    assert 'id="audit-trail" hx-swap-oob="true"' in body
    verification = Verification.objects.get(claim=claim)
    assert (verification.verdict, verification.previous_verdict, verification.created_by) == ("verified", "unverified", fact_checker)
    evidence = Evidence.objects.get()
    assert (evidence.verification, evidence.is_independent, evidence.stance) == (verification, True, "supports")
    claim.refresh_from_db()
    assert (claim.verdict, claim.version) == ("verified", 2)
    assert AuditEntry.objects.get(action="claim_set_verdict").after["verdict"] == "verified"


def test_each_change_is_a_new_row_keeping_the_previous_verdict(fact_checker_client, claim):
    for verdict in ("in_progress", "false"):
        fact_checker_client.post(f"/claims/{claim.pk}/verdict/", {"verdict": verdict, "note": f"now {verdict}"})
    assert list(Verification.objects.order_by("id").values_list("previous_verdict", "verdict")) == [
        ("unverified", "in_progress"), ("in_progress", "false")]


def test_evidence_from_a_source_tied_to_the_claimant_does_not_verify_independently(fact_checker_client, claim):
    fact_checker_client.post(f"/claims/{claim.pk}/verdict/",
                             {"verdict": "verified", "note": "Ministry video", **EVIDENCE, "evidence_independent": "no"})
    body = fact_checker_client.get(f"/claims/{claim.pk}/").content.decode()
    assert "Not independently verified" in body and "not independent of the claimant" in body


def test_note_is_required(fact_checker_client, claim):
    response = fact_checker_client.post(f"/claims/{claim.pk}/verdict/", {"verdict": "false", "note": "  "}, **htmx())
    assert "This field is required." in response.content.decode()
    assert not Verification.objects.exists() and Claim.objects.get(pk=claim.pk).verdict == "unverified"


def test_evidence_needs_independence_and_stance(fact_checker_client, claim):
    response = fact_checker_client.post(
        f"/claims/{claim.pk}/verdict/",
        {"verdict": "false", "note": "n", "evidence_text": "Harbour CCTV", "evidence_independent": "", "evidence_stance": ""})
    assert response.status_code == 400
    assert "Say whether the evidence" in response.content.decode()
    assert not Verification.objects.exists()


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_only_fact_checkers_set_verdicts(request, who, claim):
    client = request.getfixturevalue(who)
    response = client.post(f"/claims/{claim.pk}/verdict/", {"verdict": "false", "note": "sent by hand", **EVIDENCE})
    assert response.status_code == 403
    assert not Verification.objects.exists() and not Evidence.objects.exists()
    assert Claim.objects.get(pk=claim.pk).verdict == "unverified"


def test_the_service_itself_refuses_an_editor(editor, claim):
    from django.core.exceptions import PermissionDenied

    from claims.services.verdicts import claim_set_verification

    with pytest.raises(PermissionDenied):
        claim_set_verification(claim_id=claim.pk, user=editor, verdict="false", note="by hand")
    assert not Verification.objects.exists()
