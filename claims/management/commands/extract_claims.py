from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction.cli import run


class Command(BaseCommand):
    help = (
        "Print the attributed claims of saved articles (.txt or .html) as JSON lines or a table. "
        "Offline: reads files only and never touches the database."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl")

    def handle(self, *args, paths: list[Path], format: str, **options):
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        run(paths, format, self.stdout)
