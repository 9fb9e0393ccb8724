import pytest

from claims.models import AuditEntry, Claim
from tests.factories import AttributionFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client):
    first, second, untouched = (AttributionFactory().claim for _ in range(3))
    response = editor_client.post("/review/accept-selected/", {"claim_ids": [first.pk, second.pk], "next": "/review/"}, **htmx())
    body = response.content.decode()
    assert "Accepted 2 claims." in body
    assert body.lstrip().startswith('<section id="queue-list"')
    assert f'id="claim-{untouched.pk}"' in body and f'id="claim-{first.pk}"' not in body
    assert set(Claim.objects.filter(review_state="accepted").values_list("pk", flat=True)) == {first.pk, second.pk}
    assert AuditEntry.objects.filter(action="claim_accept").count() == 2


def test_claims_reviewed_meanwhile_are_left_alone(editor_client):
    pending = AttributionFactory().claim
    rejected = AttributionFactory(claim__review_state="rejected").claim
    response = editor_client.post("/review/accept-selected/", {"claim_ids": [pending.pk, rejected.pk]})
    assert response.status_code == 302
    assert Claim.objects.get(pk=rejected.pk).review_state == "rejected"
    assert "1 had already been reviewed" in editor_client.get("/review/").content.decode()


def test_viewer_is_forbidden(viewer_client, claim):
    assert viewer_client.post("/review/accept-selected/", {"claim_ids": [claim.pk]}).status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"
