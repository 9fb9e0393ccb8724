"""One outlet per publisher: identified by the registered domain, named by the site, mergeable."""

import importlib

import pytest
from django.apps import apps as django_apps

from claims.models import Attribution
from sources import services
from sources.models import Article, Feed, Outlet
from sources.parsing.domains import domain_display_name
from tests.factories import ArticleFactory, AttributionFactory, FeedFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_pages_of_one_domain_share_one_outlet_whatever_site_name_they_give():
    first = services.outlet_for_page(url="https://apnews.com/article/a", site_name="AP News")
    assert services.outlet_for_page(url="https://www.apnews.com/article/b", site_name="AP NEWS") == first
    assert services.outlet_for_page(url="https://hosted.apnews.com/c", site_name="Hosted") == first
    first.refresh_from_db()
    assert (first.name, first.domain) == ("AP News", "apnews.com")
    assert Outlet.objects.count() == 1


def test_a_site_name_another_publisher_uses_gets_its_domain_added():
    OutletFactory(name="Herald", domain="herald.example.org")
    other = services.outlet_for_page(url="https://www.herald.co.uk/x", site_name="Herald")
    assert other.name == "Herald (herald.co.uk)"


def test_an_outlet_known_only_by_name_is_adopted_by_its_domain():
    legacy = OutletFactory(name="Reuters")
    assert services.outlet_for_page(url="https://www.reuters.com/world/x", site_name="Reuters") == legacy
    legacy.refresh_from_db()
    assert legacy.domain == "reuters.com"


def test_a_page_without_a_site_name_is_named_from_its_domain_for_people_until_one_arrives():
    outlet = services.outlet_for_page(url="https://northwind-daily.example/news/1")
    assert (outlet.name, outlet.domain) == ("Northwind Daily", "northwind-daily.example")  # not a host name
    assert services.outlet_for_page(url="https://www.cbc.ca/news/1").name == "CBC"
    assert services.outlet_for_page(url="https://www.cbc.ca/news/2", site_name="CBC News").name == "CBC News"


@pytest.mark.parametrize("domain, name", [
    ("northwind-daily.example", "Northwind Daily"), ("cbc.ca", "CBC"), ("bbc.co.uk", "BBC"),
    ("theguardian.com", "Theguardian"), ("the-guardian.com", "The Guardian"), ("www.intranet-news", "Intranet News"),
    ("10.0.0.1", "10.0.0.1"),
])
def test_a_domain_reads_as_a_name(domain, name):
    assert domain_display_name(domain) == name


def test_outlets_named_by_their_domain_before_are_renamed_for_people():
    migration = importlib.import_module("sources.migrations.0006_outlet_names_from_domains")
    old = OutletFactory(name="northwind-daily.example", domain="northwind-daily.example")
    chosen = OutletFactory(name="The Courier", domain="courier.example")
    migration.name_outlets_for_people(django_apps, None)
    old.refresh_from_db()
    chosen.refresh_from_db()
    assert (old.name, chosen.name) == ("Northwind Daily", "The Courier")


def test_merging_moves_feeds_articles_and_attributions_to_the_kept_outlet():
    kept = OutletFactory(name="Reuters", domain="reuters.com")
    stray = OutletFactory(name="U.S.", domain="")
    feed = FeedFactory(outlet=stray)
    article = ArticleFactory(outlet=stray)
    attribution = AttributionFactory(passage__article=article)
    assert attribution.outlet == stray
    services.outlet_merge(source_id=stray.pk, target_id=kept.pk)
    assert not Outlet.objects.filter(pk=stray.pk).exists()
    assert Feed.objects.get(pk=feed.pk).outlet == kept
    assert Article.objects.get(pk=article.pk).outlet == kept
    assert Attribution.objects.get(pk=attribution.pk).outlet_id == kept.pk


def test_an_outlet_cannot_be_merged_into_itself():
    outlet = OutletFactory()
    with pytest.raises(ValueError):
        services.outlet_merge(source_id=outlet.pk, target_id=outlet.pk)
