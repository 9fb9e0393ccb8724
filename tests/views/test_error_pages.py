"""403, 404 and 500 use the app's layout and say what to do next."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_a_viewer_on_the_operations_page_gets_a_page_that_explains(viewer_client):
    response = viewer_client.get("/ops/")
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="mainnav"' in page and "claimtrack.css" in page
    assert "Your role does not allow this page" in page
    assert "with the role viewer" in page
    assert 'href="/search/"' in page


def test_a_missing_claim_gets_the_styled_404(editor_client):
    response = editor_client.get("/claims/987654/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="mainnav"' in page and "There is nothing at this address" in page


def test_the_500_page_renders_without_a_request_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page and "claimtrack.css" in page
    assert 'href="/"' in page and "mainnav" not in page  # no user: no menu
