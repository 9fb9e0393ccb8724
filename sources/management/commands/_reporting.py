"""What the ingestion commands share: running one article through fetch and split, counting."""

from sources import services
from sources.fetching import FetchError
from sources.models import Article
from sources.tasks import enqueue_claim_extraction


def refresh_article_into_report(*, article: Article, report: services.IngestReport) -> str | None:
    """Fetch and split an article now. A failure is recorded on the article and in the report,
    and returned for the command to print."""
    try:
        outcome, split = services.article_refresh(article=article)
    except (FetchError, services.IngestError) as error:
        services.article_record_failure(article_id=article.pk, error=error, final=True)
        message = f"{article.url}: {error}"
        report.errors.append(message)
        return message
    report.add_article(outcome=outcome, passages_added=split.added if split else 0)
    if split is not None:
        enqueue_claim_extraction(article.pk)
    return None
