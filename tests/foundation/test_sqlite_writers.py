"""`make run` on SQLite: the web process and its in-process tasks (threads) write the same file.
Two transactions that read, then write, take turns; the second used to fail at once with
"database is locked" (an upload ingested in a thread lost to another one, found by issue 13's audit)."""

import os
import subprocess
import sys

from tests.conftest import REPO

TWO_WRITERS = """
import threading, time
import django
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS turns (n integer)")
connections.close_all()
start, errors = threading.Barrier(2), []

def reads_then_writes(n):
    try:
        start.wait()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM turns")
            time.sleep(0.3)  # both have read before either writes
            cursor.execute("INSERT INTO turns VALUES (%s)", [n])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()

threads = [threading.Thread(target=reads_then_writes, args=(n,)) for n in (1, 2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM turns")
    print("rows", cursor.fetchone()[0], "errors", errors)
"""


def test_two_writers_on_the_embedded_database_take_turns(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    environment.update(CLAIMTRACK_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings")
    run = subprocess.run([sys.executable, "-c", TWO_WRITERS], cwd=REPO, env=environment, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "rows 2 errors []"
