import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import env

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("helper", "value", "kwargs"),
    [
        (env.env_bool, "ture", {"default": True}),
        (env.env_int, "ten", {"default": 1}),
        (env.env_int, "0", {"default": 1, "minimum": 1}),
        (env.env_float, "fast", {"default": 1.0}),
    ],
)
def test_malformed_variable_names_itself(monkeypatch, helper, value, kwargs):
    monkeypatch.setenv("CLAIMTRACK_SAMPLE", value)
    with pytest.raises(ImproperlyConfigured, match="CLAIMTRACK_SAMPLE"):
        helper("CLAIMTRACK_SAMPLE", **kwargs)


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "postgres://127.0.0.1:5432/", "nonsense"])
def test_malformed_database_url_names_the_variable(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.env_database("DATABASE_URL", "/tmp/x.sqlite3")


def test_database_url_switches_to_postgres(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/claimtrack")
    config = env.env_database("DATABASE_URL", "/tmp/x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "claimtrack"


def test_no_database_url_means_sqlite(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert env.env_database("DATABASE_URL", "/tmp/x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.parametrize("url", ["http://127.0.0.1:6379", "redis://"])
def test_malformed_redis_url_names_the_variable(monkeypatch, url):
    monkeypatch.setenv("REDIS_URL", url)
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.env_redis_url("REDIS_URL")


def _manage(command: str, extra_env: dict, *args: str) -> subprocess.CompletedProcess:
    # Start from the process environment minus what other tests may have set in it
    # (the browser tests allow async-unsafe calls, which check --deploy rightly rejects).
    leaked = {"DJANGO_SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in leaked}
    environment.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", command, *args], cwd=REPO, env=environment, capture_output=True, text=True
    )


def _django_check(extra_env: dict, *args: str) -> subprocess.CompletedProcess:
    return _manage("check", extra_env, *args)


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "test-only-5f3a9c1e7b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9",
    "DJANGO_ALLOWED_HOSTS": "claims.example.org",
}


def _production_setting(name: str, **extra_env) -> str:
    code = f"from django.conf import settings; print(repr(settings.{name}))"
    result = _manage("shell", {**PRODUCTION, **extra_env}, "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_forwarded_proto_is_believed_only_behind_a_declared_proxy():
    assert _production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert _production_setting("SECURE_PROXY_SSL_HEADER", DJANGO_BEHIND_PROXY="true") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_sessions_last_a_shift_and_end_with_the_browser(settings):
    from config import settings as base

    assert base.SESSION_COOKIE_AGE == 12 * 3600 and base.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert _production_setting("SESSION_COOKIE_AGE", SESSION_COOKIE_AGE="3600") == "3600"


def test_a_session_cookie_is_a_browser_session_cookie(client, viewer):
    client.post("/accounts/login/", {"username": viewer.username, "password": "pw-for-tests-1"})
    cookie = client.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_app_refuses_to_start_on_malformed_variable():
    result = _django_check({"DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _django_check({"DJANGO_SETTINGS_MODULE": "config.settings.production"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = _django_check(PRODUCTION, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
