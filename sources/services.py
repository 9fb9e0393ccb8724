"""Writes for ingestion: feeds polled, articles fetched and stored, passages split and versioned.

Each function is safe to run twice: rows are found by their unique keys (feed URL, canonical
article URL, passage key and version), and two workers racing on the same URL meet at the
database constraint instead of a check-then-insert.
"""

import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sources.fetching import FetchError, fetch, url_refusal
from sources.models import Article, Feed, Outlet, Passage, Upload
from sources.parsing.domains import domain_display_name, registered_domain
from sources.parsing.feeds import FeedParseError, parse_feed
from sources.parsing.documents import (  # noqa: F401 (document_from_body and IngestError are used through this module)
    Document,
    IngestError,
    document_from_body,
    document_from_upload,
    document_passages,
)
from sources.parsing.html_article import EXTRACTOR_VERSION
from sources.parsing.passages import DocumentPassages, text_hash
from sources.parsing.urls import canonicalize_url
from sources.signals import article_text_replaced

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.8, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"
FAILURE_SCORE_WEIGHT = 0.3  # how much one poll moves the failure score (a moving failure rate)
MAX_FEED_BACKOFF = timedelta(days=1)
MAX_ERROR_LENGTH = 2000


@dataclass
class IngestReport:
    """What an ingestion run did, for the management commands and the upload form."""

    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    passages_added: int = 0
    errors: list[str] = field(default_factory=list)

    def add_article(self, *, outcome: str, passages_added: int) -> None:
        if outcome == ArticleOutcome.NEW:
            self.articles_new += 1
        elif outcome == ArticleOutcome.UPDATED:
            self.articles_updated += 1
        else:
            self.articles_unchanged += 1
        self.passages_added += passages_added

    def summary(self) -> str:
        return (
            f"articles: {self.articles_new} new, {self.articles_updated} updated, {self.articles_unchanged} unchanged; "
            f"passages added: {self.passages_added}; errors: {len(self.errors)}"
        )


class ArticleOutcome:
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class SplitResult:
    added: int  # passages new to the article (new posts and new versions of edited ones)
    revised: int  # of those, new versions of posts whose text changed
    retired: int  # paragraphs no longer in the article


@dataclass(frozen=True)
class FeedPollResult:
    not_modified: bool
    entries: int = 0
    new_article_ids: list[int] = field(default_factory=list)
    refetch_article_ids: list[int] = field(default_factory=list)


def _short_error(error: Exception | str) -> str:
    return str(error)[:MAX_ERROR_LENGTH]


# Documents --------------------------------------------------------------------------------


# Outlets and feeds --------------------------------------------------------------------------


def outlet_get_or_create(*, name: str) -> Outlet:
    outlet, _ = Outlet.objects.get_or_create(name=name.strip())
    return outlet


def _free_outlet_name(name: str, *, domain: str) -> str:
    """The site's name (one made from the domain while no page gave it: a host name is for
    developers), or "Name (domain)" when another publisher already shows that name."""
    name = (name.strip() or domain_display_name(domain))[:200]
    if not Outlet.objects.filter(name=name).exclude(domain__in=["", domain]).exists():
        return name
    return f"{name[: 197 - len(domain)]} ({domain})"


def _outlet_adopt_site_name(outlet: Outlet, *, site_name: str) -> None:
    """An outlet named after its domain (made before any of its pages was read) takes the name
    its pages give themselves."""
    named_after_domain = outlet.name in (outlet.domain, domain_display_name(outlet.domain))
    if outlet.domain and named_after_domain and site_name.strip():
        outlet.name = _free_outlet_name(site_name, domain=outlet.domain)
        outlet.save(update_fields=["name"])


def outlet_for_page(*, url: str, site_name: str = "") -> Outlet:
    """The outlet of the publisher whose registered domain serves the page (one per publisher,
    whatever site name each page gives); created the first time, named after the page's site
    name. An outlet known only by name (made by hand before domains were kept) is adopted."""
    domain = registered_domain(url)
    outlet = Outlet.objects.filter(domain=domain).first()
    if outlet is not None:
        _outlet_adopt_site_name(outlet, site_name=site_name)
        return outlet
    name = _free_outlet_name(site_name, domain=domain)
    try:
        with transaction.atomic():
            adopted = Outlet.objects.filter(name=name, domain="").update(domain=domain)
            return Outlet.objects.get(name=name) if adopted else Outlet.objects.create(name=name, domain=domain)
    except IntegrityError:
        return Outlet.objects.get(domain=domain)  # another worker created it a moment ago


