"""The desk's own pages: My claims, notifications, delivery settings; following actors; subscribing
to saved searches."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims.desk.forms import DeliverySettingsForm, SubscriptionForm
from claims.desk.selectors import notifications_of, open_assignments_of, unread_count
from claims.desk.services.follows import follow_set
from claims.desk.services.notifications import delivery_settings_of, notifications_mark_read
from claims.desk.services.subscriptions import saved_search_subscribe
from claims.models import Actor, SavedSearch
from claims.views.htmx import redirect_back


@require_GET
def my_claims(request: HttpRequest) -> HttpResponse:
    context = {"assignments": list(open_assignments_of(request.user)), "today": timezone.localdate()}
    return render(request, "desk/my_claims.html", context)


def _nav_counts_html(request: HttpRequest) -> str:
    context = {"my_claims": open_assignments_of(request.user).count(), "unread": unread_count(request.user)}
    return render_to_string("desk/_nav_counts.html", context, request)


@require_GET
def nav_counts(request: HttpRequest) -> HttpResponse:
    """The navigation's "My claims" and bell counts, fetched by every page after it loads."""
    return HttpResponse(_nav_counts_html(request))


@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    return render(request, "desk/notifications.html", {"notifications": notifications_of(request.user)})


@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    """Marks one notification (`notification` in the form) or all of them read."""
    one = request.POST.get("notification", "")
    if one and not one.isdigit():
        return HttpResponseBadRequest("notification must be a number", content_type="text/plain")
    notifications_mark_read(user=request.user, notification_ids=[int(one)] if one else None)
    if request.htmx:
        # The bell's count rides along (out of band): it would otherwise wait for its next minute.
        html = render_to_string("desk/notifications.html#notification_list", {"notifications": notifications_of(request.user)}, request)
        return HttpResponse(html + _nav_counts_html(request))
    return redirect("desk:notifications")


@require_http_methods(["GET", "POST"])
def delivery_settings(request: HttpRequest) -> HttpResponse:
    current = delivery_settings_of(request.user)
    form = DeliverySettingsForm(request.POST or None, instance=current)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your notification settings are saved.")
            return redirect("desk:settings")
        return render(request, "desk/settings.html", {"form": form, "current": current}, status=400)
    return render(request, "desk/settings.html", {"form": form, "current": current})


@require_POST
@permission_required("claims.view_actor", raise_exception=True)
def actor_follow(request: HttpRequest, actor_id: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=actor_id)
    following = follow_set(user=request.user, actor=actor, following=request.POST.get("following") == "1")
    if request.htmx:
        return render(request, "desk/_follow_actor.html", {"actor": actor, "following_actor": following})
    return redirect(reverse("actor_detail", args=[actor.pk]))


@require_POST
@permission_required("claims.view_savedsearch", raise_exception=True)
def saved_search_subscription(request: HttpRequest, saved_search_id: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch, pk=saved_search_id, user=request.user)
    form = SubscriptionForm(request.POST)
    # A refused form goes back to the page it came from with the reason on it, in the app's layout.
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect_back(request, reverse("search:saved_searches"))
    try:
        saved_search_subscribe(saved_search=saved, subscribed=form.cleaned_data["subscribed"], webhook_url=form.cleaned_data["webhook_url"])
    except ValidationError as error:
        messages.error(request, f"\u201c{saved.name}\u201d was not changed: {' '.join(error.messages)}")
        return redirect_back(request, reverse("search:saved_searches"))
    if form.cleaned_data["subscribed"]:
        messages.success(request, f"You will be notified of new claims for \u201c{saved.name}\u201d.")
    else:
        messages.success(request, f"No more notifications for \u201c{saved.name}\u201d.")
    return redirect_back(request, reverse("search:saved_searches"))
