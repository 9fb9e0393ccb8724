"""Every filter alone and combined, through the same form and selector the page and the API use."""

from datetime import UTC, datetime

import pytest
from django.http import QueryDict

from claims.models import Claim
from claims.search.forms import SearchForm
from claims.search.selectors import claims_in_order
from claims.services.extraction_store import article_claims_store
from tests.extraction_store.conftest import passage_with, starter_gazetteer  # noqa: F401 (a fixture)
from tests.factories import ActorFactory, ArticleFactory, AttributionFactory, OutletFactory, PassageFactory

FIRST_SAID = "The Russian Defense Ministry said 40 tanks were destroyed near the river."
REPEATED = "The Russian Defense Ministry said on Monday that 40 tanks had been destroyed near the river."


def found(query: str) -> list:
    form = SearchForm(QueryDict(query))
    assert form.is_valid(), form.errors
    return list(claims_in_order(form.search()))


def test_no_filter_finds_everything_newest_first_with_undated_last(corpus):
    assert found("") == [
        corpus.korean_troops, corpus.grain_deal, corpus.downed_drones, corpus.crimea_drones, corpus.undated_exercise
    ]


def test_text_matches_claim_text_and_sentence(corpus):
    assert found("q=Crimea") == [corpus.crimea_drones]
    assert found("q=Kremlin") == [corpus.grain_deal]  # only in the sentence, not the claim text


def test_text_matches_word_forms(corpus):
    assert set(found("q=drone")) == {corpus.crimea_drones, corpus.downed_drones, corpus.undated_exercise}


def test_text_phrase_or_and_exclusion(corpus):
    assert found('q="grain deal"') == [corpus.grain_deal]
    assert found('q="deal grain"') == []
    assert set(found("q=Crimea OR Kursk")) == {corpus.crimea_drones, corpus.korean_troops}
    assert set(found("q=drone -Crimea")) == {corpus.downed_drones, corpus.undated_exercise}


def test_actor_by_name_alias_or_id(corpus):
    assert set(found("actor=Ukrainian+Air+Force")) == {corpus.downed_drones, corpus.korean_troops}
    assert set(found("actor=kyiv+air+command")) == {corpus.downed_drones, corpus.korean_troops}
    assert found(f"actor={corpus.russia.pk}") == [corpus.grain_deal]


def test_actor_with_children(corpus):
    assert set(found("actor=Russia&children=on")) == {
        corpus.grain_deal, corpus.crimea_drones, corpus.undated_exercise
    }


def test_date_range_is_inclusive(corpus):
    assert found("date_from=2023-09-15&date_to=2023-10-02") == [corpus.grain_deal, corpus.downed_drones]
    assert found("date_from=2024-01-01") == [corpus.korean_troops]
    assert found("date_to=2023-09-14") == [corpus.crimea_drones]


def test_verdict_one_or_several(corpus):
    assert found("verdict=false") == [corpus.crimea_drones]
    assert found("verdict=false&verdict=misleading") == [corpus.korean_troops, corpus.crimea_drones]


def test_review_state(corpus):
    assert found("review_state=pending") == [corpus.grain_deal]
    assert found("review_state=rejected") == [corpus.undated_exercise]


def test_outlet(corpus):
    assert found(f"outlet={corpus.dw.pk}") == [corpus.downed_drones, corpus.crimea_drones]


def test_outlet_matches_every_outlet_that_reported_a_stored_claim(starter_gazetteer):
    """A claim DW reported first and Reuters repeated later (stored as one claim) is what either outlet carried."""
    dw, reuters, afp = OutletFactory(name="DW"), OutletFactory(name="Reuters"), OutletFactory(name="AFP")
    for outlet, text, day in ((dw, FIRST_SAID, 14), (reuters, REPEATED, 16)):
        published = datetime(2026, 3, day, 9, tzinfo=UTC)
        passage = passage_with(text, article=ArticleFactory(outlet=outlet, published_at=published), published_at=published)
        article_claims_store(article=passage.article)
    claim = Claim.objects.get()
    assert claim.attributions.count() == 2
    assert found(f"outlet={dw.pk}") == [claim]
    assert found(f"outlet={reuters.pk}") == [claim]
    assert found(f"outlet={afp.pk}") == []


