"""Following an actor (its new claims) or a claim (its verdicts). A personal choice: not audited."""

from claims.desk.models import Follow
from claims.models import Actor, Claim


def follow_set(*, user, following: bool, actor: Actor | None = None, claim: Claim | None = None) -> bool:
    """Follow or stop following exactly one of `actor` / `claim`; returns whether the user now follows it."""
    if (actor is None) == (claim is None):
        raise ValueError("Follow an actor or a claim, not both or neither.")
    target = {"actor": actor} if actor is not None else {"claim": claim}
    if following:
        Follow.objects.get_or_create(user=user, **target)
    else:
        Follow.objects.filter(user=user, **target).delete()
    return following
