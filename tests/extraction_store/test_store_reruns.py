"""Re-running extraction: nothing changes for the same version; a new version replaces only what
no person touched."""

import pytest

from claims.models import Attribution, Claim, ClaimLink, Quantity, Verdict
from claims.services import extraction_store
from claims.services.extraction_store import article_claims_store
from sources.models import Passage
from tests.extraction_store.conftest import DRONES, TANKS, passage_with
from tests.factories import ClaimFactory, ClaimLinkFactory, EvidenceFactory, VerificationFactory


def _rows():
    return (
        sorted(Claim.objects.values_list("id", "text", "actor_id", "updated_at")),
        sorted(Attribution.objects.values_list("id", "claim_id", "content_start", "actor_id", "via_id")),
        sorted(Quantity.objects.values_list("id", "claim_id", "value")),
        sorted(ClaimLink.objects.values_list("id", "from_claim_id", "to_claim_id")),
    )


def test_running_twice_changes_nothing(starter_gazetteer):
    passage = passage_with(DRONES + " " + TANKS)
    article_claims_store(article=passage.article)
    before = _rows()

    result = article_claims_store(article=passage.article)

    assert _rows() == before
    assert (result.attributions_kept, result.attributions_created, result.attributions_replaced) == (5, 0, 0)


def test_a_new_extractor_version_replaces_claims_nobody_touched(starter_gazetteer, monkeypatch):
    passage = passage_with(DRONES)
    article_claims_store(article=passage.article)
    old_claims = set(Claim.objects.values_list("id", flat=True))

    monkeypatch.setattr(extraction_store, "EXTRACTOR_VERSION", "next")
    result = article_claims_store(article=passage.article)

    assert result.attributions_replaced == 3 and result.claims_created == 3
    assert not old_claims & set(Claim.objects.values_list("id", flat=True))
    assert set(Attribution.objects.values_list("extractor_version", flat=True)) == {"next"}
    assert Claim.objects.count() == 3 and not Quantity.objects.exclude(claim__in=Claim.objects.all()).exists()


def _accepted(claim, editor):
    Claim.objects.filter(pk=claim.pk).update(review_state=Claim.ReviewState.ACCEPTED, reviewed_by=editor, human_touched=True)


def _edited(claim, editor):
    Claim.objects.filter(pk=claim.pk).update(text="it shot down 17 drones", human_touched=True, version=2)


def _given_a_verdict(claim, editor):
    VerificationFactory(claim=claim, verdict=Verdict.FALSE, created_by=editor)
    Claim.objects.filter(pk=claim.pk).update(verdict=Verdict.FALSE)


def _given_evidence(claim, editor):
    EvidenceFactory(claim=claim, added_by=editor)


def _linked_by_an_editor(claim, editor):
    ClaimLinkFactory(from_claim=claim, to_claim=ClaimFactory(), created_by=editor)


@pytest.mark.parametrize("touch", [_accepted, _edited, _given_a_verdict, _given_evidence, _linked_by_an_editor])
def test_a_new_version_keeps_what_people_touched(starter_gazetteer, editor, monkeypatch, touch):
    passage = passage_with(DRONES)
    article_claims_store(article=passage.article)
    touched = passage.attributions.get(claim__text__startswith="it shot down").claim
    touch(touched, editor)
    touched_claim_before = Claim.objects.filter(pk=touched.pk).values().get()
    touched_attribution_before = Attribution.objects.filter(claim=touched).values().get()
    untouched = set(passage.attributions.exclude(claim=touched).values_list("claim_id", flat=True))

    monkeypatch.setattr(extraction_store, "EXTRACTOR_VERSION", "next")
    result = article_claims_store(article=passage.article)

    assert Claim.objects.filter(pk=touched.pk).values().get() == touched_claim_before
    assert Attribution.objects.filter(claim=touched).values().get() == touched_attribution_before
    assert result.kept_for_people == 1
    # Nothing new was stored where the person's claim stands; the others were replaced.
    assert passage.attributions.count() == 3
    assert not Claim.objects.filter(pk__in=untouched).exists()


def test_a_rejected_claim_is_not_extracted_again(starter_gazetteer, monkeypatch):
    passage = passage_with(TANKS)
    article_claims_store(article=passage.article)
    rejected = passage.attributions.first().claim
    Claim.objects.filter(pk=rejected.pk).update(review_state=Claim.ReviewState.REJECTED, human_touched=True)

    monkeypatch.setattr(extraction_store, "EXTRACTOR_VERSION", "next")
    article_claims_store(article=passage.article)

    assert passage.attributions.filter(content_start=passage.attributions.get(claim=rejected).content_start).count() == 1
    assert Claim.objects.filter(review_state=Claim.ReviewState.PENDING).count() == 1


def test_a_suggested_link_does_not_count_as_a_persons_work(starter_gazetteer, monkeypatch):
    passage = passage_with(TANKS)
    article_claims_store(article=passage.article)
    assert ClaimLink.objects.filter(status=ClaimLink.Status.SUGGESTED).count() == 1
    old_claims = set(Claim.objects.values_list("id", flat=True))

    monkeypatch.setattr(extraction_store, "EXTRACTOR_VERSION", "next")
    article_claims_store(article=passage.article)

    assert not old_claims & set(Claim.objects.values_list("id", flat=True))
    assert ClaimLink.objects.get().from_claim_id not in old_claims


def test_an_edited_post_keeps_what_it_said_before_and_repeats_attach_to_the_same_claims(starter_gazetteer):
    old = passage_with(TANKS)
    article_claims_store(article=old.article)
    Passage.objects.filter(pk=old.pk).update(is_current=False)
    new = passage_with(TANKS.replace("only 12 tanks", "only 15 tanks"), article=old.article, key=old.key, version=2)

    result = article_claims_store(article=old.article)

    assert old.attributions.count() == 2  # what the first version said stays on record
    assert (result.attached_to_existing, result.claims_created) == (1, 1)
    changed = new.attributions.get(claim__text__contains="15 tanks").claim
    assert changed.attributions.count() == 1
    assert Claim.objects.count() == 3
