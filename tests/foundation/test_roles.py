import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from claims.roles import EDITOR, FACT_CHECKER, VIEWER
from tests.foundation.test_settings import PRODUCTION, _manage

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_viewer_can_read_but_not_change(viewer):
    assert viewer.has_perm("claims.view_claim")
    assert viewer.has_perm("sources.view_article")
    assert not viewer.has_perm("claims.review_claim")
    assert not viewer.has_perm("claims.change_actor")
    assert not viewer.has_perm("claims.set_verdict")


def test_editor_reviews_edits_actors_and_links_but_sets_no_verdict(editor):
    assert editor.has_perm("claims.review_claim")
    assert editor.has_perm("claims.change_actor")
    assert editor.has_perm("claims.add_claimlink")
    assert not editor.has_perm("claims.set_verdict")
    assert not editor.has_perm("claims.add_evidence")


def test_fact_checker_has_editor_rights_plus_verdicts(fact_checker):
    for perm in ("claims.review_claim", "claims.change_actor", "claims.set_verdict", "claims.add_evidence"):
        assert fact_checker.has_perm(perm)


def test_add_user_command_creates_a_user_with_one_role(capsys):
    call_command("add_user", "nadia", "--role", EDITOR, "--password", "s3cret-pass-1")
    user = get_user_model().objects.get(username="nadia")
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]
    assert user.check_password("s3cret-pass-1")
    call_command("add_user", "nadia", "--role", FACT_CHECKER, "--password", "s3cret-pass-2")
    user.refresh_from_db()
    assert list(user.groups.values_list("name", flat=True)) == [FACT_CHECKER]
    assert "Updated user nadia" in capsys.readouterr().out


def test_seed_demo_twice_creates_each_demo_user_once(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    users = get_user_model().objects.filter(username__startswith="demo-")
    assert sorted(u.groups.get().name for u in users) == sorted([VIEWER, EDITOR, FACT_CHECKER])
    assert "demo-editor" in capsys.readouterr().out


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/accounts/login/").status_code == 200


def test_login_page_logs_a_user_in(client, editor):
    response = client.post("/accounts/login/", {"username": editor.username, "password": "pw-for-tests-1"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_htmx_request_without_session_gets_401_and_redirect_header(client):
    response = client.get("/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response["HX-Redirect"].startswith("/accounts/login/")


@pytest.mark.django_db(transaction=True)
def test_role_groups_survive_a_database_flush():
    from django.contrib.auth.models import Group

    call_command("flush", "--noinput", verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) >= {VIEWER, EDITOR, FACT_CHECKER}
    assert Group.objects.get(name=FACT_CHECKER).permissions.filter(codename="set_verdict").exists()


@pytest.mark.parametrize("password", ["a", "12345678", "password", "nadia2026"])
def test_add_user_refuses_a_password_the_validators_refuse(password):
    with pytest.raises(CommandError, match="Password refused"):
        call_command("add_user", "nadia", "--role", EDITOR, "--password", password)
    assert not User.objects.filter(username="nadia").exists()


def test_add_user_keeps_the_old_password_when_a_new_one_is_refused():
    call_command("add_user", "nadia", "--role", EDITOR, "--password", "s3cret-pass-1")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("add_user", "nadia", "--role", EDITOR, "--password", "a")
    assert User.objects.get(username="nadia").check_password("s3cret-pass-1")


def test_seed_demo_refuses_to_run_under_production_settings(settings):
    settings.DEMO_LOGINS_ALLOWED = False
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not User.objects.filter(username__startswith="demo-").exists()


def test_seed_demo_run_with_the_production_settings_module_fails_before_any_write():
    result = _manage("seed_demo", PRODUCTION)
    assert result.returncode != 0 and "does not run under production settings" in result.stderr
