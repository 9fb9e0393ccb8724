from django.urls import path

from claims.desk import public

app_name = "factchecks"
urlpatterns = [
    path("", public.factcheck_index, name="index"),
    path("<int:factcheck_id>/", public.factcheck_page, name="page"),
    path("feed.rss", public.FactCheckRss(), name="rss"),
    path("feed.atom", public.FactCheckAtom(), name="atom"),
]
