"""Roles are Django groups with permissions; views check the permissions, never the group names."""

VIEWER, EDITOR, FACT_CHECKER = "viewer", "editor", "fact-checker"
ROLES = (VIEWER, EDITOR, FACT_CHECKER)

_VIEW_ALL = [
    f"{app}.view_{model}"
    for app, models in {
        "sources": ["outlet", "feed", "article", "passage"],
        "claims": [
            "actor", "actoralias", "claim", "attribution", "quantity", "verification",
            "evidence", "claimlink", "auditentry", "savedsearch", "assignment", "note", "factcheck",
        ],
    }.items()
    for model in models
]
_EDIT = [
    "claims.review_claim", "claims.change_claim", "claims.change_attribution",
    "claims.add_quantity", "claims.change_quantity", "claims.delete_quantity",
    "claims.add_actor", "claims.change_actor", "claims.add_actoralias", "claims.delete_actoralias",
    "claims.add_claimlink", "claims.change_claimlink", "claims.delete_claimlink",
    "sources.add_feed", "sources.change_feed", "sources.delete_feed", "sources.add_article", "sources.change_outlet",
    "claims.add_assignment", "claims.add_note",
]
_VERIFY = [
    "claims.set_verdict", "claims.add_verification", "claims.add_evidence",
    "claims.add_factcheck", "claims.change_factcheck", "claims.publish_factcheck",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    VIEWER: _VIEW_ALL,
    EDITOR: _VIEW_ALL + _EDIT,
    FACT_CHECKER: _VIEW_ALL + _EDIT + _VERIFY,
}


def sync_role_groups(group_model, permission_model) -> None:
    """Create or update the role groups so each holds exactly its permissions."""
    for role, codes in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            # Missing when an early migration runs this before a later one adds the model; the
            # migration that adds it runs this again.
            wanted.extend(permission_model.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def remember_roles(user, roles) -> None:
    """Keep the user's roles for the request (claims.auth_backend reads them with the permissions)."""
    user._claimtrack_roles = frozenset(roles)


def roles_of(user) -> frozenset[str]:
    if getattr(user, "_claimtrack_roles", None) is None:
        user.get_all_permissions()  # reads the roles too when RolesBackend is the backend
    if getattr(user, "_claimtrack_roles", None) is None:
        remember_roles(user, user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return user._claimtrack_roles
