from django.contrib import admin

from claims.models import (
    Actor,
    ActorAlias,
    Attribution,
    AuditEntry,
    Claim,
    ClaimLink,
    Evidence,
    Quantity,
    SavedSearch,
    Verification,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows kept as a record: shown to everyone, changed by no one here, superusers included."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "country", "is_reviewed"]
    list_filter = ["kind", "is_reviewed", "country"]
    list_select_related = ["parent"]
    search_fields = ["name", "aliases__alias", "wikidata_id"]
    autocomplete_fields = ["parent", "merged_into"]
    inlines = [ActorAliasInline]
    show_full_result_count = False


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "actor"]
    list_select_related = ["actor"]
    search_fields = ["alias", "actor__name"]
    autocomplete_fields = ["actor"]


class AttributionInline(admin.TabularInline):
    model = Attribution
    extra = 0
    raw_id_fields = ["passage", "actor", "via"]


class QuantityInline(admin.TabularInline):
    model = Quantity
    extra = 0


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "actor", "asserted_on", "review_state", "verdict", "human_touched"]
    list_filter = ["review_state", "verdict", "kind", "human_touched"]
    list_select_related = ["actor"]
    search_fields = ["text"]
    autocomplete_fields = ["actor"]
    raw_id_fields = ["reviewed_by"]
    # A verdict changes through the verdict service only, which writes its Verification and audit entry.
    readonly_fields = ["verdict"]
    date_hierarchy = "asserted_on"
    inlines = [AttributionInline, QuantityInline]
    show_full_result_count = False


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    list_display = ["claim", "actor", "cue", "via", "asserted_on"]
    list_select_related = ["claim", "actor", "via"]
    search_fields = ["sentence", "source_mention", "cue"]
    raw_id_fields = ["claim", "passage", "actor", "via"]
    show_full_result_count = False


@admin.register(Quantity)
class QuantityAdmin(admin.ModelAdmin):
    list_display = ["text", "value", "total", "unit", "noun", "approximate"]
    list_filter = ["approximate", "unit"]
    search_fields = ["text", "noun"]
    raw_id_fields = ["claim"]
    show_full_result_count = False


@admin.register(Verification)
class VerificationAdmin(ReadOnlyAdmin):
    """The verdict history: written by the verdict service only."""

    list_display = ["claim", "verdict", "previous_verdict", "created_by", "created_at"]
    list_filter = ["verdict"]
    list_select_related = ["claim", "created_by"]
    raw_id_fields = ["claim", "created_by"]
    show_full_result_count = False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim", "stance", "is_independent", "source_name"]
    list_filter = ["stance", "is_independent"]
    list_select_related = ["claim"]
    search_fields = ["url", "text", "source_name"]
    raw_id_fields = ["claim", "verification", "source_actor", "added_by"]


@admin.register(ClaimLink)
class ClaimLinkAdmin(admin.ModelAdmin):
    list_display = ["from_claim", "kind", "to_claim", "status", "created_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["from_claim", "to_claim"]
    raw_id_fields = ["from_claim", "to_claim", "created_by"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit trail is append-only."""

    list_display = ["created_at", "user", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    list_select_related = ["user"]
    search_fields = ["object_type", "action"]
    show_full_result_count = False


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "last_seen_at"]
    list_select_related = ["user"]
    search_fields = ["name"]
    raw_id_fields = ["user"]


import claims.desk.admin  # noqa: E402,F401  registers the desk models
