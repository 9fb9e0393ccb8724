"""A person's own choices: time zone and review card size."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from claims.forms import PreferencesForm
from claims.selectors.users import preferences_of
from claims.services.users import user_preferences_set
from config.middleware import TIME_ZONE_SESSION_KEY


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """Any logged-in person may set their own (the middleware keeps anonymous people out)."""
    current = preferences_of(request.user)
    form = PreferencesForm(request.POST or None, initial={"time_zone": current.time_zone, "queue_density": current.queue_density})
    if request.method == "POST" and form.is_valid():
        saved = user_preferences_set(user=request.user, **form.cleaned_data)
        request.session[TIME_ZONE_SESSION_KEY] = saved.time_zone
        messages.success(request, "Saved your preferences.")
        return redirect("preferences")
    context = {"form": form, "now": timezone.now()}
    return render(request, "claims/preferences.html", context, status=400 if form.errors else 200)
