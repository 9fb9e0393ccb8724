"""The ingestion page: feeds and their health, recent articles, poll-now, and upload/paste."""

from uuid import UUID, uuid4

import redis
from celery.result import AsyncResult
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from kombu.exceptions import OperationalError as KombuOperationalError

from sources import feed_services, selectors, services, tasks
from sources.forms import FeedForm, FetchUrlForm, OpmlImportForm, OutletMergeForm, UploadForm

FINISHED_STATES = {"SUCCESS", "FAILURE", "REVOKED"}
POLL_DEFERRED_MESSAGE = (
    "The task queue is unreachable right now, so the poll could not start. "
    "It is scheduled and runs as soon as the queue is back."
)


def page_context(request: HttpRequest, **forms) -> dict:
    """The whole ingestion page; a form given (bound, with its errors) replaces the blank one."""
    return {
        "feeds": selectors.feeds_for_ingestion_page(),
        "articles": selectors.articles_recent(),
        "status_counts": selectors.article_status_counts(),
        "form": forms.get("form") or UploadForm(),
        "feed_form": forms.get("feed_form") or FeedForm(),
        "opml_form": forms.get("opml_form") or OpmlImportForm(),
        "fetch_form": forms.get("fetch_form") or FetchUrlForm(),
        "merge_form": forms.get("merge_form") or OutletMergeForm(),
        "uploads": selectors.uploads_recent(),
        "upload_limit": settings.INGEST_MAX_BYTES,
        "upload_inline_limit": settings.INGEST_UPLOAD_INLINE_BYTES,
        **permissions(request),
    }


def permissions(request: HttpRequest) -> dict:
    """What the user may do here, for the template to show only the buttons that will work (the
    views check the same permissions again)."""
    return {
        "can_poll": request.user.has_perm("sources.change_feed"),
        "can_add_feed": request.user.has_perm("sources.add_feed"),
        "can_delete_feed": request.user.has_perm("sources.delete_feed"),
        "can_upload": request.user.has_perm("sources.add_article"),
        "can_merge": request.user.has_perm("sources.change_outlet"),
    }


@require_GET
@permission_required("sources.view_feed", raise_exception=True)
def ingestion_page(request: HttpRequest) -> HttpResponse:
    if request.htmx and request.GET.get("part") == "articles":
        return render(request, "sources/ingestion.html#articles", page_context(request))
    return render(request, "sources/ingestion.html", page_context(request))


def feed_or_404(feed_id: int):
    feed = selectors.feed_for_page(feed_id)
    if feed is None:
        raise Http404("No such feed")
    return feed


@require_POST
@permission_required("sources.change_feed", raise_exception=True)
def feed_poll_now(request: HttpRequest, feed_id: int) -> HttpResponse:
    """Queue a poll (a paused feed is resumed first) and answer with the row, polling progress."""
    feed = feed_or_404(feed_id)
    feed_services.feed_unpause(user=request.user, feed_id=feed.pk)
    return queue_poll(request, feed=feed)


def queue_poll(request: HttpRequest, *, feed) -> HttpResponse:
    """Queue one poll of the feed and answer with its row, which follows the poll's progress."""
    task_id = str(uuid4())
    try:
        # Nothing is pending commit (feed_resume autocommitted): enqueue now, so an outage shows here.
        tasks.feed_poll.apply_async((feed.pk,), task_id=task_id)
    except (KombuOperationalError, RuntimeError) as error:
        if not queue_unreachable(error):
            raise
        # Redis is down: mark the feed due, beat polls it once Redis is back.
        services.feed_request_poll(feed_id=feed.pk)
        return _poll_deferred(request, feed_id=feed.pk)
    if not request.htmx:
        messages.info(request, f"Polling {feed.url}.")
        return redirect("sources:ingestion")
    return feed_row(request, feed_id=feed.pk, task_id=task_id)


def queue_unreachable(error: Exception) -> bool:
    """Celery reports a Redis outage as kombu's OperationalError (broker) or as a RuntimeError
    caused by a Redis error (the result backend subscribing to the task's result)."""
    return isinstance(error, KombuOperationalError) or isinstance(error.__cause__, redis.RedisError)


