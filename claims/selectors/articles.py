"""Reading an article with every claim in its passages highlighted."""

from django.db.models import Count, Prefetch, Q

from claims.models import Attribution, Claim
from claims.selectors.claims import web_url, with_cards
from claims.selectors.highlights import attribution_spans, highlight_segments, passage_body_start
from sources.models import Article, Passage


def article_page(article_id: int) -> Article:
    """The article and its current passages, each with `segments` and its `attributions`."""
    article = (
        Article.objects.select_related("outlet", "feed")
        .defer("raw_html")
        .prefetch_related(
            Prefetch(
                "passages",
                queryset=Passage.objects.current().order_by("position").prefetch_related(
                    Prefetch("attributions", queryset=Attribution.objects.select_related("claim", "actor").order_by("content_start"))
                ),
                to_attr="current_passages",
            )
        )
        .get(pk=article_id)
    )
    article.safe_url = web_url(article.url)
    for passage in article.current_passages:
        spans = [span for attribution in passage.attributions.all() for span in attribution_spans(attribution)]
        start = passage_body_start(passage.text, passage.heading, spans)
        passage.segments = highlight_segments(passage.text, spans, start=start)
    return article


def article_review(article_id: int) -> Article:
    """The article page's content plus, on each passage, `review_claims`: the cards of the claims
    it is the first place of, in reading order. Raises Article.DoesNotExist."""
    article = article_page(article_id)
    first_passage: dict[int, int] = {}
    for passage in article.current_passages:
        for attribution in passage.attributions.all():  # ordered by content_start
            first_passage.setdefault(attribution.claim_id, passage.pk)
    claims = Claim.objects.select_related("actor", "reviewed_by").filter(pk__in=first_passage)
    cards = {claim.pk: claim for claim in with_cards(list(claims))}
    for passage in article.current_passages:
        passage.review_claims = [cards[claim_id] for claim_id, passage_id in first_passage.items() if passage_id == passage.pk]
    article.claim_count = len(cards)
    article.pending_count = sum(claim.review_state == Claim.ReviewState.PENDING for claim in cards.values())
    return article


def latest_articles(*, limit: int) -> list[Article]:
    """The newest articles with `claim_count` and `pending_count`, counted for these only (a
    grouped count over every article would read every attribution)."""
    articles = list(Article.objects.select_related("outlet").defer("raw_html", "text").order_by("-created_at", "-id")[:limit])
    counts = {
        row["passage__article_id"]: row
        for row in Attribution.objects.filter(passage__article__in=articles).values("passage__article_id").annotate(
            claims=Count("claim", distinct=True),
            pending=Count("claim", distinct=True, filter=Q(claim__review_state=Claim.ReviewState.PENDING)),
        )
    }
    for article in articles:
        article.claim_count = counts.get(article.pk, {}).get("claims", 0)
        article.pending_count = counts.get(article.pk, {}).get("pending", 0)
    return articles
