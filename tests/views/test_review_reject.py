import pytest

from claims.models import AuditEntry, Claim
from tests.views.conftest import htmx

pytestmark = pytest.mark.django_db


def test_it_works(editor_client, editor, claim):
    response = editor_client.post(f"/claims/{claim.pk}/reject/", {"version": 1}, **htmx())
    assert 'class="badge state-rejected"' in response.content.decode()
    claim.refresh_from_db()
    assert (claim.review_state, claim.version, claim.reviewed_by) == ("rejected", 2, editor)
    assert AuditEntry.objects.get(object_id=claim.pk).after["review_state"] == "rejected"


def test_a_stale_version_changes_nothing(editor_client, claim):
    Claim.objects.filter(pk=claim.pk).update(version=3)
    response = editor_client.post(f"/claims/{claim.pk}/reject/", {"version": 1}, **htmx())
    assert "Not saved" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"


def test_viewer_is_forbidden_and_nothing_changes(viewer_client, claim):
    assert viewer_client.post(f"/claims/{claim.pk}/reject/", {"version": 1}, **htmx()).status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_state == "pending" and not AuditEntry.objects.exists()
