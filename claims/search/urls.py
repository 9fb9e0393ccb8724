from django.urls import path

from claims.search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("count/", views.result_count, name="result_count"),
    path("actors/", views.actor_options, name="actor_options"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("saved/", views.saved_searches, name="saved_searches"),
    path("saved/<int:saved_search_id>/", views.saved_search_detail, name="saved_search_detail"),
    path("saved/<int:saved_search_id>/delete/", views.saved_search_remove, name="saved_search_remove"),
    path("claims/<int:claim_id>/claimreview.jsonld", views.claimreview_download, name="claimreview"),
    path("api-token/", views.api_token, name="api_token"),
]
