from datetime import timedelta

import pytest

from claims.models import AuditEntry, Claim
from claims.services.review import claim_accept, claims_bulk_reject, claims_review_undo
from tests.factories import AttributionFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, claim):
    response = editor_client.post(f"/claims/{claim.pk}/accept/", {"version": claim.version}, **htmx())
    assert f'hx-post="/claims/{claim.pk}/undo/"' in response.content.decode()  # the card offers an undo
    response = editor_client.post(f"/claims/{claim.pk}/undo/", **htmx())
    assert "Undone: the claim is back as it was." in response.content.decode()
    claim.refresh_from_db()
    assert (claim.review_state, claim.reviewed_by, claim.reviewed_at, claim.human_touched) == ("pending", None, None, False)
    assert claim.version == 3
    actions = list(AuditEntry.objects.filter(object_id=claim.pk).order_by("id").values_list("action", flat=True))
    assert actions == ["claim_accept", "claim_review_undo"]  # both are on the record


def test_undo_puts_back_the_previous_reviewer(editor, fact_checker, claim):
    claim = claim_accept(claim_id=claim.pk, user=fact_checker, expected_version=claim.version)
    accepted_at = claim.reviewed_at
    from claims.services.review import claim_reject

    claim_reject(claim_id=claim.pk, user=editor, expected_version=claim.version)
    assert claims_review_undo(claim_ids=[claim.pk], user=editor) == 1
    claim.refresh_from_db()
    assert (claim.review_state, claim.reviewed_by, claim.reviewed_at) == ("accepted", fact_checker, accepted_at)


def test_a_bulk_reject_is_undone_from_the_notice(editor_client, editor):
    claims = [AttributionFactory().claim for _ in range(3)]
    claims_bulk_reject(claim_ids=[c.pk for c in claims], user=editor)
    response = editor_client.post("/review/undo-selected/", {"claim_ids": [c.pk for c in claims], "next": "/review/"}, **htmx())
    assert "Undone: 3 claims back as they were." in response.content.decode()
    assert set(Claim.objects.values_list("review_state", flat=True)) == {"pending"}
    assert AuditEntry.objects.filter(action="claim_review_undo").count() == 3


def test_after_a_minute_it_is_too_late(editor_client, editor, claim):
    claim_accept(claim_id=claim.pk, user=editor, expected_version=claim.version)
    AuditEntry.objects.filter(object_id=claim.pk).update(created_at=AuditEntry.objects.get().created_at - timedelta(seconds=61))
    response = editor_client.post(f"/claims/{claim.pk}/undo/", **htmx())
    assert "Not undone" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).review_state == "accepted"


def test_a_change_made_since_is_never_undone(editor, fact_checker, claim):
    claim = claim_accept(claim_id=claim.pk, user=editor, expected_version=claim.version)
    from claims.services.review import claim_reject

    claim_reject(claim_id=claim.pk, user=fact_checker, expected_version=claim.version)
    assert claims_review_undo(claim_ids=[claim.pk], user=editor) == 0
    assert Claim.objects.get(pk=claim.pk).review_state == "rejected"


def test_nobody_undoes_someone_else_s_action(editor, fact_checker, claim):
    claim_accept(claim_id=claim.pk, user=editor, expected_version=claim.version)
    assert claims_review_undo(claim_ids=[claim.pk], user=fact_checker) == 0


def test_viewer_is_forbidden(viewer_client, claim):
    assert viewer_client.post(f"/claims/{claim.pk}/undo/").status_code == 403
    assert viewer_client.post("/review/undo-selected/", {"claim_ids": [claim.pk]}).status_code == 403


def test_the_audit_trail_does_not_list_the_undo_bookkeeping(viewer_client, editor, claim):
    claim_accept(claim_id=claim.pk, user=editor, expected_version=claim.version)
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    trail = body[body.index('id="audit-trail"'):]
    assert "restore" not in trail and "human_touched" not in trail


def test_a_correction_is_undone_with_its_content_actor_date_and_numbers(editor_client, editor, claim, attribution):
    from datetime import date

    from tests.factories import ActorFactory

    other = ActorFactory(name="Port Authority")
    before = (claim.text, claim.actor_id, claim.asserted_on, attribution.content_start, attribution.content_end,
              [q.text for q in claim.quantities.all()])
    response = editor_client.post(f"/claims/{claim.pk}/edit/", {
        "version": claim.version, "actor": "Port Authority", "content": "it shot down 12 of 15 drones",
        "asserted_on": "2026-01-02", "quantities": "12 of 15 drones\n3 soldiers",
    }, **htmx())
    assert f'hx-post="/claims/{claim.pk}/undo/"' in response.content.decode()
    claim.refresh_from_db()
    assert (claim.review_state, claim.actor, claim.asserted_on) == ("corrected", other, date(2026, 1, 2))

    editor_client.post(f"/claims/{claim.pk}/undo/", **htmx())
    claim.refresh_from_db()
    attribution.refresh_from_db()
    after = (claim.text, claim.actor_id, claim.asserted_on, attribution.content_start, attribution.content_end,
             [q.text for q in claim.quantities.all()])
    assert after == before and claim.review_state == "pending"
    undo = AuditEntry.objects.get(action="claim_review_undo")
    assert undo.before["actor"] == "Port Authority" and undo.after["actor"] == "Example Defence Ministry"
