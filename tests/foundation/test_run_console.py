"""`make run`'s console: one line for the migrations, one per task, the address and logins last."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TASK_LINE = re.compile(r"^\d\d:\d\d:\d\d task claims\.tasks\.article_extract_claims\(\d+\): success in [\d.]+ ms$")


def _run_steps_env(data_dir: Path) -> dict:
    # `make run` on a fresh clone: no services, SQLite in the data directory.
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(CLAIMTRACK_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    return environment


def _manage(environment: dict, *args: str) -> list[str]:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=environment,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return (result.stdout + result.stderr).splitlines()


def test_a_failing_migration_shows_migrates_whole_log_and_stops(tmp_path):
    with sqlite3.connect(tmp_path / "claimtrack.sqlite3") as database:
        database.execute("CREATE TABLE sources_outlet (squatter INTEGER)")  # the first sources migration will collide
    result = subprocess.run([sys.executable, "manage.py", "migrate_quietly"], cwd=REPO, env=_run_steps_env(tmp_path),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "Applying auth.0001_initial... OK" in result.stderr
    assert "Applying sources.0001_initial..." in result.stderr
    assert "already exists" in result.stderr
    assert "Migrations:" not in result.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_lines(environment: dict, port: int) -> list[str]:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve_demo", "--noreload", f"127.0.0.1:{port}"], cwd=REPO, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines, deadline = [], time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
            if "demo-factchecker" in line:
                break
    finally:
        server.terminate()
        server.wait(timeout=10)
    return lines


def test_a_fresh_make_run_prints_one_line_for_migrations_one_per_task_and_the_logins_last(tmp_path):
    environment = _run_steps_env(tmp_path)

    migrate = _manage(environment, "migrate_quietly")
    assert len(migrate) == 1 and re.match(r"Migrations: \d+ applied to the sqlite database", migrate[0]), migrate
    assert _manage(environment, "migrate_quietly") == [f"Migrations: the sqlite database {tmp_path / 'claimtrack.sqlite3'} is up to date."]

    seed = _manage(environment, "seed_demo")
    task_lines = [line for line in seed if TASK_LINE.match(line)]
    demo_articles = len([path for path in (REPO / "demo").glob("*.*") if path.suffix in (".txt", ".html")])
    assert len(task_lines) == demo_articles  # one extraction task per demo article, each said once
    assert not [line for line in seed if "celery" in line or "WARNING" in line], seed
    assert len(seed) == demo_articles + 3  # gazetteer, articles summary, logins

    port = _free_port()
    lines = _server_lines(environment, port)
    assert lines[-4:] == [
        f"Claimtrack is ready: open http://127.0.0.1:{port}/ and log in as",
        "  viewer        username demo-viewer       password newsroom-sandbox-2026",
        "  editor        username demo-editor       password newsroom-sandbox-2026",
        "  fact-checker  username demo-factchecker  password newsroom-sandbox-2026",
    ], lines