def _poll_deferred(request: HttpRequest, *, feed_id: int) -> HttpResponse:
    if not request.htmx:
        messages.warning(request, POLL_DEFERRED_MESSAGE)
        return redirect("sources:ingestion")
    context = {
        **permissions(request),
        "feed": feed_or_404(feed_id),
        "poll": {"finished": True, "deferred": POLL_DEFERRED_MESSAGE},
    }
    return render(request, "sources/ingestion.html#feed-row", context)


@require_GET
@permission_required("sources.view_feed", raise_exception=True)
def feed_poll_progress(request: HttpRequest, feed_id: int, task_id: UUID) -> HttpResponse:
    return feed_row(request, feed_id=feed_id, task_id=str(task_id))


def feed_row(request: HttpRequest, *, feed_id: int, task_id: str | None = None) -> HttpResponse:
    if task_id is None:
        return render(request, "sources/ingestion.html#feed-row", {**permissions(request), "feed": feed_or_404(feed_id)})
    result = AsyncResult(task_id)
    state = result.state
    poll = {
        "task_id": task_id,
        "state": state,
        "finished": state in FINISHED_STATES,
        "outcome": result.result if state == "SUCCESS" else None,
        "error": str(result.result) if state == "FAILURE" else "",
    }
    return render(request, "sources/ingestion.html#feed-row", {**permissions(request), "feed": feed_or_404(feed_id), "poll": poll})


def _upload_too_big(request: HttpRequest) -> HttpResponse:
    """A request body past what Django parses (config.middleware.RequestTooLargeMiddleware asks,
    before the view's permission check, so it is made here): nothing of the form can be read back."""
    if not request.user.has_perm("sources.add_article"):
        raise PermissionDenied
    messages.error(request, f"The upload is larger than the {filesizeformat(settings.INGEST_MAX_BYTES)} limit "
                            "and was not read: save a smaller part of the page and add it again.")
    return render(request, "sources/ingestion.html", page_context(request), status=413)


@require_POST
@permission_required("sources.add_article", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)  # a body too large to read never gets here
    if not form.is_valid():
        return render(request, "sources/ingestion.html", page_context(request, form=form), status=400)
    body, name = form.body_and_name()
    data = form.cleaned_data
    if len(body) > settings.INGEST_UPLOAD_INLINE_BYTES:
        queued = services.upload_queue(
            body=body, name=name, url=data["url"], outlet_name=data["outlet"], published=data["published"],
            user=request.user,
        )
        tasks.enqueue_upload_ingest(queued.pk)
        messages.info(request, f"{name} ({filesizeformat(len(body))}) is being ingested: its progress is shown below.")
        return redirect(reverse("sources:ingestion") + "#uploads")
    try:
        document = services.document_from_upload(body=body, name=name, url=data["url"] or None)
        article, outcome, split = services.article_ingest_document(
            document=document,
            outlet_name=data["outlet"] or None,
            published=services.day_start_utc(data["published"]),
            user=request.user,
        )
    except services.IngestError as error:
        form.add_error(None, str(error))
        return render(request, "sources/ingestion.html", page_context(request, form=form), status=400)
    if split.added:
        tasks.enqueue_claim_extraction(article.pk)
    messages.success(request, f"{article.title or article.url}: {outcome}, {split.added} passages added.")
    if outcome == services.ArticleOutcome.UPDATED:
        messages.warning(
            request,
            f"This URL was already stored, under {article.outlet.name}: its text was replaced and the earlier "
            "text is kept as earlier passage versions.",
        )
    return redirect("sources:ingestion")


upload.answer_too_large = _upload_too_big  # see config.middleware.RequestTooLargeMiddleware


@require_GET
@permission_required("sources.add_article", raise_exception=True)
def upload_progress(request: HttpRequest, upload_id: int) -> HttpResponse:
    upload = selectors.upload_for_page(upload_id)
    if upload is None:
        raise Http404("No such upload")
    return render(request, "sources/ingestion.html#upload-row", {"upload": upload})
