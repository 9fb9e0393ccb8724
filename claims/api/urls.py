from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from claims.api import views

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="api-claim")
router.register("actors", views.ActorViewSet, basename="api-actor")
router.register("articles", views.ArticleViewSet, basename="api-article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view loads Swagger UI's start-up script as a file, not inline: our CSP allows no inline script.
    path(
        "schema/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    path("", include(router.urls)),
]
