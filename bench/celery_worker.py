"""A real `celery worker` process for benchmarks and tests: started, awaited, always stopped."""

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from config.celery_app import app as celery_app

REPO = Path(__file__).resolve().parent.parent


@contextmanager
def running_celery_worker(*options: str, env: dict, log_path: Path, start_timeout: float = 30.0):
    """Run `celery -A config worker OPTIONS` with its output in log_path; yield once it answers a ping."""
    with open(log_path, "wb") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--without-gossip", "--without-mingle", *options],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + start_timeout
        while not celery_app.control.ping(timeout=0.5):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"celery worker did not start:\n{log_path.read_text()[-3000:]}")
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
