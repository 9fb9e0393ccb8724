"""Index what Django's case-insensitive prefix lookups compare: UPPER(name) LIKE UPPER('q%')."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS actor_name_upper_trgm_idx ON claims_actor USING gin (upper(name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS alias_upper_trgm_idx ON claims_actoralias USING gin (upper(alias::text) gin_trgm_ops)",
]
REVERSE = ["DROP INDEX IF EXISTS actor_name_upper_trgm_idx", "DROP INDEX IF EXISTS alias_upper_trgm_idx"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_claim_actor_verdict_index")]
    operations = [migrations.RunPython(forward, reverse)]
