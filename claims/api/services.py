"""Writes for the API: each person's token."""

from django.db import transaction
from rest_framework.authtoken.models import Token


@transaction.atomic
def api_token_issue(*, user, rotate: bool = False) -> Token:
    """The user's API token, made on first use; `rotate` replaces it so the old one stops working."""
    if rotate:
        Token.objects.filter(user=user).delete()
    token, _ = Token.objects.get_or_create(user=user)
    return token
