"""Reading an article with every claim in its passages highlighted."""

from django.db.models import Prefetch

from claims.models import Attribution
from claims.selectors.claims import web_url
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
