from django.urls import path

from claims.desk.views import claim_panels, compare, factchecks, pages

app_name = "desk"
urlpatterns = [
    path("my-claims/", pages.my_claims, name="my_claims"),
    path("counts/", pages.nav_counts, name="nav_counts"),
    path("notifications/", pages.notifications, name="notifications"),
    path("notifications/read/", pages.notifications_read, name="notifications_read"),
    path("settings/", pages.delivery_settings, name="settings"),
    path("claims/<int:claim_id>/assign/", claim_panels.claim_assign_view, name="claim_assign"),
    path("claims/<int:claim_id>/unassign/", claim_panels.claim_unassign_view, name="claim_unassign"),
    path("claims/<int:claim_id>/notes/", claim_panels.note_add_view, name="note_add"),
    path("claims/<int:claim_id>/follow/", claim_panels.claim_follow_view, name="claim_follow"),
    path("claims/<int:claim_id>/similar/", claim_panels.claim_similar_view, name="claim_similar"),
    path("notes/<int:note_id>/edit/", claim_panels.note_edit_view, name="note_edit"),
    path("notes/<int:note_id>/remove/", claim_panels.note_remove_view, name="note_remove"),
    path("claims/<int:claim_id>/factcheck/", factchecks.factcheck_edit, name="factcheck_edit"),
    path("factchecks/<int:factcheck_id>/publish/", factchecks.factcheck_publish_view, name="factcheck_publish"),
    path("compare/", compare.compare, name="compare"),
    path("links/<int:link_id>/status/", compare.link_status, name="link_status"),
    path("actors/<int:actor_id>/follow/", pages.actor_follow, name="actor_follow"),
    path("saved/<int:saved_search_id>/subscription/", pages.saved_search_subscription, name="saved_search_subscription"),
]
