"""The append-only audit trail: every service that changes something a person cares about
records it here, in the same transaction as the change."""

from django.db import models

from claims.models import AuditEntry


def audit_record(*, user, action: str, obj: models.Model, before: dict | None = None, after: dict | None = None) -> AuditEntry:
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        before=before or {},
        after=after or {},
    )


def audit_article_text_replaced(*, article, user, before: dict, after: dict, **kwargs) -> None:
    """Receiver of sources.signals.article_text_replaced: an upload over a stored article."""
    audit_record(user=user, action="article_replace_text", obj=article, before=before, after=after)
