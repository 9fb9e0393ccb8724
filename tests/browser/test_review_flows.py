"""The reviewers' day in a real browser: keyboard review, autocomplete, verdicts, conflicts."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Actor, AuditEntry, Claim, Evidence, Verification
from tests.browser.conftest import screenshot, wait_for_htmx

pytestmark = pytest.mark.browser


def test_editor_works_through_the_queue_with_the_keyboard_and_fixes_an_actor(new_page, newsroom):
    newest, middle, oldest = sorted(newsroom["claims"], key=lambda c: -c.pk)
    page = new_page("eddie")
    screenshot(page, "home-editor")
    page.click("text=Start reviewing")
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(3)
    expect(page.locator(f"#claim-{newest.pk} mark.hl-source")).to_have_text("The mayor")
    screenshot(page, "queue", readme=True)

    page.keyboard.press("?")
    expect(page.locator("#keys-help")).to_be_visible()
    screenshot(page, "queue-keys-help")
    page.keyboard.press("Escape")
    expect(page.locator("#keys-help")).to_be_hidden()

    # The newest claim (no actor yet) is current: skip it, accept the next, reject the last.
    page.keyboard.press("j")
    expect(page.locator(f"#claim-{middle.pk}")).to_have_class(re.compile("is-current"))
    page.keyboard.press("a")
    expect(page.locator(f"#claim-{middle.pk} .badge.state-accepted")).to_be_visible()
    expect(page.locator(f"#claim-{oldest.pk}")).to_have_class(re.compile("is-current"))
    page.keyboard.press("r")
    expect(page.locator(f"#claim-{oldest.pk} .badge.state-rejected")).to_be_visible()

    # Back to the first claim and fix its actor through the autocomplete.
    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(page.locator(f"#claim-{newest.pk}")).to_have_class(re.compile("is-current"))
    page.keyboard.press("e")
    wait_for_htmx(page)
    actor_field = page.locator(f"#id_actor_{newest.pk}")
    expect(actor_field).to_be_focused()
    actor_field.press_sequentially("Port V", delay=40)
    option = page.locator(f"#claim-{newest.pk} [data-actor-name='Mayor of Port Vell']")
    expect(option).to_be_visible()
    screenshot(page, "queue-edit-autocomplete")
    actor_field.press("ArrowDown")
    expect(option).to_be_focused()
    page.keyboard.press("Enter")
    expect(actor_field).to_have_value("Mayor of Port Vell")
    page.click(f"#claim-{newest.pk} button.primary")
    expect(page.locator(f"#claim-{newest.pk} .rc-actor")).to_have_text("Mayor of Port Vell")
    expect(page.locator(f"#claim-{newest.pk} .badge.state-corrected")).to_be_visible()
    screenshot(page, "queue-after-review")

    states = dict(Claim.objects.values_list("pk", "review_state"))
    assert states == {newest.pk: "corrected", middle.pk: "accepted", oldest.pk: "rejected"}
    assert Claim.objects.get(pk=newest.pk).actor == newsroom["mayor"]
    assert AuditEntry.objects.filter(object_type="claim").count() == 3

    # The list state lives in the URL: a reload keeps the filter.
    page.goto(f"/review/?actor=Exampleland")
    expect(page.locator("#queue-list")).to_contain_text("Nothing waiting for review")
    page.reload()
    expect(page.locator("#id_actor")).to_have_value("Exampleland")


def test_fact_checker_sets_a_verdict_with_evidence_and_sees_it_on_claim_and_actor_pages(new_page, newsroom):
    claim = newsroom["claims"][0]
    page = new_page("fran")
    screenshot(page, "home-fact-checker")
    page.goto(f"/claims/{claim.pk}/")
    expect(page.locator(".independence")).to_contain_text("Not independently verified")
    page.select_option("#id_verdict", "verified")
    page.fill("#id_note", "Coastguard radar logs match the interception count.")
    page.fill("#id_evidence_url", "https://monitor.example.net/reports/port-vell")
    page.fill("#id_evidence_source", "Coastal Monitoring Group")
    page.select_option("#id_evidence_independent", "yes")
    page.select_option("#id_evidence_stance", "supports")
    page.click("#verdict-section button.primary")
    expect(page.locator(".independence")).to_contain_text("Independently verified: supported by Coastal Monitoring Group")
    expect(page.locator("#claim-badges")).to_contain_text("Verdict: Verified")
    expect(page.locator("#audit-trail")).to_contain_text("set the verdict")
    screenshot(page, "claim-page", readme=True)

    verification = Verification.objects.get(claim=claim)
    assert (verification.previous_verdict, verification.verdict) == ("unverified", "verified")
    assert Evidence.objects.get(verification=verification).is_independent

    page.goto(f"/actors/{newsroom['ministry'].pk}/")
    expect(page.locator(".verdict-counts")).to_contain_text("Verified 1")
    expect(page.locator("svg.chart rect.verdict-fill-verified")).to_have_count(1)
    expect(page.locator("#latest-claims")).to_contain_text("Verified")
    screenshot(page, "actor-page")

    page.click("text=Edit this actor")
    page.fill("#id_alias", "Benchland MoD")
    page.click("form[action$='/aliases/'] button")
    expect(page.locator("#actor-profile .chips")).to_contain_text("Benchland MoD")
    expect(page.locator("#audit-trail")).to_contain_text("added an alias")
    expect(page.locator("details.editor-actions")).to_have_attribute("open", "")  # still open for the next change
    screenshot(page, "actor-page-editing")

    page.goto(f"/articles/{newsroom['article'].pk}/")
    expect(page.locator("a.hl-link mark.hl-content")).to_have_count(3)
    screenshot(page, "article-page")


def test_second_editor_gets_the_conflict_message_and_keeps_their_input(new_page, newsroom):
    claim = newsroom["claims"][1]
    first, second = new_page("eddie"), new_page("erin", width=1366, height=768)
    for page in (first, second):
        page.goto(f"/claims/{claim.pk}/?edit=1")
        expect(page.locator(f"#id_content_{claim.pk}")).to_be_visible()
        # Chromium focuses the autofocus field (the actor) at a rendering update that may come after the
        # load event: typing before it could land there.
        expect(page.locator(f"#id_actor_{claim.pk}")).to_be_focused()

    first.fill(f"#id_quantities_{claim.pk}", "~12 people\n3 boats")
    first.click(f"#claim-{claim.pk} button.primary")
    expect(first.locator(f"#claim-{claim.pk} .badge.state-corrected")).to_be_visible()

    second.fill(f"#id_content_{claim.pk}", "about 12 people were hurt")
    second.click(f"#claim-{claim.pk} button.primary")
    conflict = second.locator(".conflict")
    expect(conflict).to_contain_text("Someone else saved this claim")
    expect(conflict).to_contain_text("eddie")
    expect(conflict).to_contain_text("3 boats")
    expect(second.locator(f"#id_content_{claim.pk}")).to_have_value("about 12 people were hurt")
    screenshot(second, "claim-edit-conflict")
    assert Claim.objects.get(pk=claim.pk).text == "about 12 people were hurt in the harbour district"

    second.click(f"#claim-{claim.pk} button.primary")  # "Save mine anyway" after reading theirs
    expect(second.locator(".conflict")).to_have_count(0)
    expect(second.locator("#audit-trail")).to_contain_text("erin")
    assert Claim.objects.get(pk=claim.pk).text == "about 12 people were hurt"


def test_queue_filters_live_in_the_url_and_survive_back_and_reload(new_page, newsroom):
    from tests.factories import ArticleFactory, AttributionFactory, OutletFactory

    other_outlet = OutletFactory(name="The Valley Gazette")
    AttributionFactory(passage__article=ArticleFactory(outlet=other_outlet), claim__text="the dam is holding")
    page = new_page("eddie", width=1366, height=768)
    page.goto("/review/")
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(4)
    page.select_option("#id_outlet", label="The Valley Gazette")
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(1)
    assert f"outlet={other_outlet.pk}" in page.url
    screenshot(page, "queue-filtered-laptop")
    page.go_back()
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(4)
    page.go_forward()
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(1)
    page.reload()
    expect(page.locator("#queue-list .rc-where")).to_contain_text("The Valley Gazette")
    expect(page.locator("#id_outlet")).to_have_value(str(other_outlet.pk))


def test_second_reviewer_sees_what_changed_when_accept_and_rename_collide(new_page, newsroom):
    newest = max(newsroom["claims"], key=lambda c: c.pk)
    first, second = new_page("eddie"), new_page("erin", width=1366, height=768)
    for page in (first, second):
        page.goto("/review/")
        expect(page.locator(f"#claim-{newest.pk}")).to_have_class(re.compile("is-current"))

    first.keyboard.press("a")
    expect(first.locator(f"#claim-{newest.pk} .badge.state-accepted")).to_be_visible()
    second.keyboard.press("r")
    conflict = second.locator(f"#claim-{newest.pk} .conflict")
    expect(conflict).to_contain_text("Not saved: eddie changed this claim")
    expect(conflict).to_contain_text("review state: Waiting for review → Accepted")
    expect(conflict).to_contain_text("You were about to reject it")
    expect(second.locator(f"#claim-{newest.pk}")).to_have_class(re.compile("is-current"))  # the cursor stays
    screenshot(second, "queue-accept-conflict")
    assert Claim.objects.get(pk=newest.pk).review_state == "accepted"
    second.keyboard.press("r")  # having read it, reject the claim as it is now
    expect(second.locator(f"#claim-{newest.pk} .badge.state-rejected")).to_be_visible()
    assert Claim.objects.get(pk=newest.pk).review_state == "rejected"

    ministry = newsroom["ministry"]
    for page in (first, second):
        page.goto(f"/actors/{ministry.pk}/")
        page.click("text=Edit this actor")
    first.fill("#id_name", "Exampleland Ministry of Defence")
    first.click("form[action$='/rename/'] button")
    expect(first.locator("#actor-profile h1")).to_have_text("Exampleland Ministry of Defence")
    second.fill("#id_name", "Defence Ministry (Exampleland)")
    second.click("form[action$='/rename/'] button")
    conflict = second.locator("#actor-profile .conflict")
    expect(conflict).to_contain_text("Not saved: eddie changed this actor")
    expect(conflict).to_contain_text("name: Exampleland Defence Ministry → Exampleland Ministry of Defence")
    expect(second.locator("#id_name")).to_have_value("Defence Ministry (Exampleland)")
    screenshot(second, "actor-rename-conflict")
    assert Actor.objects.get(pk=ministry.pk).name == "Exampleland Ministry of Defence"