def test_outlet_lists_a_claim_once_however_often_the_outlet_repeated_it(corpus):
    AttributionFactory(
        claim=corpus.grain_deal, passage=PassageFactory(article=ArticleFactory(outlet=corpus.dw)),
        content_start=0, content_end=10,
    )
    AttributionFactory(
        claim=corpus.grain_deal, passage=PassageFactory(article=ArticleFactory(outlet=corpus.dw)),
        content_start=0, content_end=10,
    )
    assert found(f"outlet={corpus.dw.pk}") == [corpus.grain_deal, corpus.downed_drones, corpus.crimea_drones]
    assert found(f"outlet={corpus.dw.pk}&review_state=pending") == [corpus.grain_deal]


def test_outlet_follows_reports_moved_or_removed(corpus):
    """The claim row's outlet list (PostgreSQL) follows its attributions as they change."""
    repeat = AttributionFactory(
        claim=corpus.grain_deal, passage=PassageFactory(article=ArticleFactory(outlet=corpus.dw)),
        content_start=0, content_end=10,
    )
    assert corpus.grain_deal in found(f"outlet={corpus.dw.pk}&q=grain")
    repeat.outlet = OutletFactory(name="AFP")
    repeat.save()
    assert found(f"outlet={corpus.dw.pk}&q=grain") == []
    assert found(f"outlet={repeat.outlet.pk}&q=grain") == [corpus.grain_deal]
    repeat.delete()
    assert found(f"outlet={repeat.outlet_id}") == []


def test_has_quantity_noun_and_value_range(corpus):
    assert found("has_quantity=on") == [corpus.korean_troops, corpus.downed_drones, corpus.crimea_drones]
    assert found("noun=drone") == [corpus.downed_drones, corpus.crimea_drones]  # singular finds "drones"
    assert found("noun=troops&value_min=10000") == [corpus.korean_troops]
    assert found("noun=drones&value_min=18") == []
    assert found("value_min=10&value_max=20") == [corpus.downed_drones, corpus.crimea_drones]


def test_filters_combine(corpus):
    assert found("q=drone&actor=Russia&children=on&date_from=2023-09-01&date_to=2023-09-30"
                 f"&verdict=false&review_state=accepted&outlet={corpus.dw.pk}&noun=drones&value_min=10") == [
        corpus.crimea_drones
    ]
    assert found("q=drone&actor=Ukrainian+Air+Force&verdict=false") == []


def test_a_sentence_attributed_later_is_searchable(corpus):
    passage = PassageFactory(text="Moscow later repeated that the grain corridor was closed.")
    AttributionFactory(
        claim=corpus.grain_deal, passage=passage, sentence=passage.text, source_start=None, source_end=None,
        cue_start=None, cue_end=None, content_start=0, content_end=len(passage.text),
    )
    assert found("q=corridor") == [corpus.grain_deal]


def test_edited_claim_text_is_searchable(corpus):
    corpus.grain_deal.text = "the Black Sea grain deal would lapse"
    corpus.grain_deal.save()
    assert found("q=lapse") == [corpus.grain_deal]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("date_from=2023-13-01", "date_from"),
        ("date_to=14/09/2023", "date_to"),
        ("date_from=2024-01-01&date_to=2023-01-01", "date_to"),
        ("verdict=maybe", "verdict"),
        ("review_state=lost", "review_state"),
        ("q=" + "x" * 201, "q"),
        ("actor=Nobody+At+All", "actor"),
        ("actor=999999", "actor"),
        ("outlet=abc", "outlet"),
        ("value_min=lots", "value_min"),
        ("value_min=NaN", "value_min"),
        ("value_min=5&value_max=1", "value_max"),
        ("sort=random", "sort"),
        ("cursor=not-a-cursor", "cursor"),
        ("q=a%00b", "q"),
    ],
)
def test_bad_input_is_a_form_error(corpus, query, field):
    form = SearchForm(QueryDict(query))
    assert not form.is_valid()
    assert field in form.errors


def test_ambiguous_actor_names_the_candidates(corpus):
    ActorFactory(name="Russian Navy")
    form = SearchForm(QueryDict("actor=Russian"))
    assert not form.is_valid()
    assert "Russian Defense Ministry" in form.errors["actor"][0] and "Russian Navy" in form.errors["actor"][0]


def test_text_filter_also_works_inside_a_subquery(corpus):
    from claims.models import Claim
    from claims.search.selectors import ClaimSearch, claims_matching

    matching_ids = claims_matching(ClaimSearch(text="Crimea")).values("id")
    assert list(Claim.objects.filter(id__in=matching_ids)) == [corpus.crimea_drones]
