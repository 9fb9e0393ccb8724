import pytest

from claims.models import AuditEntry, Claim, Evidence, Verification
from claims.roles import FACT_CHECKER
from claims.services.verdicts import claim_set_verification
from tests.factories import UserFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db

EVIDENCE = {"evidence_url": "https://monitor.example.net/report", "evidence_source": "Sky Watch",
            "evidence_independent": "yes", "evidence_stance": "supports"}


def test_it_works(fact_checker_client, fact_checker, claim):
    response = fact_checker_client.post(
        f"/claims/{claim.pk}/verdict/", {"verdict": "verified", "note": "Radar logs agree", "version": claim.version, **EVIDENCE}, **htmx())
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
    for version, verdict in enumerate(("in_progress", "false"), start=claim.version):
        fact_checker_client.post(f"/claims/{claim.pk}/verdict/", {"verdict": verdict, "note": f"now {verdict}", "version": version})
    assert list(Verification.objects.order_by("id").values_list("previous_verdict", "verdict")) == [
        ("unverified", "in_progress"), ("in_progress", "false")]


def test_evidence_from_a_source_tied_to_the_claimant_does_not_verify_independently(fact_checker_client, claim):
    fact_checker_client.post(f"/claims/{claim.pk}/verdict/",
                             {"verdict": "verified", "note": "Ministry video", "version": claim.version, **EVIDENCE,
                              "evidence_independent": "no"})
    body = fact_checker_client.get(f"/claims/{claim.pk}/").content.decode()
    assert "Not independently verified" in body and "not independent of the claimant" in body


def test_note_is_required(fact_checker_client, claim):
    response = fact_checker_client.post(f"/claims/{claim.pk}/verdict/", {"verdict": "false", "note": "  ", "version": claim.version}, **htmx())
    assert "This field is required." in response.content.decode()
    assert not Verification.objects.exists() and Claim.objects.get(pk=claim.pk).verdict == "unverified"


def test_evidence_needs_independence_and_stance(fact_checker_client, claim):
    response = fact_checker_client.post(
        f"/claims/{claim.pk}/verdict/",
        {"verdict": "false", "note": "n", "version": claim.version, "evidence_text": "Harbour CCTV", "evidence_independent": "",
         "evidence_stance": ""})
    assert response.status_code == 400
    assert "Say whether the evidence" in response.content.decode()
    assert not Verification.objects.exists()


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_only_fact_checkers_set_verdicts(request, who, claim):
    client = request.getfixturevalue(who)
    response = client.post(f"/claims/{claim.pk}/verdict/", {"verdict": "false", "note": "sent by hand", "version": claim.version, **EVIDENCE})
    assert response.status_code == 403
    assert not Verification.objects.exists() and not Evidence.objects.exists()
    assert Claim.objects.get(pk=claim.pk).verdict == "unverified"


def test_the_service_itself_refuses_an_editor(editor, claim):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        claim_set_verification(claim_id=claim.pk, user=editor, verdict="false", note="by hand", expected_version=1)
    assert not Verification.objects.exists()


def _verdict(client, claim, *, version, verdict="false", note="Harbour CCTV shows no strike", **extra):
    return client.post(f"/claims/{claim.pk}/verdict/", {"verdict": verdict, "note": note, "version": version, **extra}, **htmx())


def test_the_form_carries_the_claims_version(fact_checker_client, claim):
    body = fact_checker_client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'name="version" value="{claim.version}"' in body


def test_a_double_submit_stores_one_verification_and_one_evidence(fact_checker_client, claim):
    first = _verdict(fact_checker_client, claim, version=claim.version, **EVIDENCE)
    second = _verdict(fact_checker_client, claim, version=claim.version, **EVIDENCE)
    assert (first.status_code, second.status_code) == (200, 200)
    assert Verification.objects.count() == 1 and Evidence.objects.count() == 1
    assert AuditEntry.objects.filter(action="claim_set_verdict").count() == 1
    assert Claim.objects.get(pk=claim.pk).version == claim.version + 1


def test_a_stale_page_does_not_overwrite_a_newer_verdict(fact_checker_client, claim):
    other = UserFactory(username="quick-checker", role=FACT_CHECKER)
    claim_set_verification(claim_id=claim.pk, user=other, verdict="verified", note="Radar logs", expected_version=claim.version)

    response = _verdict(fact_checker_client, claim, version=claim.version, verdict="false", note="My older look")

    body = response.content.decode()  # htmx swaps only 2xx: the fragment answers 200 and says it
    assert response.status_code == 200
    assert "quick-checker" in body and "Not saved" in body and "My older look" in body
    assert f'name="version" value="{claim.version + 1}"' in body
    assert Claim.objects.get(pk=claim.pk).verdict == "verified" and Verification.objects.count() == 1

    again = _verdict(fact_checker_client, claim, version=claim.version + 1, verdict="false", note="My older look")
    assert again.status_code == 200 and Claim.objects.get(pk=claim.pk).verdict == "false"


def test_a_stale_page_without_htmx_answers_409_with_the_form_kept(fact_checker_client, claim):
    Claim.objects.filter(pk=claim.pk).update(version=claim.version + 3)
    response = fact_checker_client.post(
        f"/claims/{claim.pk}/verdict/", {"verdict": "false", "note": "My older look", "version": claim.version})
    assert response.status_code == 409 and "My older look" in response.content.decode()
    assert not Verification.objects.exists()


def test_a_verdict_without_a_version_is_refused(fact_checker_client, claim):
    response = fact_checker_client.post(f"/claims/{claim.pk}/verdict/", {"verdict": "false", "note": "n"})
    assert response.status_code == 400 and not Verification.objects.exists()
