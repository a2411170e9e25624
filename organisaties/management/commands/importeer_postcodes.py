"""manage.py importeer_postcodes FILE: the centres of postcode areas from open data."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisaties.postcodes import ImportFout, als_tekst, importeer


class Command(BaseCommand):
    help = (
        "Leest de middens van postcodegebieden (PC4 en PC6, bijvoorbeeld van CBS of PDOK) uit "
        "een CSV-bestand met de kolommen postcode, latitude en longitude. Bekende postcodes "
        "krijgen het nieuwe midden. Foute regels worden overgeslagen en gemeld."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het CSV-bestand, in UTF-8, gescheiden door , of ;.")

    def handle(self, *args, bestand, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Het bestand {bestand} bestaat niet.")
        try:
            with pad.open("rb") as ruw:
                verslag = importeer(als_tekst(ruw))
        except ImportFout as fout:
            raise CommandError(str(fout)) from None
        for regel, melding in verslag.fouten:
            self.stderr.write(f"Regel {regel}: {melding}")
        if verslag.aantal_fouten > len(verslag.fouten):
            self.stderr.write(f"En nog {verslag.aantal_fouten - len(verslag.fouten)} foute regels.")
        self.stdout.write(self.style.SUCCESS(verslag.samenvatting()))
