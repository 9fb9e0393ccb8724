"""`make run`'s console: the demo logins come last, one line per task, no traceback for a 403."""

import re
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import REPO
from tests.ops.conftest import unused_local_port


@pytest.fixture
def demo_data_dir(tmp_path):
    env = {"CLAIMTRACK_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1"}
    for command in (["migrate", "--noinput"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True, capture_output=True)
    return env


def _log_in(client: httpx.Client, username: str) -> None:
    page = client.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    client.post("/accounts/login/", data={"username": username, "password": "newsroom-sandbox-2026", "csrfmiddlewaretoken": token})


def test_the_demo_server_prints_the_logins_last_and_a_403_in_one_line(demo_data_dir, tmp_path):
    port = unused_local_port()
    log = tmp_path / "console.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "demo_server", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO, env=demo_data_dir, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        end = time.monotonic() + 30
        while "fact-checker" not in log.read_text() and time.monotonic() < end:
            time.sleep(0.2)
        started = log.read_text()
        assert started.index("Quit the server") < started.index("Demo logins") and started.rstrip().endswith("newsroom-sandbox-2026")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            _log_in(client, "demo-viewer")
            assert client.get("/ops/").status_code == 403
        time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)
    console = log.read_text()
    assert "Forbidden" in console and "Traceback" not in console
    assert "No hostname was supplied" not in console
