"""The API's schema page renders in Chromium under our Content-Security-Policy, from our own files."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_the_schema_page_renders_and_works_under_the_policy_from_our_own_files(new_page, newsroom, live_server):
    page = new_page("eddie", width=1280, height=800)
    errors, outside = [], []
    # The login page's /favicon.ico (the layout links none) may answer 404 after this starts listening.
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "favicon.ico" not in m.location["url"] else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None)
    page.goto("/api/schema/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Claimtrack API")
    expect(page.locator("#operations-claims-claims_list")).to_be_visible()
    screenshot(page, "api-schema-1280x800", full_page=False)

    # A request sent from the page with the browser's session answers 200.
    page.click("#operations-claims-claims_list")
    page.click("#operations-claims-claims_list .try-out__btn")
    page.click("#operations-claims-claims_list .execute")
    expect(page.locator("#operations-claims-claims_list .live-responses-table tbody .response-col_status")).to_have_text("200")
    assert errors == [] and outside == [], (errors, outside)
