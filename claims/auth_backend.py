"""Django's model backend, reading a person's permissions and roles in one query per request.

ModelBackend reads the user's own permissions and their groups' in two queries, and the roles
context processor read the groups in a third; every page asks for all of them.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import CharField, Value

from claims.roles import ROLES, remember_roles


class RolesBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None or user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            through_groups = Group.objects.filter(user=user_obj).order_by().values_list(
                "name", "permissions__content_type__app_label", "permissions__codename"
            )
            own = Permission.objects.filter(user=user_obj).order_by().values_list(
                Value("", output_field=CharField()), "content_type__app_label", "codename"
            )
            rows = list(through_groups.union(own, all=True))
            user_obj._perm_cache = {f"{app_label}.{codename}" for _, app_label, codename in rows if codename}
            remember_roles(user_obj, {group for group, _, _ in rows if group in ROLES})
        return user_obj._perm_cache
