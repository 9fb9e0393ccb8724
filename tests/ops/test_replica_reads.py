"""Reads on a real streaming replica: a private primary cluster and a replica made from it with
pg_basebackup, started here the way the soak starts its own cluster (never the shared one on 5432).

The app's connections are pointed at the pair for these tests: search reads the replica, a request
that wrote reads the primary, and a replica that is stopped or lagging hands its reads to the primary.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.test import Client

from bench.soak import DATABASE, PG_BIN, PrivatePostgres
from claims.models import Claim
from config import replicas
from tests.conftest import REPO, requires_real_services
from tests.factories import UserFactory
from tests.ops.conftest import unused_local_port

pytestmark = [requires_real_services]


def _wrapper(alias: str, cluster: PrivatePostgres):
    settings_dict = {**connections["default"].settings_dict, "HOST": "127.0.0.1", "PORT": str(cluster.port),
                     "NAME": DATABASE, "CONN_MAX_AGE": 0, "OPTIONS": {"connect_timeout": 2}}
    return load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias=alias)


def _replica_from(primary: PrivatePostgres, root: Path) -> PrivatePostgres:
    replica = PrivatePostgres(root=root, port=unused_local_port())
    replica.sockets.mkdir(parents=True)
    if os.geteuid() == 0:
        shutil.chown(replica.root, "postgres")
        shutil.chown(replica.sockets, "postgres")
    # -R writes the standby settings: the copy starts as a replica streaming from the primary.
    replica._run(str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                 "-D", str(replica.data), "-R", "-X", "stream", "--no-sync")
    replica.start()
    return replica


@pytest.fixture(scope="module")
def streaming_pair(django_db_blocker):
    if PG_BIN is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    root = Path(tempfile.mkdtemp(prefix="ct-replica-"))
    os.chmod(root, 0o755)
    primary = PrivatePostgres(root=root / "primary", port=unused_local_port())
    primary.init()
    replica = None
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO, check=True,
                       env={**os.environ, "DATABASE_URL": primary.url})
        replica = _replica_from(primary, root / "replica")
        yield primary, replica
    finally:
        for cluster in (replica, primary):
            if cluster is not None:
                cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def app_on_pair(streaming_pair, django_db_blocker, settings, monkeypatch):
    """The app's default and replica connections on the private pair, for one test."""
    primary, replica = streaming_pair
    monkeypatch.setattr(replicas, "replica_configured", lambda: True)
    monkeypatch.setattr(replicas, "HEALTH_SECONDS", 0)  # look at the replica on every read
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 60.0
    originals = {alias: connections[alias] for alias in ("default",)}
    with django_db_blocker.unblock():
        connections["default"] = _wrapper("default", primary)
        connections[replicas.REPLICA] = _wrapper(replicas.REPLICA, replica)
        try:
            yield primary, replica
        finally:
            for alias in ("default", replicas.REPLICA):
                connections[alias].close()
            connections["default"] = originals["default"]
            replicas.forget_replica_health()


def _until(condition, *, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _replica_has(claim: Claim) -> bool:
    return Claim.objects.using(replicas.REPLICA).filter(pk=claim.pk).exists()


def _logged_in_client() -> Client:
    """A viewer whose account the replica already has (the pages read the user there)."""
    user = UserFactory(username=f"reader-{time.monotonic_ns()}", role="viewer")
    _until(lambda: type(user).objects.using(replicas.REPLICA).filter(pk=user.pk).exists())
    client = Client()
    client.force_login(user)
    return client


def test_search_reads_the_replica_and_a_write_reads_the_primary(app_on_pair):
    claim = Claim.objects.create(text="hovercraft crossed the strait", asserted_on="2024-03-01")
    client = _logged_in_client()
    _until(lambda: _replica_has(claim))
    with replicas.replica_reads():
        assert replicas.read_database() == replicas.REPLICA
        Claim.objects.filter(pk=claim.pk).update(text="hovercraft crossed the strait twice")
        assert replicas.read_database() == "default"  # this request wrote: it sees its own write
        assert Claim.objects.get(pk=claim.pk).text.endswith("twice")
    # A change the replica has not replayed yet shows that the page reads the replica.
    with connections[replicas.REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        Claim.objects.filter(pk=claim.pk).update(text="hovercraft sank")
        page = client.get("/search/", {"q": "hovercraft"}).content.decode()
        assert "crossed the strait" in page and "sank" not in page
    finally:
        with connections[replicas.REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")


def test_a_lagging_replica_hands_its_reads_to_the_primary(app_on_pair, settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 1.0
    client = _logged_in_client()
    with connections[replicas.REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        claim = Claim.objects.create(text="an airship was sighted", asserted_on="2024-03-02")
        _until(lambda: replicas.replica_lag_seconds() > 1.0)
        assert "was sighted" in client.get("/search/", {"q": "airship"}).content.decode()
        assert not _replica_has(claim)
    finally:
        with connections[replicas.REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")


def test_a_stopped_replica_hands_its_reads_to_the_primary(app_on_pair):
    primary, replica = app_on_pair
    client = _logged_in_client()
    Claim.objects.create(text="a zeppelin landed", asserted_on="2024-03-03")
    replica.stop("immediate")
    try:
        connections[replicas.REPLICA].close()
        response = client.get("/search/", {"q": "zeppelin"})
        assert response.status_code == 200 and "landed" in response.content.decode()
        assert client.get("/api/claims/", {"q": "zeppelin"}).json()["count"] == 1
    finally:
        replica.start()
