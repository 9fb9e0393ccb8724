import pytest

from claims.models import Actor, AuditEntry
from tests.factories import ActorFactory
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, ministry):
    government = ActorFactory(name="Exampleland")
    editor_client.post(f"/actors/{ministry.pk}/parent/", {"parent": "exampleland", "previous_parent": 0})
    assert Actor.objects.get(pk=ministry.pk).parent == government
    assert AuditEntry.objects.get(action="actor_set_parent").after == {"parent": "Exampleland"}
    editor_client.post(f"/actors/{ministry.pk}/parent/", {"parent": "", "previous_parent": government.pk})
    assert Actor.objects.get(pk=ministry.pk).parent is None


def test_a_loop_is_refused(editor_client, ministry):
    unit = ActorFactory(name="Example Air Defence", parent=ministry)
    response = editor_client.post(f"/actors/{ministry.pk}/parent/", {"parent": unit.name, "previous_parent": 0})
    assert "would make a loop" in response.content.decode()
    assert Actor.objects.get(pk=ministry.pk).parent is None


def test_viewer_is_forbidden(viewer_client, ministry):
    ActorFactory(name="Exampleland")
    assert viewer_client.post(f"/actors/{ministry.pk}/parent/", {"parent": "Exampleland", "previous_parent": 0}).status_code == 403
    assert Actor.objects.get(pk=ministry.pk).parent is None


def test_a_stale_parent_changes_nothing_and_shows_who_set_it(client, editor, fact_checker, ministry):
    government = ActorFactory(name="Exampleland")
    ActorFactory(name="Exampleland Armed Forces")
    client.force_login(fact_checker)
    client.post(f"/actors/{ministry.pk}/parent/", {"parent": government.name, "previous_parent": 0, "seen": 0})
    client.force_login(editor)
    response = client.post(f"/actors/{ministry.pk}/parent/",
                           {"parent": "Exampleland Armed Forces", "previous_parent": 0, "seen": 0}, **htmx())
    body = response.content.decode()
    assert "fran-factchecker" in body and "<ins>Exampleland</ins>" in body
    assert 'value="Exampleland Armed Forces"' in body and f'name="previous_parent" value="{government.pk}"' in body
    assert Actor.objects.get(pk=ministry.pk).parent == government
