"""Token authentication per user; the API only reads."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.api.services import api_token_issue
from tests.factories import UserFactory

LISTS = ["/api/claims/", "/api/actors/", "/api/articles/"]


@pytest.mark.parametrize("path", LISTS + ["/api/"])
def test_no_token_is_401(db, path):
    response = APIClient().get(path)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_wrong_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/claims/").status_code == 401


@pytest.mark.parametrize("path", LISTS)
def test_viewer_token_reads(api, corpus, path):
    assert api.get(path).status_code == 200


def test_viewer_token_cannot_write(api, corpus):
    claim = corpus.grain_deal
    assert api.post("/api/claims/", {"text": "new"}, format="json").status_code == 405
    assert api.put(f"/api/claims/{claim.pk}/", {"text": "changed"}, format="json").status_code == 405
    assert api.patch(f"/api/claims/{claim.pk}/", {"verdict": "false"}, format="json").status_code == 405
    assert api.delete(f"/api/claims/{claim.pk}/").status_code == 405
    assert api.delete(f"/api/actors/{corpus.russia.pk}/").status_code == 405
    claim.refresh_from_db()
    assert claim.text == "the grain deal would not be extended" and claim.verdict == "unverified"


def test_fact_checker_token_cannot_write_either(fact_checker, corpus):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=fact_checker).key}")
    assert client.patch(f"/api/claims/{corpus.grain_deal.pk}/", {"verdict": "false"}, format="json").status_code == 405


def test_login_without_a_role_is_403(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=UserFactory(username='no-role')).key}")
    assert client.get("/api/claims/").status_code == 403


def test_api_token_command_prints_the_same_token_until_rotated(viewer, capsys):
    call_command("api_token", viewer.username)
    first = capsys.readouterr().out.strip()
    call_command("api_token", viewer.username)
    assert capsys.readouterr().out.strip() == first
    call_command("api_token", viewer.username, "--rotate")
    rotated = capsys.readouterr().out.strip()
    assert rotated != first and len(rotated) == 40
    old = APIClient()
    old.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert old.get("/api/claims/").status_code == 401


def test_api_token_page_makes_and_shows_a_token(viewer_client, viewer):
    assert "You have no token yet" in viewer_client.get("/search/api-token/").content.decode()
    assert viewer_client.post("/search/api-token/").status_code == 302
    assert viewer.auth_token.key in viewer_client.get("/search/api-token/").content.decode()


def _token_client(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_a_token_older_than_the_configured_age_is_refused(viewer, settings):
    settings.API_TOKEN_MAX_AGE_DAYS = 30
    token = api_token_issue(user=viewer)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=31))
    response = _token_client(token).get("/api/claims/")
    assert response.status_code == 401 and "expired" in response.json()["detail"]


def test_without_an_age_limit_an_old_token_still_works(viewer, settings):
    settings.API_TOKEN_MAX_AGE_DAYS = 0
    token = api_token_issue(user=viewer)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=3650))
    assert _token_client(token).get("/api/claims/").status_code == 200


def test_a_password_change_revokes_the_token(viewer):
    token = api_token_issue(user=viewer)
    viewer.set_password("a-brand-new-long-password")
    viewer.save()
    assert not Token.objects.filter(user=viewer).exists()
    assert _token_client(token).get("/api/claims/").status_code == 401


def test_deactivating_a_user_revokes_the_token(viewer):
    token = api_token_issue(user=viewer)
    viewer.is_active = False
    viewer.save()
    assert not Token.objects.filter(pk=token.pk).exists()


def test_logging_in_keeps_the_token(viewer, client):
    token = api_token_issue(user=viewer)
    client.post("/accounts/login/", {"username": viewer.username, "password": "pw-for-tests-1"})
    assert Token.objects.filter(pk=token.pk).exists()


def test_the_schema_needs_a_login_or_a_token(viewer, client):
    assert client.get("/api/schema/").status_code in (401, 403)
    assert _token_client(api_token_issue(user=viewer)).get("/api/schema/").status_code == 200
