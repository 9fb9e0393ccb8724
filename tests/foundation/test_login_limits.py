"""Failed logins are limited per account and per address (django-axes), with a page that says so
and an admin-side reset."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.factories import UserFactory

PASSWORD = "a-long-enough-test-password"


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    return settings


def _login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_wrong_passwords_lock_the_account_even_for_the_right_one(db, limits):
    UserFactory(username="target", password=PASSWORD)
    client = Client()
    statuses = [_login(client, "target", f"guess-{n}").status_code for n in range(5)]
    response = _login(client, "target", PASSWORD)
    assert statuses[:4] == [200] * 4 and statuses[4] == 429
    assert response.status_code == 429 and "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(db, limits):
    UserFactory(username="target", password=PASSWORD)
    for n in range(5):
        _login(Client(), "target", f"guess-{n}", REMOTE_ADDR="10.1.1.1")
    assert _login(Client(), "target", PASSWORD, REMOTE_ADDR="10.2.2.2").status_code == 429


def test_one_address_trying_many_accounts_is_locked(db, limits):
    UserFactory(username="someone", password=PASSWORD)
    for n in range(5):
        _login(Client(), f"user-{n}", "guess", REMOTE_ADDR="10.3.3.3")
    assert _login(Client(), "someone", PASSWORD, REMOTE_ADDR="10.3.3.3").status_code == 429
    assert _login(Client(), "someone", PASSWORD, REMOTE_ADDR="10.4.4.4").status_code == 302


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(db, limits):
    UserFactory(username="typo", password=PASSWORD)
    client = Client()
    for n in range(3):
        _login(client, "typo", f"guess-{n}")
    assert _login(client, "typo", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="typo").exists()


def test_an_admin_unlocks_an_account_by_deleting_its_attempts(db, limits, admin_client):
    UserFactory(username="target", password=PASSWORD)
    for n in range(5):
        _login(Client(), "target", f"guess-{n}")
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin_client.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": attempts, "post": "yes"}
    )
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    assert _login(Client(), "target", PASSWORD).status_code == 302
