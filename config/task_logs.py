"""One JSON log line per task run (name, id, arguments, outcome, duration, retries, error), and
per-minute counters of task outcomes that the operations page reads.

Connected to Celery's signals when config.celery_app is imported, so it covers the worker and
tasks run in-process alike.
"""

import json
import logging
import sys
import time
from datetime import UTC, datetime

import redis
from celery.signals import task_failure, task_postrun, task_prerun
from django.core.cache import cache

logger = logging.getLogger("claimtrack.tasks")

COUNTER_TTL_SECONDS = 2 * 3600
MAX_ARGUMENT_LENGTH = 120
MAX_ERROR_LENGTH = 500

# Start times and errors of the tasks running in this process, by task id.
_started: dict[str, float] = {}
_errors: dict[str, str] = {}


def minute_bucket(moment: float) -> int:
    return int(moment // 60)


def task_counter_key(outcome: str, bucket: int) -> str:
    return f"claimtrack:task-runs:{outcome}:{bucket}"


def _short(value) -> object:
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    text = str(value)
    return text if len(text) <= MAX_ARGUMENT_LENGTH else text[:MAX_ARGUMENT_LENGTH] + "…"


def _count(outcome: str) -> None:
    key = task_counter_key(outcome, minute_bucket(time.time()))
    try:
        try:
            cache.incr(key)  # the minute's counter exists but for its first task: two Redis round trips, not three
        except ValueError:
            cache.add(key, 0, COUNTER_TTL_SECONDS)
            cache.incr(key)
    except (ValueError, redis.RedisError):
        pass  # Redis went away mid-task: losing a count is fine, failing the task is not


@task_prerun.connect
def _task_started(task_id=None, **_):
    _started[task_id] = time.monotonic()


@task_failure.connect
def _task_failed(task_id=None, exception=None, **_):
    _errors[task_id] = f"{type(exception).__name__}: {exception}"[:MAX_ERROR_LENGTH]


@task_postrun.connect
def _task_finished(task_id=None, task=None, args=(), kwargs=None, retval=None, state=None, **_):
    started = _started.pop(task_id, None)
    error = _errors.pop(task_id, None)
    outcome = (state or "unknown").lower()
    if outcome == "retry":
        error = str(retval)[:MAX_ERROR_LENGTH]
    elif state is None and (propagating := sys.exc_info()[1]) is not None:
        # In-process runs that re-raise send no failure signal: the error is on its way up.
        outcome, error = "failure", f"{type(propagating).__name__}: {propagating}"[:MAX_ERROR_LENGTH]
    line = {
        "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "event": "task",
        "task": task.name,
        "id": task_id,
        "args": [_short(value) for value in args or ()],
        "kwargs": {name: _short(value) for name, value in (kwargs or {}).items()},
        "outcome": outcome,
        "duration_ms": round((time.monotonic() - started) * 1000, 1) if started is not None else None,
        "retries": task.request.retries or 0,
    }
    if error:
        line["error"] = error
    # The message is the JSON line; the dict rides along for TaskRunFormatter.
    logger.log(logging.WARNING if error else logging.INFO, json.dumps(line, ensure_ascii=False), extra={"task_run": line})
    _count(outcome)


class TaskRunFormatter(logging.Formatter):
    """The task line in words, for a person watching a local console (`make run`, DEBUG on):
    `14:35:40 task claims.tasks.article_extract_claims(1): success in 89.7 ms`. Deployments keep
    the JSON line, which log collectors read."""

    def format(self, record: logging.LogRecord) -> str:
        run = getattr(record, "task_run", None)
        if run is None:
            return super().format(record)
        arguments = ", ".join([json.dumps(value, ensure_ascii=False) for value in run["args"]]
                              + [f"{name}={json.dumps(value, ensure_ascii=False)}" for name, value in run["kwargs"].items()])
        took = f" in {run['duration_ms']} ms" if run["duration_ms"] is not None else ""
        retries = f", retry {run['retries']}" if run["retries"] else ""
        error = f": {run['error']}" if run.get("error") else ""
        return f"{self.formatTime(record, '%H:%M:%S')} task {run['task']}({arguments}): {run['outcome']}{took}{retries}{error}"