def outlet_merge(*, source_id: int, target_id: int) -> Outlet:
    """Fold one outlet into another (an editor says they are one publisher): every row that
    points at the source (feeds, articles, and rows other apps keep) points at the target, which
    keeps its name and takes the source's domain if it had none."""
    if source_id == target_id:
        raise ValueError("an outlet cannot be merged into itself")
    with transaction.atomic():
        source = Outlet.objects.select_for_update().get(pk=source_id)
        target = Outlet.objects.select_for_update().get(pk=target_id)
        for relation in Outlet._meta.get_fields(include_hidden=True):
            if relation.one_to_many and relation.auto_created:
                relation.related_model._base_manager.filter(**{relation.field.name: source}).update(
                    **{relation.field.name: target}
                )
        domain = source.domain
        source.delete()
        if domain and not target.domain:
            target.domain = domain
            target.save(update_fields=["domain"])
    return target


def feed_add(*, url: str, outlet_name: str, poll_interval: timedelta | None = None) -> tuple[Feed, bool]:
    """Register a feed (or update the outlet/interval of a known one); it is due at once."""
    canonical = canonicalize_url(url)
    defaults = {"outlet": outlet_get_or_create(name=outlet_name)}
    if poll_interval is not None:
        defaults["poll_interval"] = poll_interval
    return Feed.objects.update_or_create(url=canonical, defaults=defaults)


def feed_claim_due(*, feed_id: int, now: datetime | None = None) -> bool:
    """Move a due feed's next poll forward; only the caller whose UPDATE matched polls it now."""
    now = now or timezone.now()
    feed = Feed.objects.filter(pk=feed_id).values("next_poll_at", "poll_interval").first()
    if feed is None:
        return False
    return bool(
        Feed.objects.due(now)
        .filter(pk=feed_id, next_poll_at=feed["next_poll_at"])
        .update(next_poll_at=now + feed["poll_interval"])
    )


def _feed_backoff(feed: Feed, *, retry_after: float | None) -> timedelta:
    backoff = min(feed.poll_interval * (2 ** min(feed.consecutive_failures, 10)), MAX_FEED_BACKOFF)
    return max(backoff, timedelta(seconds=retry_after or 0))


def feed_record_failure(*, feed_id: int, error: Exception | str, retry_after: float | None = None) -> Feed:
    """Count a failed poll; back off, and pause the feed after FEED_PAUSE_AFTER_FAILURES in a row."""
    now = timezone.now()
    with transaction.atomic():
        feed = Feed.objects.select_for_update().get(pk=feed_id)
        feed.consecutive_failures += 1
        feed.failure_score = round(feed.failure_score * (1 - FAILURE_SCORE_WEIGHT) + FAILURE_SCORE_WEIGHT, 4)
        feed.last_polled_at = now
        feed.last_error = _short_error(error)
        feed.last_error_at = now
        if feed.consecutive_failures >= settings.FEED_PAUSE_AFTER_FAILURES:
            feed.status = Feed.Status.PAUSED
            feed.paused_at = feed.paused_at or now
        elif feed.status != Feed.Status.PAUSED:
            feed.status = Feed.Status.FAILING
        feed.next_poll_at = now + _feed_backoff(feed, retry_after=retry_after)
        feed.save()
    logger.warning("feed %s failed (%s in a row): %s", feed.url, feed.consecutive_failures, error)
    return feed


def _feed_record_success(*, feed_id: int, updates: dict) -> None:
    """One UPDATE (a 304 re-poll should cost next to nothing): the failure run ends, the score
    decays, the next poll is one interval away."""
    now = timezone.now()
    Feed.objects.filter(pk=feed_id).update(
        **updates,
        status=Feed.Status.ACTIVE,
        consecutive_failures=0,
        failure_score=F("failure_score") * (1 - FAILURE_SCORE_WEIGHT),
        paused_at=None,
        last_polled_at=now,
        last_success_at=now,
        next_poll_at=now + F("poll_interval"),
    )


def feed_request_poll(*, feed_id: int) -> None:
    """Make the feed due now: beat's next tick polls it (poll now, when the queue cannot take a poll)."""
    Feed.objects.filter(pk=feed_id).update(next_poll_at=timezone.now())


def feed_resume(*, feed_id: int) -> None:
    Feed.objects.filter(pk=feed_id, status=Feed.Status.PAUSED).update(
        status=Feed.Status.FAILING, paused_at=None, consecutive_failures=0, next_poll_at=timezone.now()
    )


