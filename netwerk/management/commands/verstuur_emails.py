from django.core.management.base import BaseCommand
from django.utils import timezone

from netwerk.models import UitgaandeEmail
from netwerk.tasks import plan_verzending


class Command(BaseCommand):
    help = (
        "Zet alle wachtende e-mails uit de outbox nu in de wachtrij van de worker. Normaal "
        "niet nodig: de worker probeert zelf opnieuw."
    )

    def handle(self, *args, **options):
        aantal = 0
        for email in UitgaandeEmail.objects.filter(status=UitgaandeEmail.Status.WACHTEND):
            plan_verzending(email, wanneer=timezone.now())
            aantal += 1
        self.stdout.write(f"{aantal} e-mails in de wachtrij gezet.")
