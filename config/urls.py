from django.contrib import admin
from django.urls import include, path

from config import health
from config.ops.views import ops_page

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("ops/", ops_page, name="ops"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("ingestion/", include("sources.urls")),
    path("search/", include("claims.search.urls")),
    path("api/", include("claims.api.urls")),
    path("desk/", include("claims.desk.urls")),
    path("factchecks/", include("claims.desk.public_urls")),
    path("", include("claims.urls")),
]
