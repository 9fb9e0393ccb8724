import pytest

from claims.models import AuditEntry, ClaimLink
from tests.factories import ClaimLinkFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, claim):
    link = ClaimLinkFactory(from_claim=claim)
    response = editor_client.post(f"/claims/{claim.pk}/links/{link.pk}/remove/", **htmx())
    assert response.status_code == 200 and not ClaimLink.objects.exists()
    assert "Not linked to other claims." in response.content.decode()
    assert AuditEntry.objects.get(action="claim_link_remove").object_id == claim.pk


def test_a_link_of_another_claim_is_404(editor_client, claim):
    link = ClaimLinkFactory()
    assert editor_client.post(f"/claims/{claim.pk}/links/{link.pk}/remove/").status_code == 404
    assert ClaimLink.objects.count() == 1


def test_viewer_is_forbidden(viewer_client, claim):
    link = ClaimLinkFactory(from_claim=claim)
    assert viewer_client.post(f"/claims/{claim.pk}/links/{link.pk}/remove/").status_code == 403
    assert ClaimLink.objects.filter(pk=link.pk).exists() and not AuditEntry.objects.exists()
