from django.core.management.base import BaseCommand

from bijeenkomsten.services import verstuur_herinneringen


class Command(BaseCommand):
    help = (
        "Stuurt bevestigde deelnemers één herinnering voor bijeenkomsten die binnen het "
        "opgegeven aantal dagen beginnen. Nooit twee keer: draai het gerust elk uur."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dagen", type=int, default=2, help="Hoeveel dagen vooraf (standaard 2)."
        )

    def handle(self, *args, dagen, **options):
        aantal = verstuur_herinneringen(dagen)
        self.stdout.write(f"{aantal} herinneringen in de wachtrij gezet.")
