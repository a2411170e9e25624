from django.core.management.base import BaseCommand

from bijeenkomsten.services import anonimiseer_aanmeldingen


class Command(BaseCommand):
    help = (
        "Verwijdert namen, e-mailadressen en wensen van deelnemers van bijeenkomsten waarvan de "
        "bewaartermijn (site-instellingen) voorbij is. Aantallen, organisaties en aanwezigheid "
        "blijven. Veilig om vaker te draaien; plan het dagelijks in (zie README)."
    )

    def handle(self, *args, **options):
        aantal = anonimiseer_aanmeldingen()
        self.stdout.write(f"{aantal} aanmeldingen geanonimiseerd.")
