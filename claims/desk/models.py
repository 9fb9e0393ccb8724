"""The desk's rows. Imported by claims.models, so they belong to the claims app."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models import Actor, Claim, SavedSearch

NOTE_EDIT_MINUTES = 10


class Assignment(models.Model):
    """Who checks a claim. A claim has at most one open assignment; reassigning closes the old one."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="assignments")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True, help_text="Reassigned, unassigned or given a final verdict")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["claim"], condition=Q(closed_at__isnull=True), name="assignment_one_open_per_claim"),
        ]
        # "My claims": a person's open assignments, oldest due first.
        indexes = [
            models.Index(fields=["assignee", "due_on"], condition=Q(closed_at__isnull=True), name="assignment_open_idx"),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} → {self.assignee_id}"


class Note(models.Model):
    """A plain-text note in a claim's thread. Never deleted: a removal hides the text and leaves a mark."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="note_text_not_empty")]
        indexes = [models.Index(fields=["claim", "created_at"], name="note_claim_idx")]

    def __str__(self) -> str:
        return f"note {self.pk} on claim {self.claim_id}"


class Follow(models.Model):
    """A person follows an actor (hears of its new claims) or a claim (hears of its verdicts)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="followers")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(actor__isnull=False, claim__isnull=True) | Q(actor__isnull=True, claim__isnull=False),
                name="follow_actor_or_claim",
            ),
            models.UniqueConstraint(fields=["user", "actor"], condition=Q(actor__isnull=False), name="follow_unique_actor"),
            models.UniqueConstraint(fields=["user", "claim"], condition=Q(claim__isnull=False), name="follow_unique_claim"),
        ]
        # Alert matching asks "who follows these actors / this claim" for each stored article or verdict.
        indexes = [
            models.Index(fields=["actor", "user"], condition=Q(actor__isnull=False), name="follow_actor_idx"),
            models.Index(fields=["claim", "user"], condition=Q(claim__isnull=False), name="follow_claim_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {'actor ' + str(self.actor_id) if self.actor_id else 'claim ' + str(self.claim_id)}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Assigned to you"
        MENTIONED = "mentioned", "Mentioned you"
        VERDICT = "verdict", "Verdict set"
        SEARCH_MATCH = "search_match", "New claim for a saved search"
        ACTOR_CLAIM = "actor_claim", "New claim by an actor you follow"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    caused_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    saved_search = models.ForeignKey(SavedSearch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    message = models.CharField(max_length=500)
    # What it is about ("note:7", "search:3:claim:12"): creating the same notification twice is a no-op.
    event_key = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event_key"], name="notification_unique_event"),
            models.CheckConstraint(condition=Q(kind__in=["assigned", "mentioned", "verdict", "search_match", "actor_claim"]),
                                   name="notification_kind_known"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx"),
            # The bell's count reads only unread rows.
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread_idx"),
            # Email delivery reads only the rows not sent yet.
            models.Index(fields=["recipient", "created_at"], condition=Q(emailed_at__isnull=True), name="notification_unsent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}: {self.message[:60]}"


class DeliverySettings(models.Model):
    """How a person gets notifications by email, and what happened to the last email."""

    class EmailMode(models.TextChoices):
        IMMEDIATE = "immediate", "Immediately"
        DAILY = "daily", "Daily digest"
        OFF = "off", "Never (in the app only)"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delivery_settings")
    email_mode = models.CharField(max_length=16, choices=EmailMode.choices, default=EmailMode.IMMEDIATE)
    last_email_at = models.DateTimeField(null=True, blank=True)
    last_email_error = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "delivery settings"
        constraints = [models.CheckConstraint(condition=Q(email_mode__in=["immediate", "daily", "off"]), name="delivery_email_mode_known")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_mode}"


class SearchSubscription(models.Model):
    """A saved search whose new claims are announced; a deployment may let it post to a webhook."""

    saved_search = models.OneToOneField(SavedSearch, on_delete=models.CASCADE, related_name="subscription")
    # The saved query compiled for alert matching (claims.desk.services.alerts); rebuilt when the query changes.
    criteria = models.JSONField(default=dict)
    webhook_url = models.URLField(max_length=500, blank=True)
    webhook_last_sent_at = models.DateTimeField(null=True, blank=True)
    webhook_last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"subscription to {self.saved_search_id}"


class AlertKey(models.Model):
    """One value a new claim must have for a subscription to be worth checking: an actor, a word's
    lexeme, a counted noun, an outlet, or "any" for searches with none of those."""

    class Kind(models.TextChoices):
        ACTOR = "actor", "Actor"
        LEXEME = "lexeme", "Word"
        NOUN = "noun", "Counted noun"
        OUTLET = "outlet", "Outlet"
        ANY = "any", "Any claim"

    subscription = models.ForeignKey(SearchSubscription, on_delete=models.CASCADE, related_name="keys")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "kind", "value"], name="alertkey_unique")]
        # Matching an article reads only the keys its claims have, with the subscription from the index.
        indexes = [models.Index(fields=["kind", "value"], include=["subscription"], name="alertkey_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.kind}={self.value}"


class FactCheck(models.Model):
    """A verdict written up for readers. Public (no login) while published; a draft otherwise."""

    class BodyFormat(models.TextChoices):
        PLAIN = "plain", "Plain text"
        MARKDOWN = "markdown", "Markdown"

    claim = models.OneToOneField(Claim, on_delete=models.PROTECT, related_name="fact_check")
    headline = models.CharField(max_length=300)
    summary = models.TextField()
    body = models.TextField(blank=True)
    body_format = models.CharField(max_length=10, choices=BodyFormat.choices, default=BodyFormat.PLAIN)
    # One source a line (a URL or a reference), shown under the body.
    evidence = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [("publish_factcheck", "Can publish and unpublish fact-checks")]
        constraints = [
            models.CheckConstraint(condition=~Q(headline="") & ~Q(summary=""), name="factcheck_headline_summary_not_empty"),
            models.CheckConstraint(condition=Q(body_format__in=["plain", "markdown"]), name="factcheck_body_format_known"),
        ]
        # The public index and feeds list published fact-checks, newest first.
        indexes = [models.Index(fields=["-published_at"], condition=Q(published_at__isnull=False), name="factcheck_published_idx")]

    def __str__(self) -> str:
        return self.headline
