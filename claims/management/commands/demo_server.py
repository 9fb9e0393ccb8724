from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.management.base import CommandError

from claims.management.commands.seed_demo import DEMO_USERS, demo_logins_text


class Command(RunserverCommand):
    help = "runserver for `make run`: the demo logins are printed last, once the server listens."

    def handle(self, *args, **options):
        if not settings.DEMO_LOGINS_ALLOWED:
            raise CommandError("demo_server prints demo logins: it does not run under production settings")
        super().handle(*args, **options)

    def on_bind(self, server_port):
        super().on_bind(server_port)
        if get_user_model().objects.filter(username__in=DEMO_USERS.values()).exists():
            self.stdout.write(demo_logins_text())
