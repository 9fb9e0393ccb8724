"""The Content-Security-Policy header holds in a real browser: the pages and their htmx
interactions run under it with no violation, and an injected inline handler is refused."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim

pytestmark = pytest.mark.browser


def _violations(page) -> list[str]:
    seen = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    return seen


def test_pages_and_htmx_work_under_the_policy_and_an_injected_handler_is_refused(new_page, newsroom):
    first = min(newsroom["claims"], key=lambda claim: claim.pk)
    page = new_page("fran")
    violations = _violations(page)

    response = page.goto("/review/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(f"#claim-{first.pk}").click()
    page.click(f"#claim-{first.pk} button:has-text('Accept')")
    expect(page.locator(f"#claim-{first.pk} .badge.state-accepted")).to_be_visible()

    page.goto(f"/claims/{first.pk}/")
    page.select_option("#id_verdict", "false")
    page.fill("#id_note", "The harbour cameras show fewer drones.")
    page.click("#verdict-section button.primary")
    expect(page.locator("#verdict-section")).to_contain_text("Verdict saved.")
    page.goto("/search/?q=drones")
    expect(page.locator("body")).to_contain_text("drones")

    assert violations == []
    assert Claim.objects.get(pk=first.pk).review_state == "accepted"

    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"/nowhere.png\" onerror=\"window.injected = 1\">')")
    expect(page.locator("img[src='/nowhere.png']")).to_have_count(1)
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected") is None
    assert any(re.search(r"inline event handler|script-src", text) for text in violations)
