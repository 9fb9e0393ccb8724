"""API token authentication with an age limit the deployment sets (API_TOKEN_MAX_AGE_DAYS)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        max_age = settings.API_TOKEN_MAX_AGE_DAYS
        if max_age and token.created < timezone.now() - timedelta(days=max_age):
            raise AuthenticationFailed(f"Token expired ({max_age} days old): issue a new one on the API token page.")
        return user, token
