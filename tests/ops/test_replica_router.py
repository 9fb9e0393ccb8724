"""The router's choices without a replica: everything reads and writes the primary."""

from config import replicas


def test_without_a_replica_every_read_goes_to_the_primary(db):
    assert not replicas.replica_configured()
    with replicas.replica_reads():
        assert replicas.read_database() == "default"
    assert replicas.read_database() == "default"


def test_reads_outside_the_marked_views_never_ask_for_the_replica(monkeypatch):
    monkeypatch.setattr(replicas, "replica_configured", lambda: True)
    monkeypatch.setattr(replicas, "replica_usable", lambda: True)
    assert replicas.read_database() == "default"
    with replicas.replica_reads():
        assert replicas.read_database() == replicas.REPLICA
        replicas.ReplicaRouter().db_for_write(None)
        assert replicas.read_database() == "default"
    with replicas.replica_reads():  # the next request starts afresh
        assert replicas.read_database() == replicas.REPLICA
