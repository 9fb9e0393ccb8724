"""Text people or articles wrote displays in its own direction: every run of Arabic on a page sits
in an element with dir="auto", or inside one."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from claims.desk.services.assignments import claim_assign
from claims.desk.services.factchecks import factcheck_publish, factcheck_save
from claims.desk.services.notes import note_add
from claims.models import Claim
from claims.search.services import saved_search_save
from claims.services.verdicts import EvidenceInput, claim_set_verification
from tests.factories import ActorFactory, AttributionFactory, ClaimLinkFactory

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06ff]")
VOID = {"br", "img", "input", "meta", "link", "hr"}
SENTENCE = "قالت الوزارة إنها أسقطت 12 طائرة مسيرة."


class _Directions(HTMLParser):
    """Collects the Arabic text that no dir="auto" covers."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.uncovered: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append((tag, dict(attrs).get("dir") == "auto"))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not ARABIC.search(data) or any(tag in ("title", "script") for tag, _ in self.open):
            return
        if not any(auto for _, auto in self.open):
            self.uncovered.append(f"<{self.open[-1][0] if self.open else ''}> {data.strip()[:40]}")


def _uncovered(html: str) -> list[str]:
    parser = _Directions()
    parser.feed(html)
    return parser.uncovered


@pytest.fixture
def arabic_newsroom(editor, fact_checker):
    government = ActorFactory(name="الحكومة")
    ministry = ActorFactory(name="وزارة الدفاع", parent=government)
    attribution = AttributionFactory(
        claim__actor=ministry, claim__text=SENTENCE, actor=ministry, passage__text=SENTENCE, sentence=SENTENCE,
        passage__heading="تحديث", passage__article__title="هجوم ليلي", source_start=None, source_end=None,
        cue_start=None, cue_end=None, content_start=0, content_end=len(SENTENCE),
    )
    claim = attribution.claim
    Claim.objects.filter(pk=claim.pk).update(review_state=Claim.ReviewState.ACCEPTED)  # publishable
    claim.refresh_from_db()
    other = ClaimLinkFactory(from_claim=claim, to_claim__text="شوهدت أربع طائرات فقط", to_claim__actor=government).to_claim
    claim_set_verification(
        claim_id=claim.pk, user=fact_checker, verdict="false", note="صور الميناء تظهر أقل", expected_version=claim.version,
        evidence=EvidenceInput(url="", text="بيانات الرادار", source_name="", is_independent=True, stance="refutes"),
    )
    claim_assign(claim_id=claim.pk, assignee=fact_checker, due_on=date(2026, 3, 20), user=editor)
    note_add(claim_id=claim.pk, user=editor, text="انظر إلى كاميرات الميناء")
    factcheck = factcheck_save(claim_id=claim.pk, user=fact_checker, headline="لا، ليس 12", summary="أقل بكثير",
                               body="النص الكامل", body_format="markdown", evidence=[])
    factcheck_publish(factcheck_id=factcheck.pk, user=fact_checker, published=True)
    saved_search_save(user=fact_checker, name="طائرات", query="q=drones")
    return {"claim": claim, "article_id": attribution.passage.article_id, "other": other, "ministry": ministry, "factcheck": factcheck}


def test_every_page_gives_right_to_left_text_its_own_direction(fact_checker_client, arabic_newsroom):
    claim, other = arabic_newsroom["claim"], arabic_newsroom["other"]
    pages = [
        "/", f"/claims/{claim.pk}/", f"/actors/{arabic_newsroom['ministry'].pk}/", "/actors/", "/review/",
        f"/articles/{arabic_newsroom['article_id']}/", "/desk/my-claims/", "/desk/notifications/",
        f"/desk/compare/?claim={claim.pk}&claim={other.pk}", "/factchecks/",
        f"/factchecks/{arabic_newsroom['factcheck'].pk}/", "/search/saved/", f"/search/?actor={claim.actor_id}",
    ]
    uncovered = {}
    for page in pages:
        response = fact_checker_client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert ARABIC.search(html), page  # the page shows some of it
        uncovered[page] = _uncovered(html)
    missing = {page: found for page, found in uncovered.items() if found}
    assert not missing, "\n".join(f"{page}: {found}" for page, found in missing.items())
