"""The search page (with its htmx fragments), exports, saved searches and ClaimReview download.

Every role may search; each view checks the permission itself.
"""

import json
from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.authtoken.models import Token

from claims.api.services import api_token_issue
from claims.claimreview import claim_page_url, claim_review
from claims.models import Claim, SavedSearch
from claims.search.exports import csv_export, json_export
from claims.search.forms import SavedSearchForm, SearchForm
from claims.search.pagination import DATE
from claims.search.selectors import count_capped, claims_matching, saved_searches_of, search_results
from claims.search.services import saved_search_delete, saved_search_mark_seen, saved_search_save
from claims.selectors.actors import actor_suggestions
from config.replicas import read_database, reads_from_replica

PAGE_SIZE = 25
NEW_CLAIMS_SHOWN = 100


def _require_search_access(request: HttpRequest) -> None:
    if not request.user.has_perm("claims.view_claim"):
        raise PermissionDenied


def _query_without_cursor(params: QueryDict) -> str:
    params = params.copy()
    params.pop("cursor", None)
    return params.urlencode()


@require_GET
@reads_from_replica
def search(request: HttpRequest) -> HttpResponse:
    _require_search_access(request)
    form = SearchForm(request.GET)
    query = _query_without_cursor(request.GET)
    context = {"form": form, "query": query}
    status = 200
    if form.is_valid():
        # As a person types, htmx asks for the rows alone and then the total (search:result_count),
        # so the rows never wait for counting; a full page load counts at once.
        results = search_results(
            form.search(), cursor=form.cleaned_data["cursor"], size=PAGE_SIZE, count=not request.htmx
        )
        context["results"] = results
        if results.next_cursor:
            params = request.GET.copy()
            params["cursor"] = results.next_cursor.encode()
            context["next_query"] = params.urlencode()
    else:
        context["error_message"] = form.error_message()
        # The page answers 400; a fragment answers 200 with the message in its markup, as every
        # fragment here does (htmx swaps only 2xx, and django-htmx's debug script replaces the
        # whole page with any 400 it sees).
        status = 400 if not request.htmx else 200
    template = "search/search.html#results" if request.htmx and not request.htmx.boosted else "search/search.html"
    return render(request, template, context, status=status)


@require_GET
@reads_from_replica
def result_count(request: HttpRequest) -> HttpResponse:
    """The total for the results fragment, fetched once the rows are on screen."""
    _require_search_access(request)
    form = SearchForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(form.error_message(), content_type="text/plain; charset=utf-8")
    total, is_lower_bound = count_capped(claims_matching(form.search()))
    return render(request, "search/search.html#total", {"total": total, "total_is_lower_bound": is_lower_bound})


@require_GET
@reads_from_replica
def actor_options(request: HttpRequest) -> HttpResponse:
    """<option>s for the actor field's datalist, as a person types."""
    _require_search_access(request)
    suggestions = actor_suggestions(request.GET.get("actor", ""))
    return render(request, "search/search.html#actor-options", {"actor_options": suggestions})


def _export(request: HttpRequest, *, export, content_type: str, extension: str) -> HttpResponse:
    _require_search_access(request)
    form = SearchForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(form.error_message(), content_type="text/plain; charset=utf-8")
    # The response streams after this view returns, outside reads_from_replica: choose the database now.
    content = export(
        form.search(), claim_url=lambda claim_id: claim_page_url(claim_id, request=request), using=read_database()
    )
    response = StreamingHttpResponse(content, content_type=content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.{extension}"'
    return response


@require_GET
@reads_from_replica
def export_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, export=csv_export, content_type="text/csv; charset=utf-8", extension="csv")


@require_GET
@reads_from_replica
def export_json(request: HttpRequest) -> HttpResponse:
    return _export(request, export=json_export, content_type="application/json", extension="json")


def _get_saved_search_for_user(request: HttpRequest, saved_search_id: int) -> SavedSearch:
    return get_object_or_404(SavedSearch, pk=saved_search_id, user=request.user)


@require_http_methods(["GET", "POST"])
def saved_searches(request: HttpRequest) -> HttpResponse:
    """Lists the person's saved searches with how many claims are new; POST saves one."""
    _require_search_access(request)
    form = SavedSearchForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            saved = saved_search_save(user=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"])
            messages.success(request, f"Saved the search \u201c{saved.name}\u201d.")
            return redirect("search:saved_searches")
        return HttpResponseBadRequest(form.error_message(), content_type="text/plain; charset=utf-8")
    entries = []
    for saved in saved_searches_of(request.user):
        search_form = SearchForm(QueryDict(saved.query))
        new = None
        if search_form.is_valid():
            new = count_capped(claims_matching(replace(search_form.search(), created_after=saved.last_seen_at)))
        entries.append({"saved": saved, "new": new, "error": "" if new is not None else search_form.error_message()})
    return render(request, "search/saved_searches.html", {"entries": entries})


@require_GET
def saved_search_detail(request: HttpRequest, saved_search_id: int) -> HttpResponse:
    """The claims that match since the last visit, newest first; opening it marks them seen."""
    _require_search_access(request)
    saved = _get_saved_search_for_user(request, saved_search_id)
    seen_at = timezone.now()  # taken before the query, so a claim stored meanwhile shows again next time
    form = SearchForm(QueryDict(saved.query))
    context = {"saved": saved, "previous_visit": saved.last_seen_at}
    if form.is_valid():
        new_only = replace(form.search(), created_after=saved.last_seen_at, sort=DATE)
        context["results"] = search_results(new_only, cursor=None, size=NEW_CLAIMS_SHOWN)
        saved_search_mark_seen(saved_search=saved, seen_at=seen_at)
    else:
        context["error_message"] = form.error_message()
    return render(request, "search/saved_search_detail.html", context)


@require_POST
def saved_search_remove(request: HttpRequest, saved_search_id: int) -> HttpResponse:
    _require_search_access(request)
    saved = _get_saved_search_for_user(request, saved_search_id)
    saved_search_delete(saved_search=saved)
    messages.success(request, f"Deleted the saved search \u201c{saved.name}\u201d.")
    return redirect("search:saved_searches")


@require_GET
def claimreview_download(request: HttpRequest, claim_id: int) -> HttpResponse:
    _require_search_access(request)
    claim = get_object_or_404(Claim.objects.select_related("actor"), pk=claim_id)
    document = claim_review(claim, claim_url=claim_page_url(claim.pk, request=request))
    if document is None:
        return HttpResponse("This claim has no verdict to publish yet.", status=404, content_type="text/plain")
    response = HttpResponse(json.dumps(document, indent=2, ensure_ascii=False), content_type="application/ld+json")
    response["Content-Disposition"] = f'attachment; filename="claimreview-{claim.pk}.jsonld"'
    return response


@require_http_methods(["GET", "POST"])
def api_token(request: HttpRequest) -> HttpResponse:
    """Shows the person's API token; POST makes one, or replaces it."""
    _require_search_access(request)
    if request.method == "POST":
        api_token_issue(user=request.user, rotate=True)
        messages.success(request, "A new API token replaces the old one.")
        return redirect("search:api_token")
    return render(request, "search/api_token.html", {"token": Token.objects.filter(user=request.user).first()})
