"""Demo meetings from the source documents (shared/seeds), plus one upcoming meeting.

'Samen sterk tegen armoede' (2019) and its follow-up 'Samen doen' (February 2020) in Maassluis,
the Meierijstad meeting of 19 December 2019 with the five welzijnspartners, Zaanstad's first
stedelijke netwerkbijeenkomst, and the closing evening of the week van de ontmoeting. The
attendees are invented names; the organisations are those of the demo directory. They are
written directly, as a record of what happened; new registrations go through services.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from bijeenkomsten.models import Aanmelding, Bijeenkomst, Programmaonderdeel
from organisaties import demodata as organisaties_demo
from organisaties.models import Locatie, Organisatie, Thema

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

VOORNAMEN = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Fatima",
    "Gert",
    "Hanneke",
    "Ilse",
    "Jeroen",
    "Karin",
    "Lucas",
    "Mohammed",
    "Noor",
    "Olga",
    "Pieter",
    "Roos",
    "Sanne",
    "Tim",
    "Ugur",
    "Vera",
    "Wim",
    "Yasmina",
    "Zeynep",
]
ACHTERNAMEN = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yilmaz",
    "El Amrani",
    "Kok",
]

SAMEN_DOEN_VERSLAG = (
    "Met meer dan 80 betrokken professionals, vrijwilligers en organisaties is het gesprek "
    "gevoerd over grote maatschappelijke vraagstukken in Maassluis. Wethouder Sjoerd Kuiper "
    "opende de bijeenkomst. Organisaties die geregeld samenwerken hebben elkaar ontmoet, en er "
    "zijn nieuwe, minder vanzelfsprekende contacten gelegd. Zo wordt duidelijk wat men voor "
    "elkaar en voor de stad kan betekenen, en voorkomt het netwerk dat Maassluizers die het "
    "(tijdelijk) niet alleen redden tussen wal en schip raken."
)


def _moment(jaar, maand, dag, uur, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


def _bijeenkomsten():
    nu = timezone.localtime()
    komend = (nu + datetime.timedelta(days=45)).replace(hour=15, minute=0, second=0, microsecond=0)
    # Under way whenever the demo is loaded, so that a coordinator can try the door mode.
    vandaag = (nu - datetime.timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0)
    return [
        {
            "slug": "samen-sterk-tegen-armoede",
            "titel": "Samen sterk tegen armoede",
            "omschrijving": "Netwerkbijeenkomst over de aanpak van armoede en schulden in "
            "Maassluis, met het wijkteam, de Voedselbank, Humanitas en Stroomopwaarts.",
            "start": _moment(2019, 10, 3, 15),
            "einde": _moment(2019, 10, 3, 18),
            "capaciteit": 80,
            "themas": ["armoede-en-schulden", "werk-en-inkomen"],
            "locatie": "Stadskantoor",
            "verslag": "Organisaties deelden hoe zij inwoners met geldzorgen eerder bereiken. "
            "Afgesproken is een vervolg in 2020 over samenhang en samenwerking.",
            "deelnemers": [
                "wijkteam-vraagraak",
                "voedselbank-maassluis",
                "humanitas-maassluis",
                "stroomopwaarts",
                "gemeente-maassluis",
                "stichting-present-maassluis",
            ],
        },
        {
            "slug": "samen-doen",
            "titel": "Samen doen: het belang van samenhang én samenwerking",
            "omschrijving": "Vervolg op 'Samen sterk tegen armoede': een bijeenkomst met het "
            "netwerk in het sociaal domein over de nota Samen Doen.",
            "start": _moment(2020, 2, 6, 15),
            "einde": _moment(2020, 2, 6, 18),
            "capaciteit": 100,
            "themas": ["armoede-en-schulden", "eenzaamheid", "mantelzorg"],
            "locatie": "Stadskantoor",
            "vervolg_op": "samen-sterk-tegen-armoede",
            "verslag": SAMEN_DOEN_VERSLAG,
            "deelnemers": [
                "wijkteam-vraagraak",
                "voedselbank-maassluis",
                "humanitas-maassluis",
                "minters-mantelzorg",
                "seniorenwelzijn-maassluis",
                "welzijn-e25",
                "buurtcirkel-pameijer",
                "rogplus",
                "gemeente-maassluis",
                "vrijwilligerssteunpunt-maassluis",
            ],
        },
        {
            "slug": "werkplan-sociaal-werk-meierijstad",
            "titel": "Meer dan de som der delen: werkplan Sociaal Werk Meierijstad",
            "omschrijving": "Gemeente Meierijstad en de welzijnspartners ONS Welzijn, Welzijn "
            "De Meierij, MEE, Lumens en Farent bekrachtigen de afspraken voor het welzijnswerk.",
            "start": _moment(2019, 12, 19, 14),
            "einde": _moment(2019, 12, 19, 16),
            "capaciteit": 30,
            "themas": ["eenzaamheid", "mantelzorg", "jeugd-en-gezin"],
            "adres": "Gemeentehuis Meierijstad, Veghel",
            "verslag": "De vijf welzijnspartners en de gemeente zijn akkoord met één opdracht "
            "met resultaatafspraken voor 2020.",
            "deelnemers": [
                "ons-welzijn",
                "welzijn-de-meierij",
                "mee-meierijstad",
                "lumens",
                "farent",
            ],
        },
        {
            "slug": "slotavond-week-van-de-ontmoeting",
            "titel": "Slotavond week van de ontmoeting: lokale coalitie tegen eenzaamheid",
            "omschrijving": "Op de slotavond sluiten organisaties en ondernemers een lokale "
            "coalitie tegen eenzaamheid onder het thema #samenzijnwijMaassluis.",
            "start": _moment(2021, 10, 8, 19),
            "einde": _moment(2021, 10, 8, 21, 30),
            "capaciteit": 60,
            "themas": ["eenzaamheid"],
            "locatie": "Zonneburcht",
            "verslag": "Zo'n 25 organisaties en ondernemers sloten zich aan bij de lokale "
            "coalitie.",
            "deelnemers": [
                "vrijwilligerssteunpunt-maassluis",
                "minters-mantelzorg",
                "stichting-present-maassluis",
                "humanitas-maassluis",
                "seniorenwelzijn-maassluis",
                "buurtcirkel-pameijer",
                "stichting-onder-een-dak",
                "wijkteam-vraagraak",
                "welzijn-e25",
                "buurtgezinnen-maassluis",
                "oproepcentrale-argoszorggroep",
                "voedselbank-maassluis",
                "gemeente-maassluis",
            ],
        },
        {
            "slug": "stedelijke-netwerkbijeenkomst-zaanstad",
            "titel": "Stedelijke netwerkbijeenkomst sociaal domein Zaanstad",
            "omschrijving": "De jaarlijkse bijeenkomst waar sociale wijkteams, gemeente, "
            "zorginstellingen, vrijwilligersorganisaties en belangenverenigingen elkaar "
            "ontmoeten, van elkaar leren en elkaars netwerk versterken.",
            "start": komend,
            "einde": komend + datetime.timedelta(hours=3),
            "capaciteit": 120,
            "themas": ["armoede-en-schulden", "mantelzorg", "inburgering", "gezondheid"],
            "adres": "Stadhuis Zaanstad, Stadserf 1, 1500 GA Zaandam",
            "verslag": "",
            "programma": [
                ("15:00", "Ontvangst met koffie"),
                ("15:30", "Opening door de wethouder"),
                ("16:00", "Ontmoeten in rondes: ken je buren in het netwerk"),
                ("17:15", "Leren van elkaar: drie praktijkverhalen"),
                ("17:45", "Borrel"),
            ],
            "deelnemers": [
                "stichting-ozw",
                "stichting-moe",
                "de-sluis-zaanstad",
                "alzheimer-zaanstreek-waterland",
                "burgerplatform-zaanstad",
            ],
        },
        {
            "slug": "netwerkcafe-vandaag",
            "titel": "Netwerkcafé: kennismaken met de buren in het netwerk",
            "omschrijving": "Een informele inloop voor wijkteams, welzijn en "
            "vrijwilligersorganisaties die elkaar nog niet kennen.",
            "start": vandaag,
            "einde": vandaag + datetime.timedelta(hours=4),
            "capaciteit": 16,
            "themas": ["eenzaamheid", "mantelzorg"],
            "locatie": "Zonneburcht",
            "verslag": "",
            # Two attendees share a name: the door tells them apart by their e-mail domain.
            "dubbele_naam": True,
            "deelnemers": [
                "wijkteam-vraagraak",
                "voedselbank-maassluis",
                "humanitas-maassluis",
                "minters-mantelzorg",
                "seniorenwelzijn-maassluis",
                "welzijn-e25",
                "vrijwilligerssteunpunt-maassluis",
                "stichting-present-maassluis",
            ],
        },
        {
            "slug": "intervisie-mantelzorg",
            "titel": "Intervisie mantelzorg: samen een casus bespreken",
            "omschrijving": "Een kleine bijeenkomst voor wie mantelzorgers ondersteunt: "
            "we bespreken in één ronde een casus uit de praktijk.",
            "start": komend + datetime.timedelta(days=14),
            "einde": komend + datetime.timedelta(days=14, hours=2),
            "capaciteit": 6,
            "themas": ["mantelzorg"],
            "locatie": "Zonneburcht",
            "verslag": "",
            # Full, with a waiting list; a place freed up and is offered to the first waiting.
            "wachtlijst": True,
            "deelnemers": [
                "minters-mantelzorg",
                "seniorenwelzijn-maassluis",
                "wijkteam-vraagraak",
                "humanitas-maassluis",
                "welzijn-e25",
            ],
        },
    ]


@transaction.atomic
def laad():
    """Create or update the demo meetings with attendees; safe to run again."""
    willekeurig = random.Random(2020)  # noqa: S311 - demo names, not security
    themas = {t.slug: t for t in Thema.objects.all()}
    organisaties = {o.slug: o for o in Organisatie.objects.all()}
    # The neighbours' organisations come in through the federation under a slug of their own:
    # found by the name they have in the seeds.
    op_naam = {o.naam: o for o in Organisatie.objects.filter(regiobron__isnull=False)}
    for data in organisaties_demo.ORGANISATIES:
        if data["slug"] not in organisaties and data["naam"] in op_naam:
            organisaties[data["slug"]] = op_naam[data["naam"]]
    bijeenkomsten = {}
    for data in _bijeenkomsten():
        locatie = (
            Locatie.objects.filter(naam=data.get("locatie")).first()
            if data.get("locatie")
            else None
        )
        bijeenkomst, _ = Bijeenkomst.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "titel": data["titel"],
                "omschrijving": data["omschrijving"],
                "start": data["start"],
                "einde": data["einde"],
                "capaciteit": data["capaciteit"],
                "locatie": locatie,
                "adres": data.get("adres", ""),
                "status": Bijeenkomst.Status.GEPUBLICEERD,
                "verslag": data["verslag"],
                "vervolg_op": bijeenkomsten.get(data.get("vervolg_op")),
            },
        )
        bijeenkomsten[data["slug"]] = bijeenkomst
        bijeenkomst.themas.set([themas[s] for s in data["themas"] if s in themas])
        bijeenkomst.programma.all().delete()
        for tijd, titel in data.get("programma", []):
            Programmaonderdeel.objects.create(bijeenkomst=bijeenkomst, tijd=tijd, titel=titel)

        if bijeenkomst.aanmeldingen.exists():
            continue
        naam = ""
        for nummer, slug in enumerate(data["deelnemers"] * 2):
            if slug not in organisaties:
                continue
            vorige_naam = naam
            naam = f"{willekeurig.choice(VOORNAMEN)} {willekeurig.choice(ACHTERNAMEN)}"
            if nummer == 1 and data.get("dubbele_naam"):
                naam = vorige_naam
            status = Aanmelding.Status.BEVESTIGD
            if bijeenkomst.is_afgelopen:
                status = Aanmelding.Status.AANWEZIG if nummer % 7 else Aanmelding.Status.BEVESTIGD
            elif bijeenkomst.start <= timezone.now() and nummer % 3 == 2:
                status = Aanmelding.Status.AANWEZIG
            elif data.get("wachtlijst") and nummer == 1:
                status = Aanmelding.Status.GEANNULEERD
            elif data.get("wachtlijst") and nummer >= data["capaciteit"]:
                status = Aanmelding.Status.WACHTLIJST
            aangemaakt = bijeenkomst.start - datetime.timedelta(days=20 - nummer % 10)
            wachtend = status == Aanmelding.Status.WACHTLIJST
            Aanmelding.objects.create(
                bijeenkomst=bijeenkomst,
                naam=naam,
                email=f"deelnemer{nummer}.{bijeenkomst.pk}@{slug}.example",
                organisatie=organisaties[slug],
                functie=willekeurig.choice(
                    ["Coördinator", "Vrijwilliger", "Consulent", "Wijkwerker"]
                ),
                status=status,
                aangemaakt=aangemaakt,
                wachtlijst_sinds=aangemaakt if wachtend else None,
                # The first on the waiting list has the freed place on offer, for two days.
                aanbod_tot=timezone.now() + datetime.timedelta(hours=47)
                if wachtend and nummer == data["capaciteit"]
                else None,
                aanwezig_op=min(bijeenkomst.start, timezone.now())
                if status == Aanmelding.Status.AANWEZIG
                else None,
                # Most say yes to "wie kunt u ontmoeten", so the demo shows the lists.
                wil_ontmoeten=nummer % 4 != 0,
            )
    return f"{len(bijeenkomsten)} bijeenkomsten"
