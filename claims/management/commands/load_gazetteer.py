from pathlib import Path

from django.core.management.base import BaseCommand

from claims.extraction.gazetteer import DEFAULT_PATH, Gazetteer
from claims.services.gazetteer_sync import gazetteer_load_starter


class Command(BaseCommand):
    help = (
        "Add the starter actors and aliases (claims/extraction/data/gazetteer.json) that are missing from the "
        "database. Safe to run again: it never changes an actor and never brings back what an editor deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, action="append",
                            help="gazetteer JSON file, repeatable (default: the starter list)")

    def handle(self, *args, path: list[Path] | None, **options):
        records = [record for file in path or [DEFAULT_PATH] for record in Gazetteer.from_json(file).records.values()]
        result = gazetteer_load_starter(records=records)
        self.stdout.write(
            f"Gazetteer: {len(result.actors_created)} actors created, {result.aliases_added} aliases added, "
            f"{result.skipped_deleted} deleted by editors left out."
        )
