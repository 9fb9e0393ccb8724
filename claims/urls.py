from django.urls import path

from claims.views import home

urlpatterns = [
    path("", home.home, name="home"),
]
