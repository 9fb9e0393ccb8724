import pytest

from claims.models import AuditEntry, Claim
from tests.factories import AttributionFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client):
    first, second, untouched = (AttributionFactory().claim for _ in range(3))
    response = editor_client.post("/review/reject-selected/", {"claim_ids": [first.pk, second.pk], "next": "/review/"}, **htmx())
    body = response.content.decode()
    assert "Rejected 2 claims." in body
    assert f'id="claim-{untouched.pk}"' in body and f'id="claim-{first.pk}"' not in body
    assert set(Claim.objects.filter(review_state="rejected").values_list("pk", flat=True)) == {first.pk, second.pk}
    entries = AuditEntry.objects.filter(action="claim_reject")
    assert entries.count() == 2 and all(entry.after["bulk"] for entry in entries)
    # The notice offers to undo exactly these two.
    assert 'action="/review/undo-selected/"' in body
    assert f'name="claim_ids" value="{first.pk}"' in body and f'name="claim_ids" value="{untouched.pk}"' not in body.split("undo-selected")[1].split("</form>")[0]


def test_the_queue_offers_reject_beside_accept(editor_client, claim):
    body = editor_client.get("/review/").content.decode()
    assert 'formaction="/review/reject-selected/"' in body and "Reject selected" in body


def test_claims_reviewed_meanwhile_are_left_alone(editor_client):
    pending = AttributionFactory().claim
    accepted = AttributionFactory(claim__review_state="accepted").claim
    editor_client.post("/review/reject-selected/", {"claim_ids": [pending.pk, accepted.pk]})
    assert Claim.objects.get(pk=accepted.pk).review_state == "accepted"
    assert "1 had already been reviewed" in editor_client.get("/review/").content.decode()


def test_viewer_is_forbidden(viewer_client, claim):
    assert viewer_client.post("/review/reject-selected/", {"claim_ids": [claim.pk]}).status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"
