from django.conf import settings
from django.utils.functional import SimpleLazyObject

from claims.desk.selectors import open_assignments_of, unread_count


def desk_counts(request):
    """The navigation's "My claims" and bell counts; counted only when a template shows them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "desk_my_claims_count": SimpleLazyObject(lambda: open_assignments_of(user).count()),
        "desk_unread_count": SimpleLazyObject(lambda: unread_count(user)),
        "desk_webhooks_allowed": bool(settings.ALERT_WEBHOOK_HOSTS),
    }
