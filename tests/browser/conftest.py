"""Playwright driving Debian's Chromium against pytest-django's live server."""

import base64
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run in a
# thread with a running loop unless told this is fine (the live server has its own threads).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"
# `make screenshots` sets this to docs/images: the README shows the pages these tests drive.
README_SCREENSHOTS = os.environ.get("README_SCREENSHOTS")
# The README's copies: the top of the page, shrunk, so three of them stay small.
README_SHOT_HEIGHT = 1100
README_SHOT_SCALE = 0.6
PASSWORD = "pw-for-tests-1"  # tests.factories.UserFactory sets it


@pytest.fixture(scope="module")
def chromium():
    """Module scope: Playwright's sync API owns an event loop while it runs, and other test
    folders start their own, so it must be stopped before they do."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium, live_server):
    contexts = []

    # 1280x800 by default: the laptop screen the issues measure pages on.
    def open_page(username: str, *, width: int = 1280, height: int = 800):
        context = chromium.new_context(viewport={"width": width, "height": height}, base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield open_page
    for context in contexts:
        context.close()


def wait_for_htmx(page) -> None:
    """Wait until no htmx request, swap or settle is under way. htmx focuses a swapped form's
    autofocus field when it settles (20 ms after the swap), and Chromium may have focused it
    natively a frame before: typing in between would land in whichever field won."""
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")).to_have_count(0)


def screenshot(page, name: str, *, readme: bool = False, full_page: bool = True) -> None:
    """Every call keeps a shot for people debugging a test (full_page=False: what one screen shows,
    to check how much fits on it); `readme=True` also writes the README's copy (the visible part
    only, to keep it small) when `make screenshots` asks."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
    if readme and README_SCREENSHOTS:
        _readme_screenshot(page, Path(README_SCREENSHOTS) / f"{name}.png")


def _readme_screenshot(page, path: Path) -> None:
    # Playwright cannot scale a screenshot down; Chromium's own capture can (clip.scale).
    height = min(page.evaluate("document.documentElement.scrollHeight"), README_SHOT_HEIGHT)
    clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height, "scale": README_SHOT_SCALE}
    session = page.context.new_cdp_session(page)
    shot = session.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})
    session.detach()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


@pytest.fixture
def newsroom(transactional_db):
    """Users, actors and a live-blog article with three pending claims, written for these tests
    (committed: the live server reads them from another thread)."""
    from claims.roles import EDITOR, FACT_CHECKER
    from tests.factories import (
        ActorAliasFactory, ActorFactory, ArticleFactory, AttributionFactory, FeedFactory, OutletFactory,
        PassageFactory, QuantityFactory, UserFactory,
    )

    UserFactory(username="eddie", role=EDITOR)
    UserFactory(username="erin", role=EDITOR)
    UserFactory(username="fran", role=FACT_CHECKER)
    government = ActorFactory(name="Exampleland", kind="government", country="Exampleland")
    ActorAliasFactory(actor=government, alias="Kyrrow")
    ministry = ActorFactory(name="Exampleland Defence Ministry", kind="ministry", country="Exampleland", parent=government)
    ActorAliasFactory(actor=ministry, alias="the defence ministry")
    mayor = ActorFactory(name="Mayor of Port Vell", kind="person", country="Exampleland")
    outlet = OutletFactory(name="The Harbour Courier")
    article = ArticleFactory(
        outlet=outlet, feed=FeedFactory(outlet=outlet, title="Harbour Courier live"), is_live_blog=True,
        title="Live: overnight drone attack on Port Vell", url="https://courier.example.org/live/port-vell",
    )
    posts = [
        ("The defence ministry said it intercepted 31 of 40 drones launched overnight, mostly over the coast.",
         ministry, "The defence ministry", "said", "it intercepted 31 of 40 drones launched overnight",
         dict(value=31, total=40, noun="drones", text="31 of 40 drones")),
        ("Kyrrow claimed that about 12 people were hurt in the harbour district.",
         government, "Kyrrow", "claimed", "about 12 people were hurt in the harbour district",
         dict(value=12, total=None, noun="people", approximate=True, text="about 12 people")),
        ("The mayor said power had been restored to 9,000 homes by morning.",
         None, "The mayor", "said", "power had been restored to 9,000 homes by morning",
         dict(value=9000, total=None, noun="homes", text="9,000 homes")),
    ]
    claims = []
    for position, (text, actor, source, cue, content, quantity) in enumerate(posts):
        passage = PassageFactory(article=article, text=text, heading=f"Update {position + 1}", position=position)
        s0, c0, t0 = text.index(source), text.index(cue), text.index(content)
        attribution = AttributionFactory(
            claim__text=content, claim__actor=actor, claim__asserted_on=date(2026, 3, 10 + position),
            claim__rule="source-cue-content", actor=actor, passage=passage, sentence=text,
            source_mention=source, cue=cue, source_start=s0, source_end=s0 + len(source),
            cue_start=c0, cue_end=c0 + len(cue), content_start=t0, content_end=t0 + len(content),
        )
        QuantityFactory(claim=attribution.claim, **quantity)
        claims.append(attribution.claim)
    return {"claims": claims, "ministry": ministry, "government": government, "mayor": mayor, "article": article}
