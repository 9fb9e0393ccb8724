"""Re-extraction racing an editor, on two real PostgreSQL connections: nothing a person touched
is deleted, whatever the timing."""

import threading

import pytest
from django.db import connection

from claims.extraction.gazetteer import Gazetteer
from claims.models import AuditEntry, Claim
from claims.services import extraction_store
from claims.services.extraction_store import article_claims_store
from claims.services.gazetteer_sync import gazetteer_load_starter
from claims.services.review import claim_accept
from tests.conftest import requires_real_services
from tests.extraction_store.conftest import DRONES, passage_with
from tests.factories import UserFactory


@requires_real_services
@pytest.mark.django_db(transaction=True)
def test_an_editor_accepting_a_claim_while_re_extraction_replaces_it_never_loses_it(monkeypatch):
    gazetteer_load_starter(records=Gazetteer.default().records.values())
    editor = UserFactory(username="racing-editor")
    passage = passage_with(DRONES)
    article_claims_store(article=passage.article)
    claim = passage.attributions.get(claim__text__startswith="it shot down").claim
    editor_outcome = []

    def editor_accepts():
        try:
            editor_outcome.append(claim_accept(claim_id=claim.pk, user=editor, expected_version=claim.version))
        except Exception as error:  # the claim may be gone by the time the editor's turn comes
            editor_outcome.append(error)
        finally:
            connection.close()

    real_touched = extraction_store.claims_touched_by_people
    editor_thread = threading.Thread(target=editor_accepts)

    def touched_then_the_editor_acts(claim_ids):
        touched = real_touched(claim_ids)
        if not editor_thread.is_alive() and not editor_outcome:
            # The editor clicks "accept" right after re-extraction decided what to replace: the
            # accept commits now unless re-extraction holds the claim.
            editor_thread.start()
            editor_thread.join(timeout=2)
        return touched

    monkeypatch.setattr(extraction_store, "claims_touched_by_people", touched_then_the_editor_acts)
    monkeypatch.setattr(extraction_store, "EXTRACTOR_VERSION", "next")
    article_claims_store(article=passage.article)
    editor_thread.join(timeout=10)

    [outcome] = editor_outcome
    accepted = AuditEntry.objects.filter(action="claim_accept", object_id=claim.pk)
    if isinstance(outcome, Claim):
        # The accept came first: re-extraction saw it and kept the claim.
        assert Claim.objects.get(pk=claim.pk).review_state == Claim.ReviewState.ACCEPTED
    else:
        # Re-extraction came first: the accept found no claim and recorded nothing.
        assert isinstance(outcome, Claim.DoesNotExist) and not accepted.exists()
    assert set(AuditEntry.objects.filter(object_type="claim").values_list("object_id", flat=True)) <= set(
        Claim.objects.values_list("pk", flat=True)
    )
