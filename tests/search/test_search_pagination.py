"""Keyset pages: walking them visits every match once, in order, however deep."""

from datetime import date, timedelta

import pytest
from django.conf import settings

from claims.models import Claim
from claims.search.pagination import DATE, RELEVANCE, RELEVANT_RECENT, Cursor, InvalidCursor, decode_cursor, keyset_page
from claims.search import selectors
from claims.search.selectors import ClaimSearch, claims_in_order, claims_matching, claims_to_page
from tests.factories import ClaimFactory
from tests.search.conftest import make_claim


def walk(search: ClaimSearch, size: int) -> list[list]:
    pages, cursor = [], None
    while True:
        claims = claims_to_page(search, claims_matching(search))
        rows, cursor = keyset_page(claims, sort=search.effective_sort, cursor=cursor, size=size)
        pages.append(rows)
        if cursor is None:
            return pages
        cursor = decode_cursor(cursor.encode(), sort=search.effective_sort)  # through the URL and back


def test_pages_by_date_cover_every_claim_once_with_ties_and_undated(db):
    day = date(2024, 1, 1)
    for index in range(23):
        ClaimFactory(text=f"claim {index}", asserted_on=None if index % 5 == 0 else day - timedelta(days=index // 3))
    search = ClaimSearch()
    pages = walk(search, size=4)
    assert [len(page) for page in pages] == [4, 4, 4, 4, 4, 3]
    walked = [claim for page in pages for claim in page]
    assert walked == list(claims_in_order(search))
    assert walked[-1].asserted_on is None and walked[0].asserted_on == day


def test_a_page_ending_exactly_at_the_last_dated_claim_continues_with_undated(db):
    ClaimFactory(asserted_on=date(2024, 1, 2))
    ClaimFactory(asserted_on=date(2024, 1, 1))
    undated = ClaimFactory(asserted_on=None)
    pages = walk(ClaimSearch(), size=2)
    assert pages[-1] == [undated]


def test_pages_by_relevance_cover_every_match_once(corpus):
    for index in range(9):
        make_claim(text=f"drones {'drones ' * (index % 3)}seen {index}", sentence=f"Officials said drones were seen {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 2, index + 1))
    search = ClaimSearch(text="drones", sort=RELEVANCE)
    walked = [claim for page in walk(search, size=2) for claim in page]
    assert walked == list(claims_in_order(search))
    assert len(walked) == len(set(walked)) == len(list(claims_matching(search)))
    if settings.USING_POSTGRES:
        distances = [claim.distance for claim in walked]
        assert distances == sorted(distances) and distances[0] < distances[-1]
    else:  # no ranking on SQLite: relevance falls back to newest first
        assert search.effective_sort == DATE


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="ranking needs PostgreSQL; SQLite sorts by date")
@pytest.mark.parametrize("rum", [True, False], ids=["rum-index", "without-rum"])
def test_equally_relevant_matches_page_newest_first_without_gaps(corpus, monkeypatch, rum, request):
    if rum:
        request.getfixturevalue("rum_index")
    monkeypatch.setattr(selectors, "rum_ranking", lambda: rum)
    tied = [make_claim(text=f"drones seen {index}", sentence="Officials said so.", actor=corpus.air_force,
                       outlet=corpus.dw, asserted_on=date(2024, 2, 1)) for index in range(7)]
    best = make_claim(text="drones drones drones seen", sentence="Officials said drones.", actor=corpus.air_force,
                      outlet=corpus.dw, asserted_on=date(2024, 2, 1))
    pages = walk(ClaimSearch(text="seen drones", sort=RELEVANCE), size=3)
    walked = [claim.pk for page in pages for claim in page]
    assert walked == [best.pk] + [claim.pk for claim in reversed(tied)]


def test_with_rum_relevance_ranks_every_match_not_only_the_newest(corpus, monkeypatch, rum_index):
    monkeypatch.setattr(selectors, "RELEVANCE_WINDOW", 3)
    best = make_claim(text="hovercraft hovercraft hovercraft at sea", sentence="Officials said hovercraft came.",
                      actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2020, 1, 1))
    for index in range(5):
        make_claim(text=f"hovercraft seen {index}", sentence=f"Officials said they were seen {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 2, index + 1))
    page = selectors.search_results(ClaimSearch(text="hovercraft", sort=RELEVANCE), cursor=None, size=2)
    assert page.rows[0].claim == best


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="ranking needs PostgreSQL; SQLite sorts by date")
def test_relevant_and_recent_lets_a_new_match_overtake_a_somewhat_better_old_one(corpus):
    old = make_claim(text="hovercraft hovercraft over the sea", sentence="Officials said hovercraft came.",
                     actor=corpus.air_force, outlet=corpus.dw, asserted_on=date.today() - timedelta(days=3 * 365))
    new = make_claim(text="hovercraft over the sea", sentence="Officials said so.",
                     actor=corpus.air_force, outlet=corpus.dw, asserted_on=date.today())
    by_relevance = selectors.search_results(ClaimSearch(text="hovercraft", sort=RELEVANCE), cursor=None, size=5)
    by_both = selectors.search_results(ClaimSearch(text="hovercraft", sort=RELEVANT_RECENT), cursor=None, size=5)
    assert [row.claim for row in by_relevance.rows] == [old, new]
    assert [row.claim for row in by_both.rows] == [new, old]


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="ranking needs PostgreSQL; SQLite sorts by date")
def test_relevant_and_recent_weighs_the_newest_matches_by_asserted_date(corpus, monkeypatch):
    monkeypatch.setattr(selectors, "RELEVANCE_WINDOW", 3)
    today = date.today()
    # Stored newest first, so the window follows the asserted date, not the order claims were stored in.
    newest = [make_claim(text=f"hovercraft seen {index}", sentence=f"Officials said so {index}.", actor=corpus.air_force,
                         outlet=corpus.dw, asserted_on=today - timedelta(days=index)) for index in range(3)]
    make_claim(text="hovercraft hovercraft hovercraft at sea", sentence="Officials said hovercraft came.",
               actor=corpus.air_force, outlet=corpus.dw, asserted_on=today - timedelta(days=30))
    search = ClaimSearch(text="hovercraft", sort=RELEVANT_RECENT)
    walked = [claim.pk for page in walk(search, size=2) for claim in page]
    assert walked == [claim.pk for claim in newest]
    assert selectors.search_results(search, cursor=None, size=2).total == 4


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="ranking needs PostgreSQL; SQLite sorts by date")
def test_without_rum_relevance_ranks_the_most_recently_stored_matches_but_counts_them_all(corpus, monkeypatch):
    monkeypatch.setattr(selectors, "rum_ranking", lambda: False)
    monkeypatch.setattr(selectors, "RELEVANCE_WINDOW", 3)
    for index in range(5):
        make_claim(text=f"drones seen {index}", sentence=f"Officials said drones were seen {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 2, index + 1))
    search = ClaimSearch(text="drones", sort=RELEVANCE)
    walked = [claim.pk for page in walk(search, size=2) for claim in page]
    matches = sorted(claims_matching(search).values_list("pk", flat=True), reverse=True)
    assert sorted(walked, reverse=True) == matches[:3]
    assert selectors.search_results(search, cursor=None, size=2).total == len(matches) > 3


@pytest.mark.parametrize(
    ("value", "sort"),
    [("%%%", DATE), ("WzEsMl0", DATE), ("WyIyMDI0LTAxLTAxIiwgLTFd", DATE), ("WyIyMDI0LTAxLTAxIiwgMV0", RELEVANCE),
     ("WzAuNSwgMV0", DATE), ("bnVsbA", DATE)],
)
def test_malformed_cursors_are_refused(value, sort):
    with pytest.raises(InvalidCursor):
        decode_cursor(value, sort=sort)


def test_cursor_round_trip():
    assert decode_cursor(Cursor(date(2024, 1, 1), 7).encode(), sort=DATE) == Cursor(date(2024, 1, 1), 7)
    assert decode_cursor(Cursor(None, 7).encode(), sort=DATE) == Cursor(None, 7)
    assert decode_cursor(Cursor(0.0607927, 7).encode(), sort=RELEVANCE) == Cursor(0.0607927, 7)


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="ranking needs PostgreSQL; SQLite sorts by date")
def test_a_phrase_ranks_its_best_match_first(corpus):
    weaker = make_claim(text="the hovercraft corridor reopened after talks about ports and ships", sentence="Officials said so.",
                        actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 2, 1))
    better = make_claim(text="hovercraft corridor: the hovercraft corridor", sentence="Officials said so.",
                        actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 1, 1))
    page = selectors.search_results(ClaimSearch(text='"hovercraft corridor"', sort=RELEVANCE), cursor=None, size=5)
    assert [row.claim for row in page.rows] == [better, weaker]


