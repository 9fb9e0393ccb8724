"""Settings for bench/soak.py (and its short form in tests/ops): the app exactly as the
environment configures it, plus what only a soak may have. Never use this module in production.

- The fetcher may reach the newsroom simulator on 127.0.0.1 (and only that private address).
- The clocks run faster: the simulated outlets all share one host, and a soak of minutes must see
  the heartbeat and the stalled-article sweeper act, which production runs every minute.
"""

from config.env import env_float
from config.settings import *  # noqa: F403
from config.settings import CELERY_BEAT_SCHEDULE

INGEST_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1/32"]
INGEST_HOST_DELAY = 0.05

_PERIODIC_SECONDS = env_float("SOAK_PERIODIC_SECONDS", 10.0, minimum=1)
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "worker-heartbeat": {**CELERY_BEAT_SCHEDULE["worker-heartbeat"], "schedule": _PERIODIC_SECONDS},
    "requeue-stalled-articles": {**CELERY_BEAT_SCHEDULE["requeue-stalled-articles"], "schedule": _PERIODIC_SECONDS},
}
