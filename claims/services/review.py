"""Editors' review of extracted claims: accept, reject, correct, with optimistic locking.

Every edit bumps Claim.version; a write that starts from an older version changes nothing and
raises ClaimVersionConflict, so two editors never silently overwrite each other.
"""

from dataclasses import asdict
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import Actor, Attribution, AuditEntry, Claim, Quantity
from claims.services.audit import audit_record
from claims.services.quantities import QuantityInput, quantity_line


class ClaimVersionConflict(Exception):
    def __init__(self, claim: Claim):
        super().__init__(f"claim {claim.pk} is at version {claim.version}")
        self.claim = claim


def _primary_attribution(claim: Claim) -> Attribution | None:
    return claim.attributions.select_related("passage", "actor").order_by("asserted_on", "id").first()


def claim_snapshot(claim: Claim, attribution: Attribution | None) -> dict:
    """The reviewable fields of a claim, as the audit trail keeps them."""
    return {
        "review_state": claim.review_state,
        "actor": claim.actor.name if claim.actor_id else None,
        "text": claim.text,
        "content_span": [attribution.content_start, attribution.content_end] if attribution else None,
        "asserted_on": claim.asserted_on.isoformat() if claim.asserted_on else None,
        "quantities": [quantity_line(q) for q in claim.quantities.all()],
        "version": claim.version,
    }


def _edited_fields(snapshot: dict) -> dict:
    return {k: v for k, v in snapshot.items() if k not in ("review_state", "version", "restore")}


def _locked_claim(claim_id: int, expected_version: int) -> Claim:
    claim = Claim.objects.select_for_update(of=("self",)).select_related("actor").get(pk=claim_id)
    if claim.version != expected_version:
        raise ClaimVersionConflict(claim)
    return claim


UNDO_WINDOW = timedelta(minutes=1)
_QUANTITY_FIELDS = ("value", "value_max", "total", "unit", "noun", "approximate", "qualifier", "text")
UNDOABLE_ACTIONS = ("claim_accept", "claim_reject", "claim_correct")


def _state_before(claim: Claim) -> dict:
    """What an undo puts back. "restore" holds the fields the audit trail does not list."""
    return {
        "review_state": claim.review_state,
        "version": claim.version,
        "restore": {
            "reviewed_by": claim.reviewed_by_id,
            "reviewed_at": claim.reviewed_at.isoformat() if claim.reviewed_at else None,
            "human_touched": claim.human_touched,
        },
    }


def _content_before(claim: Claim, attribution: Attribution | None) -> dict:
    """What undoing a correction puts back, beside the review state."""
    return {
        "actor_id": claim.actor_id,
        "text": claim.text,
        "asserted_on": claim.asserted_on.isoformat() if claim.asserted_on else None,
        "attribution": None if attribution is None else {
            "id": attribution.pk, "actor_id": attribution.actor_id,
            "asserted_on": attribution.asserted_on.isoformat() if attribution.asserted_on else None,
            "content": [attribution.content_start, attribution.content_end],
        },
        "quantities": [
            {field: (str(value) if isinstance(value, Decimal) else value) for field, value in row.items()}
            for row in claim.quantities.order_by("id").values(*_QUANTITY_FIELDS)
        ],
    }


def _mark_reviewed(claim: Claim, *, user, state: str) -> None:
    claim.review_state = state
    claim.reviewed_by = user
    claim.reviewed_at = timezone.now()
    claim.human_touched = True
    claim.version += 1


def _set_state(*, claim_id: int, user, expected_version: int, state: str, action: str) -> Claim:
    with transaction.atomic():
        claim = _locked_claim(claim_id, expected_version)
        before = _state_before(claim)
        _mark_reviewed(claim, user=user, state=state)
        claim.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "human_touched", "version", "updated_at"])
        audit_record(user=user, action=action, obj=claim, before=before,
                     after={"review_state": claim.review_state, "version": claim.version})
    return claim


def claim_accept(*, claim_id: int, user, expected_version: int) -> Claim:
    return _set_state(claim_id=claim_id, user=user, expected_version=expected_version,
                      state=Claim.ReviewState.ACCEPTED, action="claim_accept")


def claim_reject(*, claim_id: int, user, expected_version: int) -> Claim:
    return _set_state(claim_id=claim_id, user=user, expected_version=expected_version,
                      state=Claim.ReviewState.REJECTED, action="claim_reject")


def _bulk_set_state(*, claim_ids: list[int], user, state: str, action: str) -> list[int]:
    """Review those of the claims that are still pending; returns their ids (for an undo)."""
    with transaction.atomic():
        pending = list(
            Claim.objects.select_for_update().filter(pk__in=claim_ids, review_state=Claim.ReviewState.PENDING)
        )
        for claim in pending:
            before = _state_before(claim)
            _mark_reviewed(claim, user=user, state=state)
            audit_record(user=user, action=action, obj=claim, before=before,
                         after={"review_state": claim.review_state, "version": claim.version, "bulk": True})
        Claim.objects.bulk_update(pending, ["review_state", "reviewed_by", "reviewed_at", "human_touched", "version"])
    return [claim.pk for claim in pending]


