"""Reading claims for the review card, the claim page and the link picker."""

from collections import defaultdict

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator

from claims.models import Attribution, Claim, ClaimLink, Evidence, Quantity, Verdict, Verification
from claims.services.quantities import quantity_line
from claims.selectors.highlights import (
    attribution_sentence_segments,
    attribution_spans,
    highlight_segments,
    passage_body_start,
    segments_html,
)
from config.moments import DAY, moment

LINK_CANDIDATE_LIMIT = 10

# The article's raw HTML and full text are large and never shown next to a claim.
_ARTICLE_HEAVY = ("passage__article__raw_html", "passage__article__text")


def attributions_in_order(*, with_actor: bool = False) -> QuerySet:
    """Attributions with their passage, article and outlet. The review card shows the claim's
    actor, not each attribution's: every join left out saves planning time on the 50-card page."""
    related = ["passage__article__outlet", "via", *(["actor"] if with_actor else [])]
    return Attribution.objects.select_related(*related).defer(*_ARTICLE_HEAVY).order_by("asserted_on", "id")


# What a card and the edit form read of an attribution: building 50 rows of four models costs
# less when each has a few fields instead of all seventy.
_CARD_FIELDS = (
    "claim_id", "via_id", "passage_id", "sentence", "cue", "source_start", "source_end", "cue_start", "cue_end",
    "content_start", "content_end", "asserted_on", "via__name", "passage__text", "passage__article_id",
    "passage__article__title", "passage__article__url", "passage__article__outlet__name",
)


def with_cards(claims: list[Claim]) -> list[Claim]:
    """Attach what a review card shows, in two queries for any number of claims (grouped here:
    prefetch_related would build a queryset per claim, which costs more than the queries)."""
    ids = [claim.pk for claim in claims]
    attributions, quantities = defaultdict(list), defaultdict(list)
    for attribution in attributions_in_order().filter(claim_id__in=ids).only(*_CARD_FIELDS):
        attributions[attribution.claim_id].append(attribution)
    for quantity in Quantity.objects.filter(claim_id__in=ids).order_by("id"):
        quantities[quantity.claim_id].append(quantity)
    cards = CardValues()
    return [card_context(claim, attributions[claim.pk], quantities[claim.pk], cards=cards) for claim in claims]


class CardValues:
    """What 50 cards have in common, worked out once: reverse() and date_format() cost 10-30 µs
    a call, and a page of cards needs hundreds of URLs and dates that differ only in an id or day."""

    _ID = 987654321  # reversed in place of an id, then replaced by each card's own

    def __init__(self):
        self.claim_url = self._url_pattern("claim_detail")
        self.actor_url = self._url_pattern("actor_detail")
        self.article_url = self._url_pattern("article_detail")
        self._days: dict = {}
        self._labels: dict = {}

    @classmethod
    def _url_pattern(cls, name: str) -> str:
        return reverse(name, args=[cls._ID]).replace(str(cls._ID), "{}")

    def day(self, day) -> str:
        if day not in self._days:
            self._days[day] = date_format(day, DAY)
        return self._days[day]

    def state_label(self, claim: Claim) -> str:
        if claim.review_state not in self._labels:
            self._labels[claim.review_state] = str(claim.get_review_state_display())
        return self._labels[claim.review_state]


def _short_title(article) -> str:
    title = article.title or article.url
    return title if len(title) <= 90 else Truncator(title).chars(90)


