from datetime import date

import pytest

from claims.models import AuditEntry
from tests.factories import ActorAliasFactory, ActorFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client, ministry):
    government = ActorFactory(name="Exampleland", kind="government")
    ministry.parent = government
    ministry.save()
    ActorFactory(name="Example Air Force", parent=ministry)
    ClaimFactory(actor=ministry, verdict="false", asserted_on=date(2026, 3, 2), text="the bridge is intact")
    ClaimFactory(actor=ministry, verdict="verified", asserted_on=date(2026, 3, 3))
    ClaimFactory(actor=ministry, verdict="verified", asserted_on=date(2026, 2, 20))
    body = viewer_client.get(f"/actors/{ministry.pk}/").content.decode()
    assert "Example Defence Ministry" in body and "the ministry" in body and "Exampleland" in body
    assert "Exampleland" in body and "Example Air Force" in body
    assert "Verified <strong>2</strong>" in body and "False <strong>1</strong>" in body
    assert body.count('class="verdict-fill-verified"') == 2  # two weeks with verified claims
    assert body.count('class="verdict-fill-false"') == 1
    assert "the bridge is intact" in body


def test_viewer_sees_no_editing_forms(viewer_client, ministry):
    body = viewer_client.get(f"/actors/{ministry.pk}/").content.decode()
    assert "Edit this actor" not in body and "/rename/" not in body


def test_changes_are_shown_in_the_audit_trail(viewer_client, ministry, editor):
    AuditEntry.objects.create(user=editor, action="actor_rename", object_type="actor", object_id=ministry.pk,
                              before={"name": "Defence Min."}, after={"name": ministry.name})
    body = viewer_client.get(f"/actors/{ministry.pk}/").content.decode()
    assert "eddie-editor" in body and '<del dir="auto">Defence Min.</del>' in body


def test_a_merged_actor_points_to_where_it_went(viewer_client, ministry):
    duplicate = ActorFactory(name="Exampleland MoD", merged_into=ministry)
    body = viewer_client.get(f"/actors/{duplicate.pk}/").content.decode()
    assert "was merged into" in body and f'href="/actors/{ministry.pk}/"' in body


def test_queries_are_bounded(viewer_client, ministry, django_assert_max_num_queries):
    for i in range(30):
        ActorAliasFactory(actor=ministry)
        ActorFactory(parent=ministry)
        ClaimFactory(actor=ministry, asserted_on=date(2026, 1, 1 + i))
    with django_assert_max_num_queries(15):
        assert viewer_client.get(f"/actors/{ministry.pk}/").status_code == 200


def test_unknown_actor_is_404(viewer_client):
    assert viewer_client.get("/actors/98765/").status_code == 404


def test_the_chart_spans_the_actor_s_own_claim_dates(ministry):
    from claims.selectors.actor_profile import actor_activity

    ClaimFactory(actor=ministry, asserted_on=date(2024, 1, 3))
    ClaimFactory(actor=ministry, asserted_on=date(2024, 5, 29))
    weeks = [week.week for week in actor_activity(ministry).weeks]
    assert weeks[0] == date(2024, 1, 1) and weeks[-1] == date(2024, 5, 27)  # Mondays of the first and last claim


def test_a_single_claim_s_bar_is_not_at_the_edge(ministry):
    from claims.selectors.actor_profile import MIN_CHART_WEEKS, actor_activity

    ClaimFactory(actor=ministry, asserted_on=date(2024, 3, 6))
    weeks = actor_activity(ministry).weeks
    assert len(weeks) == MIN_CHART_WEEKS
    busy = [i for i, week in enumerate(weeks) if week.total]
    assert busy == [(MIN_CHART_WEEKS - 1) // 2]


def test_the_actor_page_lists_its_keys_for_editors(client, editor, viewer, ministry):
    client.force_login(editor)
    assert 'id="keys-help"' in client.get(f"/actors/{ministry.pk}/").content.decode()
    client.force_login(viewer)
    assert 'id="keys-help"' not in client.get(f"/actors/{ministry.pk}/").content.decode()
