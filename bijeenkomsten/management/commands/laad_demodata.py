"""The demo data of the whole site. It lives here, in the app that depends on the directory,
so that netwerk (the site-wide core) imports no app."""

from django.core.management.base import BaseCommand

from activiteiten import demodata as activiteiten_demo
from bijeenkomsten import demodata as bijeenkomsten_demo
from netwerk import inhoudsversie
from organisaties import demodata as organisaties_demo
from organisaties import zoekindex
from signalen import demodata as signalen_demo


class Command(BaseCommand):
    help = (
        "Laadt demonstratiegegevens uit de brondocumenten: de sociale kaart, de "
        "netwerkbijeenkomsten en de activiteiten. Veilig om vaker te draaien: bestaande "
        "demogegevens worden bijgewerkt, niet verdubbeld. De site toont dat het om "
        "demogegevens gaat."
    )

    def handle(self, *args, **options):
        # Hundreds of rows: the search index and the pages' version are brought up to date
        # once, at the end, instead of at every save.
        with inhoudsversie.uitgesteld(), zoekindex.uitgesteld():
            kaart = organisaties_demo.laad()
            bijeenkomsten = bijeenkomsten_demo.laad()
            signalen = signalen_demo.laad()
            activiteiten = activiteiten_demo.laad()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens geladen: {kaart}, {bijeenkomsten}, {activiteiten}, {signalen}."
            )
        )
