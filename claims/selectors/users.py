"""What a person chose for themselves."""

from django.conf import settings

from claims.models import UserPreferences


def preferences_of(user) -> UserPreferences:
    """The saved choices, or the defaults (unsaved) for someone who never chose."""
    return UserPreferences.objects.filter(user=user).first() or UserPreferences(user=user)


def prefers_compact_cards(user) -> bool:
    return preferences_of(user).queue_density == UserPreferences.QueueDensity.COMPACT


def time_zone_of(user) -> str:
    """Where the person reads times outside a request (emails); pages get it from the session."""
    return preferences_of(user).time_zone or settings.NEWSROOM_TIME_ZONE
