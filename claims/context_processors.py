from claims.roles import roles_of


def roles(request):
    """Expose the user's roles to templates for showing or hiding links (views still check)."""
    user = getattr(request, "user", None)
    return {"user_roles": roles_of(user) if user is not None and user.is_authenticated else frozenset()}
