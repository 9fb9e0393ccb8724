"""What was said: actors, their claims, where and how each claim was attributed, and verdicts."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from claims.extraction.statement import readable_statement
from sources.models import Outlet, Passage


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        GOVERNMENT = "government", "Government"
        MINISTRY = "ministry", "Ministry"
        MILITARY = "military", "Military unit"
        AGENCY = "agency", "Agency"
        ORGANISATION = "organisation", "Organisation"
        OUTLET = "outlet", "News outlet"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    country = models.CharField(max_length=100, blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True)
    description = models.TextField(blank=True)
    is_reviewed = models.BooleanField(
        default=True, help_text="False for actors the extractor created that no editor has checked yet"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_actors"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="actor_unique_name_ci"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="actor_not_own_parent"),
            models.CheckConstraint(condition=~Q(name=""), name="actor_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint("actor", Lower("alias"), name="alias_unique_per_actor_ci"),
            models.CheckConstraint(condition=~Q(alias=""), name="alias_not_empty"),
        ]
        indexes = [models.Index(Lower("alias"), name="alias_lower_idx")]

    def __str__(self) -> str:
        return f"{self.alias} → {self.actor_id}"


class Verdict(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    IN_PROGRESS = "in_progress", "In progress"
    VERIFIED = "verified", "Verified"
    PARTLY_VERIFIED = "partly_verified", "Partly verified"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


class Claim(models.Model):
    class ReviewState(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        ACCEPTED = "accepted", "Accepted"
        CORRECTED = "corrected", "Accepted with corrections"
        REJECTED = "rejected", "Rejected"

        @classmethod
        def confirmed(cls) -> tuple[str, ...]:
            """An editor stands by the claim's words and speaker."""
            return (cls.ACCEPTED, cls.CORRECTED)

    class Kind(models.TextChoices):
        FACT = "fact", "Checkable fact"
        OPINION = "opinion", "Opinion or prediction"

    text = models.TextField(help_text="The claim's content, as a statement")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.FACT)
    # The first attribution's actor and date, kept on the claim so lists and search need no join.
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    asserted_on = models.DateField(null=True, blank=True)
    event_date = models.DateField(null=True, blank=True)
    review_state = models.CharField(max_length=16, choices=ReviewState.choices, default=ReviewState.PENDING)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, default=Verdict.UNVERIFIED)
    unverified_marker = models.BooleanField(
        default=False, help_text="The text itself says the claim could not be independently verified"
    )
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped by every edit")
    human_touched = models.BooleanField(
        default=False, help_text="An editor or fact-checker changed it: re-extraction must leave it alone"
    )
    rule = models.CharField(max_length=100, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-asserted_on", "-id"]
        permissions = [
            ("review_claim", "Can accept, correct or reject extracted claims"),
            ("set_verdict", "Can set a claim's verdict"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="claim_text_not_empty"),
            models.CheckConstraint(condition=Q(version__gte=1), name="claim_version_positive"),
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="claim_verdict_known"
            ),
            models.CheckConstraint(
                condition=Q(review_state__in=["pending", "accepted", "corrected", "rejected"]),
                name="claim_review_state_known",
            ),
        ]
        indexes = [
            models.Index(fields=["review_state", "-created_at"], name="claim_review_queue_idx"),
            models.Index(fields=["actor", "-asserted_on"], name="claim_actor_date_idx"),
            models.Index(fields=["verdict", "-asserted_on"], name="claim_verdict_date_idx"),
            models.Index(fields=["-asserted_on", "-id"], name="claim_date_idx"),
            # Actor pages count claims by verdict and week from this index alone (no table reads).
            models.Index(fields=["actor", "verdict", "asserted_on"], name="claim_actor_verdict_idx"),
            # In id order like attribution_outlet_claim_idx: "outlet + review state" counts by merging
            # the two indexes, reading no claim rows.
            models.Index(fields=["review_state", "id"], name="claim_review_state_id_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def statement(self) -> str:
        """The claim as people read it on its own: "it shot down 12 drones" names who "it" is. Lists, search
        results and exports show this; `text` stays the verbatim content span. Load `actor` with the claim."""
        return readable_statement(self.text, self.actor.name if self.actor_id else None)


class Attribution(models.Model):
    """One place where a claim was asserted: who said it, in which passage, with which words."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="attributions")
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="attributions")
    via = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="relayed_attributions",
        help_text="Intermediary that relayed the claim, e.g. RIA citing the Defense Ministry",
    )
    passage = models.ForeignKey(Passage, on_delete=models.PROTECT, related_name="attributions")
    # The passage's article's outlet, kept here so "claims any of whose reports are from this outlet"
    # reads one index (attribution_outlet_claim_idx) instead of joining passages and articles.
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="+", db_index=False)
    sentence = models.TextField()
    source_mention = models.CharField(max_length=500, blank=True)
    cue = models.CharField(max_length=200)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    content_start = models.PositiveIntegerField()
    content_end = models.PositiveIntegerField()
    asserted_on = models.DateField(null=True, blank=True)
    event_date = models.DateField(null=True, blank=True)
    event_time_text = models.CharField(max_length=100, blank=True)
    rule = models.CharField(max_length=100, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["asserted_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(content_start__lt=F("content_end")), name="attribution_content_span_order"),
            models.CheckConstraint(
                condition=Q(source_start__isnull=True, source_end__isnull=True)
                | Q(source_start__lt=F("source_end")),
                name="attribution_source_span_order",
            ),
            models.CheckConstraint(
                condition=Q(cue_start__isnull=True, cue_end__isnull=True) | Q(cue_start__lt=F("cue_end")),
                name="attribution_cue_span_order",
            ),
            models.UniqueConstraint(fields=["claim", "passage", "content_start"], name="attribution_unique_place"),
        ]
        indexes = [
            models.Index(fields=["actor", "-asserted_on"], name="attribution_actor_date_idx"),
            models.Index(fields=["passage"], name="attribution_passage_idx"),
            models.Index(fields=["outlet", "claim"], name="attribution_outlet_claim_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor or 'unknown'} {self.cue}: {self.claim_id}"


class Quantity(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quantities")
    value = models.DecimalField(max_digits=30, decimal_places=6)
    value_max = models.DecimalField(max_digits=30, decimal_places=6, null=True, blank=True)
    total = models.DecimalField(
        max_digits=30, decimal_places=6, null=True, blank=True, help_text='The whole in "17 of 22"'
    )
    unit = models.CharField(max_length=20, blank=True, help_text="Currency code, %, km, ...")
    noun = models.CharField("counted noun", max_length=100, blank=True)
    approximate = models.BooleanField(default=False)
    qualifier = models.CharField(max_length=40, blank=True, help_text='"at least", "about", "up to", ...')
    text = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["claim", "id"]
        verbose_name_plural = "quantities"
        constraints = [
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=F("value")), name="quantity_range_order"
            ),
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(total__gte=F("value")), name="quantity_part_within_total"
            ),
        ]
        # With the claim id in the index, "drones >= 10" finds its claims without reading quantity rows.
        indexes = [models.Index(fields=["noun", "value"], include=["claim"], name="quantity_noun_value_idx")]

    def __str__(self) -> str:
        return self.text or f"{self.value} {self.noun}".strip()


class Verification(models.Model):
    """One verdict change. Append-only: the claim's history is these rows in order."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verifications")
    verdict = models.CharField(max_length=16, choices=Verdict.choices)
    previous_verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    note = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(note=""), name="verification_note_required"),
            models.CheckConstraint(condition=Q(verdict__in=Verdict.values), name="verification_verdict_known"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.get_verdict_display()}"


class Evidence(models.Model):
    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    verification = models.ForeignKey(
        Verification, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    url = models.URLField(max_length=2000, blank=True)
    text = models.TextField(blank=True)
    source_name = models.CharField(max_length=300, blank=True)
    source_actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    is_independent = models.BooleanField(help_text="Is the source independent of the claimant?")
    stance = models.CharField(max_length=16, choices=Stance.choices)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "created_at"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(condition=~Q(url="") | ~Q(text=""), name="evidence_url_or_text"),
        ]

    def __str__(self) -> str:
        return self.url or self.text[:60]


class ClaimLink(models.Model):
    class Kind(models.TextChoices):
        CONTRADICTS = "contradicts", "Contradicts"
        CORROBORATES = "corroborates", "Corroborates"
        UPDATES = "updates", "Updates"
        DUPLICATES = "duplicates", "Duplicates"

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested by the extractor"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Dismissed"

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.CONFIRMED)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_claim=F("to_claim")), name="claimlink_not_self"),
            models.UniqueConstraint(fields=["from_claim", "to_claim", "kind"], name="claimlink_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim_id} {self.kind} {self.to_claim_id}"


class AuditEntry(models.Model):
    """Append-only record of every change a person (or the system) made: who, when, what."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=50)
    object_type = models.CharField(max_length=50)
    object_id = models.BigIntegerField()
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id", "-created_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}#{self.object_id}"


class SavedSearch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=200)
    query = models.CharField(max_length=2000, help_text="The search page's query string")
    last_seen_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "saved searches"
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="savedsearch_unique_name_per_user")]

    def __str__(self) -> str:
        return self.name


class UserPreferences(models.Model):
    """Choices a person makes once and expects the app to remember on any browser."""

    class QueueDensity(models.TextChoices):
        COMFORTABLE = "comfortable", "Comfortable"
        COMPACT = "compact", "Compact"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences")
    queue_density = models.CharField(max_length=16, choices=QueueDensity.choices, default=QueueDensity.COMFORTABLE)
    time_zone = models.CharField(max_length=64, blank=True, help_text="An IANA name; empty: the newsroom's")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "user preferences"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(queue_density__in=["comfortable", "compact"]), name="userpreferences_known_density"
            ),
        ]

    def __str__(self) -> str:
        return f"preferences of user {self.user_id}"
# The desk (assignments, notes, notifications, alerts) keeps its rows in this app.
from claims.desk.models import (  # noqa: E402,F401
    AlertKey, Assignment, DeliverySettings, FactCheck, Follow, Note, Notification, SearchSubscription,
)
