"""The soak's short form (bench/soak.py --short): under two minutes, one fault of each kind, on
its own PostgreSQL cluster and redis-server so that restarting them disturbs no other test."""

import subprocess
import sys

import pytest

from tests.conftest import REPO, requires_real_services
from tests.ops.conftest import unused_local_port


@requires_real_services
@pytest.mark.worker
def test_the_app_survives_a_killed_worker_and_restarts_of_redis_and_postgres():
    ports = [f"--{name}-port={unused_local_port()}" for name in ("pg", "redis", "web")]
    run = subprocess.run(
        [sys.executable, "bench/soak.py", "--short", "--builtin-material", *ports],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    report = run.stdout[run.stdout.find("== soak figures"):]
    assert run.returncode == 0, f"{report or run.stdout[-4000:]}\n{run.stderr[-4000:]}"
    assert "soak PASSED" in report
    for check in ("every post stored once", "every edit kept", "every extracted claim stored exactly once",
                  "every injected failure recorded", "poll now while Redis is down", "no task stuck",
                  "pages and search serve while Redis is down", "pages answer 503, never 500, while PostgreSQL is down"):
        assert f"PASS  {check}" in report
