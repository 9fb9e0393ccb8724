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


def test_the_picker_finds_claims_by_words_actor_or_number(editor_client, claim):
    wanted = ClaimFactory(text="the port reopened at dawn")
    for query in ("port reopened", f"#{wanted.pk}"):
        body = editor_client.get(f"/claims/{claim.pk}/links/search/", {"link_q": query}, **htmx()).content.decode()
        assert f'name="to_claim" value="{wanted.pk}"' in body, query
        assert f'value="{claim.pk}"' not in body


def test_without_javascript_find_shows_the_results_on_the_claim_page(editor_client, claim):
    wanted = ClaimFactory(text="the port reopened at dawn")
    body = editor_client.get(f"/claims/{claim.pk}/?link_q=reopened").content.decode()
    assert "<html" in body and f'name="to_claim" value="{wanted.pk}"' in body


def test_linking_twice_or_to_itself_is_refused(editor_client, claim):
    other = ClaimFactory()
    ClaimLinkFactory(from_claim=claim, to_claim=other, kind="updates")
    assert "already linked" in editor_client.post(
        f"/claims/{claim.pk}/links/", {"kind": "updates", "to_claim": other.pk}, **htmx()).content.decode()
    assert "cannot be linked to itself" in editor_client.post(
        f"/claims/{claim.pk}/links/", {"kind": "updates", "to_claim": claim.pk}, **htmx()).content.decode()
    assert ClaimLink.objects.count() == 1


def test_remove(editor_client, claim):
    link = ClaimLinkFactory(from_claim=claim)
    response = editor_client.post(f"/claims/{claim.pk}/links/{link.pk}/remove/", **htmx())
    assert response.status_code == 200 and not ClaimLink.objects.exists()
    assert AuditEntry.objects.get(action="claim_link_remove").object_id == claim.pk


def test_viewer_can_neither_link_nor_unlink(viewer_client, claim):
    link = ClaimLinkFactory(from_claim=claim)
    assert viewer_client.post(f"/claims/{claim.pk}/links/", {"kind": "updates", "to_claim": link.to_claim_id}).status_code == 403
    assert viewer_client.post(f"/claims/{claim.pk}/links/{link.pk}/remove/").status_code == 403
    assert ClaimLink.objects.count() == 1 and not AuditEntry.objects.exists()
