"""Reads for the desk: a claim's assignment and notes, a person's claims and notifications."""

from django.db.models import F, QuerySet

from claims.desk.compare import claims_compared, competing_links, event_claim_ids, event_links
from claims.desk.models import Assignment, FactCheck, Follow, Note, Notification
from claims.desk.services.assignments import fact_checkers
from claims.desk.services.notes import note_can_edit

NOTIFICATIONS_SHOWN = 100


def open_assignments_of(user) -> QuerySet:
    """Oldest due first; those without a due date after, oldest assignment first."""
    return (
        Assignment.objects.filter(assignee=user, closed_at__isnull=True)
        .select_related("claim__actor", "assigned_by")
        .order_by(F("due_on").asc(nulls_last=True), "created_at", "id")
    )


def claim_desk(claim, user) -> dict:
    """What the claim page shows of the desk, and what the person may do there."""
    notes = list(Note.objects.filter(claim=claim).select_related("author", "removed_by"))
    for note in notes:
        note.can_edit = note_can_edit(note, user)
    can_assign = user.has_perm("claims.add_assignment")
    links = event_links(claim)
    competing = competing_links(links)
    if competing:
        # Both sides with their outlets, verdict note and evidence, read as the compare page reads them.
        compared = {one.pk: one for one in claims_compared([claim.pk, *(link.other.pk for link in competing)])}
        for link in competing:
            link.this, link.other = compared[claim.pk], compared[link.other.pk]
    # The open assignment, else the last one closed (by a final verdict or an unassignment).
    latest = (
        Assignment.objects.filter(claim=claim).select_related("assignee", "assigned_by")
        .order_by(F("closed_at").desc(nulls_first=True), "-created_at").first()
    )
    return {
        "assignment": latest if latest and latest.closed_at is None else None,
        "last_assignment": latest if latest and latest.closed_at else None,
        "notes": notes,
        "following_claim": Follow.objects.filter(user=user, claim=claim).exists(),
        "can_assign": can_assign,
        "can_note": user.has_perm("claims.add_note"),
        "assignees": list(fact_checkers()) if can_assign else [],
        "factcheck": FactCheck.objects.filter(claim=claim).first(),
        "can_factcheck": user.has_perm("claims.change_factcheck"),
        "competing": competing,
        "event_claim_ids": event_claim_ids(claim, links),
        "can_judge_links": user.has_perm("claims.change_claimlink"),
    }


def follows_actor(user, actor) -> bool:
    return Follow.objects.filter(user=user, actor=actor).exists()


def notifications_of(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user).select_related("caused_by", "saved_search")[:NOTIFICATIONS_SHOWN])


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
