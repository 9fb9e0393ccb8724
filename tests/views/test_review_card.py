import pytest

from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client, claim):
    body = viewer_client.get(f"/claims/{claim.pk}/card/", **htmx()).content.decode()
    assert body.lstrip().startswith(f'<article class="review-card state-pending" id="claim-{claim.pk}"')


def test_without_htmx_it_is_the_claim_page(viewer_client, claim):
    assert "<html" in viewer_client.get(f"/claims/{claim.pk}/card/").content.decode()


def test_unknown_claim_is_404(viewer_client):
    assert viewer_client.get("/claims/999999/card/", **htmx()).status_code == 404
