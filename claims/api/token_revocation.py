"""API tokens die with the password they were issued under, and with the account's activity.

A receiver, not a service: passwords change in the admin, in add_user, in Django's password views
and in the shell, and every one of those paths ends in User.save()."""

from rest_framework.authtoken.models import Token

_WATCHED_FIELDS = {"password", "is_active"}


def api_tokens_revoke_on_credentials_change(sender, instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None or (update_fields is not None and not _WATCHED_FIELDS & set(update_fields)):
        return  # a new user has no token; a last_login update changes neither field
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before and (before["password"] != instance.password or (before["is_active"] and not instance.is_active)):
        Token.objects.filter(user_id=instance.pk).delete()
