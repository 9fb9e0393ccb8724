from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def _forget_outlet_choices(sender, **kwargs):
    from django.core.cache import cache

    from sources.selectors import OUTLET_CHOICES_KEY

    cache.delete(OUTLET_CHOICES_KEY)


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources"

    def ready(self):
        # The cached outlet list lives until an outlet changes, from any path (services, admin, shell).
        post_save.connect(_forget_outlet_choices, sender="sources.Outlet", dispatch_uid="outlet-saved-choices")
        post_delete.connect(_forget_outlet_choices, sender="sources.Outlet", dispatch_uid="outlet-deleted-choices")
