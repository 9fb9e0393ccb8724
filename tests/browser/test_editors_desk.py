"""The editor's desk in a real browser: compact queue, an article reviewed as a unit, bulk reject
with undo, keyboard save. Screenshots at 1280x800 and 1440x900 land in tests/browser/screenshots."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import AuditEntry, Claim, UserPreferences
from tests.browser.conftest import screenshot, wait_for_htmx
from tests.factories import AttributionFactory, QuantityFactory

pytestmark = pytest.mark.browser

SIZES = [(1280, 800), (1440, 900)]


def _fill_queue(newsroom, count):
    """More pending claims in the newsroom's article, as long as real ones (a two-line sentence, a
    long actor name, an intermediary, a number), so a screen can fill up."""
    passage = newsroom["claims"][0].attributions.get().passage
    tail = ", according to a statement published on its website after a night of sirens along the whole coast."
    for number in range(count):
        attribution = AttributionFactory(
            passage__article=passage.article,
            passage__text="The ministry said it shot down 12 of 15 drones overnight" + tail,
            claim__actor__name=f"Exampleland Ministry of Defence and Veterans' Affairs {number}",
            via=newsroom["government"],
        )
        QuantityFactory(claim=attribution.claim)


def _cards_fully_on_screen(page, height):
    return page.evaluate(
        "h => Array.from(document.querySelectorAll('#queue-list [data-claim-card]'))"
        ".filter(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= h; }).length", height)


@pytest.mark.parametrize("width, height", SIZES)
def test_the_compact_queue_shows_ten_claims_a_screen_and_is_remembered(new_page, newsroom, width, height):
    _fill_queue(newsroom, 20)
    page = new_page("eddie", width=width, height=height)
    page.goto("/review/")
    comfortable = _cards_fully_on_screen(page, height)
    page.click("button[value=compact]")
    expect(page.locator("#queue-list")).to_have_class(re.compile("compact"))
    compact = _cards_fully_on_screen(page, height)
    assert compact >= 10 > comfortable, (comfortable, compact)
    expect(page.locator("#queue-list mark.hl-source").first).to_be_visible()
    expect(page.locator("#queue-list mark.hl-cue").first).to_be_visible()
    expect(page.locator("#queue-list mark.hl-content").first).to_be_visible()
    # A long name is cut short, not the date beside it.
    assert page.evaluate(
        "() => Array.from(document.querySelectorAll('#queue-list .rc-who')).every(who => {"
        " const date = who.querySelector('.rc-date').getBoundingClientRect();"
        " return date.width > 0 && date.right <= who.getBoundingClientRect().right + 0.5; })")
    screenshot(page, f"queue-compact-{width}x{height}", full_page=False)
    assert UserPreferences.objects.get(user__username="eddie").queue_density == "compact"

    # The keys still work in the compact rows.
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator("#queue-list .badge.state-accepted")).to_have_count(1)

    # Another browser, same person: still compact.
    other = new_page("eddie", width=width, height=height)
    other.goto("/review/")
    expect(other.locator("#queue-list")).to_have_class(re.compile("compact"))


@pytest.mark.parametrize("width, height", SIZES)
def test_an_editor_reviews_an_article_as_a_unit_with_the_keyboard(new_page, newsroom, width, height):
    first, second, third = newsroom["claims"]
    page = new_page("eddie", width=width, height=height)
    page.goto("/review/")
    page.locator(f"#claim-{first.pk} .rc-where a", has_text="review the article").click()
    expect(page).to_have_url(re.compile(rf"/articles/{newsroom['article'].pk}/review/$"))
    cards = page.locator("[data-review-list] [data-claim-card]")
    expect(cards).to_have_count(3)
    assert [int(card.get_attribute("data-claim-id")) for card in cards.all()] == [first.pk, second.pk, third.pk]
    expect(page.locator(f"#claim-{first.pk}")).to_have_class(re.compile("is-current"))
    screenshot(page, f"article-review-{width}x{height}", full_page=False)

    page.keyboard.press("a")  # accept the first; the second becomes current
    expect(page.locator(f"#claim-{first.pk} .badge.state-accepted")).to_be_visible()
    expect(page.locator(f"#claim-{second.pk}")).to_have_class(re.compile("is-current"))
    page.keyboard.press("r")
    expect(page.locator(f"#claim-{second.pk} .badge.state-rejected")).to_be_visible()

    # Fix the third one's content and save with Ctrl+Enter.
    page.keyboard.press("j")
    expect(page.locator(f"#claim-{third.pk}")).to_have_class(re.compile("is-current"))
    page.keyboard.press("e")
    wait_for_htmx(page)  # or the form's autofocus lands mid-fill and the text goes to the actor
    expect(page.locator(f"#id_actor_{third.pk}")).to_be_focused()
    content = page.locator(f"#id_content_{third.pk}")
    content.fill("power had been restored to 9,000 homes")
    content.press("Control+Enter")
    expect(page.locator(f"#claim-{third.pk} .badge.state-corrected")).to_be_visible()

    page.keyboard.press("?")
    expect(page.locator("#keys-help")).to_be_visible()
    expect(page.locator("#keys-help")).to_contain_text("Ctrl")
    screenshot(page, f"article-review-keys-{width}x{height}", full_page=False)
    page.keyboard.press("Escape")
    assert dict(Claim.objects.values_list("pk", "review_state")) == {
        first.pk: "accepted", second.pk: "rejected", third.pk: "corrected"}
    assert Claim.objects.get(pk=third.pk).text == "power had been restored to 9,000 homes"


@pytest.mark.parametrize("width, height", SIZES)
def test_bulk_reject_then_undo_from_the_notice(new_page, newsroom, width, height):
    page = new_page("eddie", width=width, height=height)
    page.goto("/review/")
    page.check("[data-select-all]")
    page.click("[data-bulk-reject]")
    notice = page.locator("#queue-list .notice-undo")
    expect(notice).to_contain_text("Rejected 3 claims.")
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(0)
    screenshot(page, f"queue-bulk-rejected-{width}x{height}", full_page=False)
    assert set(Claim.objects.values_list("review_state", flat=True)) == {"rejected"}

    page.keyboard.press("u")
    expect(page.locator("#queue-list .message")).to_contain_text("Undone: 3 claims back as they were.")
    expect(page.locator("#queue-list [data-claim-card]")).to_have_count(3)
    screenshot(page, f"queue-bulk-undone-{width}x{height}", full_page=False)
    assert set(Claim.objects.values_list("review_state", flat=True)) == {"pending"}
    actions = sorted(AuditEntry.objects.values_list("action", flat=True))
    assert actions == ["claim_reject"] * 3 + ["claim_review_undo"] * 3


def test_one_accept_is_undone_from_its_card(new_page, newsroom):
    claim = newsroom["claims"][1]
    page = new_page("eddie", width=1280, height=800)
    page.goto("/review/")
    page.click(f"#claim-{claim.pk} button.accept")
    undo = page.locator(f"#claim-{claim.pk} button.undo")
    expect(undo).to_be_visible()
    screenshot(page, "queue-accept-undo")
    undo.click()
    expect(page.locator(f"#claim-{claim.pk} .rc-notice")).to_contain_text("back as it was")
    expect(page.locator(f"#claim-{claim.pk} .badge.state-pending")).to_be_visible()
    assert Claim.objects.get(pk=claim.pk).review_state == "pending"


@pytest.mark.parametrize("width, height", SIZES)
def test_an_actor_nobody_has_yet_is_created_from_the_picker(new_page, newsroom, width, height):
    claim = newsroom["claims"][2]  # the mayor's claim, with no actor
    page = new_page("eddie", width=width, height=height)
    page.goto(f"/claims/{claim.pk}/")
    page.keyboard.press("e")
    wait_for_htmx(page)
    field = page.locator(f"#id_actor_{claim.pk}")
    expect(field).to_be_focused()
    field.press_sequentially("Harbour Master of Port Vell", delay=20)
    create = page.locator(f"#claim-{claim.pk} [data-actor-create]")
    expect(create).to_contain_text("Create a new actor")
    screenshot(page, f"picker-create-actor-{width}x{height}", full_page=False)
    field.press("ArrowDown")
    expect(create).to_be_focused()
    page.keyboard.press("Enter")
    expect(field).to_have_value("Harbour Master of Port Vell")
    field.press("Control+Enter")
    expect(page.locator(f"#claim-{claim.pk} .rc-actor")).to_have_text("Harbour Master of Port Vell")
    claim.refresh_from_db()
    assert claim.actor.name == "Harbour Master of Port Vell"
    assert AuditEntry.objects.filter(action="actor_create", object_id=claim.actor_id).exists()
