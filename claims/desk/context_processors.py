from django.conf import settings


def desk_settings(request):
    """Whether saved searches may have webhooks (the deployment's choice); no queries."""
    return {"desk_webhooks_allowed": bool(settings.ALERT_WEBHOOK_HOSTS)}
