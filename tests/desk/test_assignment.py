"""Assigning claims: who may, what the assignee sees, what a verdict does, and the audit trail."""

from datetime import date

import pytest
from django.urls import reverse

from claims.desk.models import Assignment, Notification
from claims.models import AuditEntry
from tests.factories import ClaimFactory, UserFactory
from tests.desk.conftest import post_verdict


def _assign(client, claim, username, due="", **headers):
    return client.post(reverse("desk:claim_assign", args=[claim.pk]), {"assignee": username, "due_on": due}, **headers)


def test_an_editor_assigns_a_claim_with_a_due_date_and_the_assignee_is_notified(editor_client, claim, checker):
    response = _assign(editor_client, claim, "cara-checker", "2026-04-01")
    assert response.status_code == 302
    assignment = Assignment.objects.get(claim=claim, closed_at__isnull=True)
    assert (assignment.assignee, assignment.due_on) == (checker, date(2026, 4, 1))
    notification = Notification.objects.get(recipient=checker)
    assert notification.kind == "assigned" and "eddie-editor assigned you" in notification.message
    entry = AuditEntry.objects.get(action="claim_assign", object_id=claim.pk)
    assert entry.after == {"assignee": "cara-checker", "due": "2026-04-01"}


def test_reassigning_closes_the_previous_assignment_and_the_claim_page_shows_it(editor_client, claim, checker, fact_checker):
    _assign(editor_client, claim, "cara-checker")
    response = _assign(editor_client, claim, fact_checker.username, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="assignment-section"' in html and fact_checker.username in html
    assert 'id="audit-trail" hx-swap-oob="true"' in html  # the audit trail rides along
    assert Assignment.objects.filter(claim=claim).count() == 2
    assert Assignment.objects.get(claim=claim, closed_at__isnull=True).assignee == fact_checker
    page = editor_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert f"Assigned to <strong class=\"assignee\">{fact_checker.username}</strong>" in page
    assert "assign" in page and "cara-checker" in page  # the audit trail lists both assignments


def test_only_fact_checkers_can_be_assigned(editor_client, editor, claim):
    response = _assign(editor_client, claim, editor.username)
    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_viewers_cannot_assign(viewer_client, claim, checker):
    assert _assign(viewer_client, claim, "cara-checker").status_code == 403
    assert not Assignment.objects.exists()


def test_assigning_needs_csrf(claim, checker, editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert _assign(client, claim, "cara-checker").status_code == 403


def test_my_claims_lists_open_assignments_oldest_due_first_with_a_count_in_the_navigation(client, checker, editor):
    late, early, undated, done = (ClaimFactory(text=f"claim {n}") for n in range(4))
    for claim, due in ((late, date(2026, 5, 1)), (early, date(2026, 4, 1)), (undated, None), (done, date(2026, 3, 1))):
        Assignment.objects.create(claim=claim, assignee=checker, assigned_by=editor, due_on=due)
    Assignment.objects.filter(claim=done).update(closed_at="2026-03-02T00:00:00Z")
    client.force_login(checker)
    page = client.get(reverse("desk:my_claims")).content.decode()
    assert page.index(f"#{early.pk} ") < page.index(f"#{late.pk} ") < page.index(f"#{undated.pk} ")
    assert f"#{done.pk} " not in page
    counts = client.get(reverse("desk:nav_counts")).content.decode()  # fetched by every page after it loads
    assert 'id="nav-my-claims-count" hx-swap-oob="true">3</span>' in counts
    home = client.get(reverse("home")).content.decode()
    assert 'id="home-my-claims"' in home and "claim 1" in home


def test_setting_in_progress_on_an_unassigned_claim_assigns_it_to_the_fact_checker(fact_checker_client, fact_checker, claim):
    response = post_verdict(fact_checker_client, claim, "in_progress", "Looking into it")
    assert response.status_code == 302
    assignment = Assignment.objects.get(claim=claim, closed_at__isnull=True)
    assert assignment.assignee == fact_checker and assignment.assigned_by == fact_checker


def test_in_progress_leaves_an_existing_assignee_and_a_final_verdict_closes_the_assignment(fact_checker_client, fact_checker, claim, checker, editor):
    Assignment.objects.create(claim=claim, assignee=checker, assigned_by=editor)
    post_verdict(fact_checker_client, claim, "in_progress", "Looking")
    assert Assignment.objects.get(claim=claim).assignee == checker
    post_verdict(fact_checker_client, claim, "false", "Satellite images")
    assert Assignment.objects.get(claim=claim).closed_at is not None
    closed = AuditEntry.objects.get(action="claim_assignment_close", object_id=claim.pk)
    assert (closed.before, closed.after) == ({"assignee": "cara-checker", "due": ""}, {"assignee": "", "due": "", "because": "verdict False"})
    page = fact_checker_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "it was last assigned to cara-checker" in page
    # The editor who assigned it hears of both verdicts.
    assert Notification.objects.filter(recipient=editor, kind="verdict").count() == 2


def test_unassigning_is_audited(editor_client, claim, checker):
    _assign(editor_client, claim, "cara-checker")
    editor_client.post(reverse("desk:claim_unassign", args=[claim.pk]))
    assert not Assignment.objects.filter(claim=claim, closed_at__isnull=True).exists()
    assert AuditEntry.objects.filter(action="claim_unassign", object_id=claim.pk).exists()


@pytest.mark.parametrize("due", ["tomorrow", "2026-02-30"])
def test_a_bad_due_date_is_a_clear_400_without_htmx(editor_client, claim, checker, due):
    response = _assign(editor_client, claim, "cara-checker", due)
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()
    assert not Assignment.objects.exists()


def test_an_inactive_fact_checker_is_not_offered(editor_client, claim):
    UserFactory(username="gone", role="fact-checker", is_active=False)
    page = editor_client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert 'value="gone"' not in page
