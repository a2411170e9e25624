from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from organisaties import federatie
from organisaties.models import Regiobron


class Command(BaseCommand):
    help = (
        "Leest de organisaties en het aanbod van een andere sociale kaart in via haar HSDS 3-API "
        "(bijvoorbeeld https://socialekaart.vlaardingen.nl/api/v1/). Een nieuwe URL wordt een "
        "bron in de regio; de periodieke taak leest hem daarna elk uur bij."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="Het begin van de HSDS-API van de andere gemeente.")
        parser.add_argument("--naam", help="De naam van de gemeente (nodig bij een nieuwe bron).")
        parser.add_argument(
            "--volledig",
            action="store_true",
            help="Alles opnieuw inlezen, ook als alleen de wijzigingen nodig zijn. Alleen een "
            "volledige run verwijdert wat uit de bron verdwenen is.",
        )

    def handle(self, *args, url, naam=None, volledig=False, **options):
        if urlsplit(url).scheme not in ("http", "https"):
            raise CommandError("De URL moet met http:// of https:// beginnen.")
        bron = Regiobron.objects.filter(url=url).first()
        if bron is None:
            if not naam:
                raise CommandError("Nieuwe bron: geef de naam van de gemeente met --naam.")
            bron = Regiobron.objects.create(url=url, naam=naam)
        elif naam and naam != bron.naam:
            bron.naam = naam
            bron.save(update_fields=["naam"])
        uitslag = federatie.lees_bron(bron, volledig=True if volledig else None)
        a = uitslag.aantallen
        self.stdout.write(
            f"{bron.naam}: {'volledig' if uitslag.volledig else 'wijzigingen'}; "
            f"{a['nieuw']} nieuw, {a['bijgewerkt']} bijgewerkt, {a['verwijderd']} verwijderd, "
            f"{a['geweigerd']} geweigerd, {a['aanbod']} aanbod gelezen."
        )
        for fout in uitslag.fouten:
            self.stderr.write(fout)
        if uitslag.afgebroken:
            raise CommandError("Het inlezen is afgebroken; zie de fouten hierboven.")
