from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import resolve_url

# Paths anyone may reach: the login page, health probes, static files, the API
# (which answers 401 itself so API clients get JSON, not a redirect) and published fact-checks.
PUBLIC_PREFIXES = ("/accounts/login/", "/healthz", "/readyz", "/static/", "/api/", "/factchecks/")


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
