"""Claims about one event side by side: who said what, when, with which numbers, through which
outlets, with their verdicts and evidence, and the timeline of their reports."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q

from claims.models import Attribution, Claim, ClaimLink, Evidence, Verification

MAX_COMPARED = 8


@dataclass(frozen=True)
class Report:
    at: datetime | None
    claim: Claim
    attribution: Attribution


def event_links(claim: Claim) -> list[ClaimLink]:
    """The claim's links that no one dismissed, each with `other` (the claim at the other end,
    with its actor and numbers): the claims about its event."""
    links = list(
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
        .exclude(status=ClaimLink.Status.DISMISSED)
        .select_related("from_claim__actor", "to_claim__actor")
        .prefetch_related("from_claim__quantities", "to_claim__quantities")
    )
    for link in links:
        link.other = link.to_claim if link.from_claim_id == claim.pk else link.from_claim
    return links


def competing_links(links: list[ClaimLink]) -> list[ClaimLink]:
    """The contradictions among a claim's event links, suggested ones first."""
    contradictions = [link for link in links if link.kind == ClaimLink.Kind.CONTRADICTS]
    return sorted(contradictions, key=lambda link: (link.status != ClaimLink.Status.SUGGESTED, link.pk))


def event_claim_ids(claim: Claim, links: list[ClaimLink]) -> list[int]:
    """The claim and those its event links reach, for the compare page."""
    return sorted({claim.pk, *(link.other.pk for link in links)})[:MAX_COMPARED]


def claims_compared(claim_ids: list[int]) -> list[Claim]:
    """The claims in the order they were first asserted, each with its reports, numbers, evidence,
    latest verification and the outlets that carried it (the compare page and the claim page's
    competing claims)."""
    claims = list(
        Claim.objects.filter(pk__in=claim_ids).select_related("actor").prefetch_related(
            Prefetch("attributions", queryset=Attribution.objects.select_related("actor", "via", "outlet", "passage__article")
                     .order_by("asserted_on", "id")),
            "quantities",
            Prefetch("evidence", queryset=Evidence.objects.order_by("created_at")),
            Prefetch("verifications", queryset=Verification.objects.select_related("created_by").order_by("-created_at", "-id")),
        )
    )
    for claim in claims:
        reports = list(claim.attributions.all())
        claim.outlet_names = sorted({report.outlet.name for report in reports})
        claim.latest_verification = next(iter(claim.verifications.all()), None)
    return sorted(claims, key=lambda claim: (claim.asserted_on is None, claim.asserted_on, claim.pk))


def reported_at(attribution: Attribution) -> datetime | None:
    return attribution.passage.published_at or attribution.passage.article.published_at


def event_timeline(claims: list[Claim]) -> list[Report]:
    """Every report of the compared claims, oldest first (undated ones last)."""
    reports = [Report(reported_at(a), claim, a) for claim in claims for a in claim.attributions.all()]
    return sorted(reports, key=lambda r: (r.at is None, r.at or datetime.min, r.attribution.asserted_on or datetime.min.date(), r.attribution.pk))


def links_between(claim_ids: list[int]) -> list[ClaimLink]:
    return list(
        ClaimLink.objects.filter(from_claim_id__in=claim_ids, to_claim_id__in=claim_ids).order_by("status", "pk")
    )
