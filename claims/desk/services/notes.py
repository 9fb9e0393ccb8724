"""The notes thread on a claim: plain text, @mentions notify, edits for ten minutes, removal leaves a mark."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from claims.desk.models import NOTE_EDIT_MINUTES, Note
from claims.desk.services.notifications import NotificationInput, notifications_create
from claims.models import Claim
from claims.services.audit import audit_record

MAX_NOTE_LENGTH = 5000
# Django usernames hold letters, digits and @.+-_; a mention's trailing dot ends its sentence.
MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]*[\w@+-])")


def mentioned_usernames(text: str) -> set[str]:
    return {name.lower() for name in MENTION.findall(text)}


def _clean(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": "A note needs some text."})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError({"text": f"A note holds at most {MAX_NOTE_LENGTH:,} characters."})
    return text


def _notify_mentions(note: Note, author) -> None:
    names = mentioned_usernames(note.text)
    if not names:
        return
    people = get_user_model().objects.alias(lower=Lower("username")).filter(lower__in=names, is_active=True)
    notifications_create(
        # One notification per note and person: an edit notifies only the people it adds.
        NotificationInput(recipient_id=person.pk, kind="mentioned", claim_id=note.claim_id, caused_by_id=author.pk,
                          event_key=f"note:{note.pk}",
                          message=f"{author.get_username()} mentioned you on claim #{note.claim_id}: {note.text[:300]}")
        for person in people
        if person.has_perm("claims.view_claim")  # the note is useless to someone who cannot open the claim
    )


def note_add(*, claim_id: int, user, text: str) -> Note:
    if not user.has_perm("claims.add_note"):
        raise PermissionDenied("Only editors and fact-checkers write notes.")
    text = _clean(text)
    with transaction.atomic():
        claim = Claim.objects.get(pk=claim_id)
        note = Note.objects.create(claim=claim, author=user, text=text)
        audit_record(user=user, action="claim_note_add", obj=claim, after={"note": text})
        _notify_mentions(note, user)
    return note


def note_editable_until(note: Note):
    return note.created_at + timedelta(minutes=NOTE_EDIT_MINUTES)


def note_can_edit(note: Note, user) -> bool:
    return note.author_id == user.pk and note.removed_at is None and timezone.now() < note_editable_until(note)


def note_edit(*, note_id: int, user, text: str) -> Note:
    text = _clean(text)
    with transaction.atomic():
        note = Note.objects.select_for_update().select_related("claim").get(pk=note_id)
        if note.author_id != user.pk:
            raise PermissionDenied("Only its author edits a note.")
        if not note_can_edit(note, user):
            raise ValidationError(f"A note can be edited for {NOTE_EDIT_MINUTES} minutes after it is written.")
        before = note.text
        note.text, note.edited_at = text, timezone.now()
        note.save(update_fields=["text", "edited_at"])
        audit_record(user=user, action="claim_note_edit", obj=note.claim, before={"note": before}, after={"note": text})
        _notify_mentions(note, user)
    return note


def note_remove(*, note_id: int, user) -> Note:
    """Hide the note's text behind a mark; the text stays in the row and in the audit trail."""
    with transaction.atomic():
        note = Note.objects.select_for_update().select_related("claim").get(pk=note_id)
        if note.author_id != user.pk:
            raise PermissionDenied("Only its author removes a note.")
        if note.removed_at is None:
            note.removed_at, note.removed_by = timezone.now(), user
            note.save(update_fields=["removed_at", "removed_by"])
            audit_record(user=user, action="claim_note_remove", obj=note.claim, before={"note": note.text}, after={"note": "(removed)"})
    return note
