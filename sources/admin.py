from django.contrib import admin

from sources.models import Article, Feed, Outlet, Passage, Upload


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "homepage", "created_at"]
    search_fields = ["name"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "outlet", "status", "consecutive_failures", "last_polled_at", "next_poll_at"]
    list_filter = ["status", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["url", "title", "outlet__name"]
    autocomplete_fields = ["outlet"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "last_success_at", "last_error", "last_error_at"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "status", "is_live_blog", "published_at", "fetch_attempts"]
    list_filter = ["status", "is_live_blog", "outlet", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url"]
    raw_id_fields = ["feed"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_at"
    show_full_result_count = False


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "position", "version", "is_current", "published_at"]
    list_filter = ["is_current"]
    list_select_related = ["article"]
    search_fields = ["heading", "permalink"]
    raw_id_fields = ["article"]
    show_full_result_count = False


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["name", "size", "status", "stage", "created_by", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "url"]
    raw_id_fields = ["article", "created_by"]
    exclude = ["body"]
