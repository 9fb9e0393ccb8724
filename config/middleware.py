from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import resolve_url
from django.utils import timezone

# Paths anyone may reach: the login page, health probes, static files, and the API
# (which answers 401 itself so API clients get JSON, not a redirect).
PUBLIC_PREFIXES = ("/accounts/login/", "/healthz", "/readyz", "/static/", "/api/")


class LoginRequiredEverywhereMiddleware:
    """Anonymous users see only the login page: no view can forget @login_required."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Public paths first: reading request.user loads the session, and /healthz must answer
        # even when the database (where sessions live) does not.
        if request.path.startswith(PUBLIC_PREFIXES) or request.user.is_authenticated:
            return self.get_response(request)
        if getattr(request, "htmx", False):
            # An expired session during an htmx request: tell htmx to load the login page.
            response = JsonResponse({"detail": "Login required"}, status=401)
            response["HX-Redirect"] = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.path})}"
            return response
        return redirect_to_login(request.get_full_path())


TIME_ZONE_SESSION_KEY = "time_zone"


class PersonTimeZoneMiddleware:
    """Show times in the person's time zone: the one in their preferences, copied into the
    session when they log in or change it (no query per request), else the newsroom's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = settings.NEWSROOM_TIME_ZONE
        if not request.path.startswith(PUBLIC_PREFIXES):  # /healthz must not read the session
            name = request.session.get(TIME_ZONE_SESSION_KEY) or name
        timezone.activate(ZoneInfo(name))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
