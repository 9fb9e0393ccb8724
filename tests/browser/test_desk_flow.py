"""The desk in a real browser: assignment → note with a mention → verdict → notification → publish."""

import json
import re

import pytest
from playwright.sync_api import expect

from claims.desk.models import Assignment, FactCheck, Note, Notification
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_a_claim_goes_from_assignment_to_a_published_fact_check(new_page, newsroom, chromium, live_server):
    claim = newsroom["claims"][0]  # the defence ministry's "31 of 40 drones"
    eddie = new_page("eddie")
    eddie.goto(f"/claims/{claim.pk}/")
    eddie.select_option("#id_assignee", "fran")
    eddie.fill("#id_due_on", "2026-04-01")
    eddie.click("#assignment-section button.primary")
    expect(eddie.locator("#assignment-section .assignee")).to_have_text("fran")
    expect(eddie.locator("#audit-trail")).to_contain_text("assign")
    eddie.fill("#id_note_text", "@fran the ministry's 31 of 40 needs checking against the <b>radar</b> log.")
    eddie.click("#notes-section button.primary")
    expect(eddie.locator("#notes-section .note-text")).to_contain_text("<b>radar</b>")  # shown as text
    eddie.click("#follow-claim button")
    expect(eddie.locator("#follow-claim button")).to_contain_text("Following")
    eddie.click("#review button.accept")  # the editor stands by the words and speaker: it may be published
    expect(eddie.locator("#claim-badges")).to_contain_text("Accepted")
    screenshot(eddie, "desk-claim-assigned-with-note")

    fran = new_page("fran")
    expect(fran.locator("#nav-bell .count")).to_have_text("2")
    expect(fran.locator("#nav-my-claims .count")).to_have_text("1")
    expect(fran.locator("#home-my-claims")).to_contain_text("intercepted 31 of 40 drones")
    screenshot(fran, "desk-home-my-claims")
    fran.click("#nav-bell")
    expect(fran.locator(".notification.is-unread")).to_have_count(2)
    expect(fran.locator("#notification-list")).to_contain_text("eddie mentioned you")
    screenshot(fran, "desk-notifications")
    fran.click("text=Mark all read")
    expect(fran.locator(".notification.is-unread")).to_have_count(0)
    expect(fran.locator("#nav-bell-count")).to_be_hidden()  # at once, not at the count's next refresh
    fran.reload()
    expect(fran.locator("#nav-my-claims-count")).to_have_text("1")
    expect(fran.locator("#nav-bell-count")).to_be_hidden()

    fran.goto(f"/claims/{claim.pk}/")
    fran.select_option("#id_verdict", "false")
    fran.fill("#id_note", "Radar log shows 12 launches, not 40.")
    fran.click("#verdict-section button.primary")
    expect(fran.locator("#claim-badges")).to_contain_text("False")
    fran.click("text=Write a fact-check")
    fran.fill("#id_headline", "The ministry's drone count does not add up")
    fran.fill("#id_summary", "The radar log shows 12 launches, not 40.")
    fran.check("input[name=body_format][value=markdown]")
    fran.fill("#id_body", "## What we checked\n\nThe **radar log** for the night. <script>alert(1)</script>")
    fran.fill("#id_evidence_text", "https://radar.example.org/log/14-march\nHarbour master's statement")
    fran.click("form.factcheck-form button.primary")
    edit, publish = fran.locator("#factcheck-section a.button"), fran.locator("#factcheck-section button:has-text('Publish')")
    assert abs(edit.bounding_box()["y"] - publish.bounding_box()["y"]) < 5  # side by side (a form in a <p> stacked them)
    publish.click()
    expect(fran.locator(".messages")).to_contain_text("Published")
    screenshot(fran, "desk-claim-published")
    assert Assignment.objects.get(claim=claim).closed_at is not None  # a final verdict ends the assignment

    reader = chromium.new_context(base_url=live_server.url).new_page()  # no login
    reader.goto("/factchecks/")
    reader.click("text=The ministry's drone count does not add up")
    expect(reader.locator(".factcheck-body h2")).to_have_text("What we checked")
    expect(reader.locator("article.factcheck")).to_contain_text("<script>alert(1)</script>")
    review = json.loads(reader.locator("script[type='application/ld+json']").text_content())
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "False"
    screenshot(reader, "desk-public-factcheck")
    reader.context.close()

    eddie.goto("/")
    expect(eddie.locator("#nav-bell .count")).to_have_text("1")
    eddie.click("#nav-bell")
    expect(eddie.locator("#notification-list")).to_contain_text(re.compile(r"fran set the verdict of claim #\d+ to False"))
    screenshot(eddie, "desk-verdict-notification")
    assert Note.objects.get().text.startswith("@fran")
    assert FactCheck.objects.get().published_at is not None
    assert Notification.objects.filter(recipient__username="eddie", kind="verdict").count() == 1


def test_competing_claims_are_compared_from_search_and_a_suggested_link_confirmed(new_page, newsroom):
    from claims.models import ClaimLink

    drones, hurt, _ = newsroom["claims"]
    link = ClaimLink.objects.create(from_claim=hurt, to_claim=drones, kind="contradicts", status="suggested")
    fran = new_page("fran")
    fran.goto(f"/claims/{drones.pk}/")
    expect(fran.locator("#competing-section")).to_contain_text("about 12 people were hurt")
    expect(fran.locator("#competing-section .competing-side")).to_have_count(2)
    expect(fran.locator("#competing-section .competing-side").nth(1)).to_contain_text("Through The Harbour Courier")
    screenshot(fran, "desk-competing-on-claim-page")

    fran.goto("/search/?q=drones+OR+hurt")
    fran.check(f"input[name=claim][value='{drones.pk}']")
    fran.check(f"input[name=claim][value='{hurt.pk}']")
    fran.click("text=Compare the selected claims")
    expect(fran.locator(".compare-column")).to_have_count(2)
    expect(fran.locator(f"#compare-{drones.pk}")).to_contain_text("31 of 40 drones")
    expect(fran.locator(f"#compare-{drones.pk}")).to_contain_text("The Harbour Courier")
    expect(fran.locator(".timeline li")).to_have_count(2)
    screenshot(fran, "desk-compare")
    fran.click("button:has-text('Confirm')")
    expect(fran.locator(".compare-column")).to_have_count(2)  # back on the compare page
    link.refresh_from_db()
    assert link.status == "confirmed"


def test_following_an_actor_and_subscribing_to_a_saved_search(new_page, newsroom):
    from claims.desk.models import Follow, SearchSubscription

    eddie = new_page("eddie")
    eddie.goto(f"/actors/{newsroom['ministry'].pk}/")
    eddie.click("#follow-actor button")
    expect(eddie.locator("#follow-actor button")).to_contain_text("Following")
    assert Follow.objects.filter(user__username="eddie", actor=newsroom["ministry"]).exists()
    eddie.goto("/search/?q=drones")
    eddie.fill("#id_saved_name", "Drone counts")
    eddie.click("#results button:has-text('Save')")
    eddie.check("input[name=subscribed]")
    eddie.click(".subscription-form button")
    expect(eddie.locator(".messages")).to_contain_text("You will be notified of new claims")
    expect(eddie.locator("input[name=subscribed]")).to_be_checked()
    screenshot(eddie, "desk-saved-search-subscribed")
    assert SearchSubscription.objects.filter(saved_search__name="Drone counts").exists()
