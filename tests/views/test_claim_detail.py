import re
from datetime import date

import pytest

from claims.models import AuditEntry
from tests.factories import (
    AttributionFactory, ClaimLinkFactory, EvidenceFactory, PassageFactory, UserFactory, VerificationFactory,
)

pytestmark = pytest.mark.django_db


def test_it_works(viewer_client, claim, attribution):
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    assert '<mark class="hl-content">it shot down 12 of 15 drones overnight</mark>. Officials gave no &lt;b&gt;details&lt;/b&gt;.' in body
    assert f'href="/articles/{attribution.passage.article_id}/#passage-{attribution.passage_id}"' in body
    assert f'href="{attribution.passage.article.url}"' in body  # the original
    assert "Example Defence Ministry" in body and "12 of 15 drones" in body and "Waiting for review" in body
    assert "Not independently verified" in body


def test_viewer_sees_no_forms_that_change_things(viewer_client, claim):
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    for url in ("/verdict/", "/links/", "/accept/", "/edit/"):
        assert f'action="/claims/{claim.pk}{url}"' not in body


def test_editor_may_review_and_link_but_sees_no_verdict_form(editor_client, claim):
    body = editor_client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'action="/claims/{claim.pk}/accept/"' in body and f'action="/claims/{claim.pk}/links/"' in body
    assert f'action="/claims/{claim.pk}/verdict/"' not in body


def test_verdict_history_evidence_links_and_audit_are_shown(viewer_client, claim, fact_checker):
    verification = VerificationFactory(claim=claim, verdict="false", previous_verdict="unverified",
                                       note="Radar data shows 4 drones", created_by=fact_checker)
    EvidenceFactory(claim=claim, verification=verification, source_name="Sky Watch", stance="refutes", added_by=fact_checker)
    other = ClaimLinkFactory(from_claim=claim, to_claim__text="only four drones were seen").to_claim
    AuditEntry.objects.create(user=fact_checker, action="claim_set_verdict", object_type="claim", object_id=claim.pk,
                              before={"verdict": "unverified"}, after={"verdict": "false"})
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    assert "Radar data shows 4 drones" in body and "was Unverified" in body
    assert "Refuted by an independent source: Sky Watch." in body
    assert f'href="/claims/{other.pk}/"' in body and "only four drones were seen" in body
    assert '<del dir="auto">Unverified</del> → <ins dir="auto">False</ins>' in body  # the verdicts by their names, not stored values


def test_original_link_is_never_a_script(viewer_client):
    passage = PassageFactory(permalink="javascript:alert(1)")
    claim = AttributionFactory(passage=passage).claim
    assert "javascript:" not in viewer_client.get(f"/claims/{claim.pk}/").content.decode()


def test_queries_are_bounded(viewer_client, claim, django_assert_max_num_queries, fact_checker):
    for _ in range(5):
        EvidenceFactory(claim=claim, verification=VerificationFactory(claim=claim, created_by=fact_checker), added_by=fact_checker)
        ClaimLinkFactory(from_claim=claim)
    # 16 for the claim itself; up to 9 for the desk's sections (assignment, notes, follow, fact-check,
    # event links with their numbers, similar claims), none of which grows with the claim's rows.
    with django_assert_max_num_queries(25):
        assert viewer_client.get(f"/claims/{claim.pk}/").status_code == 200


def test_unknown_claim_is_404(viewer_client):
    assert viewer_client.get("/claims/424242/").status_code == 404


def test_an_article_that_carries_the_claim_twice_is_one_row_with_both_places(viewer_client, claim, attribution):
    article = attribution.passage.article
    summary = PassageFactory(article=article, text=attribution.passage.text, heading="", position=7)
    AttributionFactory(claim=claim, passage=summary, actor=attribution.actor, sentence=attribution.sentence,
                       source_mention=attribution.source_mention, cue=attribution.cue, content_end=56)
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    rows = body[body.index('id="attributions"'):body.index("</table>", body.index('id="attributions"'))]
    assert rows.count("<tr>") == 2  # the header and one article
    assert "2 places:" in rows
    assert f'#passage-{attribution.passage_id}" dir="auto">Overnight attack</a>' in rows
    assert f'#passage-{summary.pk}" dir="auto">paragraph 8</a>' in rows


def test_the_audit_trail_speaks_words_and_tucks_bookkeeping_away(viewer_client, editor, claim):
    from claims.services.review import claims_bulk_accept

    claims_bulk_accept(claim_ids=[claim.pk], user=editor)
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    trail = body[body.index('id="audit-trail"'):]
    assert '<span class="audit-action">accepted</span>' in trail
    assert '<details class="audit-details"><summary>Details</summary>' in trail
    visible = trail.split('<details class="audit-details">')[0]
    assert "bulk" not in visible


def test_the_audit_trail_names_the_desk_s_actions_and_shows_values_by_their_names(viewer_client, editor, claim):
    from claims.desk.services.assignments import claim_assign
    from claims.desk.services.notes import note_add
    from claims.services.review import claim_accept

    checker = UserFactory(username="cara-checker", role="fact-checker")
    claim_accept(claim_id=claim.pk, user=editor, expected_version=claim.version)
    claim_assign(claim_id=claim.pk, assignee=checker, due_on=date(2025, 3, 9), user=editor)
    note_add(claim_id=claim.pk, user=editor, text="Look at the harbour cameras.")
    body = viewer_client.get(f"/claims/{claim.pk}/").content.decode()
    trail = body[body.index('id="audit-trail"'):body.index("</section>", body.index('id="audit-trail"'))]
    actions = re.findall(r'<span class="audit-action">([^<]*)</span>', trail)
    assert actions == ["added a note", "assigned", "accepted"]  # newest first; not "claim note add"
    assert '<del dir="auto">Waiting for review</del> → <ins dir="auto">Accepted</ins>' in trail  # not "pending → accepted"
    assert '<ins dir="auto">9 Mar 2025</ins>' in trail and "2025-03-09" not in trail
