import json
import logging
import re

import pytest
from celery import shared_task

from claims.tasks import worker_heartbeat
from config.ops.selectors import task_runs_by_minute
from config.task_logs import TaskRunFormatter
from tests.conftest import requires_real_services


@shared_task(name="tests.ops.fail_on_purpose")
def fail_on_purpose(article_id: int) -> None:
    raise ValueError(f"article {article_id} is broken on purpose")


@pytest.fixture
def task_lines(caplog):
    """The JSON lines config.task_logs writes (its logger does not propagate to the root)."""
    task_logger = logging.getLogger("claimtrack.tasks")
    task_logger.addHandler(caplog.handler)
    try:
        yield lambda: [json.loads(record.getMessage()) for record in caplog.records if record.name == "claimtrack.tasks"]
    finally:
        task_logger.removeHandler(caplog.handler)


def test_a_local_console_reads_the_task_line_in_words(caplog):
    logging.getLogger("claimtrack.tasks").addHandler(caplog.handler)
    try:
        with pytest.raises(ValueError):
            fail_on_purpose.delay(42)
    finally:
        logging.getLogger("claimtrack.tasks").removeHandler(caplog.handler)
    [record] = [record for record in caplog.records if record.name == "claimtrack.tasks"]
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d task tests\.ops\.fail_on_purpose\(42\): failure in [\d.]+ ms: "
        r"ValueError: article 42 is broken on purpose",
        TaskRunFormatter().format(record),
    )


def outcome_count(outcome: str) -> int:
    return task_runs_by_minute(minutes=2)[0].counts[outcome]


def test_a_successful_task_writes_one_json_line(task_lines):
    result = worker_heartbeat.delay()
    [line] = task_lines()
    assert line["event"] == "task"
    assert line["task"] == "claims.tasks.worker_heartbeat"
    assert line["id"] == result.id
    assert line["outcome"] == "success"
    assert line["duration_ms"] >= 0
    assert line["retries"] == 0
    assert "error" not in line


def test_a_failing_task_logs_its_arguments_and_error(task_lines):
    with pytest.raises(ValueError):
        fail_on_purpose.delay(42)
    [line] = task_lines()
    assert line["task"] == "tests.ops.fail_on_purpose"
    assert line["args"] == [42]
    assert line["outcome"] == "failure"
    assert line["error"] == "ValueError: article 42 is broken on purpose"


def test_each_run_is_counted_by_outcome_for_the_operations_page():
    successes, failures = outcome_count("success"), outcome_count("failure")
    worker_heartbeat.delay()
    worker_heartbeat.delay()
    with pytest.raises(ValueError):
        fail_on_purpose.delay(7)
    assert outcome_count("success") - successes == 2
    assert outcome_count("failure") - failures == 1


@requires_real_services
@pytest.mark.worker
@pytest.mark.worker_env(DJANGO_DEBUG="false")  # as deployed: a local console (DEBUG) gets the line in words
def test_a_real_worker_writes_one_json_line_per_task(celery_worker_process, tmp_path):
    result = worker_heartbeat.delay()
    result.get(timeout=30)
    log_path = tmp_path / "worker.log"  # where celery_worker_process sends the worker's output

    def logged_lines():
        return [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith('{"ts"')]

    celery_worker_process(lambda: any(line["id"] == result.id for line in logged_lines()))
    [line] = [line for line in logged_lines() if line["id"] == result.id]
    assert line["task"] == "claims.tasks.worker_heartbeat"
    assert line["outcome"] == "success"
