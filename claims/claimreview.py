"""schema.org ClaimReview JSON-LD for a claim with a verdict, using only schema.org terms.

Ratings run from 1 (false) to 4 (verified). "Unverifiable" is a finding but not a point on
that scale, so its rating carries the label (alternateName) and no number.
"""

import json

from django.conf import settings
from django.urls import reverse

from claims.models import Actor, Claim, Verdict

BEST_RATING, WORST_RATING = 4, 1
RATING_VALUES = {
    Verdict.FALSE: 1,
    Verdict.MISLEADING: 2,
    Verdict.PARTLY_VERIFIED: 3,
    Verdict.VERIFIED: 4,
}
REVIEWED_VERDICTS = frozenset(RATING_VALUES) | {Verdict.UNVERIFIABLE}
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def claim_page_url(claim_id: int, *, request=None) -> str:
    """The claim page's absolute URL: from the request when there is one, else the newsroom's URL."""
    path = reverse("claim_detail", args=[claim_id])
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.CLAIMTRACK_NEWSROOM_URL.rstrip("/") + path


def _author(actor: Actor) -> dict:
    author = {"@type": "Person" if actor.kind == Actor.Kind.PERSON else "Organization", "name": actor.name}
    if actor.wikidata_id:
        author["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata_id}"
    return author


def _appearances(claim: Claim) -> list[dict]:
    seen, appearances = set(), []
    attributions = claim.attributions.select_related("passage__article__outlet").order_by("asserted_on", "id")
    for attribution in attributions:
        article = attribution.passage.article
        if article.pk in seen:
            continue
        seen.add(article.pk)
        appearance = {"@type": "NewsArticle", "url": article.url, "publisher": {"@type": "Organization", "name": article.outlet.name}}
        if article.title:
            appearance["headline"] = article.title
        if article.published_at:
            appearance["datePublished"] = article.published_at.isoformat()
        appearances.append(appearance)
    return appearances


def _rating(verdict: str) -> dict:
    rating = {"@type": "Rating", "alternateName": Verdict(verdict).label}
    if verdict in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[verdict], bestRating=BEST_RATING, worstRating=WORST_RATING)
    return rating


def claim_review(claim: Claim, *, claim_url: str) -> dict | None:
    """The ClaimReview for `claim`, or None while it has no verdict to publish."""
    if claim.verdict not in REVIEWED_VERDICTS:
        return None
    item = {"@type": "Claim"}
    if claim.actor:
        item["author"] = _author(claim.actor)
    if claim.asserted_on:
        item["datePublished"] = claim.asserted_on.isoformat()
    appearances = _appearances(claim)
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    latest = claim.verifications.filter(verdict=claim.verdict).order_by("-created_at", "-id").first()
    reviewed_at = latest.created_at if latest else claim.updated_at
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": settings.CLAIMTRACK_NEWSROOM_NAME, "url": settings.CLAIMTRACK_NEWSROOM_URL},
        "datePublished": reviewed_at.date().isoformat(),
        "reviewRating": _rating(claim.verdict),
    }


def json_for_script(document: dict) -> str:
    """JSON safe inside <script>: no <, > or & that could close the element or start markup."""
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)
