"""Reads on a PostgreSQL streaming replica (DATABASE_REPLICA_URL), for the views that only read.

Search, exports, the API's reads and autocomplete run inside `replica_reads()`: their reads go to the
replica while it is up and no further behind than DATABASE_REPLICA_MAX_LAG_SECONDS, and everything else
to the primary. Once a request has written, or inside a transaction, it reads the primary too, so it
sees its own writes. Without DATABASE_REPLICA_URL the router sends everything to the primary.
"""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.db import DatabaseError, connections

REPLICA = "replica"
HEALTH_SECONDS = 5  # how long one look at the replica's state is trusted, per process
_LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)
END
"""
logger = logging.getLogger(__name__)


@dataclass
class _Reads:
    wrote: bool = False


_reads: ContextVar[_Reads | None] = ContextVar("replica_reads", default=None)
_health = {"checked_at": float("-inf"), "usable": False}


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_lag_seconds() -> float:
    """How far the replica's replay is behind what it received (0 when it has replayed everything)."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(_LAG_SQL)
        return float(cursor.fetchone()[0])


def replica_usable() -> bool:
    """Up, and no more than DATABASE_REPLICA_MAX_LAG_SECONDS behind; looked at every HEALTH_SECONDS."""
    now = time.monotonic()
    if now - _health["checked_at"] >= HEALTH_SECONDS:
        try:
            lag = replica_lag_seconds()
            usable = lag <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS
            if not usable:
                logger.warning("replica is %.1f s behind: reading the primary", lag)
        except DatabaseError as error:
            logger.warning("replica unreachable, reading the primary: %s", error)
            connections[REPLICA].close()
            usable = False
        _health.update(checked_at=now, usable=usable)
    return _health["usable"]


def forget_replica_health() -> None:
    _health["checked_at"] = float("-inf")


@contextmanager
def replica_reads():
    token = _reads.set(_Reads())
    try:
        yield
    finally:
        _reads.reset(token)


def reads_from_replica(view):
    """For a view that only reads. A streaming response reads after the view returns, so exports pick their
    database (read_database()) inside the view."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


def read_database() -> str:
    """Where a read in this context goes: the replica inside replica_reads() when it may, else the primary."""
    reads = _reads.get()
    if reads is None or reads.wrote or not replica_configured() or connections["default"].in_atomic_block:
        return "default"
    return REPLICA if replica_usable() else "default"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return read_database()

    def db_for_write(self, model, **hints):
        if (reads := _reads.get()) is not None:
            reads.wrote = True
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a streaming replica is read-only; it follows the primary's schema
