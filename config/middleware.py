from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import resolve_url
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import timezone

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


class RejectNulInQueryMiddleware:
    """PostgreSQL text cannot hold a NUL byte: a query string with one is the client's mistake
    (400), not a database error (500) in whichever view reads it. Forms already refuse it in POSTs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            return HttpResponseBadRequest("The query contains a NUL character.", content_type="text/plain")
        return self.get_response(request)


class RequestTooLargeMiddleware:
    """A POST body past DATA_UPLOAD_MAX_MEMORY_SIZE was first read by the CSRF check, where Django
    answers it with a bare 400 (its debug traceback under `make run`) before any view can explain.
    Read here, ahead of that check: a view with its own answer names it as `answer_too_large`
    (this runs after LoginRequiredEverywhereMiddleware has sent anonymous requests to log in, but
    before the view's own permission check, so the answer makes that check itself); any other
    request gets a 413 naming the limit. Nothing of the body was read, so nothing can change."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 (parsed once here; the CSRF check and the view reuse it)
        except RequestDataTooBig:
            if answer := getattr(view_func, "answer_too_large", None):
                return answer(request)
            limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
            return HttpResponse(f"The request is larger than the {limit} limit and was not read.", status=413,
                                content_type="text/plain; charset=utf-8")
        return None


DATABASE_RETRY_AFTER_SECONDS = 30
DATABASE_UNAVAILABLE = "The database is unavailable right now. Nothing was lost: try again in a moment."


def database_unavailable_response(request) -> HttpResponse:
    """503 with Retry-After: the app's page for a browser, a line for htmx to show in its alert
    area (rendered without the request: its user and session live in the database)."""
    if request.headers.get("HX-Request") == "true":  # read directly: HtmxMiddleware may not have run yet
        response = HttpResponse(f'<p class="error">{DATABASE_UNAVAILABLE}</p>', status=503)
        response["HX-Retarget"] = "#htmx-alert"
        response["HX-Reswap"] = "innerHTML"
    else:
        page = render_to_string("database_unavailable.html", {"message": DATABASE_UNAVAILABLE})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """While PostgreSQL is down, pages answer 503 "try again shortly" instead of a 500.

    It loads the session's user itself (the first database read of a request), so an outage
    met there is answered here; process_exception answers for one met in a view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PUBLIC_PREFIXES):
            try:
                request.user.is_authenticated
            except (OperationalError, InterfaceError):
                return database_unavailable_response(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            return database_unavailable_response(request)
        return None


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
