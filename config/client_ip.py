"""The client's address for per-address login limits."""

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR; behind the deployment's proxy (BEHIND_PROXY), the address that proxy appended
    last to X-Forwarded-For, since earlier entries are whatever the client sent."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