def feed_poll(*, feed: Feed) -> FeedPollResult:
    """One conditional GET of the feed; new entries become pending Articles.

    Entries whose article we already have are re-fetched when the feed says they were updated
    after our last fetch (live blogs). Failures are recorded on the feed and re-raised."""
    try:
        response = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT)
        if response.not_modified:
            _feed_record_success(feed_id=feed.pk, updates={})
            return FeedPollResult(not_modified=True)
        parsed = parse_feed(response.body, url=response.url, content_type=response.content_type)
    except (FetchError, FeedParseError) as error:
        feed_record_failure(feed_id=feed.pk, error=error, retry_after=getattr(error, "retry_after", None))
        raise
    urls = [entry.url for entry in parsed.entries]
    known = {
        row["url"]: row
        for row in Article.objects.filter(url__in=urls).values("id", "url", "fetched_at", "duplicate_of_id")
    }
    Article.objects.bulk_create(
        [
            Article(
                outlet_id=feed.outlet_id,
                feed=feed,
                url=entry.url,
                requested_url=entry.url,
                title=entry.title[:1000],
                published_at=entry.published,
                source_updated_at=entry.updated,
            )
            for entry in parsed.entries
            if entry.url not in known
        ],
        ignore_conflicts=True,  # another poll inserted it a moment ago: the constraint decides
    )
    new_ids = list(
        Article.objects.filter(url__in=[url for url in urls if url not in known], status=Article.Status.PENDING)
        .values_list("id", flat=True)
    )
    # An entry that turned out to be a copy refreshes the article it copies.
    refetch_ids = list(
        {
            known[entry.url]["duplicate_of_id"] or known[entry.url]["id"]
            for entry in parsed.entries
            if entry.url in known
            and entry.updated
            and known[entry.url]["fetched_at"]
            and entry.updated > known[entry.url]["fetched_at"]
        }
    )
    _feed_record_success(
        feed_id=feed.pk,
        updates={
            "etag": response.etag[:500],
            "last_modified": response.last_modified[:100],
            "title": feed.title or parsed.title[:500],
            "last_error": parsed.warning,
            "entries_without_link": parsed.entries_without_link,
        },
    )
    return FeedPollResult(
        not_modified=False, entries=len(parsed.entries), new_article_ids=new_ids, refetch_article_ids=refetch_ids
    )


# Articles ------------------------------------------------------------------------------------


def article_get_or_create_for_url(*, url: str, outlet: Outlet, feed: Feed | None = None) -> tuple[Article, bool]:
    """The Article for a canonical URL, created pending when new. Race-safe: get_or_create
    inserts inside a savepoint and falls back to reading the row the other writer committed."""
    canonical = canonicalize_url(url)
    return Article.objects.get_or_create(
        url=canonical, defaults={"outlet": outlet, "feed": feed, "requested_url": url}
    )


def article_record_failure(*, article_id: int, error: Exception | str, final: bool) -> None:
    """Record a failed attempt; the article is FAILED only when no retry will follow."""
    updates = {"last_error": _short_error(error), "last_error_at": timezone.now(), "updated_at": timezone.now()}
    if final:
        updates["status"] = Article.Status.FAILED
    Article.objects.filter(pk=article_id).update(**updates)


def _duplicate_of(*, article: Article, document: Document, content_hash: str) -> Article | None:
    """The article this one repeats: another with its rel=canonical URL, or the same text from the
    same outlet under another URL."""
    others = Article.objects.exclude(pk=article.pk)
    if document.url != article.url:
        same_url = others.filter(url=document.url).first()
        if same_url:
            return same_url
    return others.filter(outlet_id=article.outlet_id, content_hash=content_hash).exclude(content_hash="").first()


