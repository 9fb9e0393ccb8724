from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.models import Group
from django.db import transaction

from claims.roles import ROLES


@transaction.atomic
def user_create_with_role(*, username: str, password: str, role: str, email: str = "") -> tuple[object, bool]:
    """Create the user (or update an existing one's password) and give it exactly one role.
    A password the validators refuse raises ValidationError and changes nothing."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    validate_password(password, user=user)
    user.set_password(password)
    if email:
        user.email = email
    user.save()
    user.groups.remove(*Group.objects.filter(name__in=ROLES).exclude(name=role))
    user.groups.add(Group.objects.get(name=role))
    return user, created
