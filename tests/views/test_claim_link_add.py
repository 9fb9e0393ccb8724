import pytest

from claims.models import AuditEntry, ClaimLink
from tests.factories import ClaimFactory, ClaimLinkFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, claim):
    other = ClaimFactory(text="only four drones crossed the border")
    response = editor_client.post(f"/claims/{claim.pk}/links/", {"kind": "contradicts", "to_claim": other.pk}, **htmx())
    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card" id="links-section">')
    assert "only four drones crossed the border" in body and 'id="audit-trail" hx-swap-oob="true"' in body
    assert ClaimLink.objects.get().kind == "contradicts"
    assert AuditEntry.objects.get(action="claim_link_add").after == {"link": f"contradicts claim #{other.pk}"}


def test_linking_twice_or_to_itself_is_refused(editor_client, claim):
    other = ClaimFactory()
    ClaimLinkFactory(from_claim=claim, to_claim=other, kind="updates")
    assert "already linked" in editor_client.post(
        f"/claims/{claim.pk}/links/", {"kind": "updates", "to_claim": other.pk}, **htmx()).content.decode()
    assert "cannot be linked to itself" in editor_client.post(
        f"/claims/{claim.pk}/links/", {"kind": "updates", "to_claim": claim.pk}, **htmx()).content.decode()
    assert ClaimLink.objects.count() == 1


def test_viewer_is_forbidden(viewer_client, claim):
    link = ClaimLinkFactory(from_claim=claim)
    assert viewer_client.post(f"/claims/{claim.pk}/links/", {"kind": "updates", "to_claim": link.to_claim_id}).status_code == 403
    assert ClaimLink.objects.count() == 1 and not AuditEntry.objects.exists()