def article_store(*, article_id: int, document: Document, requested_at: datetime | None = None) -> str:
    """Put a parsed document on its Article: NEW the first time, UPDATED when the text changed,
    UNCHANGED otherwise, DUPLICATE when another article already holds the same page.

    fetched_at is when the page was requested (requested_at): a post edited while a slow page
    loaded is then newer than fetched_at, so the next feed poll fetches the page again."""
    content_hash = text_hash(document.text)
    now = requested_at or timezone.now()
    with transaction.atomic():
        # The outlet comes in the same read (its name may be adopted below), not locked with the article.
        article = Article.objects.select_for_update(of=("self",)).select_related("outlet").get(pk=article_id)
        first_time = article.fetched_at is None
        if article.status == Article.Status.DUPLICATE:
            return ArticleOutcome.DUPLICATE  # the article it copies is the one kept up to date
        if not first_time and article.fetched_at >= now:
            return ArticleOutcome.UNCHANGED  # a fetch requested later already stored a newer page
        duplicate = _duplicate_of(article=article, document=document, content_hash=content_hash)
        if duplicate is not None and first_time:
            article.status = Article.Status.DUPLICATE
            article.duplicate_of = duplicate
            article.fetched_at = now
            article.last_error = ""
            article.save()
            return ArticleOutcome.DUPLICATE
        if not first_time and article.content_hash == content_hash:
            article.fetched_at = now
            article.last_error = ""
            article.save(update_fields=["fetched_at", "last_error", "updated_at"])
            return ArticleOutcome.UNCHANGED
        if document.url != article.url and duplicate is None:
            article.url = document.url
        article.title = document.title[:1000] or article.title
        article.authors = document.authors
        article.published_at = document.published or article.published_at
        article.source_updated_at = document.updated or article.source_updated_at
        article.language = document.language
        article.warnings = document.warnings
        _outlet_adopt_site_name(article.outlet, site_name=document.site_name)
        article.is_live_blog = article.is_live_blog or document.declares_live_blog  # the split decides
        article.raw_html = document.raw_html
        article.text = document.text
        article.content_hash = content_hash
        article.status = Article.Status.FETCHED
        article.fetched_at = now
        article.last_error = ""
        article.extractor_version = EXTRACTOR_VERSION if document.raw_html else "plaintext"
        article.save()
    return ArticleOutcome.NEW if first_time else ArticleOutcome.UPDATED


def canonical_is_trusted(*, page_url: str, canonical_url: str) -> bool:
    """A page may name its canonical URL on its own site, or on one the deployment lists with it
    (INGEST_CANONICAL_DOMAIN_GROUPS): else a page on one host could take another's article URL."""
    page_site, canonical_site = registered_domain(page_url), registered_domain(canonical_url)
    return page_site == canonical_site or any(
        {page_site, canonical_site} <= group for group in settings.INGEST_CANONICAL_DOMAIN_GROUPS
    )


def article_fetch(*, article: Article) -> str:
    """Fetch the article's page and store it. FetchError and IngestError are left to the caller
    (the task decides between retry and final failure); the attempt is counted either way."""
    Article.objects.filter(pk=article.pk).update(fetch_attempts=article.fetch_attempts + 1)
    requested_at = timezone.now()
    response = fetch(article.requested_url or article.url, accept=PAGE_ACCEPT)
    document = document_from_body(body=response.body, content_type=response.content_type, url=response.url)
    if not canonical_is_trusted(page_url=response.url, canonical_url=document.url):
        logger.warning("%s names %s as its canonical URL: another site, ignored", response.url, document.url)
        document = dataclasses.replace(document, url=canonicalize_url(response.url))
    return article_store(article_id=article.pk, document=document, requested_at=requested_at)


def _document_passages(article: Article) -> DocumentPassages:
    return document_passages(
        raw_html=article.raw_html, text=article.text, url=article.url, published=article.published_at,
        declares_live_blog=article.is_live_blog, title=article.title,
    )


def article_split(*, article_id: int) -> SplitResult:
    """Bring the article's passages in line with its stored text.

    New posts are added; a post whose text changed gets a new version and the old row is kept
    (is_current=False) so attributions keep the words they were made from; live-blog posts
    missing from the page stay (pages drop old posts); article paragraphs that are gone are
    retired. Running it twice adds nothing."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.status == Article.Status.DUPLICATE:
            return SplitResult(added=0, revised=0, retired=0)
        document = _document_passages(article)
        current, latest_versions = {}, {}
        for passage in article.passages.defer("text"):  # one query; old versions count for numbering
            latest_versions[passage.key] = max(passage.version, latest_versions.get(passage.key, 0))
            if passage.is_current:
                current[passage.key] = passage
        new_passages, revised = [], 0
        for draft in document.drafts:
            digest = text_hash(draft.text)
            existing = current.get(draft.key)
            if existing is not None and existing.text_hash == digest:
                if existing.position != draft.position:
                    existing.position = draft.position
                    existing.save(update_fields=["position"])
                continue
            if existing is not None:
                # Retire the old version first: one current row per key is a database constraint.
                existing.is_current = False
                existing.save(update_fields=["is_current"])
                revised += 1
            new_passages.append(
                Passage(
                    article=article,
                    key=draft.key,
                    version=latest_versions.get(draft.key, 0) + 1,
                    is_current=True,
                    position=draft.position,
                    heading=draft.heading,
                    published_at=draft.published_at,
                    permalink=draft.permalink[:2000],
                    text=draft.text,
                    text_hash=digest,
                )
            )
        Passage.objects.bulk_create(new_passages)
        added = len(new_passages)
        retired = 0
        if not document.is_live_blog:
            gone = set(current) - {draft.key for draft in document.drafts}
            retired = article.passages.filter(key__in=gone, is_current=True).update(is_current=False)
        changed = []
        if article.status == Article.Status.FETCHED:
            article.status = Article.Status.SPLIT
            changed.append("status")
        if article.is_live_blog != document.is_live_blog:
            article.is_live_blog = document.is_live_blog
            changed.append("is_live_blog")
        if changed:
            article.save(update_fields=[*changed, "updated_at"])
    return SplitResult(added=added, revised=revised, retired=retired)


def article_refresh(*, article: Article) -> tuple[str, SplitResult | None]:
    """Fetch and split now, in this process (the management commands): no queue involved."""
    outcome = article_fetch(article=article)
    if outcome in (ArticleOutcome.NEW, ArticleOutcome.UPDATED):
        return outcome, article_split(article_id=article.pk)
    return outcome, None


def _article_snapshot(article: Article) -> dict:
    """What the audit trail keeps of an article's stored page."""
    return {
        "title": article.title, "outlet": article.outlet.name, "content_hash": article.content_hash,
        "characters": len(article.text),
    }


