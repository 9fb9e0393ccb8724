"""Spelling-tolerant actor look-up on PostgreSQL: pg_trgm and trigram GIN indexes on names and aliases."""

from django.db import migrations

from claims.migrations._postgres_only import postgres_only_sql

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS actor_name_trgm_idx ON claims_actor USING gin (name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS alias_trgm_idx ON claims_actoralias USING gin (alias gin_trgm_ops)",
]
REVERSE = ["DROP INDEX IF EXISTS actor_name_trgm_idx", "DROP INDEX IF EXISTS alias_trgm_idx"]


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_role_groups")]
    operations = [postgres_only_sql(FORWARD, REVERSE)]
