from django.apps import AppConfig
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save


def _sync_role_groups(sender, using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    from claims.roles import sync_role_groups

    if Permission.objects.using(using).filter(content_type__app_label="claims").exists():
        sync_role_groups(Group, Permission)


def _remember_time_zone(sender, request, user, **kwargs):
    """The person's time zone rides in the session, so showing times costs no query per page."""
    from claims.selectors.users import preferences_of
    from config.middleware import TIME_ZONE_SESSION_KEY

    if request is not None and hasattr(request, "session"):
        request.session[TIME_ZONE_SESSION_KEY] = preferences_of(user).time_zone


def _audit_ingestion_change(sender, *, user, action, obj, before=None, after=None, **kwargs):
    from claims.services.audit import audit_record

    audit_record(user=user, action=action, obj=obj, before=before, after=after)


def _permissions_changed_if_created(sender, created, **kwargs):
    from claims.auth_backend import permissions_changed

    if created:
        permissions_changed()


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self):
        # The migration creates the role groups once; a database flush (transactional tests,
        # `manage.py flush`) empties them, and post_migrate runs after both, so they come back.
        post_migrate.connect(_sync_role_groups, sender=self, dispatch_uid="claims-sync-role-groups")
        from claims.api.token_revocation import api_tokens_revoke_on_credentials_change
        from claims.services.audit import audit_article_text_replaced
        from sources.signals import article_text_replaced

        pre_save.connect(
            api_tokens_revoke_on_credentials_change, sender=settings.AUTH_USER_MODEL, dispatch_uid="claims-revoke-tokens"
        )
        article_text_replaced.connect(audit_article_text_replaced, dispatch_uid="claims-audit-article-text-replaced")
        user_logged_in.connect(_remember_time_zone, dispatch_uid="claims-remember-time-zone")
        # Editors' changes to feeds and outlets join the audit trail (sources cannot import claims).
        from sources.signals import editor_changed_ingestion

        editor_changed_ingestion.connect(_audit_ingestion_change, dispatch_uid="claims-audit-ingestion")
        from claims.search import rum  # noqa: F401 (registers the system check for the RUM index)
        from claims import tasks  # noqa: F401 (registers the task ingestion hands articles to by name)

        self._forget_cached_permissions_on_change()

    @staticmethod
    def _forget_cached_permissions_on_change():
        """Pages read permissions and roles from the cache (claims.auth_backend); any change to who has which
        role or permission starts a new generation there. A new user counts too: SQLite reuses an id."""
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group, Permission

        from claims.auth_backend import permissions_changed

        user = get_user_model()
        for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
            m2m_changed.connect(permissions_changed, sender=through, dispatch_uid=f"claims-permissions-{through.__name__}")
        for model in (Group, Permission, user):
            post_delete.connect(permissions_changed, sender=model, dispatch_uid=f"claims-permissions-del-{model.__name__}")
        for model in (Group, Permission):
            post_save.connect(permissions_changed, sender=model, dispatch_uid=f"claims-permissions-save-{model.__name__}")
        post_save.connect(_permissions_changed_if_created, sender=user, dispatch_uid="claims-permissions-new-user")
