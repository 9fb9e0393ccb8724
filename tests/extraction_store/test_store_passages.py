"""Storing what the extractor finds: claims, attributions, quantities, actors, spans."""

from datetime import date
from decimal import Decimal

from claims.extraction import EXTRACTOR_VERSION
from claims.models import Actor, Attribution, Claim, ClaimLink
from claims.services.extraction_store import article_claims_store
from sources.models import Article
from tests.extraction_store.conftest import DRONES, TANKS, passage_with


def _attribution(passage, content_startswith: str) -> Attribution:
    return next(a for a in passage.attributions.select_related("claim") if a.claim.text.startswith(content_startswith))


def test_a_passage_is_stored_with_actor_cue_spans_and_quantities(starter_gazetteer):
    passage = passage_with(DRONES)

    result = article_claims_store(article=passage.article)

    assert result.claims_created == 3 and result.attributions_created == 3
    drones = _attribution(passage, "it shot down")
    assert drones.actor.name == "Ukrainian Air Force"
    assert drones.actor.is_reviewed
    text = passage.text
    assert text[drones.source_start : drones.source_end] == drones.source_mention == "Ukraine's air force"
    assert text[drones.cue_start : drones.cue_end] == drones.cue == "said"
    assert text[drones.content_start : drones.content_end].startswith("it shot down 17 of 22 Russian drones")
    assert drones.sentence.startswith("Ukraine's air force said") and drones.sentence in text
    assert drones.asserted_on == date(2026, 3, 14)
    assert drones.rule and drones.extractor_version == EXTRACTOR_VERSION
    claim = drones.claim
    assert (claim.actor, claim.asserted_on) == (drones.actor, drones.asserted_on)
    assert claim.review_state == Claim.ReviewState.PENDING and not claim.human_touched
    part = claim.quantities.get(total__isnull=False)
    assert (part.value, part.total, part.noun) == (Decimal(17), Decimal(22), "drones")


def test_an_intermediary_is_stored_as_via(starter_gazetteer):
    passage = passage_with(DRONES)

    article_claims_store(article=passage.article)

    relayed = _attribution(passage, "about 200 soldiers")
    assert relayed.actor.name == "Russian Defense Ministry"
    assert relayed.via is not None and relayed.via.name != relayed.actor.name
    assert relayed.claim.quantities.get().approximate


def test_an_unknown_titled_person_becomes_an_unreviewed_actor(starter_gazetteer):
    passage = passage_with("Ukrainian harbour chief Jane Holloway said 5 ships were damaged.")

    article_claims_store(article=passage.article)

    person = Actor.objects.get(name="Jane Holloway")
    assert not person.is_reviewed
    assert person.kind == Actor.Kind.PERSON
    assert person.parent.name == "Ukraine"
    assert passage.attributions.get().actor == person


def test_a_bare_description_keeps_its_mention_but_makes_no_actor(starter_gazetteer):
    passage = passage_with("A spokesperson said 12 ships were damaged.")
    actors = Actor.objects.count()

    article_claims_store(article=passage.article)

    attribution = passage.attributions.get()
    assert attribution.actor is None and attribution.source_mention == "A spokesperson"
    assert Actor.objects.count() == actors


def test_the_article_is_marked_extracted_with_the_version(starter_gazetteer):
    passage = passage_with(DRONES)

    article_claims_store(article=passage.article)

    article = Article.objects.get(pk=passage.article_id)
    assert article.status == Article.Status.EXTRACTED
    assert article.extractor_version == EXTRACTOR_VERSION and article.extracted_at is not None


def test_numbers_that_contradict_are_suggested_as_a_link(starter_gazetteer):
    passage = passage_with(TANKS)

    result = article_claims_store(article=passage.article)

    link = ClaimLink.objects.get()
    assert result.links_suggested == 1
    assert (link.kind, link.status) == (ClaimLink.Kind.CONTRADICTS, ClaimLink.Status.SUGGESTED)
    assert {link.from_claim.actor.name, link.to_claim.actor.name} == {"Russian Defense Ministry", "Ukrainian Armed Forces"}


def test_the_passage_date_wins_over_the_article_date(starter_gazetteer):
    passage = passage_with(TANKS)
    Article.objects.filter(pk=passage.article_id).update(published_at=passage.published_at.replace(day=1))

    article_claims_store(article=passage.article)

    assert set(passage.attributions.values_list("asserted_on", flat=True)) == {date(2026, 3, 14)}


def test_a_number_too_large_for_the_table_is_left_out_and_the_claim_kept(starter_gazetteer):
    passage = passage_with(
        "The Russian Defense Ministry said the debt reached 9,000,000,000,000,000,000,000,000,000 dollars "
        "and 12 ships were lost."
    )

    article_claims_store(article=passage.article)

    claim = Claim.objects.get()
    assert [q.value for q in claim.quantities.all()] == [Decimal(12)]
