"""Demo data for the signaalpunt: Wijkteam VraagRaak receives the signals of every demo wijk,
a demo worker account works in it, and a few made-up signals stand in each state.

The account gets no password here; ``manage.py wijkteam_login`` (run by ``make run`` through
maak_beheerder) sets one and prints how to log in. Safe to run again: the routes and the
account are brought up to date, the signals are made once.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from netwerk.rollen import WIJKTEAMMEDEWERKERS
from organisaties.models import Organisatie, Wijk
from signalen import services
from signalen.models import Signaal, Teamlid, Wijkroute

TEAM_SLUG = "wijkteam-vraagraak"
GEBRUIKERSNAAM = "wijkteam"

Status = Signaal.Status

# (days ago, wijk slug or None, postcode, what the reporter saw, e-mail, the states it went through)
SIGNALEN = [
    (
        1,
        "sluispolder",
        "",
        "Mijn buurman komt al drie weken niet meer buiten. De gordijnen "
        "blijven dicht. Vroeger maakten we altijd even een praatje.",
        "buur@example.invalid",
        [],
    ),
    (
        9,
        "koningshoek",
        "3145",
        "Een oudere dame uit de flat staat vaak verward bij de lift. Ze "
        "weet dan niet meer op welke verdieping ze woont.",
        "",
        [],
    ),
    (
        3,
        "centrum",
        "",
        "Mijn tante is sinds de dood van haar man erg stil. Ze zegt dat ze niemand meer spreekt.",
        "",
        [Status.IN_BEHANDELING],
    ),
    (
        12,
        None,
        "",
        "Er woont een jonge moeder met drie kleine kinderen naast ons. Ze lijkt het "
        "niet meer aan te kunnen.",
        "",
        [Status.IN_BEHANDELING],
    ),
    (
        6,
        "kapelpolder",
        "",
        "Meneer op nummer 12 eet volgens mij niet goed meer. Hij is erg mager geworden.",
        "",
        [Status.IN_BEHANDELING, Status.OPGEPAKT],
    ),
    (
        15,
        "steendijkpolder",
        "",
        "Een buurvrouw krijgt nooit bezoek en zit de hele dag alleen.",
        "",
        [Status.OPGEPAKT],
    ),
    (
        20,
        "het-balkon",
        "",
        "Mijn collega vertelt dat hij al maanden niemand ziet buiten het werk. Hij klinkt somber.",
        "",
        [Status.OPGEPAKT, Status.DOORVERWEZEN],
    ),
    (
        25,
        "sluispolder",
        "",
        "Een oudere meneer uit de straat vraagt steeds om geld voor boodschappen.",
        "",
        [Status.IN_BEHANDELING, Status.DOORVERWEZEN],
    ),
    (
        40,
        "centrum",
        "",
        "Een buurvrouw is gevallen en durft nu niet meer naar buiten.",
        "",
        [Status.OPGEPAKT, Status.AFGESLOTEN],
    ),
    (
        60,
        "koningshoek",
        "",
        "Mijn vader woont alleen en vergeet steeds vaker dingen.",
        "",
        [Status.IN_BEHANDELING, Status.OPGEPAKT, Status.AFGESLOTEN],
    ),
]


# The four digits of the postcodes in each demo wijk, as the demo locations lie (a demo: real
# borders follow streets, not postcodes).
WIJK_POSTCODES = {
    "centrum": ["3142"],
    "sluispolder": ["3145"],
    "koningshoek": ["3144"],
    "kapelpolder": ["3143", "3146"],
    "steendijkpolder": ["3141"],
    "het-balkon": ["3147"],
}


def laad():
    """Routes, the demo worker and the demo signals. Returns a summary."""
    team = Organisatie.objects.filter(slug=TEAM_SLUG).first()
    if team is None:
        return "geen demo-wijkteam"
    for wijk in Wijk.objects.all():
        Wijkroute.objects.update_or_create(
            wijk=wijk, defaults={"team": team, "postcodes": WIJK_POSTCODES.get(wijk.slug, [])}
        )
    medewerker = _medewerker(team)
    if not Signaal.objects.exists():
        _signalen(medewerker)
    return f"{Signaal.objects.count()} signalen"


def _medewerker(team):
    gebruiker, gemaakt = get_user_model().objects.get_or_create(
        username=GEBRUIKERSNAAM,
        defaults={"first_name": "Wendy", "last_name": "Wijkteam (demo)", "is_staff": True},
    )
    if gemaakt:
        gebruiker.set_unusable_password()
        gebruiker.save()
    gebruiker.groups.add(Group.objects.get_or_create(name=WIJKTEAMMEDEWERKERS)[0])
    Teamlid.objects.get_or_create(gebruiker=gebruiker, team=team)
    return gebruiker


def _signalen(medewerker):
    nu = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    wijken = {w.slug: w for w in Wijk.objects.all()}
    for dagen, wijk_slug, postcode, zorg, email, stappen in SIGNALEN:
        moment = nu - datetime.timedelta(days=dagen)
        signaal = services.dien_in(
            zorg=zorg,
            wijk=wijken.get(wijk_slug),
            postcode=postcode,
            email=email,
            nu=moment,
        )
        if stappen:
            services.wijs_toe(signaal, medewerker, medewerker, nu=moment)
        for stap, status in enumerate(stappen, start=1):
            moment += datetime.timedelta(days=stap)
            if status == Status.DOORVERWEZEN:
                services.voeg_notitie_toe(
                    signaal,
                    "Doorverwezen naar de ouderenadviseur; die neemt contact op.",
                    medewerker,
                    nu=moment,
                )
            services.wijzig_status(signaal, status, medewerker, nu=moment)