@pytest.mark.parametrize("text", ["hovercraft", "hovercraft OR airship", "hovercraft -zeppelin"])
def test_pages_by_relevance_for_words_start_among_the_strong_claims_and_agree_with_ranking_every_match(corpus, text, rum_index):
    from django.db import connection

    for index in range(6):  # the word twice in the text: closer than STRONG_WORD_DISTANCE
        make_claim(text=f"hovercraft hovercraft seen {index}", sentence=f"Officials said hovercraft came {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 2, index + 1))
    for index in range(5):  # once, in the text only: outside the strong claims' index
        make_claim(text=f"hovercraft seen {index}", sentence=f"Officials said they were seen {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 3, index + 1))
    for index in range(3):
        make_claim(text=f"airship airship and hovercraft {index}", sentence=f"Officials said an airship flew {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 4, index + 1))
        make_claim(text=f"hovercraft zeppelin hovercraft {index}", sentence=f"Officials said so {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 5, index + 1))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE best_word_distance < %s), count(*) FROM claims_claim WHERE text LIKE 'hovercraft %%'",
            [selectors.STRONG_WORD_DISTANCE],
        )
        assert cursor.fetchone() == (9, 14)
    search = ClaimSearch(text=text, sort=RELEVANCE)
    walked, cursor = [], None
    while True:
        rows, cursor = selectors.claims_page(search, claims_matching(search), cursor=cursor, size=2)
        walked += [claim.pk for claim in rows]
        if cursor is None:
            break
        cursor = decode_cursor(cursor.encode(), sort=RELEVANCE)
    assert walked == [claim.pk for claim in claims_in_order(search)]
    assert len(walked) == claims_matching(search).count() > 10


def test_strong_words_hold_only_the_words_that_rank_their_claim_closer_than_the_bound(corpus, rum_index):
    """A claim strong through one word does not stand among the strong matches of its other words."""
    from django.db import connection

    claim = make_claim(text="airship airship and hovercraft", sentence="Officials said an airship flew.",
                       actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 2, 1))
    weak = make_claim(text="hovercraft seen", sentence="Officials said so.", actor=corpus.air_force,
                      outlet=corpus.dw, asserted_on=date(2024, 2, 2))

    def strong_words(pk):
        with connection.cursor() as cursor:
            cursor.execute("SELECT tsvector_to_array(strong_words) FROM claims_claim WHERE id = %s", [pk])
            return cursor.fetchone()[0]

    assert strong_words(claim.pk) == ["airship"]  # twice in the text and once in the sentence
    assert strong_words(weak.pk) == []
    Claim.objects.filter(pk=claim.pk).update(text="hovercraft hovercraft and airship")  # the trigger follows the text
    assert strong_words(claim.pk) == ["hovercraft"]  # airship, once in each, is just short of the bound
    search = ClaimSearch(text="hovercraft", sort=RELEVANCE)
    rows, _ = selectors.claims_page(search, claims_matching(search), cursor=None, size=1)
    assert rows == [Claim.objects.get(pk=claim.pk)]


@pytest.mark.parametrize("text", ["hovercraft", "hovercraft -zeppelin"])
def test_a_page_from_the_strong_words_keeps_the_searchs_other_filters(corpus, text, monkeypatch, rum_index):
    monkeypatch.setattr(selectors, "keyset_page", None)  # the page must come from the strong words
    for index, actor in enumerate([corpus.air_force, corpus.russia] * 3):
        make_claim(text=f"hovercraft hovercraft seen {index}", sentence=f"Officials said hovercraft came {index}.",
                   actor=actor, outlet=corpus.dw, asserted_on=date(2024, 2, index + 1))
    make_claim(text="hovercraft hovercraft zeppelin", sentence="Officials said so.", actor=corpus.russia,
               outlet=corpus.dw, asserted_on=date(2024, 3, 1))
    search = ClaimSearch(text=text, actor=corpus.russia, sort=RELEVANCE)
    rows, _ = selectors.claims_page(search, claims_matching(search), cursor=None, size=2)
    in_order = [claim.pk for claim in claims_in_order(search)]
    assert [claim.pk for claim in rows] == in_order[:2]
    assert {claim.actor for claim in rows} == {corpus.russia}
    assert len(in_order) == (4 if text == "hovercraft" else 3)


def test_an_or_of_words_is_read_from_the_strong_claims_holding_every_word(corpus, monkeypatch, rum_index):
    monkeypatch.setattr(selectors, "keyset_page", None)  # the page must come from a strong read
    both = [make_claim(text=f"airship airship and hovercraft {index}", sentence=f"Officials said an airship flew {index}.",
                       actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 4, index + 1)) for index in range(3)]
    for index in range(4):  # strong through one word only: further than any claim above
        make_claim(text=f"airship airship seen {index}", sentence=f"Officials said an airship came {index}.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=date(2024, 5, index + 1))
    search = ClaimSearch(text="hovercraft OR airship", sort=RELEVANCE)
    (holding_every_word, _), _ = selectors._strong_reads(search, claims_matching(search))
    assert sorted(holding_every_word.values_list("pk", flat=True)) == [claim.pk for claim in both]
    rows, cursor = selectors.claims_page(search, claims_matching(search), cursor=None, size=2)
    assert [claim.pk for claim in rows] == [claim.pk for claim in claims_in_order(search)][:2]
    assert cursor is not None


def test_rum_scores_words_as_the_strong_reads_assume(rum_index):
    """claims.search.selectors._strong_reads: a word scores under 1 however often it occurs with weight A,
    and an OR of words scores the sum of its words' scores."""
    from django.db import connection

    every_position = " ".join(f"x:{position}A" for position in range(1, 257))
    with connection.cursor() as cursor:
        cursor.execute("SELECT rum_ts_distance(%s::tsvector, 'x'::tsquery)", [every_position])
        assert cursor.fetchone()[0] > 1
        cursor.execute("SELECT rum_ts_distance('x:1A y:2B'::tsvector, 'x | y | z'::tsquery), "
                       "rum_ts_distance('x:1A'::tsvector, 'x'::tsquery), rum_ts_distance('y:1B'::tsvector, 'y'::tsquery)")
        both, x, y = cursor.fetchone()
        assert 1 / both == pytest.approx(1 / x + 1 / y, rel=1e-5)


def test_a_claim_deleted_between_choosing_a_page_and_reading_it_is_left_out(corpus):
    from claims.search.pagination import _read_rows

    kept, gone = corpus.downed_drones, corpus.crimea_drones
    chosen = [(0.5, gone.pk), (0.75, kept.pk)]
    Claim.objects.filter(pk=gone.pk).delete()
    rows = _read_rows(Claim.objects.select_related("actor"), chosen)
    assert rows == [kept] and rows[0].distance == 0.75