def card_context(claim: Claim, attributions: list[Attribution], quantities: list[Quantity], *,
                 cards: CardValues | None = None) -> Claim:
    """Attach the primary attribution, its highlighted sentence and `card`: the flat values the
    review card shows. The queue renders 50 cards, and plain dict lookups keep that cheap.
    `claim.actor` and `claim.reviewed_by` should be select_related."""
    cards = cards or CardValues()
    primary = claim.primary = attributions[0] if attributions else None
    claim.segments = attribution_sentence_segments(primary) if primary else []
    article = primary.passage.article if primary else None
    state_label = cards.state_label(claim)
    claim.card = {
        # Strings, not ints: every int a template prints goes through number localisation.
        "id": str(claim.pk),
        "version": str(claim.version),
        "state": claim.review_state,
        "state_label": state_label,
        "url": cards.claim_url.format(claim.pk),
        "actor_name": claim.actor.name if claim.actor_id else "",
        "actor_url": cards.actor_url.format(claim.actor_id) if claim.actor_id else "",
        "cue": primary.cue if primary else "",
        "via": primary.via.name if primary and primary.via_id else "",
        "said_on": cards.day(claim.asserted_on) if claim.asserted_on else "date unknown",
        "sentence_html": segments_html(claim.segments),
        "quantities": [quantity_line(q) for q in quantities],
        "rule": claim.rule or "—",
        "outlet": article.outlet.name if article else "",
        "article_url": f"{cards.article_url.format(article.pk)}#passage-{primary.passage_id}" if article else "",
        "article_title": _short_title(article) if article else "",
        "article_review_url": f"{cards.article_url.format(article.pk)}review/" if article else "",
        "reviewed": f"{state_label} by {claim.reviewed_by}, {moment(claim.reviewed_at)}" if claim.reviewed_by_id else "",
    }
    return claim


def claim_card(claim_id: int) -> Claim:
    return with_cards([Claim.objects.select_related("actor", "reviewed_by").get(pk=claim_id)])[0]


def claim_page(claim_id: int) -> Claim:
    """Everything the claim page shows; raises Claim.DoesNotExist."""
    claim = (
        Claim.objects.select_related("actor", "reviewed_by")
        .prefetch_related(
            Prefetch("attributions", queryset=attributions_in_order(with_actor=True)),
            Prefetch("quantities", queryset=Quantity.objects.order_by("id")),
            Prefetch(
                "verifications",
                queryset=Verification.objects.select_related("created_by").order_by("-created_at", "-id"),
            ),
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by").order_by("-created_at")),
            Prefetch("links_out", queryset=ClaimLink.objects.select_related("to_claim__actor")),
            Prefetch("links_in", queryset=ClaimLink.objects.select_related("from_claim__actor")),
        )
        .get(pk=claim_id)
    )
    card_context(claim, list(claim.attributions.all()), list(claim.quantities.all()))
    # Evidence is read once and shown under the verdict change it came with.
    evidence_by_verification = defaultdict(list)
    for item in claim.evidence.all():
        evidence_by_verification[item.verification_id].append(item)
    for verification in claim.verifications.all():
        verification.evidence_items = evidence_by_verification[verification.pk]
    claim.loose_evidence = evidence_by_verification[None]
    claim.reports = reports_by_article(list(claim.attributions.all()))
    claim.passage_html, claim.original_url = "", ""
    if claim.primary:
        passage = claim.primary.passage
        spans = attribution_spans(claim.primary)
        start = passage_body_start(passage.text, passage.heading, spans)
        claim.passage_html = segments_html(highlight_segments(passage.text, spans, start=start))
        claim.original_url = web_url(passage.permalink) or web_url(passage.article.url)
    return claim


def _distinct(values) -> list:
    return list(dict.fromkeys(value for value in values if value))


def reports_by_article(attributions: list[Attribution]) -> list[dict]:
    """One row per article that carries the claim (a live blog often repeats a claim in its
    summary), with every place in it: the passage's heading, or its paragraph number."""
    by_article: dict[int, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.passage.article_id].append(attribution)
    return [
        {
            "article": group[0].passage.article,
            "actors": _distinct(a.actor for a in group),
            "words": _distinct((a.source_mention, a.cue) for a in group),
            "dates": _distinct(a.asserted_on for a in group),
            "vias": _distinct(a.via.name if a.via_id else "" for a in group),
            "places": [
                {"passage_id": a.passage_id, "label": a.passage.heading or f"paragraph {a.passage.position + 1}",
                 "time": a.passage.published_at}
                for a in group
            ],
        }
        for group in by_article.values()
    ]


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
        who = "a source" if len(supports) == 1 else "sources"
        return "verified", f"Independently verified: supported by {' and '.join(supports)}, {who} independent of the claimant."
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
            review_state__in=Claim.ReviewState.confirmed(),
            verdict__in=[Verdict.UNVERIFIED, Verdict.IN_PROGRESS],
        ).select_related("actor").order_by("-asserted_on", "-id")[:limit]
    )
