"""The same claim asserted again in a later article gets a new attribution, not a new claim."""

import threading
from datetime import UTC, date, datetime

import pytest
from django.db import connection

from claims.extraction.gazetteer import Gazetteer
from claims.models import Attribution, Claim
from claims.services.extraction_store import article_claims_store
from claims.services.gazetteer_sync import gazetteer_load_starter
from tests.conftest import requires_real_services
from tests.extraction_store.conftest import passage_with

FIRST = "The Russian Defense Ministry said 40 tanks were destroyed near the river."
AGAIN = "The Russian Defense Ministry said on Monday that 40 tanks had been destroyed near the river."


def _store(text: str, day: datetime):
    passage = passage_with(text, published_at=day)
    result = article_claims_store(article=passage.article)
    return passage, result


def test_a_later_article_repeating_a_claim_adds_an_attribution(starter_gazetteer):
    first, _ = _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))
    again, result = _store(AGAIN, datetime(2026, 3, 16, tzinfo=UTC))

    claim = Claim.objects.get()
    assert (result.claims_created, result.attached_to_existing) == (0, 1)
    assert [a.passage for a in claim.attributions.all()] == [first, again]
    assert claim.asserted_on == date(2026, 3, 14)
    repeat = claim.attributions.get(passage=again)
    assert again.text[repeat.content_start : repeat.content_end].startswith("40 tanks had been destroyed")


def test_a_repeat_stored_before_the_original_moves_the_claim_to_the_earlier_date(starter_gazetteer):
    _store(AGAIN, datetime(2026, 3, 16, tzinfo=UTC))
    _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))

    claim = Claim.objects.get()
    assert claim.asserted_on == date(2026, 3, 14)
    assert claim.attributions.count() == 2


def test_a_different_number_is_a_different_claim(starter_gazetteer):
    _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))
    _store(FIRST.replace("40", "45"), datetime(2026, 3, 15, tzinfo=UTC))

    assert Claim.objects.count() == 2


def test_another_actor_saying_the_same_is_a_different_claim(starter_gazetteer):
    _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))
    _store(FIRST.replace("The Russian Defense Ministry", "Ukraine's air force"), datetime(2026, 3, 14, tzinfo=UTC))

    assert Claim.objects.count() == 2


def test_the_same_words_months_later_are_a_new_claim(starter_gazetteer):
    _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))
    _store(FIRST, datetime(2026, 6, 1, tzinfo=UTC))

    assert Claim.objects.count() == 2


def test_dissimilar_words_with_the_same_number_are_a_different_claim(starter_gazetteer):
    _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))
    _store("The Russian Defense Ministry said 40 tanks were delivered to the army by rail.", datetime(2026, 3, 15, tzinfo=UTC))

    assert Claim.objects.count() == 2


def test_rerunning_the_later_article_keeps_its_attribution(starter_gazetteer):
    _store(FIRST, datetime(2026, 3, 14, tzinfo=UTC))
    again, _ = _store(AGAIN, datetime(2026, 3, 16, tzinfo=UTC))
    before = list(Attribution.objects.values_list("id", "claim_id"))

    result = article_claims_store(article=again.article)

    assert list(Attribution.objects.values_list("id", "claim_id")) == before
    assert result.attributions_kept == 1


@requires_real_services
@pytest.mark.django_db(transaction=True)
def test_two_workers_storing_the_same_claim_at_once_make_one_claim():
    gazetteer_load_starter(records=Gazetteer.default().records.values())
    articles = [passage_with(FIRST, published_at=datetime(2026, 3, 14, tzinfo=UTC)).article for _ in range(4)]
    barrier = threading.Barrier(len(articles))
    errors = []

    def worker(article):
        try:
            barrier.wait()
            article_claims_store(article=article)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(article,)) for article in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Claim.objects.count() == 1
    assert Attribution.objects.count() == 4
