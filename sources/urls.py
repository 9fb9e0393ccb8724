from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("", views.ingestion_page, name="ingestion"),
    path("feeds/<int:feed_id>/poll", views.feed_poll_now, name="feed-poll"),
    path("feeds/<int:feed_id>/poll/<uuid:task_id>", views.feed_poll_progress, name="feed-poll-progress"),
    path("upload", views.upload, name="upload"),
    path("uploads/<int:upload_id>", views.upload_progress, name="upload-progress"),
]
