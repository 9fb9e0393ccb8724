"""The desk's rows in the Django admin (imported by claims.admin)."""

from django.contrib import admin

from claims.desk.models import AlertKey, Assignment, DeliverySettings, FactCheck, Follow, Note, Notification, SearchSubscription


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["claim", "assignee", "assigned_by", "due_on", "created_at", "closed_at"]
    list_select_related = ["claim", "assignee", "assigned_by"]
    list_filter = ["closed_at"]
    raw_id_fields = ["claim"]
    search_fields = ["claim__text", "assignee__username"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["claim", "author", "created_at", "edited_at", "removed_at"]
    list_select_related = ["claim", "author"]
    raw_id_fields = ["claim"]
    search_fields = ["text"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "actor", "claim", "created_at"]
    list_select_related = ["user", "actor", "claim"]
    raw_id_fields = ["actor", "claim"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "message", "created_at", "read_at", "emailed_at"]
    list_select_related = ["recipient"]
    list_filter = ["kind"]
    raw_id_fields = ["claim", "saved_search"]
    search_fields = ["message"]
    show_full_result_count = False


@admin.register(DeliverySettings)
class DeliverySettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "email_mode", "last_email_at", "last_email_error"]
    list_select_related = ["user"]


class AlertKeyInline(admin.TabularInline):
    model = AlertKey
    extra = 0


@admin.register(SearchSubscription)
class SearchSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["saved_search", "webhook_url", "webhook_last_sent_at", "webhook_last_error"]
    list_select_related = ["saved_search"]
    inlines = [AlertKeyInline]


@admin.register(FactCheck)
class FactCheckAdmin(admin.ModelAdmin):
    list_display = ["headline", "claim", "author", "published_at"]
    list_select_related = ["claim", "author"]
    raw_id_fields = ["claim"]
    search_fields = ["headline", "summary"]
