"""Who checks which claim: assignment, unassignment, and what a verdict does to them."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.desk.models import Assignment, Follow
from claims.desk.services.notifications import NotificationInput, notifications_create
from claims.models import Claim, Verdict, Verification
from claims.services.audit import audit_record
from config.moments import day

# A verdict other than these ends the work on a claim, and so its assignment.
OPEN_VERDICTS = (Verdict.UNVERIFIED, Verdict.IN_PROGRESS)


def fact_checkers():
    """The people a claim can be assigned to: those who may set verdicts."""
    return (
        get_user_model().objects.filter(is_active=True, groups__permissions__codename="set_verdict").distinct().order_by("username")
    )


def _describe(assignment: Assignment | None) -> dict:
    if assignment is None:
        return {"assignee": "", "due": ""}
    return {"assignee": assignment.assignee.get_username(), "due": assignment.due_on.isoformat() if assignment.due_on else ""}


def _open_assignment(claim: Claim) -> Assignment | None:
    return Assignment.objects.select_related("assignee").filter(claim=claim, closed_at__isnull=True).first()


def claim_assign(*, claim_id: int, assignee, due_on: date | None, user) -> Assignment:
    """Assign the claim to `assignee` (closing any open assignment), audited; the assignee is notified."""
    if not user.has_perm("claims.add_assignment"):
        raise PermissionDenied("Only editors and fact-checkers assign claims.")
    if not (assignee.is_active and assignee.has_perm("claims.set_verdict")):
        raise ValidationError({"assignee": f"{assignee.get_username()} is not a fact-checker."})
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim_id)
        previous = _open_assignment(claim)
        if previous is not None:
            previous.closed_at = timezone.now()
            previous.save(update_fields=["closed_at"])
        assignment = Assignment.objects.create(claim=claim, assignee=assignee, assigned_by=user, due_on=due_on)
        audit_record(user=user, action="claim_assign", obj=claim, before=_describe(previous), after=_describe(assignment))
        due = f", due {day(due_on)}" if due_on else ""
        notifications_create([NotificationInput(
            recipient_id=assignee.pk, kind="assigned", claim_id=claim.pk, caused_by_id=user.pk,
            event_key=f"assignment:{assignment.pk}",
            message=f"{user.get_username()} assigned you claim #{claim.pk}{due}: {claim.text[:200]}",
        )])
    return assignment


def claim_unassign(*, claim_id: int, user) -> None:
    if not user.has_perm("claims.add_assignment"):
        raise PermissionDenied("Only editors and fact-checkers assign claims.")
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim_id)
        previous = _open_assignment(claim)
        if previous is None:
            return
        previous.closed_at = timezone.now()
        previous.save(update_fields=["closed_at"])
        audit_record(user=user, action="claim_unassign", obj=claim, before=_describe(previous), after=_describe(None))


def assignments_after_verdict(*, claim: Claim, verification: Verification, user) -> None:
    """Called inside the verdict's transaction. "In progress" on an unassigned claim assigns it to
    the person who set it; a final verdict closes the open assignment. Whoever assigned the claim
    and whoever follows it hear of the verdict."""
    current = _open_assignment(claim)
    if verification.verdict == Verdict.IN_PROGRESS and current is None:
        assignment = Assignment.objects.create(claim=claim, assignee=user, assigned_by=user)
        audit_record(user=user, action="claim_assign", obj=claim, before=_describe(None), after=_describe(assignment))
    elif verification.verdict not in OPEN_VERDICTS and current is not None:
        current.closed_at = timezone.now()
        current.save(update_fields=["closed_at"])
        # An assignment change like any other, on the trail with what ended it.
        audit_record(user=user, action="claim_assignment_close", obj=claim, before=_describe(current),
                     after={**_describe(None), "because": f"verdict {verification.get_verdict_display()}"})
    assigners = Assignment.objects.filter(claim=claim).values_list("assigned_by_id", flat=True)
    followers = Follow.objects.filter(claim=claim).values_list("user_id", flat=True)
    message = f"{user.get_username()} set the verdict of claim #{claim.pk} to {verification.get_verdict_display()}: {claim.text[:200]}"
    notifications_create(
        NotificationInput(recipient_id=recipient, kind="verdict", claim_id=claim.pk, caused_by_id=user.pk,
                          event_key=f"verification:{verification.pk}", message=message)
        for recipient in {*assigners, *followers}
    )
