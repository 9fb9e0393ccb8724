"""The search page: full page, htmx fragment, highlighting, shareable URLs and clear 400s."""

from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory
from tests.search.conftest import make_claim

SEARCH = reverse("search:search")


def test_it_works_for_every_role(client, corpus):
    for role in ("viewer", "editor", "fact-checker"):
        client.force_login(UserFactory(username=f"user-{role}", role=role))
        response = client.get(SEARCH, {"q": "Crimea"})
        assert response.status_code == 200
        assert response.context["results"].rows[0].claim == corpus.crimea_drones


def test_it_requires_a_role(client, corpus):
    client.force_login(UserFactory(username="no-role"))
    assert client.get(SEARCH).status_code == 403


def test_results_show_sentence_actor_date_outlet_verdict_link_and_total(viewer_client, corpus):
    response = viewer_client.get(SEARCH, {"q": "Crimea"})
    html = response.content.decode()
    assert '<strong class="result-total">1</strong>' in html
    assert "Russian Defense Ministry" in html and "14 Sep 2023" in html and ">DW<" in html and "False</span>" in html
    assert f'href="/claims/{corpus.crimea_drones.pk}/"' in html
    assert '<mark class="hl-match">Crimea</mark>' in html


def test_htmx_request_gets_only_the_results_fragment(viewer_client, corpus):
    response = viewer_client.get(SEARCH, {"q": "grain"}, headers={"HX-Request": "true", "HX-Target": "results"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="search-form-error" hx-swap-oob="true"></div>')
    assert "<form class=\"card search-form\"" not in html and "deal would not be extended" in html


def test_page_carries_htmx_live_search_and_the_query_in_the_url(viewer_client, corpus):
    html = viewer_client.get(SEARCH, {"q": "grain", "verdict": "false"}).content.decode()
    assert 'hx-trigger="input changed delay:300ms, search"' in html  # a paste searches too and 'hx-push-url="true"' in html
    assert 'value="grain"' in html
    assert 'name="verdict" value="false" id="id_verdict_5" checked' in html


def test_hostile_sentence_text_stays_escaped_while_matches_are_marked(viewer_client, corpus):
    sentence = 'The ministry said <script>alert("x")</script> drones \ue000were\ue001 <b>downed</b>.'
    make_claim(text="drones were downed", sentence=sentence, actor=corpus.air_force, outlet=corpus.dw,
               asserted_on=corpus.korean_troops.asserted_on)
    html = viewer_client.get(SEARCH, {"q": "drones downed"}).content.decode()
    assert "<script>alert" not in html and "<b>downed" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '&lt;b&gt;<mark class="hl-match">downed</mark>&lt;/b&gt;' in html
    assert '<mark class="hl-match">drones</mark>' in html
    assert "<mark class=\"hl-match\">were</mark>" not in html  # markers smuggled in the text are dropped


def test_hostile_query_text_is_escaped_in_the_form(viewer_client, corpus):
    html = viewer_client.get(SEARCH, {"q": '"><script>x</script>'}).content.decode()
    assert "<script>x</script>" not in html


def _inside_the_form(html: str) -> str:
    return html.split('<form class="card search-form"', 1)[1].split("</form>", 1)[0]


def test_bad_input_answers_400_with_the_message_inside_the_form(viewer_client, corpus):
    response = viewer_client.get(SEARCH, {"date_from": "2023-02-30", "verdict": "maybe"})
    assert response.status_code == 400
    form = _inside_the_form(response.content.decode())
    assert "Asserted from: Enter a valid date." in form
    assert "Verdict: Select a valid choice. maybe is not one of the available choices." in form


def test_a_partial_actor_name_is_told_inside_the_form_of_the_whole_page(viewer_client, corpus):
    response = viewer_client.get(SEARCH, {"actor": "Russ"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="mainnav"' in html
    assert "Actor: Several actors match \u201cRuss\u201d; pick one:" in _inside_the_form(html)


def test_bad_input_from_htmx_answers_the_results_with_the_forms_message_out_of_band(viewer_client, corpus):
    """200, not 400: django-htmx's debug script replaces the whole page with any 400 answer. The
    message goes to the form's error slot (hx-swap-oob), the results empty."""
    response = viewer_client.get(SEARCH, {"actor": "Russ"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    error_slot, results = html.split('<section id="results"')
    assert '<div id="search-form-error" hx-swap-oob="true">' in error_slot
    assert "Actor: Several actors match" in error_slot
    assert "<table" not in results and "Several" not in results


def test_a_good_search_from_htmx_clears_the_forms_message(viewer_client, corpus):
    html = viewer_client.get(SEARCH, {"q": "drones"}, headers={"HX-Request": "true"}).content.decode()
    assert '<div id="search-form-error" hx-swap-oob="true"></div>' in html


def test_bad_cursor_answers_400(viewer_client, corpus):
    response = viewer_client.get(SEARCH, {"cursor": "WyJub3QtYS1kYXRlIiwgMV0"})
    assert response.status_code == 400
    assert "cursor" in response.content.decode()


def test_actor_options_suggest_names_and_aliases(viewer_client, corpus):
    html = viewer_client.get(reverse("search:actor_options"), {"actor": "kyiv"}).content.decode()
    assert '<option value="Ukrainian Air Force">' in html
    if settings.USING_POSTGRES:  # spelling tolerance is PostgreSQL's pg_trgm
        html = viewer_client.get(reverse("search:actor_options"), {"actor": "Ukranian Air"}).content.decode()
        assert '<option value="Ukrainian Air Force">' in html


def make_reports(corpus, count=29):
    for day in range(1, count + 1):
        make_claim(text=f"report {day}", sentence=f"The air force said report {day} was filed.",
                   actor=corpus.air_force, outlet=corpus.dw, asserted_on=corpus.grain_deal.asserted_on.replace(day=day))


def test_htmx_results_load_their_total_separately(viewer_client, corpus):
    make_reports(corpus)
    html = viewer_client.get(SEARCH, {"q": "report"}, headers={"HX-Request": "true"}).content.decode()
    assert html.count("<tr>") == 26  # header and 25 rows, without waiting for the count
    assert f'hx-get="{reverse("search:result_count")}?q=report" hx-trigger="load"' in html
    total = viewer_client.get(reverse("search:result_count"), {"q": "report"}, headers={"HX-Request": "true"})
    assert total.content.decode() == '<strong class="result-total">29</strong>'


def test_totals_are_counted_up_to_a_cap(corpus):
    from claims.search.selectors import ClaimSearch, claims_matching, count_capped

    make_reports(corpus, count=5)
    assert count_capped(claims_matching(ClaimSearch(text="report")), cap=3) == (3, True)
    assert count_capped(claims_matching(ClaimSearch(text="report")), cap=5) == (5, False)


def test_result_count_bad_input_is_400(viewer_client, corpus):
    response = viewer_client.get(reverse("search:result_count"), {"verdict": "nope"})
    assert response.status_code == 400 and "Verdict" in response.content.decode()


def test_next_page_link_keeps_the_query(viewer_client, corpus):
    make_reports(corpus)
    response = viewer_client.get(SEARCH, {"q": "report", "actor": "Ukrainian Air Force"})
    assert len(response.context["results"].rows) == 25
    next_query = response.context["next_query"]
    assert "q=report" in next_query and "actor=Ukrainian+Air+Force" in next_query and "cursor=" in next_query
    second = viewer_client.get(f"{SEARCH}?{next_query}")
    assert len(second.context["results"].rows) == 4 and "next_query" not in second.context
    assert response.context["results"].total == second.context["results"].total == 29
