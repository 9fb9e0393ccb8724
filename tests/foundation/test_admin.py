"""Every model's admin list, change and add page answers 200 for a superuser."""

import pytest
from django.contrib import admin
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
    from claims.services.audit import audit_record

    audit_record(user=user, action="test", obj=user)
    from claims.models import SavedSearch

    SavedSearch.objects.create(user=user, name="drones", query="q=drones")
    return client


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
    assert add.status_code == (403 if model._meta.model_name == "auditentry" else 200)
