"""The search page in a real browser: results follow typing without a page load, the URL follows too."""

import pytest

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
    page.wait_for_selector("#results [role=alert]")
    assert "No actor matches" in page.locator("#results [role=alert]").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True

    page.go_back()
    page.wait_for_function("!document.querySelector('#results [role=alert]')")
    assert "q=Crimea" in page.url


def test_the_total_follows_the_rows(transactional_db, corpus, new_page):
    from tests.search.test_search_page import make_reports

    make_reports(corpus)
    UserFactory(username="browser-counter", role="viewer")
    page = new_page("browser-counter")
    page.goto("/search/")
    page.locator("#id_q").press_sequentially("report", delay=30)
    page.wait_for_function("document.querySelector('#results .result-total')?.textContent === '29'")
    assert page.locator("#results tbody tr").count() == 25


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
