"""Btree indexes for autocomplete's prefix lookups: UPPER(name) LIKE 'Q%' becomes a range scan.

The trigram indexes of 0007 also serve a prefix, but must check every name sharing the prefix's
trigrams (~5 ms at 20,000 actors); text_pattern_ops compares the way LIKE does in any collation.
"""

from django.db import migrations

from claims.migrations._postgres_only import postgres_only_sql

FORWARD = [
    "CREATE INDEX IF NOT EXISTS actor_name_upper_prefix_idx ON claims_actor (upper(name::text) text_pattern_ops)",
    "CREATE INDEX IF NOT EXISTS alias_upper_prefix_idx ON claims_actoralias (upper(alias::text) text_pattern_ops)",
]
REVERSE = ["DROP INDEX IF EXISTS actor_name_upper_prefix_idx", "DROP INDEX IF EXISTS alias_upper_prefix_idx"]


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_quantity_index_covers_claim")]
    operations = [postgres_only_sql(FORWARD, REVERSE)]
