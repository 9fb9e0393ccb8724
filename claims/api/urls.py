from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from claims.api import views

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="api-claim")
router.register("actors", views.ActorViewSet, basename="api-actor")
router.register("articles", views.ArticleViewSet, basename="api-article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("schema/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
