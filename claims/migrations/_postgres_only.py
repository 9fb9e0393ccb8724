"""SQL that only PostgreSQL runs (pg_trgm, tsvector triggers); SQLite migrates without it.

The leading underscore keeps Django's migration loader from taking this module for a migration.
"""

from django.db import migrations


def postgres_only_sql(forward: list[str], reverse: list[str]) -> migrations.RunPython:
    def run(statements):
        def apply(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement, params=None)

        return apply

    return migrations.RunPython(run(forward), run(reverse))
