import pytest

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_it_works_for_an_editor(editor_client):
    ClaimFactory.create_batch(2)
    response = editor_client.get("/")
    assert response.status_code == 200
    assert b'href="/review/"' in response.content
    assert b'<p class="big-number">2</p>' in response.content


def test_fact_checker_sees_claims_waiting_for_a_verdict(fact_checker_client):
    ClaimFactory(text="the bridge reopened", review_state="accepted")
    ClaimFactory(text="already ruled on", review_state="accepted", verdict="false")
    body = fact_checker_client.get("/").content.decode()
    assert "Waiting for a verdict" in body and "the bridge reopened" in body
    assert body.count("already ruled on") == 1  # only in "latest accepted", not in the verdict list


def test_viewer_is_not_sent_to_work_it_cannot_do(viewer_client):
    body = viewer_client.get("/").content.decode()
    assert "Start reviewing" not in body and "Waiting for a verdict" not in body


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
