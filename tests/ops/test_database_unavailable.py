"""While the database is down, pages answer 503 in the app's layout with Retry-After, never 500."""

import pytest

from tests.ops.conftest import database_unreachable

pytestmark = pytest.mark.django_db


def test_a_page_answers_503_in_the_apps_layout(viewer_client):
    with database_unreachable():
        response = viewer_client.get("/review/")
    body = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert 'class="topbar"' in body and "The database is unavailable right now" in body and "try again" in body


def test_an_htmx_request_gets_a_short_message_for_its_alert_area(viewer_client):
    with database_unreachable():
        response = viewer_client.get("/review/", headers={"HX-Request": "true"})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["HX-Retarget"] == "#htmx-alert"
    assert response.content.decode() == '<p class="error">The database is unavailable right now. Nothing was lost: try again in a moment.</p>'


def test_an_outage_met_inside_a_view_is_a_503_too(client):
    client.get("/accounts/login/")
    with database_unreachable():
        response = client.post("/accounts/login/", {"username": "someone", "password": "anything-at-all"})
    assert response.status_code == 503


def test_healthz_still_answers(client):
    with database_unreachable():
        assert client.get("/healthz").status_code == 200
