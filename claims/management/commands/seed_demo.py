from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from claims.extraction.gazetteer import DEFAULT_PATH
from claims.roles import EDITOR, FACT_CHECKER, VIEWER
from claims.services.users import user_create_with_role

DEMO_DIR = Path(settings.BASE_DIR) / "demo"
DEMO_USERS = {VIEWER: "demo-viewer", EDITOR: "demo-editor", FACT_CHECKER: "demo-factchecker"}
# Local demo only: these logins are printed on purpose, and production settings refuse to run this.
DEMO_PASSWORD = "newsroom-sandbox-2026"


class Command(BaseCommand):
    help = "Load the demo articles through the real ingestion path and create one demo user per role."

    def handle(self, *args, **options):
        if not settings.DEMO_LOGINS_ALLOWED:
            raise CommandError("seed_demo creates logins with a published password: it does not run under production settings")
        # The starter list, and the two countries the demo's stories are about (they exist only in the demo).
        call_command("load_gazetteer", path=[DEFAULT_PATH, DEMO_DIR / "gazetteer.json"], stdout=self.stdout, stderr=self.stderr)
        demo_files = sorted(str(p) for p in DEMO_DIR.glob("*") if p.is_file() and p.suffix in {".txt", ".html"})
        if demo_files:
            # One line for the demo articles: the per-file lines are ingest_file's, for people ingesting by hand.
            report = StringIO()
            call_command("ingest_file", *demo_files, stdout=report, stderr=self.stderr)
            self.stdout.write(f"Demo {report.getvalue().splitlines()[-1]}")
        for role, username in DEMO_USERS.items():
            user_create_with_role(username=username, password=DEMO_PASSWORD, role=role)
        # One line here; `make run` prints the full list last, once the server listens (serve_demo).
        self.stdout.write(f"Demo logins: {', '.join(DEMO_USERS.values())}, password {DEMO_PASSWORD}")


def demo_login_lines() -> list[str]:
    return [f"  {role:<13} username {username:<17} password {DEMO_PASSWORD}" for role, username in DEMO_USERS.items()]
