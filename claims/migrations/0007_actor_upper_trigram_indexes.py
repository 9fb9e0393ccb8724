"""Index what Django's case-insensitive prefix lookups compare: UPPER(name) LIKE UPPER('q%')."""

from django.db import migrations

from claims.migrations._postgres_only import postgres_only_sql

FORWARD = [
    "CREATE INDEX IF NOT EXISTS actor_name_upper_trgm_idx ON claims_actor USING gin (upper(name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS alias_upper_trgm_idx ON claims_actoralias USING gin (upper(alias::text) gin_trgm_ops)",
]
REVERSE = ["DROP INDEX IF EXISTS actor_name_upper_trgm_idx", "DROP INDEX IF EXISTS alias_upper_trgm_idx"]


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_claim_actor_verdict_index")]
    operations = [postgres_only_sql(FORWARD, REVERSE)]