def claims_bulk_accept(*, claim_ids: list[int], user) -> list[int]:
    return _bulk_set_state(claim_ids=claim_ids, user=user, state=Claim.ReviewState.ACCEPTED, action="claim_accept")


def claims_bulk_reject(*, claim_ids: list[int], user) -> list[int]:
    return _bulk_set_state(claim_ids=claim_ids, user=user, state=Claim.ReviewState.REJECTED, action="claim_reject")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _put_back_content(claim: Claim, restore: dict) -> None:
    claim.actor_id, claim.text, claim.asserted_on = restore["actor_id"], restore["text"], _day(restore["asserted_on"])
    if restore["attribution"]:
        kept = restore["attribution"]
        Attribution.objects.filter(pk=kept["id"]).update(
            actor_id=kept["actor_id"], asserted_on=_day(kept["asserted_on"]),
            content_start=kept["content"][0], content_end=kept["content"][1],
        )
    claim.quantities.all().delete()
    Quantity.objects.bulk_create(Quantity(claim=claim, **row) for row in restore["quantities"])


def _undoable_entry(claim: Claim, user, since: datetime) -> AuditEntry | None:
    """The claim's last change, if it is this person's accept, reject or correction, made since
    `since`, and nothing changed the claim after it."""
    last = AuditEntry.objects.filter(object_type="claim", object_id=claim.pk).order_by("-id").first()
    if (last is None or last.user_id != user.pk or last.action not in UNDOABLE_ACTIONS
            or last.created_at < since or last.after.get("version") != claim.version):
        return None
    return last


def claims_review_undo(*, claim_ids: list[int], user) -> int:
    """Put the claims back as they were before this person's accept, reject or correction, if
    that was the last change to the claim and less than UNDO_WINDOW ago. Returns how many were
    undone; the others (changed since, too old, someone else's) are left as they are."""
    since = timezone.now() - UNDO_WINDOW
    undone = 0
    with transaction.atomic():
        for claim in Claim.objects.select_for_update(of=("self",)).select_related("actor").filter(pk__in=claim_ids).order_by("pk"):
            last = _undoable_entry(claim, user, since)
            if last is None:
                continue
            restore = last.before.get("restore", {})
            before = claim_snapshot(claim, _primary_attribution(claim))
            claim.review_state = last.before["review_state"]
            claim.reviewed_by_id = restore.get("reviewed_by")
            claim.reviewed_at = datetime.fromisoformat(restore["reviewed_at"]) if restore.get("reviewed_at") else None
            claim.human_touched = restore.get("human_touched", claim.human_touched)
            if "text" in restore:
                _put_back_content(claim, restore)
            claim.version += 1
            claim.save()
            audit_record(user=user, action="claim_review_undo", obj=claim, before=before,
                         after=claim_snapshot(claim, _primary_attribution(claim)))
            undone += 1
    return undone


def _locate(passage_text: str, content: str, near: int) -> tuple[int, int]:
    """The occurrence of `content` in the passage nearest the old span."""
    starts, position = [], passage_text.find(content)
    while position != -1:
        starts.append(position)
        position = passage_text.find(content, position + 1)
    if not starts:
        raise ValidationError({"content": "The content must be words from the passage, copied exactly."})
    start = min(starts, key=lambda s: abs(s - near))
    return start, start + len(content)


def claim_correct(
    *,
    claim_id: int,
    user,
    expected_version: int,
    actor: Actor | None,
    content: str,
    asserted_on: date | None,
    quantities: list[QuantityInput],
) -> Claim:
    """Save an editor's corrections; the claim counts as accepted (with corrections if any)."""
    content = content.strip()
    if not content:
        raise ValidationError({"content": "The content cannot be empty."})
    with transaction.atomic():
        claim = _locked_claim(claim_id, expected_version)
        attribution = _primary_attribution(claim)
        before = claim_snapshot(claim, attribution)
        before["restore"] = {**_state_before(claim)["restore"], **_content_before(claim, attribution)}
        if attribution is not None:
            start, end = _locate(attribution.passage.text, content, attribution.content_start)
            attribution.content_start, attribution.content_end = start, end
            attribution.actor, attribution.asserted_on = actor, asserted_on
            attribution.save(update_fields=["content_start", "content_end", "actor", "asserted_on"])
        claim.text, claim.actor, claim.asserted_on = content, actor, asserted_on
        if [quantity_line(q) for q in quantities] != before["quantities"]:
            claim.quantities.all().delete()
            Quantity.objects.bulk_create(
                Quantity(claim=claim, text=quantity_line(q), **asdict(q)) for q in quantities
            )
        changed = _edited_fields(claim_snapshot(claim, attribution)) != _edited_fields(before)
        corrected = changed or before["review_state"] == Claim.ReviewState.CORRECTED
        state = Claim.ReviewState.CORRECTED if corrected else Claim.ReviewState.ACCEPTED
        _mark_reviewed(claim, user=user, state=state)
        claim.save()
        audit_record(user=user, action="claim_correct", obj=claim, before=before, after=claim_snapshot(claim, attribution))
    return claim
