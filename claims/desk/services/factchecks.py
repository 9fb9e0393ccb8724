"""Writing, publishing and unpublishing fact-checks; each change is on the claim's audit trail."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.claimreview import REVIEWED_VERDICTS
from claims.desk.models import FactCheck
from claims.models import Claim, Verification
from claims.services.audit import audit_record


def evidence_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def factcheck_save(*, claim_id: int, user, headline: str, summary: str, body: str, body_format: str, evidence: list[str]) -> FactCheck:
    """Create or update the claim's fact-check (published or not: an edit of a published one is live)."""
    if not user.has_perm("claims.change_factcheck"):
        raise PermissionDenied("Only fact-checkers write fact-checks.")
    fields = {"headline": headline.strip(), "summary": summary.strip(), "body": body.strip(),
              "body_format": body_format, "evidence": evidence}
    if not fields["headline"] or not fields["summary"]:
        raise ValidationError("A fact-check needs a headline and a summary.")
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim_id)
        existing = FactCheck.objects.filter(claim=claim).first()
        before = {"headline": existing.headline, "summary": existing.summary} if existing else {}
        factcheck, _ = FactCheck.objects.update_or_create(claim=claim, defaults=fields, create_defaults={**fields, "author": user})
        audit_record(user=user, action="claim_factcheck_save", obj=claim, before=before,
                     after={"headline": factcheck.headline, "summary": factcheck.summary})
    return factcheck


def factcheck_publish(*, factcheck_id: int, user, published: bool) -> FactCheck:
    """Publish (the claim needs a verdict a reader can use) or take it back off the public pages."""
    if not user.has_perm("claims.publish_factcheck"):
        raise PermissionDenied("Only fact-checkers publish fact-checks.")
    with transaction.atomic():
        factcheck = FactCheck.objects.select_for_update().select_related("claim").get(pk=factcheck_id)
        if published and factcheck.claim.verdict not in REVIEWED_VERDICTS:
            raise ValidationError(f"The claim's verdict is \u201c{factcheck.claim.get_verdict_display()}\u201d: set a final verdict before publishing.")
        # A public rating of words nobody confirmed the source said would publish the extractor's mistakes.
        if published and factcheck.claim.review_state not in Claim.ReviewState.confirmed():
            raise ValidationError(f"The claim is \u201c{factcheck.claim.get_review_state_display()}\u201d: an editor must accept "
                                  "(or correct) its words and speaker before a fact-check of it is published.")
        if published == (factcheck.published_at is not None):
            return factcheck
        factcheck.published_at = timezone.now() if published else None
        factcheck.save(update_fields=["published_at", "updated_at"])
        audit_record(user=user, action="claim_factcheck_publish" if published else "claim_factcheck_unpublish",
                     obj=factcheck.claim, before={"published": not published}, after={"published": published})
    return factcheck


def factcheck_after_verdict(*, claim: Claim, verification: Verification, user) -> None:
    """Called inside the verdict's transaction. A published fact-check shows the claim's current
    verdict with its ClaimReview; a verdict that is no finding (reopened: unverified, in progress)
    takes it off the public pages rather than leave a page without a rating."""
    if verification.verdict in REVIEWED_VERDICTS:
        return
    factcheck = FactCheck.objects.select_for_update().filter(claim=claim, published_at__isnull=False).first()
    if factcheck is None:
        return
    factcheck.published_at = None
    factcheck.save(update_fields=["published_at", "updated_at"])
    audit_record(user=user, action="claim_factcheck_unpublish", obj=claim, before={"published": True},
                 after={"published": False, "because": f"verdict {verification.get_verdict_display()}"})
