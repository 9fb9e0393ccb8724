from django.urls import path

from sources import feed_views, views

app_name = "sources"

urlpatterns = [
    path("", views.ingestion_page, name="ingestion"),
    path("feeds/add", feed_views.feed_add, name="feed-add"),
    path("feeds/export.opml", feed_views.feeds_export, name="feeds-export"),
    path("feeds/import", feed_views.feeds_import, name="feeds-import"),
    path("feeds/<int:feed_id>/poll", views.feed_poll_now, name="feed-poll"),
    path("feeds/<int:feed_id>/poll/<uuid:task_id>", views.feed_poll_progress, name="feed-poll-progress"),
    path("feeds/<int:feed_id>/pause", feed_views.feed_pause, name="feed-pause"),
    path("feeds/<int:feed_id>/resume", feed_views.feed_resume, name="feed-resume"),
    path("feeds/<int:feed_id>/edit", feed_views.feed_edit, name="feed-edit"),
    path("feeds/<int:feed_id>/delete", feed_views.feed_delete, name="feed-delete"),
    path("fetch", feed_views.article_fetch_now, name="fetch"),
    path("fetch/<int:article_id>", feed_views.article_fetch_progress, name="fetch-progress"),
    path("outlets/merge", feed_views.outlet_merge, name="outlet-merge"),
    path("upload", views.upload, name="upload"),
    path("uploads/<int:upload_id>", views.upload_progress, name="upload-progress"),
]
