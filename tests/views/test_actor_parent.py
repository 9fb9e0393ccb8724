import pytest

from claims.models import Actor, AuditEntry
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, ministry):
    government = ActorFactory(name="Government of Exampleland")
    editor_client.post(f"/actors/{ministry.pk}/parent/", {"parent": "government of exampleland"})
    assert Actor.objects.get(pk=ministry.pk).parent == government
    assert AuditEntry.objects.get(action="actor_set_parent").after == {"parent": "Government of Exampleland"}
    editor_client.post(f"/actors/{ministry.pk}/parent/", {"parent": ""})
    assert Actor.objects.get(pk=ministry.pk).parent is None


def test_a_loop_is_refused(editor_client, ministry):
    unit = ActorFactory(name="Example Air Defence", parent=ministry)
    response = editor_client.post(f"/actors/{ministry.pk}/parent/", {"parent": unit.name})
    assert "would make a loop" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).parent is None


def test_viewer_is_forbidden(viewer_client, ministry):
    ActorFactory(name="Government of Exampleland")
    assert viewer_client.post(f"/actors/{ministry.pk}/parent/", {"parent": "Government of Exampleland"}).status_code == 403
    assert Actor.objects.get(pk=ministry.pk).parent is None
