import io
import secrets
from pathlib import Path

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Maakt voor ontwikkeling een beheerder 'beheer' met een willekeurig wachtwoord, als die "
        "er nog niet is, en toont hoe u inlogt. Weigert als DEBUG uit staat."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen voor ontwikkeling: gebruik createsuperuser in productie.")
        bestand = Path(settings.BASE_DIR) / ".data" / "beheerder.txt"
        User = get_user_model()
        if not User.objects.filter(username="beheer").exists() or not bestand.exists():
            wachtwoord = secrets.token_urlsafe(12)
            gebruiker, _ = User.objects.get_or_create(username="beheer")
            gebruiker.is_staff = gebruiker.is_superuser = True
            gebruiker.set_password(wachtwoord)
            gebruiker.save()
            bestand.parent.mkdir(parents=True, exist_ok=True)
            bestand.write_text(wachtwoord)
        wachtwoord = bestand.read_text().strip()
        # A developer who locked themselves out gets in again with the next `make run`.
        axes_reset(username="beheer")
        self.stdout.write(
            f"Beheer: http://127.0.0.1:{options.get('port') or '8000'}/admin/ "
            f"gebruiker 'beheer', wachtwoord '{wachtwoord}'"
        )
        self._persoonlijke_link(options.get("port"))
        self._wijkteam(options.get("port"))
        if settings.TWEE_FACTOR_VERPLICHT:
            self.stdout.write(
                "Tweestapsverificatie staat aan (TWEE_FACTOR_VERPLICHT): de eerste keer scant u "
                "na het wachtwoord een QR-code met een authenticator-app."
            )
        else:
            self.stdout.write(
                "Tweestapsverificatie staat uit (standaard bij DEBUG); zet "
                "TWEE_FACTOR_VERPLICHT=true om die te proberen."
            )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    def _persoonlijke_link(self, port):
        """An organisation's personal link in the demo. Asked by command name: the site-wide
        core imports no app (the command is organisaties')."""
        uitvoer = io.StringIO()
        try:
            call_command("persoonlijke_link", port=port, stdout=uitvoer)
        except CommandError:
            self.stdout.write(
                "Persoonlijke link van een organisatie: python manage.py persoonlijke_link <slug>"
            )
            return
        self.stdout.write(
            "Persoonlijke link van een demo-organisatie (gegevens bevestigen of wijzigen): "
            f"{uitvoer.getvalue().strip()}"
        )
        self.stdout.write("Van een andere organisatie: python manage.py persoonlijke_link <slug>")

    def _wijkteam(self, port):
        """The demo wijkteam worker of the signaalpunt, asked by command name like above."""
        uitvoer = io.StringIO()
        try:
            call_command("wijkteam_login", port=port, stdout=uitvoer)
        except CommandError:
            return
        self.stdout.write(
            "Signalen als wijkteammedewerker (demo, ziet alleen de eigen signalen): "
            f"{uitvoer.getvalue().strip()}"
        )
