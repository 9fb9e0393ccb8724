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


def test_a_viewer_has_something_on_day_one(viewer_client):
    from tests.factories import AttributionFactory

    attribution = AttributionFactory(claim__text="the ferry resumed service")  # pending: nothing accepted yet
    body = viewer_client.get("/").content.decode()
    assert 'action="/search/"' in body
    assert "the ferry resumed service" in body and "not reviewed" in body
    assert f'href="/articles/{attribution.passage.article_id}/"' in body and "1 claim" in body
    assert "/review/" not in body.split("<main")[1]  # no review links for a viewer


def test_an_editor_is_offered_the_articles_to_review(editor_client):
    from tests.factories import AttributionFactory

    attribution = AttributionFactory()
    body = editor_client.get("/").content.decode()
    assert f'href="/articles/{attribution.passage.article_id}/review/">review 1 waiting</a>' in body
