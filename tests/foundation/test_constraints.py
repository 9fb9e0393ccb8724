"""Every database constraint rejects the bad row it exists for."""

import pytest
from django.db import IntegrityError, transaction

from claims.models import Actor, ActorAlias, ClaimLink, Evidence, Quantity, Verification
from sources.models import Article, Feed, Passage
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    AttributionFactory,
    ClaimFactory,
    FeedFactory,
    OutletFactory,
    PassageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db



def test_article_canonical_url_is_unique():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(outlet=article.outlet, url=article.url)


def test_feed_url_is_unique_and_interval_positive():
    feed = FeedFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Feed.objects.create(outlet=feed.outlet, url=feed.url)
    from datetime import timedelta

    with pytest.raises(IntegrityError), transaction.atomic():
        Feed.objects.create(outlet=feed.outlet, url="https://x.example.org/f", poll_interval=timedelta(0))


def test_one_current_version_per_passage_key():
    passage = PassageFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Passage.objects.create(article=passage.article, key=passage.key, version=2, text="new", text_hash="h")
    # The edited text as a new version is fine once the old one is no longer current.
    Passage.objects.filter(pk=passage.pk).update(is_current=False)
    Passage.objects.create(article=passage.article, key=passage.key, version=2, text="new", text_hash="h")


def test_passage_version_is_unique():
    passage = PassageFactory(is_current=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Passage.objects.create(article=passage.article, key=passage.key, version=1, text="x", text_hash="h", is_current=False)


def test_actor_names_are_unique_ignoring_case_and_not_empty():
    ActorFactory(name="Ukrainian Air Force")
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.create(name="ukrainian air force")
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.create(name="")


def test_actor_is_not_its_own_parent():
    actor = ActorFactory()
    actor.parent = actor
    with pytest.raises(IntegrityError), transaction.atomic():
        actor.save()


def test_alias_is_unique_per_actor_ignoring_case():
    actor = ActorFactory()
    ActorAlias.objects.create(actor=actor, alias="Kyiv")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActorAlias.objects.create(actor=actor, alias="KYIV")
    # The same alias may name a different actor (an editor resolves the ambiguity).
    ActorAlias.objects.create(actor=ActorFactory(), alias="Kyiv")


def test_claim_rejects_unknown_verdict_and_review_state():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(verdict="probably")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(review_state="maybe")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(text="")


def test_attribution_span_must_be_inside_the_passage():
    passage = PassageFactory(text="Kyiv said 17 drones were downed.")
    with pytest.raises(IntegrityError), transaction.atomic():
        AttributionFactory(passage=passage, source_start=0, source_end=4, cue_start=5, cue_end=9,
                           content_start=10, content_end=200)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttributionFactory(passage=passage, source_start=0, source_end=400, cue_start=5, cue_end=9,
                           content_start=10, content_end=20)
    ok = AttributionFactory(passage=passage, source_start=0, source_end=4, cue_start=5, cue_end=9,
                            content_start=10, content_end=len(passage.text))
    ok.content_end = len(passage.text) + 1
    with pytest.raises(IntegrityError), transaction.atomic():
        ok.save()


def test_attribution_spans_are_ordered():
    passage = PassageFactory(text="Kyiv said 17 drones were downed.")
    with pytest.raises(IntegrityError), transaction.atomic():
        AttributionFactory(passage=passage, content_start=20, content_end=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttributionFactory(passage=passage, source_start=4, source_end=0, content_start=10, content_end=20)


def test_claim_link_never_points_at_itself_and_is_unique():
    claim, other = ClaimFactory(), ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(from_claim=claim, to_claim=claim, kind="contradicts")
    ClaimLink.objects.create(from_claim=claim, to_claim=other, kind="contradicts")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(from_claim=claim, to_claim=other, kind="contradicts")


def test_quantity_ranges_and_parts_are_ordered():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Quantity.objects.create(claim=claim, value=20, value_max=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Quantity.objects.create(claim=claim, value=22, total=17)
    Quantity.objects.create(claim=claim, value=17, total=22, noun="drones")


def test_verification_needs_a_note_and_a_known_verdict():
    claim, user = ClaimFactory(), UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Verification.objects.create(claim=claim, verdict="verified", note="", created_by=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verification.objects.create(claim=claim, verdict="true-ish", note="n", created_by=user)


def test_evidence_needs_a_url_or_text():
    claim, user = ClaimFactory(), UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(claim=claim, is_independent=True, stance="supports", added_by=user)


def test_outlet_names_are_unique():
    outlet = OutletFactory()
    from sources.models import Outlet

    with pytest.raises(IntegrityError), transaction.atomic():
        Outlet.objects.create(name=outlet.name)
