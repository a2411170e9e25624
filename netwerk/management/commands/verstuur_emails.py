from django.core.management.base import BaseCommand

from netwerk.email import verstuur_wachtende


class Command(BaseCommand):
    help = (
        "Verstuurt e-mails uit de outbox die nog niet verstuurd konden worden. Draai elke minuut."
    )

    def handle(self, *args, **options):
        verzonden, mislukt = verstuur_wachtende()
        self.stdout.write(f"{verzonden} verstuurd, {mislukt} mislukt (volgende poging gepland).")
