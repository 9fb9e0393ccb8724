from django.utils import timezone

from sources.models import Article


def article_mark_requeued(*, article_id: int) -> None:
    """Touch the article so the sweeper waits another STALLED_ARTICLE_AFTER before trying again."""
    Article.objects.filter(pk=article_id).update(updated_at=timezone.now())
