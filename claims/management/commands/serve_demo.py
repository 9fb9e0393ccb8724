from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand

from claims.management.commands.seed_demo import demo_login_lines


class Command(RunserverCommand):
    help = "runserver that prints the address and the demo logins last, once it listens (`make run`)."

    def on_bind(self, server_port):
        super().on_bind(server_port)
        # After Django's banner and warning, so it is the last thing a newcomer reads.
        self.stdout.write(self.style.SUCCESS(f"\nClaimtrack is ready: open http://{self.addr}:{server_port}/ and log in as"))
        for line in demo_login_lines():
            self.stdout.write(line)
