"""Settings for bench/ingest.py: the app as the environment configures it, plus what only a
benchmark may have. Never use this module in production.

- The fetcher may reach the benchmark's server on 127.0.0.1 (and only that private address).
- No politeness delay: every generated page is on that one host, and the benchmark measures the
  pipeline, not the delay we owe a real publisher.
- Claim extraction has a queue of its own, so ingestion and extraction can be timed apart.
- DEBUG off, as in production (config.settings.production): DEBUG keeps every query in memory.
"""

from config.settings import *  # noqa: F403

DEBUG = False
INGEST_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1/32"]
INGEST_HOST_DELAY = 0.0
CELERY_TASK_ROUTES = {"claims.tasks.article_extract_claims": {"queue": "extraction"}}
