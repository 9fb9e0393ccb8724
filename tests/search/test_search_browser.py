"""The search page in a real browser: results follow typing without a page load, the URL follows too."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import chromium, new_page, screenshot  # noqa: F401  (the browser tests' fixtures)
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_typing_updates_results_and_url_without_reloading(transactional_db, corpus, new_page):
    UserFactory(username="browser-viewer", role="viewer")
    page = new_page("browser-viewer")
    page.goto("/search/")
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#id_q").press_sequentially("Crimea", delay=30)
    page.wait_for_selector("#results mark.hl-match")
    assert page.locator("#results tbody tr").count() == 1
    assert "q=Crimea" in page.url
    assert page.evaluate("window.stillTheSamePage") is True

    page.fill("#id_actor", "Nobody At All")
    page.locator("#id_actor").press("Tab")
    page.wait_for_selector("form.search-form [role=alert]")
    assert "No actor matches" in page.locator("form.search-form [role=alert]").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True

    page.go_back()
    expect(page.locator("form.search-form [role=alert]")).to_have_count(0)
    assert "q=Crimea" in page.url


def test_the_total_follows_the_rows(transactional_db, corpus, new_page):
    from tests.search.test_search_page import make_reports

    make_reports(corpus)
    UserFactory(username="browser-counter", role="viewer")
    page = new_page("browser-counter")
    page.goto("/search/")
    page.locator("#id_q").press_sequentially("report", delay=30)
    # A locator, not wait_for_function: evaluating a string is what the CSP forbids pages to do.
    expect(page.locator("#results .result-total")).to_have_text("29")
    assert page.locator("#results tbody tr").count() == 25


@pytest.mark.parametrize("width, height", [(1280, 800), (1440, 900)])
def test_a_partial_actor_name_shows_its_error_inside_the_form(transactional_db, corpus, new_page, settings, width, height):
    """With DEBUG on (as `make run` serves it), django-htmx's script replaces the whole page with
    any 400 answer: the error must come back as a 200 fragment. It shows in the form, on screen."""
    settings.DEBUG = True
    UserFactory(username="browser-partial", role="viewer")
    page = new_page("browser-partial", width=width, height=height)
    page.goto("/search/")
    alert = page.locator("form.search-form [role=alert]")
    page.locator("#id_actor").press_sequentially("Russ", delay=40)
    page.locator("#id_actor").press("Tab")
    expect(alert).to_contain_text("Several actors match")
    assert alert.bounding_box()["y"] + alert.bounding_box()["height"] <= height  # seen without scrolling
    assert page.locator("nav.mainnav").is_visible() and page.locator("#id_actor").input_value() == "Russ"
    screenshot(page, f"search-partial-actor-{width}x{height}", full_page=False)

    page.locator("#id_actor").fill("Russi")
    page.locator("#id_actor").press("Enter")
    expect(alert).to_contain_text("\u201cRussi\u201d")
    assert page.locator("nav.mainnav").is_visible()
    assert page.locator("form.search-form").count() == 1 and page.locator("#results").count() == 1

    page.locator("#id_actor").fill("Russia")  # picking a name from the suggestions clears the message
    page.locator("#id_actor").press("Tab")
    expect(alert).to_have_count(0)
    expect(page.locator("#results tbody tr").first).to_be_visible()

    page.goto("/search/?actor=Russ")  # the whole page, as a shared link opens it
    expect(alert).to_contain_text("Several actors match")
    assert page.locator("nav.mainnav").is_visible()


def test_pasting_a_query_searches(transactional_db, corpus, new_page):
    UserFactory(username="browser-paster", role="viewer")
    page = new_page("browser-paster")
    page.goto("/search/")
    page.locator("#id_q").fill("Crimea")  # what a paste does: one input event, no key
    page.wait_for_selector("#results mark.hl-match")
    assert page.locator("#results tbody tr").count() == 1


def test_a_bookmarked_search_opens_with_its_filters_and_highlighted_results(transactional_db, corpus, new_page):
    UserFactory(username="browser-bookmark", role="viewer")
    page = new_page("browser-bookmark")
    page.goto("/search/?q=drones&verdict=false&verdict=verified")
    page.wait_for_selector("#results mark.hl-match")
    rows = page.locator("#results tbody tr")
    assert rows.count() == 2
    assert "17 of 22" in rows.nth(0).inner_text() and "Crimea" in rows.nth(1).inner_text()  # newest first
    assert page.locator("#id_q").input_value() == "drones"
    assert page.locator("input[name=verdict][value=false]").is_checked()
    screenshot(page, "search", readme=True)
