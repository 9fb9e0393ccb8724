from datetime import timedelta

import pytest
from django.utils import timezone

from config.ops.tasks import requeue_stalled_articles
from sources.models import Article
from sources.parsing.passages import text_hash
from tests.factories import ArticleFactory, PassageFactory

pytestmark = pytest.mark.django_db

TEXT = "The water authority said the river reached 6.2 metres at Brenn bridge overnight."


def split_article(*, idle: timedelta) -> Article:
    article = ArticleFactory(status=Article.Status.SPLIT, text=TEXT)
    PassageFactory(article=article, key="para:1", text=TEXT, text_hash=text_hash(TEXT))
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - idle)
    return article


def test_an_article_stuck_half_way_gets_its_next_step_again(settings, django_capture_on_commit_callbacks):
    settings.STALLED_ARTICLE_AFTER = 60
    stuck = split_article(idle=timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_stalled_articles() == 1
    stuck.refresh_from_db()
    assert stuck.status == Article.Status.EXTRACTED
    assert stuck.extracted_at is not None


def test_work_in_progress_and_finished_articles_are_left_alone(settings):
    settings.STALLED_ARTICLE_AFTER = 60
    split_article(idle=timedelta(seconds=10))
    done = ArticleFactory(status=Article.Status.EXTRACTED)
    Article.objects.filter(pk=done.pk).update(updated_at=timezone.now() - timedelta(hours=2))
    assert requeue_stalled_articles() == 0


def test_a_requeued_article_waits_a_full_period_before_the_next_try(settings, django_capture_on_commit_callbacks):
    settings.STALLED_ARTICLE_AFTER = 60
    split_article(idle=timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=False):
        assert requeue_stalled_articles() == 1
    assert requeue_stalled_articles() == 0
