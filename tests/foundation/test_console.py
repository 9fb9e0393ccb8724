"""A refused request is one console line under `make run`, not a traceback."""

import re
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import REPO
from tests.foundation.test_run_console import _run_steps_env
from tests.ops.conftest import unused_local_port


@pytest.fixture
def demo_env(tmp_path):
    environment = _run_steps_env(tmp_path)
    for command in (["migrate_quietly"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=environment, check=True, capture_output=True)
    return environment


def _log_in(client: httpx.Client, username: str) -> None:
    page = client.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    client.post("/accounts/login/", data={"username": username, "password": "newsroom-sandbox-2026", "csrfmiddlewaretoken": token})


def test_a_403_is_one_console_line_without_a_traceback(demo_env, tmp_path):
    port = unused_local_port()
    log = tmp_path / "console.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "serve_demo", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO, env=demo_env, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        end = time.monotonic() + 30
        while "demo-factchecker" not in log.read_text() and time.monotonic() < end:
            time.sleep(0.2)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            _log_in(client, "demo-viewer")
            assert client.get("/ops/").status_code == 403
        time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
    console = log.read_text()
    assert "Forbidden (Permission denied): /ops/" in console and "Traceback" not in console
