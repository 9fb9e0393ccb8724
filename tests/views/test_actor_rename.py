import pytest

from claims.models import Actor, AuditEntry
from tests.factories import ActorFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Ministry of Defence of Exampleland", "previous_name": ministry.name}, **htmx())
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="actor-profile"') and 'id="audit-trail" hx-swap-oob="true"' in body
    ministry.refresh_from_db()
    assert ministry.name == "Ministry of Defence of Exampleland"
    assert set(ministry.aliases.values_list("alias", flat=True)) == {"the ministry", "Example Defence Ministry"}
    entry = AuditEntry.objects.get(action="actor_rename")
    assert (entry.user, entry.before, entry.after) == (editor, {"name": "Example Defence Ministry"}, {"name": ministry.name})


def test_a_name_another_actor_has_is_refused(editor_client, ministry):
    ActorFactory(name="Exampleland Army")
    response = editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "exampleland army", "previous_name": ministry.name}, **htmx())
    assert "merge the two instead" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).name == "Example Defence Ministry"


def test_viewer_is_forbidden(viewer_client, ministry):
    assert viewer_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Hacked", "previous_name": ministry.name}).status_code == 403
    assert Actor.objects.get(pk=ministry.pk).name == "Example Defence Ministry"


def test_a_stale_rename_changes_nothing_shows_their_change_and_keeps_mine(client, editor, fact_checker, ministry):
    client.force_login(editor)
    page = client.get(f"/actors/{ministry.pk}/").content.decode()
    assert f'name="previous_name" value="{ministry.name}"' in page and 'name="seen" value="0"' in page
    client.force_login(fact_checker)
    client.post(f"/actors/{ministry.pk}/rename/", {"name": "Exampleland MoD", "previous_name": ministry.name, "seen": 0})

    client.force_login(editor)
    mine = {"name": "Defence Ministry of Exampleland", "previous_name": ministry.name, "seen": 0}
    body = client.post(f"/actors/{ministry.pk}/rename/", mine, **htmx()).content.decode()
    assert "Not saved: fran-factchecker changed this actor while you were editing it." in body
    assert "<del>Example Defence Ministry</del> → <ins>Exampleland MoD</ins>" in body
    assert 'value="Defence Ministry of Exampleland"' in body  # my unsaved input is still there
    assert 'name="previous_name" value="Exampleland MoD"' in body  # saving again replaces theirs on purpose
    assert Actor.objects.get(pk=ministry.pk).name == "Exampleland MoD"

    client.post(f"/actors/{ministry.pk}/rename/", {**mine, "previous_name": "Exampleland MoD"}, **htmx())
    assert Actor.objects.get(pk=ministry.pk).name == "Defence Ministry of Exampleland"


def test_a_stale_rename_without_javascript_answers_409(editor_client, ministry):
    Actor.objects.filter(pk=ministry.pk).update(name="Renamed Meanwhile")
    response = editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Mine", "previous_name": "Example Defence Ministry"})
    assert response.status_code == 409 and "Not saved" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).name == "Renamed Meanwhile"


def test_the_previous_name_is_required(editor_client, ministry):
    assert editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Mine"}).status_code == 400
    assert Actor.objects.get(pk=ministry.pk).name == "Example Defence Ministry"


def test_an_actor_merged_meanwhile_is_not_renamed(editor_client, ministry):
    target = ActorFactory(name="Exampleland MoD")
    Actor.objects.filter(pk=ministry.pk).update(merged_into=target)
    response = editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Mine", "previous_name": ministry.name})
    assert response.status_code == 409 and "merged into Exampleland MoD" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).name == "Example Defence Ministry"