def day_start_utc(day: date | None) -> datetime | None:
    """A publication date a person gave, as the start of that day (UTC)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC) if day else None


def article_ingest_document(
    *, document: Document, outlet_name: str | None = None, published: datetime | None = None, user=None
) -> tuple[Article, str, SplitResult]:
    """Store and split a document that a person gave us (file, paste): no fetch involved.
    Without an outlet name, the publisher of the page's registered domain is its outlet.

    A document for an article we already hold replaces its text under the article's outlet; the
    earlier text stays as the earlier versions of its passages, as a live blog's edited posts
    do, and the replacement is announced (article_text_replaced) for the audit trail."""
    # The same address rules as the fetcher: a page must not make "127.0.0.1" an outlet.
    if refusal := url_refusal(document.url):
        raise IngestError(refusal)
    if published is not None:
        document = dataclasses.replace(document, published=published)
    if outlet_name:
        outlet = outlet_get_or_create(name=outlet_name)
    else:
        outlet = outlet_for_page(url=document.url, site_name=document.site_name)
    article, _ = article_get_or_create_for_url(url=document.url, outlet=outlet)
    before = _article_snapshot(article)
    Article.objects.filter(pk=article.pk).update(fetch_attempts=article.fetch_attempts + 1)
    outcome = article_store(article_id=article.pk, document=document)
    split = article_split(article_id=article.pk)
    article.refresh_from_db()
    if outcome == ArticleOutcome.UPDATED:
        article_text_replaced.send(
            sender=Article, article=article, user=user, before=before, after=_article_snapshot(article)
        )
    return article, outcome, split


# Uploads too large to ingest within the request ---------------------------------------------


def upload_queue(*, body: bytes, name: str, url: str, outlet_name: str, published, user) -> Upload:
    return Upload.objects.create(
        body=body, size=len(body), name=name[:300], url=url, outlet_name=outlet_name, published=published,
        created_by=user if user is not None and user.is_authenticated else None,
    )


def _upload_progress(upload_id: int, **updates) -> None:
    Upload.objects.filter(pk=upload_id).update(**updates, updated_at=timezone.now())


def upload_record_failure(*, upload_id: int, error: Exception | str) -> None:
    _upload_progress(upload_id, status=Upload.Status.FAILED, stage="", error=_short_error(error), body=b"")


def upload_ingest(*, upload_id: int) -> Article | None:
    """Parse, store and split a queued upload, saying at each step how far it got. Returns the
    article when it added passages (claim extraction is then the caller's to queue)."""
    upload = Upload.objects.filter(pk=upload_id, status=Upload.Status.QUEUED).first()
    if upload is None:
        return None  # already taken: running twice ingests once
    _upload_progress(upload_id, status=Upload.Status.RUNNING, stage="reading the page")
    try:
        document = document_from_upload(body=bytes(upload.body), name=upload.name, url=upload.url or None)
        _upload_progress(upload_id, stage="storing and splitting it into passages")
        article, outcome, split = article_ingest_document(
            document=document,
            outlet_name=upload.outlet_name or None,
            published=day_start_utc(upload.published),
            user=upload.created_by,
        )
    except IngestError as error:
        upload_record_failure(upload_id=upload_id, error=error)
        return None
    _upload_progress(
        upload_id, status=Upload.Status.DONE, stage=f"{outcome}, {split.added} passages added", article=article, body=b""
    )
    return article if split.added else None
