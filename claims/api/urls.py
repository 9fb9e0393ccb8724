from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from claims.api import views

router = DefaultRouter()
router.register("claims", views.ClaimViewSet, basename="api-claim")
router.register("actors", views.ActorViewSet, basename="api-actor")
router.register("articles", views.ArticleViewSet, basename="api-article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include(router.urls)),
]
