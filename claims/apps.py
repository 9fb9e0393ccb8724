from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_role_groups(sender, using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    from claims.roles import sync_role_groups

    if Permission.objects.using(using).filter(content_type__app_label="claims").exists():
        sync_role_groups(Group, Permission)


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self):
        # The migration creates the role groups once; a database flush (transactional tests,
        # `manage.py flush`) empties them, and post_migrate runs after both, so they come back.
        post_migrate.connect(_sync_role_groups, sender=self, dispatch_uid="claims-sync-role-groups")
        from claims.search import rum  # noqa: F401 (registers the system check for the RUM index)
