"""Fact-checkers' verdicts: one Verification row per change, with optional evidence.

A verdict starts from the claim's version, as edits do: one set on a page that is out of date
raises ClaimVersionConflict instead of overwriting a newer verdict, and the same form sent twice
(a double click, a resent request) stores it once."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from claims.desk.services.assignments import assignments_after_verdict
from claims.desk.services.factchecks import factcheck_after_verdict
from claims.models import Claim, Evidence, Verification
from claims.services.audit import audit_record
from claims.services.review import ClaimVersionConflict


@dataclass(frozen=True)
class EvidenceInput:
    url: str
    text: str
    source_name: str
    is_independent: bool
    stance: str


def _repeated(claim: Claim, *, expected_version: int, user, verdict: str, note: str, evidence: EvidenceInput | None):
    """The verification this very submission already stored (the change that made the claim's
    current version, by the same person, with the same verdict, note and evidence), if it did."""
    if claim.version != expected_version + 1:
        return None
    latest = claim.verifications.order_by("-id").first()
    if latest is None or (latest.created_by_id, latest.verdict, latest.note) != (user.pk, verdict, note):
        return None
    stored = [(item.url, item.text) for item in latest.evidence.all()]
    return latest if stored == ([(evidence.url, evidence.text)] if evidence else []) else None


def claim_set_verification(
    *, claim_id: int, user, verdict: str, note: str, expected_version: int, evidence: EvidenceInput | None = None
) -> Verification:
    if not user.has_perm("claims.set_verdict"):
        raise PermissionDenied("Only fact-checkers set verdicts.")
    note = note.strip()
    if not note:
        raise ValidationError({"note": "A note saying how the verdict was reached is required."})
    if evidence is not None and not (evidence.url or evidence.text):
        raise ValidationError({"evidence_url": "Evidence needs a URL or a text."})
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim_id)
        if claim.version != expected_version:
            repeated = _repeated(
                claim, expected_version=expected_version, user=user, verdict=verdict, note=note, evidence=evidence
            )
            if repeated is not None:
                return repeated
            raise ClaimVersionConflict(claim)
        before = {"verdict": claim.verdict, "version": claim.version}
        verification = Verification.objects.create(
            claim=claim, verdict=verdict, previous_verdict=claim.verdict, note=note, created_by=user
        )
        after = {"verdict": verdict, "note": note}
        if evidence is not None:
            item = Evidence.objects.create(
                claim=claim, verification=verification, url=evidence.url, text=evidence.text,
                source_name=evidence.source_name, is_independent=evidence.is_independent,
                stance=evidence.stance, added_by=user,
            )
            independence = "independent" if item.is_independent else "not independent"
            after["evidence"] = (f"{item.source_name or 'unnamed source'} ({independence}, "
                                 f"{item.get_stance_display().lower()}): {item.url or item.text}")
        claim.verdict = verdict
        claim.human_touched = True
        claim.version += 1
        claim.save(update_fields=["verdict", "human_touched", "version", "updated_at"])
        assignments_after_verdict(claim=claim, verification=verification, user=user)
        factcheck_after_verdict(claim=claim, verification=verification, user=user)
        audit_record(user=user, action="claim_set_verdict", obj=claim, before=before, after={**after, "version": claim.version})
    return verification
