"""Settings for the real worker process the ingestion worker test starts: the project's own,
plus what only tests may do (reach the fixture server on 127.0.0.1, no politeness delay)."""

from config.settings import *  # noqa: F403

INGEST_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1/32"]
INGEST_HOST_DELAY = 0.0
