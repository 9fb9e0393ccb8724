"""The API as people see it in a browser: DRF's browsable pages behind login, the schema as a page."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_logged_in_browser_gets_the_browsable_api(viewer_client, corpus):
    response = viewer_client.get("/api/claims/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Django REST framework" in page and "/static/rest_framework/" in page


def test_programs_still_get_json(api, corpus):
    response = api.get("/api/claims/")
    assert response["Content-Type"] == "application/json"


def test_an_anonymous_browser_gets_no_data(client, corpus):
    response = client.get("/api/claims/", headers={"Accept": "text/html"})
    assert response.status_code in (401, 403)
    assert corpus.grain_deal.text not in response.content.decode()


def test_quantities_are_numbers(api, corpus):
    claims = api.get("/api/claims/", {"q": "Kursk"}).json()["results"]
    assert claims[0]["quantities"][0]["value"] == 10000
    assert claims[0]["quantities"][0]["total"] is None


def test_the_schema_renders_as_a_page_served_from_our_own_static_files(viewer_client):
    assert Client().get("/api/schema/docs/").status_code in (401, 403)  # the schema is no public map
    response = viewer_client.get("/api/schema/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()
    # Our Content-Security-Policy refuses inline script and style: the page has none.
    assert "<script>" not in page and "<style" not in page
    script = viewer_client.get("/api/schema/docs/?script=")
    assert script["Content-Type"] == "application/javascript" and b"SwaggerUIBundle" in script.content
