"""Editors' links between claims: contradicts, corroborates, updates, duplicates."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Claim, ClaimLink
from claims.services.audit import audit_record


def claim_link_create(*, from_claim: Claim, to_claim: Claim, kind: str, note: str, user) -> ClaimLink:
    if from_claim.pk == to_claim.pk:
        raise ValidationError({"to_claim": "A claim cannot be linked to itself."})
    try:
        with transaction.atomic():
            link = ClaimLink.objects.create(
                from_claim=from_claim, to_claim=to_claim, kind=kind, note=note.strip(), created_by=user
            )
            audit_record(user=user, action="claim_link_add", obj=from_claim, before={},
                         after={"link": f"{link.get_kind_display().lower()} claim #{to_claim.pk}"})
    except IntegrityError as error:
        raise ValidationError({"to_claim": "These two claims are already linked that way."}) from error
    return link


@transaction.atomic
def claim_link_remove(*, link: ClaimLink, user) -> None:
    audit_record(user=user, action="claim_link_remove", obj=link.from_claim,
                 before={"link": f"{link.get_kind_display().lower()} claim #{link.to_claim_id}"}, after={})
    link.delete()


@transaction.atomic
def claim_link_set_status(*, link: ClaimLink, status: str, user) -> ClaimLink:
    """Confirm or dismiss a link (the extractor's suggestions start as "suggested")."""
    if status not in (ClaimLink.Status.CONFIRMED, ClaimLink.Status.DISMISSED):
        raise ValidationError({"status": "A link is confirmed or dismissed."})
    if link.status == status:
        return link
    before = link.get_status_display().lower()
    link.status = status
    link.save(update_fields=["status"])
    audit_record(user=user, action="claim_link_status", obj=link.from_claim,
                 before={"link": f"{link.get_kind_display().lower()} claim #{link.to_claim_id}: {before}"},
                 after={"link": f"{link.get_kind_display().lower()} claim #{link.to_claim_id}: {link.get_status_display().lower()}"})
    return link
