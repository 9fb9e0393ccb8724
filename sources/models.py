"""Where text comes from: outlets, their feeds, the articles fetched, and the passages in them."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def default_poll_interval() -> timedelta:
    return timedelta(seconds=settings.FEED_DEFAULT_POLL_INTERVAL)


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    homepage = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FeedQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status__in=[Feed.Status.ACTIVE, Feed.Status.FAILING]).filter(
            Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
        )


class Feed(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        FAILING = "failing", "Failing"
        PAUSED = "paused", "Paused"

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="feeds")
    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=500, blank=True)
    poll_interval = models.DurationField(default=default_poll_interval)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    consecutive_failures = models.PositiveIntegerField(default=0)
    failure_score = models.FloatField(default=0.0)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["outlet__name", "url"]
        indexes = [models.Index(fields=["status", "next_poll_at"], name="feed_due_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(failure_score__gte=0), name="feed_failure_score_non_negative"),
            models.CheckConstraint(condition=Q(poll_interval__gt=timedelta(0)), name="feed_poll_interval_positive"),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class Article(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be fetched"
        FETCHED = "fetched", "Fetched"
        SPLIT = "split", "Split into passages"
        EXTRACTED = "extracted", "Claims extracted"
        SKIPPED = "skipped", "Not extracted (language)"
        FAILED = "failed", "Failed"
        DUPLICATE = "duplicate", "Duplicate of another article"

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    url = models.URLField("canonical URL", max_length=2000, unique=True)
    requested_url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=1000, blank=True)
    authors = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    source_updated_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)
    is_live_blog = models.BooleanField(default=False)
    raw_html = models.TextField(blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    fetch_attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    # Set when the page's rel=canonical, or the same text from the same outlet, is already stored.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["outlet", "-published_at"], name="article_outlet_published_idx"),
            models.Index(fields=["status", "-updated_at"], name="article_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class PassageQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)


class Passage(models.Model):
    """One live-blog post or article section, as a text snapshot.

    The text of a row never changes: when a re-fetched post has new text, a new version row is
    added and the old one kept (is_current=False), so attributions keep their character spans.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="passages")
    key = models.CharField(max_length=200, help_text="Stable identity of the post within its article")
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    heading = models.CharField(max_length=1000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    permalink = models.URLField(max_length=2000, blank=True)
    text = models.TextField()
    text_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PassageQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "version"]
        constraints = [
            models.UniqueConstraint(fields=["article", "key", "version"], name="passage_unique_version"),
            models.UniqueConstraint(
                fields=["article", "key"], condition=Q(is_current=True), name="passage_one_current_version"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="passage_version_positive"),
        ]
        indexes = [models.Index(fields=["article", "is_current", "position"], name="passage_article_current_idx")]

    def __str__(self) -> str:
        label = self.heading or self.text[:60]
        return f"{label} (v{self.version})" if self.version > 1 else label
