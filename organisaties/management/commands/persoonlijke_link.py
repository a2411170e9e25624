from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from organisaties import bijwerken
from organisaties.models import Organisatie


class Command(BaseCommand):
    help = (
        "Toont de persoonlijke link waarmee een organisatie haar gegevens bevestigt of "
        "wijzigingen voorstelt. Zonder slug: die van de eerste gepubliceerde organisatie met een "
        "e-mailadres voor de redactie (handig in de demo). Verstuurt niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="De slug van de organisatie.")
        parser.add_argument(
            "--port",
            help="Maak een link naar http://127.0.0.1:<port> in plaats van SITE_URL.",
        )

    def handle(self, *args, slug=None, port=None, **options):
        if slug:
            organisatie = Organisatie.objects.filter(slug=slug).first()
            if organisatie is None:
                raise CommandError(f"Er is geen organisatie met de slug '{slug}'.")
        else:
            organisatie = (
                Organisatie.objects.gepubliceerd()
                .exclude(contact_email="")
                .order_by("naam")
                .first()
            )
            if organisatie is None:
                raise CommandError(
                    "Er is geen gepubliceerde organisatie met een e-mailadres voor de redactie. "
                    "Laad eerst de demogegevens: python manage.py laad_demodata"
                )
        if organisatie.status == Organisatie.Status.GEARCHIVEERD:
            raise CommandError(f"{organisatie.naam} is gearchiveerd: een link werkt dan niet.")
        pad = reverse("organisaties:bijwerken", args=[bijwerken.maak_token(organisatie)])
        basis = f"http://127.0.0.1:{port}" if port else settings.SITE_URL.rstrip("/")
        self.stdout.write(f"{organisatie.naam}: {basis}{pad}")
