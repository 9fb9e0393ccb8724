import pytest

from claims.models import AuditEntry, Claim
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, claim):
    response = editor_client.post(f"/claims/{claim.pk}/accept/", {"version": 1}, **htmx())
    assert response.status_code == 200
    assert 'class="badge state-accepted"' in response.content.decode()
    claim.refresh_from_db()
    assert (claim.review_state, claim.version, claim.reviewed_by, claim.human_touched) == ("accepted", 2, editor, True)
    entry = AuditEntry.objects.get(object_type="claim", object_id=claim.pk)
    assert (entry.user, entry.action, entry.before["review_state"], entry.after["review_state"]) == (
        editor, "claim_accept", "pending", "accepted")


def test_without_javascript_it_redirects_back(editor_client, claim):
    response = editor_client.post(f"/claims/{claim.pk}/accept/", {"version": 1, "next": "/review/?page=2"})
    assert response.status_code == 302 and response["Location"] == "/review/?page=2"


def test_a_stale_version_changes_nothing_and_says_who_did(editor_client, claim, fact_checker):
    Claim.objects.filter(pk=claim.pk).update(version=2)
    AuditEntry.objects.create(user=fact_checker, action="claim_reject", object_type="claim", object_id=claim.pk,
                              before={"version": 1}, after={"version": 2, "review_state": "rejected"})
    response = editor_client.post(f"/claims/{claim.pk}/accept/", {"version": 1}, **htmx())
    body = response.content.decode()
    assert "Not saved: fran-factchecker changed this claim" in body
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"


def test_a_conflict_lists_what_changed_and_offers_the_same_action_on_the_current_version(client, editor, fact_checker, claim):
    client.force_login(fact_checker)
    client.post(f"/claims/{claim.pk}/reject/", {"version": 1}, **htmx())
    client.force_login(editor)
    body = client.post(f"/claims/{claim.pk}/accept/", {"version": 1}, **htmx()).content.decode()
    assert "Not saved: fran-factchecker changed this claim while you were looking at it." in body
    assert '<span class="audit-action">rejected</span>' in body
    assert '<span class="field">review state</span>: <del>Waiting for review</del> → <ins>Rejected</ins>' in body
    assert "You were about to accept it" in body and 'class="accept intended"' in body
    assert 'name="version" value="2"' in body  # pressing Accept again accepts what is there now
    assert Claim.objects.get(pk=claim.pk).review_state == "rejected"
    client.post(f"/claims/{claim.pk}/accept/", {"version": 2}, **htmx())
    assert Claim.objects.get(pk=claim.pk).review_state == "accepted"


def test_a_conflict_without_javascript_says_what_changed_after_the_redirect(client, editor, fact_checker, claim):
    client.force_login(fact_checker)
    client.post(f"/claims/{claim.pk}/accept/", {"version": 1})
    client.force_login(editor)
    response = client.post(f"/claims/{claim.pk}/reject/", {"version": 1, "next": "/review/"}, follow=True)
    body = response.content.decode()
    assert "Not saved: fran-factchecker changed this claim" in body and "review state: Waiting for review → Accepted" in body
    assert Claim.objects.get(pk=claim.pk).review_state == "accepted"


def test_viewer_is_forbidden_and_nothing_changes(viewer_client, claim):
    response = viewer_client.post(f"/claims/{claim.pk}/accept/", {"version": 1}, **htmx())
    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"
    assert not AuditEntry.objects.exists()


def test_get_is_not_allowed(editor_client, claim):
    assert editor_client.get(f"/claims/{claim.pk}/accept/").status_code == 405


def test_missing_version_is_a_bad_request(editor_client, claim):
    assert editor_client.post(f"/claims/{claim.pk}/accept/", {}).status_code == 400


def test_csrf_is_enforced(editor, claim):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(f"/claims/{claim.pk}/accept/", {"version": 1}, **htmx()).status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"
