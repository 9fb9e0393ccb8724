"""Reading claims for the review card, the claim page and the link picker."""

from django.db.models import Prefetch, Q, QuerySet

from claims.models import Attribution, Claim, ClaimLink, Evidence, Quantity, Verdict, Verification
from claims.services.quantities import quantity_line
from claims.selectors.highlights import attribution_sentence_segments, attribution_spans, highlight_segments

LINK_CANDIDATE_LIMIT = 10

# The article's raw HTML and full text are large and never shown next to a claim.
_ARTICLE_HEAVY = ("passage__article__raw_html", "passage__article__text")


def attributions_in_order() -> QuerySet:
    return (
        Attribution.objects.select_related("passage__article__outlet", "passage__article__feed", "actor", "via")
        .defer(*_ARTICLE_HEAVY, "passage__article__feed__last_error")
        .order_by("asserted_on", "id")
    )


def claims_for_cards(claims: QuerySet) -> QuerySet:
    """Claims with what a review card shows, in a fixed number of queries for any page size."""
    return claims.select_related("actor", "reviewed_by").prefetch_related(
        Prefetch("attributions", queryset=attributions_in_order()),
        Prefetch("quantities", queryset=Quantity.objects.order_by("id")),
    )


def card_context(claim: Claim) -> Claim:
    """Attach the primary attribution and its highlighted sentence (uses prefetched rows)."""
    attributions = list(claim.attributions.all())
    claim.primary = attributions[0] if attributions else None
    claim.quantity_lines = [quantity_line(q) for q in claim.quantities.all()]
    claim.segments = attribution_sentence_segments(claim.primary) if claim.primary else []
    return claim


def claim_card(claim_id: int) -> Claim:
    return card_context(claims_for_cards(Claim.objects.all()).get(pk=claim_id))


def claim_page(claim_id: int) -> Claim:
    """Everything the claim page shows; raises Claim.DoesNotExist."""
    claim = (
        claims_for_cards(Claim.objects.all())
        .prefetch_related(
            Prefetch(
                "verifications",
                queryset=Verification.objects.select_related("created_by")
                .prefetch_related("evidence")
                .order_by("-created_at", "-id"),
            ),
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by").order_by("-created_at")),
            Prefetch("links_out", queryset=ClaimLink.objects.select_related("to_claim__actor")),
            Prefetch("links_in", queryset=ClaimLink.objects.select_related("from_claim__actor")),
        )
        .get(pk=claim_id)
    )
    card_context(claim)
    claim.loose_evidence = [item for item in claim.evidence.all() if item.verification_id is None]
    claim.passage_segments, claim.original_url = [], ""
    if claim.primary:
        passage = claim.primary.passage
        claim.passage_segments = highlight_segments(passage.text, attribution_spans(claim.primary))
        claim.original_url = web_url(passage.permalink) or web_url(passage.article.url)
    return claim


def web_url(url: str) -> str:
    """The URL if it is http(s): stored URLs come from the web and must not become javascript: links."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def independence_status(evidence: list[Evidence]) -> tuple[str, str]:
    """The claim's "independently verified" status in words, from its evidence, and a style."""
    supports = sorted({e.source_name or "an unnamed source" for e in evidence
                       if e.is_independent and e.stance == Evidence.Stance.SUPPORTS})
    refutes = sorted({e.source_name or "an unnamed source" for e in evidence
                      if e.is_independent and e.stance == Evidence.Stance.REFUTES})
    if supports and refutes:
        return "disputed", (f"Independent sources disagree: {', '.join(supports)} support it; "
                            f"{', '.join(refutes)} refute it.")
    if supports:
        return "verified", f"Independently verified: {', '.join(supports)}, independent of the claimant, support it."
    if refutes:
        return "refuted", f"Refuted by an independent source: {', '.join(refutes)}."
    return "unverified", "Not independently verified: no source independent of the claimant has confirmed it."


def claim_link_candidates(query: str, *, exclude_id: int, limit: int = LINK_CANDIDATE_LIMIT) -> list[Claim]:
    """Claims whose text or actor matches what the editor types, or the claim with that number."""
    query = " ".join(query.split())[:200]
    if not query:
        return []
    match = Q(text__icontains=query) | Q(actor__name__icontains=query)
    if query.lstrip("#").isdigit():
        match |= Q(pk=int(query.lstrip("#")))
    return list(
        Claim.objects.filter(match).exclude(pk=exclude_id).select_related("actor").order_by("-asserted_on", "-id")[:limit]
    )


def claims_awaiting_verdict(*, limit: int) -> list[Claim]:
    """Accepted claims no fact-checker has ruled on yet, newest first."""
    return list(
        Claim.objects.filter(
            review_state__in=[Claim.ReviewState.ACCEPTED, Claim.ReviewState.CORRECTED],
            verdict__in=[Verdict.UNVERIFIED, Verdict.IN_PROGRESS],
        ).select_related("actor").order_by("-asserted_on", "-id")[:limit]
    )
