import pytest

from claims.models import Actor, AuditEntry
from tests.factories import ActorFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, ministry):
    response = editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Ministry of Defence of Exampleland"}, **htmx())
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="actor-profile"') and 'id="audit-trail" hx-swap-oob="true"' in body
    ministry.refresh_from_db()
    assert ministry.name == "Ministry of Defence of Exampleland"
    assert set(ministry.aliases.values_list("alias", flat=True)) == {"the ministry", "Example Defence Ministry"}
    entry = AuditEntry.objects.get(action="actor_rename")
    assert (entry.user, entry.before, entry.after) == (editor, {"name": "Example Defence Ministry"}, {"name": ministry.name})


def test_a_name_another_actor_has_is_refused(editor_client, ministry):
    ActorFactory(name="Exampleland Army")
    response = editor_client.post(f"/actors/{ministry.pk}/rename/", {"name": "exampleland army"}, **htmx())
    assert "merge the two instead" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).name == "Example Defence Ministry"


def test_viewer_is_forbidden(viewer_client, ministry):
    assert viewer_client.post(f"/actors/{ministry.pk}/rename/", {"name": "Hacked"}).status_code == 403
    assert Actor.objects.get(pk=ministry.pk).name == "Example Defence Ministry"
