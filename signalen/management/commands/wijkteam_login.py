import secrets
from pathlib import Path

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from signalen.demodata import GEBRUIKERSNAAM


class Command(BaseCommand):
    help = (
        "Geeft het demo-account van het wijkteam een willekeurig wachtwoord (eenmalig) en toont "
        "hoe u ermee inlogt. Alleen voor ontwikkeling; weigert als DEBUG uit staat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen voor ontwikkeling.")
        gebruiker = get_user_model().objects.filter(username=GEBRUIKERSNAAM).first()
        if gebruiker is None:
            raise CommandError("Geen demo-wijkteamaccount: draai eerst laad_demodata.")
        bestand = Path(settings.BASE_DIR) / ".data" / "wijkteam.txt"
        if not bestand.exists() or not gebruiker.has_usable_password():
            bestand.parent.mkdir(parents=True, exist_ok=True)
            bestand.write_text(secrets.token_urlsafe(12))
        wachtwoord = bestand.read_text().strip()
        if not gebruiker.check_password(wachtwoord):
            gebruiker.set_password(wachtwoord)
            gebruiker.save(update_fields=["password"])
        axes_reset(username=GEBRUIKERSNAAM)
        self.stdout.write(
            f"http://127.0.0.1:{options['port']}/signalen/beheer/ "
            f"gebruiker '{GEBRUIKERSNAAM}', wachtwoord '{wachtwoord}'"
        )
