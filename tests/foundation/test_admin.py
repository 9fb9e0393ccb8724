"""Every model's admin list, change and add page answers 200 for a superuser."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import (
    ActorAliasFactory,
    AttributionFactory,
    ClaimLinkFactory,
    EvidenceFactory,
    FeedFactory,
    QuantityFactory,
    UserFactory,
    VerificationFactory,
)

pytestmark = pytest.mark.django_db
READ_ONLY = {"auditentry", "verification"}


@pytest.fixture
def admin_client_with_data(client):
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(user)
    AttributionFactory()
    ActorAliasFactory()
    QuantityFactory()
    VerificationFactory()
    EvidenceFactory()
    ClaimLinkFactory()
    FeedFactory()
    from sources.services import upload_queue

    upload_queue(body=b"drones", name="drones.txt", url="", outlet_name="", published=None, user=user)
    from claims.services.audit import audit_record

    audit_record(user=user, action="test", obj=user)
    from claims.models import SavedSearch

    saved = SavedSearch.objects.create(user=user, name="drones", query="q=drones")
    _desk_rows(user, saved)
    return client


def _desk_rows(user, saved) -> None:
    from claims.desk.models import Assignment, DeliverySettings, FactCheck, Follow, Note, Notification
    from claims.desk.services.subscriptions import saved_search_subscribe
    from claims.models import Claim

    claim = Claim.objects.first()
    Assignment.objects.create(claim=claim, assignee=user, assigned_by=user)
    Note.objects.create(claim=claim, author=user, text="drones")
    Follow.objects.create(user=user, claim=claim)
    Notification.objects.create(recipient=user, kind="mentioned", claim=claim, message="drones", event_key="note:1")
    DeliverySettings.objects.create(user=user)
    saved_search_subscribe(saved_search=saved, subscribed=True)
    FactCheck.objects.create(claim=claim, headline="drones", summary="s", author=user)


@pytest.mark.parametrize(
    "model", [m for m in admin.site._registry if m._meta.app_label in {"claims", "sources"}],
    ids=lambda m: m._meta.label,
)
def test_admin_pages_answer(admin_client_with_data, model):
    info = (model._meta.app_label, model._meta.model_name)
    assert admin_client_with_data.get(reverse("admin:%s_%s_changelist" % info)).status_code == 200
    assert admin_client_with_data.get(reverse("admin:%s_%s_changelist" % info), {"q": "drones"}).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"no {model._meta.label} row to show"
    assert admin_client_with_data.get(reverse("admin:%s_%s_change" % info, args=[obj.pk])).status_code == 200
    add = admin_client_with_data.get(reverse("admin:%s_%s_add" % info))
    assert add.status_code == (403 if model._meta.model_name in READ_ONLY else 200)


def test_a_staff_editor_cannot_set_a_verdict_in_the_admin(client, editor):
    from claims.admin import ClaimAdmin
    from claims.models import Claim

    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    claim = AttributionFactory().claim
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert page.status_code == 200 and 'name="verdict"' not in page.content.decode()
    request = RequestFactory().get("/")
    request.user = editor
    assert "verdict" not in ClaimAdmin(Claim, admin.site).get_form(request, claim).base_fields


def test_verification_rows_are_read_only_for_everyone_even_superusers(admin_client_with_data):
    verification = VerificationFactory()
    change_url = reverse("admin:claims_verification_change", args=[verification.pk])
    page = admin_client_with_data.get(change_url)
    assert page.status_code == 200 and 'name="verdict"' not in page.content.decode()
    assert admin_client_with_data.post(change_url, {"verdict": "true"}).status_code == 403
    delete_url = reverse("admin:claims_verification_delete", args=[verification.pk])
    assert admin_client_with_data.post(delete_url, {"post": "yes"}).status_code == 403
