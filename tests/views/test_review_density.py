import pytest

from claims.models import UserPreferences

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, claim):
    assert 'class="queue"' in editor_client.get("/review/").content.decode()
    response = editor_client.post("/review/density/", {"density": "compact", "next": "/review/?page=1"})
    assert response.status_code == 302 and response.url == "/review/?page=1"
    assert UserPreferences.objects.get(user=editor).queue_density == "compact"
    body = editor_client.get("/review/").content.decode()
    assert 'class="queue compact"' in body
    assert 'value="compact" aria-pressed="true"' in body


def test_the_choice_follows_the_person_to_another_browser(client, editor, claim):
    client.force_login(editor)
    client.post("/review/density/", {"density": "compact"})
    client.logout()
    client.force_login(editor)
    assert 'class="queue compact"' in client.get("/review/").content.decode()


def test_it_is_per_person(editor_client, fact_checker, claim):
    editor_client.post("/review/density/", {"density": "compact"})
    editor_client.force_login(fact_checker)
    assert 'class="queue"' in editor_client.get("/review/").content.decode()


def test_an_unknown_density_is_a_400_and_changes_nothing(editor_client, editor):
    assert editor_client.post("/review/density/", {"density": "huge"}).status_code == 400
    assert not UserPreferences.objects.filter(user=editor).exists()


def test_it_requires_post_and_a_login(client):
    assert client.post("/review/density/", {"density": "compact"}).status_code == 302  # to the login page
