import pytest
from django.conf import settings

from claims.selectors.actors import actor_suggestions, actor_with_descendants_ids
from tests.factories import ActorAliasFactory, ActorFactory

pytestmark = pytest.mark.django_db


def test_suggestions_match_names_and_aliases_by_prefix():
    government = ActorFactory(name="Ukraine", kind="government")
    ActorAliasFactory(actor=government, alias="Kyiv")
    ActorFactory(name="Kyrgyz Foreign Ministry")
    assert [a.name for a in actor_suggestions("kyi")] == ["Ukraine"]
    assert [a.name for a in actor_suggestions("Ukr")] == ["Ukraine"]


def test_merged_actors_are_not_suggested():
    target = ActorFactory(name="Volodymyr Zelenskyy", kind="person")
    ActorFactory(name="Volodymyr Zelensky", kind="person", merged_into=target)
    assert [a.name for a in actor_suggestions("Volodymyr")] == ["Volodymyr Zelenskyy"]


def test_empty_query_suggests_nothing():
    ActorFactory()
    assert actor_suggestions("   ") == []


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="spelling tolerance uses pg_trgm (PostgreSQL run)")
def test_suggestions_tolerate_misspelling_on_postgres():
    ActorFactory(name="Volodymyr Zelenskyy", kind="person")
    assert [a.name for a in actor_suggestions("Zelenski")] == ["Volodymyr Zelenskyy"]


def test_descendants_include_children_and_grandchildren():
    russia = ActorFactory(name="Russia")
    ministry = ActorFactory(name="Russian Defense Ministry", parent=russia)
    unit = ActorFactory(name="Russian Aerospace Forces", parent=ministry)
    ActorFactory(name="Unrelated")
    assert sorted(actor_with_descendants_ids(russia)) == sorted([russia.pk, ministry.pk, unit.pk])
