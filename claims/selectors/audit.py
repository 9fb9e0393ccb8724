"""Reading the audit trail of one object, with the fields each entry changed."""

from dataclasses import dataclass
from datetime import date

from claims.models import Actor, AuditEntry, Claim, Verdict
from config.moments import day

TRAIL_LIMIT = 100
# Bookkeeping, not changes a person made: the lock's counter and what an undo would put back.
_NOT_SHOWN = {"version", "restore"}


# What each action did, in words; an unknown action shows its own name.
ACTION_WORDS = {
    "claim_accept": "accepted", "claim_reject": "rejected", "claim_correct": "corrected",
    "claim_review_undo": "undid the review", "claim_set_verdict": "set the verdict",
    "claim_link_add": "linked", "claim_link_remove": "unlinked",
    "actor_create": "created", "actor_rename": "renamed", "actor_alias_add": "added an alias",
    "actor_alias_remove": "removed an alias", "actor_set_parent": "set the parent", "actor_set_details": "set details",
    "actor_merge": "merged", "actor_merged_into": "merged in", "gazetteer_load": "loaded from the gazetteer",
    "claim_assign": "assigned", "claim_unassign": "unassigned", "claim_assignment_close": "closed the assignment",
    "claim_note_add": "added a note", "claim_note_edit": "edited a note", "claim_note_remove": "removed a note",
    "claim_factcheck_save": "saved the fact-check", "claim_factcheck_publish": "published the fact-check",
    "claim_factcheck_unpublish": "took the fact-check down", "claim_link_status": "judged a suggested link",
}
# Field names as the pages call them, where the stored key says it otherwise.
FIELD_WORDS = {"asserted_on": "said on", "is_reviewed": "checked", "wikidata_id": "Wikidata id"}
# Stored values a reader knows by another name: choices by their labels, dates as the app writes them.
CHOICE_LABELS = {
    "review_state": dict(Claim.ReviewState.choices), "verdict": dict(Verdict.choices), "kind": dict(Actor.Kind.choices),
}
DATE_FIELDS = {"asserted_on", "due"}
# Values kept for the record that mean little to a reader: shown only behind a "details" toggle.
TECHNICAL_FIELDS = {"bulk", "created", "starter_name", "content_span"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object
    technical: bool = False


def _readable(key: str, value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in CHOICE_LABELS:
        return CHOICE_LABELS[key].get(value, value)
    if key in DATE_FIELDS and value:
        return day(date.fromisoformat(value))
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) or "none"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def audit_changes(entry: AuditEntry) -> list[FieldChange]:
    keys = list(dict.fromkeys([*entry.before, *entry.after]))
    return [
        FieldChange(FIELD_WORDS.get(key, key.replace("_", " ")), _readable(key, entry.before.get(key)),
                    _readable(key, entry.after.get(key)), technical=key in TECHNICAL_FIELDS)
        for key in keys
        if key not in _NOT_SHOWN and entry.before.get(key) != entry.after.get(key)
    ]


def _with_changes(entries) -> list[AuditEntry]:
    entries = list(entries)
    for entry in entries:
        changes = audit_changes(entry)
        entry.changes = [change for change in changes if not change.technical]
        entry.technical_changes = [change for change in changes if change.technical]
        entry.action_words = ACTION_WORDS.get(entry.action, entry.action.replace("_", " "))
    return entries


def audit_trail(*, object_type: str, object_id: int, limit: int = TRAIL_LIMIT) -> list[AuditEntry]:
    """Newest first."""
    return _with_changes(
        AuditEntry.objects.filter(object_type=object_type, object_id=object_id).select_related("user")[:limit]
    )


def claim_changes_since(*, claim_id: int, version: int) -> list[AuditEntry]:
    """What others saved after the version an editor started from, oldest first."""
    return _with_changes(
        AuditEntry.objects.filter(object_type="claim", object_id=claim_id, after__version__gt=version)
        .select_related("user")
        .order_by("created_at", "id")
    )


def changes_after(*, object_type: str, object_id: int, entry_id: int) -> list[AuditEntry]:
    """Entries recorded after `entry_id` (the newest one a page showed), oldest first."""
    return _with_changes(
        AuditEntry.objects.filter(object_type=object_type, object_id=object_id, pk__gt=entry_id)
        .select_related("user")
        .order_by("id")
    )
