"""The ingestion page's editor actions: add, check, pause, resume, edit and remove feeds; OPML
import and export; fetch one URL now and follow it until its claims are in the queue; merge two
outlets. Each view checks its permission; POSTs carry CSRF tokens (htmx sends them from <body>)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from kombu.exceptions import OperationalError as KombuOperationalError

from sources import feed_services, selectors, tasks
from sources.forms import FeedForm, FetchUrlForm, OpmlImportForm, OutletMergeForm
from sources.models import Article
from sources.parsing.opml import OpmlError
from sources.views import feed_or_404, feed_row, page_context, queue_poll, queue_unreachable

# Article states after which nothing more happens without a new fetch.
FETCH_FINISHED = {Article.Status.EXTRACTED, Article.Status.FAILED, Article.Status.DUPLICATE}


def _back(request: HttpRequest, message: str, *, level=messages.SUCCESS) -> HttpResponse:
    messages.add_message(request, level, message)
    return redirect("sources:ingestion")


def _page_with_errors(request: HttpRequest, *, partial: str = "", **forms) -> HttpResponse:
    """The page again with the form's errors; to htmx, only the form, swapped in place of the
    one sent (htmx would not swap a 400 answer into the target it aimed at)."""
    if request.htmx and partial:
        response = render(request, f"sources/ingestion.html#{partial}", page_context(request, **forms))
        response["HX-Retarget"], response["HX-Reswap"] = f"#{partial}", "outerHTML"
        return response
    return render(request, "sources/ingestion.html", page_context(request, **forms), status=400)


@require_POST
@permission_required("sources.add_feed", raise_exception=True)
def feed_add(request: HttpRequest) -> HttpResponse:
    """Add a feed and check it at once: the answer is its row, following the first poll."""
    form = FeedForm(request.POST)
    if not form.is_valid():
        return _page_with_errors(request, partial="feed-add", feed_form=form)
    feed, created = feed_services.feed_create(
        user=request.user, url=form.cleaned_data["url"], outlet_name=form.cleaned_data["outlet"],
        poll_interval=form.poll_interval(),
    )
    if not request.htmx:
        messages.success(request, f"{'Added' if created else 'Updated'} {feed.url}; checking it now.")
    return queue_poll(request, feed=feed_or_404(feed.pk))


@require_POST
@permission_required("sources.change_feed", raise_exception=True)
def feed_pause(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed_services.feed_pause(user=request.user, feed_id=feed_or_404(feed_id).pk)
    return feed_row(request, feed_id=feed_id) if request.htmx else _back(request, "Feed paused.")


@require_POST
@permission_required("sources.change_feed", raise_exception=True)
def feed_resume(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed_services.feed_unpause(user=request.user, feed_id=feed_or_404(feed_id).pk)
    return feed_row(request, feed_id=feed_id) if request.htmx else _back(request, "Feed resumed; it is polled on the next tick.")


@require_http_methods(["GET", "POST"])
@permission_required("sources.change_feed", raise_exception=True)
def feed_edit(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed = feed_or_404(feed_id)
    initial = {"url": feed.url, "outlet": feed.outlet.name, "interval_minutes": int(feed.poll_interval.total_seconds() // 60)}
    form = FeedForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        feed_services.feed_edit(
            user=request.user, feed_id=feed.pk, url=form.cleaned_data["url"], outlet_name=form.cleaned_data["outlet"],
            poll_interval=form.poll_interval(),
        )
        return _back(request, "Feed saved.")
    return render(request, "sources/feed_edit.html", {"feed": feed, "form": form}, status=400 if form.errors else 200)


@require_POST
@permission_required("sources.delete_feed", raise_exception=True)
def feed_delete(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed = feed_or_404(feed_id)
    feed_services.feed_remove(user=request.user, feed_id=feed.pk)
    # htmx swaps the row for this empty answer; the articles the feed brought stay listed.
    return HttpResponse("") if request.htmx else _back(request, f"Removed {feed.url}; its articles stay.")


@require_GET
@permission_required("sources.view_feed", raise_exception=True)
def feeds_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(feed_services.feeds_export_opml(), content_type="text/x-opml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claimtrack-feeds.opml"'
    return response


@require_POST
@permission_required("sources.add_feed", raise_exception=True)
def feeds_import(request: HttpRequest) -> HttpResponse:
    form = OpmlImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page_with_errors(request, opml_form=form)
    try:
        report = feed_services.feeds_import_opml(
            user=request.user, body=form.cleaned_data["file"].read(), poll_interval=form.poll_interval()
        )
    except OpmlError as error:
        form.add_error("file", str(error))
        return _page_with_errors(request, opml_form=form)
    summary = f"OPML import: {len(report.added)} feeds added, {len(report.known)} already followed"
    if report.invalid:
        summary += f", {len(report.invalid)} skipped (not web URLs we may fetch: {', '.join(report.invalid[:5])})"
    return _back(request, summary + ".", level=messages.WARNING if report.invalid else messages.SUCCESS)


@require_POST
@permission_required("sources.add_article", raise_exception=True)
def article_fetch_now(request: HttpRequest) -> HttpResponse:
    """Fetch one article URL now; the answer follows it until its claims are in the queue."""
    form = FetchUrlForm(request.POST)
    if not form.is_valid():
        return _page_with_errors(request, partial="fetch-form", fetch_form=form)
    article = feed_services.article_request_fetch(user=request.user, url=form.cleaned_data["url"])
    try:
        tasks.article_fetch.delay(article.pk)
    except (KombuOperationalError, RuntimeError) as error:
        if not queue_unreachable(error):
            raise
        message = "The task queue is unreachable right now, so the fetch could not start. Try again shortly."
        return _back(request, message, level=messages.WARNING) if not request.htmx else _fetch_progress(request, article.pk, message)
    if not request.htmx:
        return _back(request, f"Fetching {article.url}; follow it in the list below.")
    return _fetch_progress(request, article.pk)


@require_GET
@permission_required("sources.view_article", raise_exception=True)
def article_fetch_progress(request: HttpRequest, article_id: int) -> HttpResponse:
    return _fetch_progress(request, article_id)


def _fetch_progress(request: HttpRequest, article_id: int, deferred: str = "") -> HttpResponse:
    article = selectors.article_progress(article_id)
    if article is None:
        raise Http404("No such article")
    context = {"article": article, "finished": bool(deferred) or article.status in FETCH_FINISHED, "deferred": deferred}
    return render(request, "sources/ingestion.html#fetch-progress", context)


@require_POST
@permission_required("sources.change_outlet", raise_exception=True)
def outlet_merge(request: HttpRequest) -> HttpResponse:
    form = OutletMergeForm(request.POST)
    if not form.is_valid():
        return _page_with_errors(request, merge_form=form)
    source, target = form.cleaned_data["source"], form.cleaned_data["target"]
    feed_services.outlets_merge(user=request.user, source_id=source.pk, target_id=target.pk)
    return _back(request, f"Merged {source.name} into {target.name}.")
