"""Django's model backend, reading a person's permissions and roles from the cache, or in one query.

ModelBackend reads the user's own permissions and their groups' in two queries, and the roles
context processor read the groups in a third; every page asks for all of them. Here they are read in
one query and kept in the cache under a generation that any change of roles or permissions replaces
(permissions_changed, connected in claims.apps), so a page usually reads none.
"""

from uuid import uuid4

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import CharField, Value

from claims.roles import ROLES, remember_roles

GENERATION_KEY = "auth:permissions-generation"
PERMISSIONS_TIMEOUT = 300  # seconds; bounds how long a change made without signals (raw SQL) goes unseen


def permissions_changed(**kwargs) -> None:
    """Every cached set of permissions is stale: a user's roles or permissions, or a group's, changed."""
    cache.set(GENERATION_KEY, uuid4().hex, None)


def _permissions_and_roles(user) -> tuple[set[str], frozenset[str]]:
    through_groups = Group.objects.filter(user=user).order_by().values_list(
        "name", "permissions__content_type__app_label", "permissions__codename"
    )
    own = Permission.objects.filter(user=user).order_by().values_list(
        Value("", output_field=CharField()), "content_type__app_label", "codename"
    )
    rows = list(through_groups.union(own, all=True))
    permissions = {f"{app_label}.{codename}" for _, app_label, codename in rows if codename}
    return permissions, frozenset(group for group, _, _ in rows if group in ROLES)


class RolesBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None or user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            key = f"auth:permissions:{user_obj.pk}"
            cached = cache.get_many([GENERATION_KEY, key])  # one round trip
            generation, entry = cached.get(GENERATION_KEY), cached.get(key)
            if generation is not None and entry is not None and entry[0] == generation:
                permissions, roles = entry[1], entry[2]
            else:
                permissions, roles = _permissions_and_roles(user_obj)
                if generation is None:
                    permissions_changed()  # entries are kept only under a generation, so a lost one drops them all
                else:
                    cache.set(key, (generation, permissions, roles), PERMISSIONS_TIMEOUT)
            user_obj._perm_cache = permissions
            remember_roles(user_obj, roles)
        return user_obj._perm_cache
