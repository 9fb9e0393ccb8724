"""Writes an editor makes on the ingestion page: feeds added, paused, resumed, edited, removed,
imported from and exported to OPML, one page fetched now, two outlets merged. Each change is
announced on sources.signals.editor_changed_ingestion in its transaction, for the audit trail."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sources import services
from sources.fetching import url_refusal
from sources.models import Article, Feed, Outlet
from sources.parsing.domains import registered_domain
from sources.parsing.opml import parse_opml, render_opml
from sources.parsing.urls import canonicalize_url
from sources.signals import editor_changed_ingestion


def _feed_state(feed: Feed) -> dict:
    return {"url": feed.url, "outlet": feed.outlet.name, "poll_interval": str(feed.poll_interval), "status": feed.status}


def _announce(*, user, action: str, obj, before: dict | None = None, after: dict | None = None) -> None:
    editor_changed_ingestion.send(sender=type(obj), user=user, action=action, obj=obj, before=before, after=after)


def feed_create(*, user, url: str, outlet_name: str, poll_interval: timedelta) -> tuple[Feed, bool]:
    """Add a feed (an editor gave its URL, outlet and interval); it is due at once."""
    with transaction.atomic():
        feed, created = services.feed_add(url=url, outlet_name=outlet_name, poll_interval=poll_interval)
        _announce(user=user, action="feed_add" if created else "feed_update", obj=feed, after=_feed_state(feed))
    return feed, created


def feed_edit(*, user, feed_id: int, url: str, outlet_name: str, poll_interval: timedelta) -> Feed:
    with transaction.atomic():
        feed = Feed.objects.select_for_update().select_related("outlet").get(pk=feed_id)
        before = _feed_state(feed)
        feed.url = canonicalize_url(url)
        feed.outlet = services.outlet_get_or_create(name=outlet_name)
        feed.poll_interval = poll_interval
        if feed.url != before["url"]:
            feed.etag, feed.last_modified, feed.next_poll_at = "", "", timezone.now()  # a new feed to us
        feed.save()
        _announce(user=user, action="feed_edit", obj=feed, before=before, after=_feed_state(feed))
    return feed


def feed_pause(*, user, feed_id: int) -> None:
    with transaction.atomic():
        feed = Feed.objects.select_for_update().select_related("outlet").get(pk=feed_id)
        if feed.status == Feed.Status.PAUSED:
            return
        before = _feed_state(feed)
        feed.status, feed.paused_at = Feed.Status.PAUSED, timezone.now()
        feed.save(update_fields=["status", "paused_at"])
        _announce(user=user, action="feed_pause", obj=feed, before=before, after=_feed_state(feed))


def feed_unpause(*, user, feed_id: int) -> None:
    with transaction.atomic():
        feed = Feed.objects.select_for_update().select_related("outlet").get(pk=feed_id)
        if feed.status != Feed.Status.PAUSED:
            return
        before = _feed_state(feed)
        services.feed_resume(feed_id=feed.pk)
        feed.refresh_from_db()
        _announce(user=user, action="feed_resume", obj=feed, before=before, after=_feed_state(feed))


def feed_remove(*, user, feed_id: int) -> None:
    """Stop following a feed; the articles it brought stay (their feed link is cleared)."""
    with transaction.atomic():
        feed = Feed.objects.select_for_update().select_related("outlet").get(pk=feed_id)
        _announce(user=user, action="feed_remove", obj=feed, before=_feed_state(feed))
        feed.delete()


@dataclass
class OpmlImport:
    added: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # not web URLs, or on addresses the fetcher refuses


def feeds_import_opml(*, user, body: bytes, poll_interval: timedelta) -> OpmlImport:
    """Add every feed an OPML file lists; a feed already followed is left as it is. A feed's
    outlet is the folder it was filed under, else its title, else its publisher's domain.
    Raises OpmlError for a file that is not OPML; nothing is added then."""
    listed = parse_opml(body)
    report = OpmlImport(invalid=list(listed.invalid))
    with transaction.atomic():
        known = set(Feed.objects.filter(url__in=[feed.url for feed in listed.feeds]).values_list("url", flat=True))
        for entry in listed.feeds:
            if entry.url in known:
                report.known.append(entry.url)
                continue
            if url_refusal(entry.url):  # the fetcher's address rules, as for a feed added by hand
                report.invalid.append(entry.url)
                continue
            outlet_name = entry.folder or entry.title or registered_domain(entry.url)
            feed, _ = services.feed_add(url=entry.url, outlet_name=outlet_name, poll_interval=poll_interval)
            if entry.title and not feed.title:
                Feed.objects.filter(pk=feed.pk).update(title=entry.title[:500])
            _announce(user=user, action="feed_import", obj=feed, after=_feed_state(feed))
            report.added.append(entry.url)
    return report


def feeds_export_opml() -> bytes:
    rows = Feed.objects.select_related("outlet").order_by("outlet__name", "url").values_list("outlet__name", "title", "url")
    return render_opml(list(rows), title="Claimtrack feeds")


def article_request_fetch(*, user, url: str) -> Article:
    """The Article for a URL an editor wants fetched now (made pending if new), under its
    publisher's outlet; the caller queues the fetch."""
    canonical = canonicalize_url(url)
    with transaction.atomic():
        article, created = services.article_get_or_create_for_url(url=canonical, outlet=services.outlet_for_page(url=canonical))
        if not created and article.status == Article.Status.FAILED:
            Article.objects.filter(pk=article.pk).update(status=Article.Status.PENDING, last_error="")
            article.refresh_from_db()
        _announce(user=user, action="article_fetch_now", obj=article, after={"url": article.url})
    return article


def outlets_merge(*, user, source_id: int, target_id: int) -> Outlet:
    with transaction.atomic():
        source = Outlet.objects.get(pk=source_id)
        before = {"merged": source.name, "domain": source.domain}
        target = services.outlet_merge(source_id=source_id, target_id=target_id)
        _announce(user=user, action="outlet_merge", obj=target, before=before, after={"name": target.name, "domain": target.domain})
    return target
