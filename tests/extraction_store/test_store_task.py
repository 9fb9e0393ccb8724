"""The extraction tasks: article_extract_claims runs the store, records a final failure on the
article, resumes after a crash halfway and works in a real worker process; articles_extract_stale
brings articles up to the current extractor version."""

import pytest
from django.db import connection

from claims.extraction import EXTRACTOR_VERSION
from claims.models import Attribution, Claim
from claims.tasks import MAX_EXTRACT_RETRIES, article_extract_claims, articles_extract_stale
from config.celery_app import app as celery_app
from sources.models import Article
from tests.conftest import requires_real_services
from tests.extraction_store.conftest import DRONES, TANKS, passage_with


@pytest.fixture
def retries_run_in_process():
    """Eager tasks re-raise Retry to the caller; a worker does not. Let retries run, as there."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = previous


@pytest.fixture
def failing_claim_inserts(db, retries_run_in_process):
    """Make the database refuse to store claims mentioning tanks, as a full disk would.

    PostgreSQL reports it as an OperationalError (the task retries, then gives up), SQLite as an
    IntegrityError (the task gives up at once). Returns a function that lifts the fault."""
    if connection.vendor == "postgresql":
        create = [
            """CREATE FUNCTION test_refuse_claim() RETURNS trigger AS $$ BEGIN
               IF NEW.text LIKE '%tanks%' THEN RAISE EXCEPTION 'disk is full' USING ERRCODE = 'disk_full'; END IF;
               RETURN NEW; END; $$ LANGUAGE plpgsql""",
            "CREATE TRIGGER test_refuse_claim BEFORE INSERT ON claims_claim FOR EACH ROW EXECUTE FUNCTION test_refuse_claim()",
        ]
        drop = ["DROP TRIGGER test_refuse_claim ON claims_claim", "DROP FUNCTION test_refuse_claim()"]
    else:
        create = [
            """CREATE TRIGGER test_refuse_claim BEFORE INSERT ON claims_claim WHEN NEW.text LIKE '%tanks%'
               BEGIN SELECT RAISE(ABORT, 'disk is full'); END""",
        ]
        drop = ["DROP TRIGGER test_refuse_claim"]
    with connection.cursor() as cursor:
        for statement in create:
            cursor.execute(statement)

    def lift():
        with connection.cursor() as cursor:
            for statement in drop:
                cursor.execute(statement)

    return lift


def test_the_task_stores_the_claims_of_the_article(starter_gazetteer):
    passage = passage_with(DRONES)

    outcome = article_extract_claims.delay(passage.article_id).get()

    assert outcome["status"] == "extracted" and outcome["claims_created"] == 3
    assert Claim.objects.count() == 3
    assert Article.objects.get(pk=passage.article_id).status == Article.Status.EXTRACTED


def test_a_duplicate_article_is_left_alone(starter_gazetteer):
    passage = passage_with(DRONES)
    Article.objects.filter(pk=passage.article_id).update(status=Article.Status.DUPLICATE)

    article_extract_claims.delay(passage.article_id)

    assert not Claim.objects.exists()
    assert Article.objects.get(pk=passage.article_id).status == Article.Status.DUPLICATE


def test_a_failure_is_recorded_on_the_article(starter_gazetteer, failing_claim_inserts):
    passage = passage_with(TANKS)

    outcome = article_extract_claims.delay(passage.article_id).get()

    attempts = MAX_EXTRACT_RETRIES + 1 if connection.vendor == "postgresql" else 1
    assert (outcome["status"], outcome["attempts"]) == ("failed", attempts)
    article = Article.objects.get(pk=passage.article_id)
    assert article.status == Article.Status.FAILED
    assert "disk is full" in article.last_error and article.last_error_at is not None
    assert not Claim.objects.exists()


def test_a_run_that_failed_halfway_is_finished_by_the_next(starter_gazetteer, failing_claim_inserts):
    first = passage_with(DRONES, position=0)
    passage_with(TANKS, article=first.article, position=1)
    article_extract_claims.delay(first.article_id)
    stored_before = list(Attribution.objects.values_list("id", "passage_id"))
    assert {passage_id for _, passage_id in stored_before} == {first.pk}  # the first passage was kept

    failing_claim_inserts()
    article_extract_claims.delay(first.article_id)

    assert set(stored_before) < set(Attribution.objects.values_list("id", "passage_id"))
    assert Attribution.objects.count() == 5
    assert Article.objects.get(pk=first.article_id).status == Article.Status.EXTRACTED


@requires_real_services
def test_a_real_worker_extracts_an_article_into_postgresql(celery_worker_process):
    from claims.extraction.gazetteer import Gazetteer
    from claims.services.gazetteer_sync import gazetteer_load_starter

    gazetteer_load_starter(records=Gazetteer.default().records.values())
    passage = passage_with(DRONES)

    article_extract_claims.delay(passage.article_id)

    celery_worker_process(
        lambda: Article.objects.filter(pk=passage.article_id, status=Article.Status.EXTRACTED).exists()
    )
    assert Attribution.objects.filter(passage=passage).count() == 3
    assert Claim.objects.filter(actor__name="Ukrainian Air Force").exists()


def test_articles_from_an_older_extractor_version_are_extracted_again(
    starter_gazetteer, django_capture_on_commit_callbacks
):
    stale = passage_with(DRONES)
    current = passage_with(TANKS)
    for passage in (stale, current):
        article_extract_claims.delay(passage.article_id)
    Article.objects.filter(pk=stale.article_id).update(extractor_version="2000.1.1")
    Attribution.objects.filter(passage=stale).update(extractor_version="2000.1.1")
    current_rows = list(Attribution.objects.filter(passage=current).values_list("id", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        assert articles_extract_stale.delay().get() == 1

    assert Article.objects.get(pk=stale.article_id).extractor_version == EXTRACTOR_VERSION
    assert set(Attribution.objects.filter(passage=stale).values_list("extractor_version", flat=True)) == {
        EXTRACTOR_VERSION
    }
    assert list(Attribution.objects.filter(passage=current).values_list("id", flat=True)) == current_rows
    assert articles_extract_stale.delay().get() == 0
