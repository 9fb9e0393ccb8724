"""The gazetteer in the database: loading the starter list, and the extractor reading it back."""

import json

from django.core.management import call_command

from claims.extraction.gazetteer import DEFAULT_PATH, Gazetteer
from claims.models import Actor, ActorAlias
from claims.services.extraction_store import article_claims_store
from claims.services.gazetteer_sync import gazetteer_from_database
from tests.extraction_store.conftest import passage_with
from tests.factories import ActorFactory

STARTER = Gazetteer.default().records


def _aliases(name: str) -> set[str]:
    return set(ActorAlias.objects.filter(actor__name=name).values_list("alias", flat=True))


def test_loading_creates_the_starter_actors_with_parents_and_aliases(db):
    call_command("load_gazetteer")

    assert Actor.objects.count() == len(STARTER)
    air_force = Actor.objects.get(name="Ukrainian Air Force")
    assert (air_force.kind, air_force.country, air_force.wikidata_id) == (Actor.Kind.MILITARY, "Ukraine", "Q1408536")
    assert air_force.parent.name == "Ukrainian Armed Forces" and air_force.is_reviewed
    assert {"Ukraine's air force", "Air Force of Ukraine"} <= _aliases("Ukrainian Air Force")
    assert {"Kyiv", "Government of Ukraine"} <= _aliases("Ukraine")


def test_loading_twice_adds_nothing(db):
    call_command("load_gazetteer")
    counts = Actor.objects.count(), ActorAlias.objects.count()

    call_command("load_gazetteer")

    assert (Actor.objects.count(), ActorAlias.objects.count()) == counts


def test_loading_again_keeps_what_editors_changed(db):
    call_command("load_gazetteer")
    Actor.objects.filter(name="Ukraine").update(country="Ukraine (edited)", kind=Actor.Kind.OTHER)
    ActorAlias.objects.filter(actor__name="Ukraine", alias="Kyiv").delete()
    Actor.objects.filter(name="Ukrainian Air Force").delete()
    Actor.objects.filter(name="Russia").update(name="Russian federal government")

    call_command("load_gazetteer")

    ukraine = Actor.objects.get(name="Ukraine")
    assert (ukraine.country, ukraine.kind) == ("Ukraine (edited)", Actor.Kind.OTHER)
    assert "Kyiv" not in _aliases("Ukraine")
    assert not Actor.objects.filter(name__in=["Ukrainian Air Force", "Russia"]).exists()
    assert "Kremlin" in _aliases("Russian federal government")


def test_an_actor_an_editor_made_first_is_kept_and_gets_the_starter_aliases(db):
    ActorFactory(name="Ukraine", kind=Actor.Kind.OTHER, country="")

    call_command("load_gazetteer")

    ukraine = Actor.objects.get(name="Ukraine")
    assert (ukraine.kind, ukraine.country) == (Actor.Kind.OTHER, "")
    assert "Kyiv" in _aliases("Ukraine")


def test_new_entries_in_the_starter_list_are_added_later(db, tmp_path):
    call_command("load_gazetteer")
    rows = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    for row in rows:
        if row["name"] == "Ukraine":
            row["aliases"].append("Bankova")
    rows.append({"name": "Harbour Authority of Ukraine", "kind": "agency", "parent": "Ukraine",
                 "country": "Ukraine", "aliases": ["the harbour authority"]})
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps(rows), encoding="utf-8")

    call_command("load_gazetteer", "--path", str(path))

    assert "Bankova" in _aliases("Ukraine")
    harbour = Actor.objects.get(name="Harbour Authority of Ukraine")
    assert (harbour.kind, harbour.parent.name) == (Actor.Kind.AGENCY, "Ukraine")


def test_an_alias_an_editor_adds_is_used_by_the_next_extraction(starter_gazetteer):
    ActorAlias.objects.create(actor=Actor.objects.get(name="Ukraine"), alias="Bankova")
    passage = passage_with("Bankova said that 30 drones were shot down.")

    article_claims_store(article=passage.article)

    assert passage.attributions.get().actor.name == "Ukraine"
    assert not Actor.objects.filter(name="Bankova").exists()


def test_the_extractor_gazetteer_is_rebuilt_only_when_actors_change(starter_gazetteer):
    first = gazetteer_from_database()
    assert gazetteer_from_database() is first
    ActorFactory(name="Jane Holloway", kind=Actor.Kind.PERSON, is_reviewed=False)
    assert gazetteer_from_database() is first  # unreviewed actors are not in it

    holloway = Actor.objects.get(name="Jane Holloway")
    holloway.is_reviewed = True
    holloway.save()

    rebuilt = gazetteer_from_database()
    assert rebuilt is not first
    assert [record.name for record in rebuilt.candidates("Jane Holloway")] == ["Jane Holloway"]
    assert first.candidates("Jane Holloway") == []


def test_a_merged_actor_resolves_to_the_actor_it_was_merged_into(starter_gazetteer):
    passage = passage_with("Governor Jane Holloway said that three people were injured.")
    article_claims_store(article=passage.article)
    kept = ActorFactory(name="Jane Q. Holloway", kind=Actor.Kind.PERSON)
    Actor.objects.filter(name="Jane Holloway").update(merged_into=kept)
    later = passage_with("Governor Jane Holloway said that four people were injured.")

    article_claims_store(article=later.article)

    assert later.attributions.get().actor == kept
    assert [r.name for r in gazetteer_from_database().candidates("Jane Holloway")] == ["Jane Q. Holloway"]
