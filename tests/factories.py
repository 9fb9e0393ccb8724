"""factory_boy factories for every model, shared by all test modules."""

import hashlib
from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims import models as claims
from sources import models as sources


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sources.Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"The Daily Example {n}")


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sources.Feed

    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://news.example.org/feed/{n}.xml")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sources.Article

    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://news.example.org/articles/{n}")
    title = factory.Sequence(lambda n: f"Example article {n}")
    text = "The ministry said it shot down 12 of 15 drones overnight."
    status = sources.Article.Status.SPLIT


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sources.Passage

    article = factory.SubFactory(ArticleFactory)
    key = factory.Sequence(lambda n: f"post-{n}")
    position = factory.Sequence(int)
    heading = "Drones downed overnight"
    text = "The ministry said it shot down 12 of 15 drones overnight."
    text_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.Actor
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Example Ministry {n}")
    kind = claims.Actor.Kind.MINISTRY


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.ActorAlias

    actor = factory.SubFactory(ActorFactory)
    alias = factory.Sequence(lambda n: f"alias {n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.Claim

    text = "it shot down 12 of 15 drones overnight"
    actor = factory.SubFactory(ActorFactory)
    asserted_on = date(2026, 3, 14)
    rule = "cue-after-source"
    extractor_version = "test"


class AttributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.Attribution

    claim = factory.SubFactory(ClaimFactory)
    actor = factory.SelfAttribute("claim.actor")
    passage = factory.SubFactory(PassageFactory)
    outlet = factory.SelfAttribute("passage.article.outlet")
    sentence = factory.SelfAttribute("passage.text")
    source_mention = "The ministry"
    cue = "said"
    source_start, source_end = 0, 12
    cue_start, cue_end = 13, 17
    content_start, content_end = 18, 57
    asserted_on = factory.SelfAttribute("claim.asserted_on")


class QuantityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.Quantity

    claim = factory.SubFactory(ClaimFactory)
    value = 12
    total = 15
    noun = "drones"
    text = "12 of 15 drones"


class VerificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.Verification

    claim = factory.SubFactory(ClaimFactory)
    verdict = claims.Verdict.VERIFIED
    note = "Confirmed by satellite imagery"
    created_by = factory.SubFactory(UserFactory)


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.Evidence

    claim = factory.SubFactory(ClaimFactory)
    url = "https://evidence.example.org/report"
    source_name = "Independent Monitor"
    is_independent = True
    stance = claims.Evidence.Stance.SUPPORTS
    added_by = factory.SubFactory(UserFactory)


class ClaimLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = claims.ClaimLink

    from_claim = factory.SubFactory(ClaimFactory)
    to_claim = factory.SubFactory(ClaimFactory)
    kind = claims.ClaimLink.Kind.CONTRADICTS
