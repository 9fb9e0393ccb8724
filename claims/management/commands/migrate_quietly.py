from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = "Apply pending migrations and say so in one line; migrate's full output appears only if one fails."

    def handle(self, *args, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        log = StringIO()
        try:
            call_command("migrate", interactive=False, stdout=log, stderr=log)
        except Exception:
            # The newcomer needs to see which migration broke, so the whole log comes back.
            self.stderr.write(log.getvalue())
            raise
        database = f"{connection.vendor} database {connection.settings_dict['NAME']}"
        if pending:
            self.stdout.write(f"Migrations: {len(pending)} applied to the {database}.")
        else:
            self.stdout.write(f"Migrations: the {database} is up to date.")
