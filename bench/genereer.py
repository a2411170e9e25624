#!/usr/bin/env python
"""Fill a separate benchmark database with a large sociale kaart (10,000 organisations, or
``--organisaties N``).

    .venv/bin/python bench/genereer.py            # creates and fills netwerk_bench once
    .venv/bin/python bench/genereer.py --opnieuw  # empties it and generates again
    .venv/bin/python bench/genereer.py --organisaties 100000  # a national size

The database comes from BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/netwerk_bench), never from DATABASE_URL, so that a
development or production database is not filled by accident. It is created when missing and
migrated; the themes, doelgroepen, soorten and wijken come from the demo data
(``manage.py laad_demodata``, which also adds its 25 real organisations). The rest is drawn
with a fixed seed from Dutch building blocks below: the same seed gives the same directory.

About 40% of the organisations offer something about debts, so "schuld" is a broad search, as
it is in a real sociale kaart; smaller themes (inburgering, wonen) give narrow ones.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))

import server  # noqa: E402 - bench/server.py, next to this script

STANDAARD_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/netwerk_bench"
AANTAL_ORGANISATIES = 10_000
AANTAL_AANBOD = 30_000
ZAAD = 20260101
# Generated organisations have slugs starting with this; the demo ones do not.
SLUG_PREFIX = "bench-"

# --- Building blocks --------------------------------------------------------------------------

# Per theme: the kind of organisation that works on it, and what such an organisation offers
# (naam, omschrijving, doelgroepen it is meant for).
THEMA_ORGANISATIES = {
    "armoede-en-schulden": [
        "SchuldHulpMaatje",
        "Voedselbank",
        "Kledingbank",
        "Stichting Leergeld",
        "Formulierenbrigade",
        "Stichting Urgente Noden",
        "Budgetmaatjes",
        "Geldcafé",
        "Thuisadministratie",
        "Schuldhulp",
    ],
    "eenzaamheid": [
        "Buurtkamer",
        "Huiskamer",
        "Ontmoetingscentrum",
        "Samen aan Tafel",
        "Luisterlijn",
        "Zilveren Kracht",
        "Koffiehuis",
    ],
    "mantelzorg": [
        "Steunpunt Mantelzorg",
        "Mantelzorgcafé",
        "Respijthuis",
        "Zorgzame Buren",
        "Mantelzorgmakelaar",
    ],
    "jeugd-en-gezin": [
        "Jongerenwerk",
        "Speeltuinvereniging",
        "Centrum voor Jeugd en Gezin",
        "Huiswerkklas",
        "Opvoedpunt",
        "Kinderwerk",
    ],
    "werk-en-inkomen": [
        "Werkplein",
        "Werkcafé",
        "Leerwerkbedrijf",
        "Participatiebedrijf",
        "Loopbaanpunt",
    ],
    "wonen": ["Huurteam", "Woonconsulent", "Opvanghuis", "Buurtbeheer", "Woonwinkel"],
    "gezondheid": [
        "Alzheimercafé",
        "Dagbesteding",
        "Thuiszorg",
        "GGZ-inloop",
        "Beweegpunt",
        "Gezondheidscentrum",
    ],
    "inburgering": ["Taalhuis", "Taalcafé", "Taalmaatjes", "Wereldvrouwen", "Nieuwkomerspunt"],
    "vrijwilligerswerk": [
        "Vrijwilligerscentrale",
        "Klussendienst",
        "Burenhulp",
        "Repair Café",
        "Vrijwilligerspunt",
    ],
}

THEMA_AANBOD = {
    "armoede-en-schulden": [
        (
            "Schuldhulpverlening",
            "Samen uw geldzaken op een rij zetten, afspraken maken met schuldeisers en, als "
            "het nodig is, een schuldregeling aanvragen.",
            ["volwassenen", "ouders"],
        ),
        (
            "Hulp bij schulden",
            "Een getrainde vrijwilliger helpt u uit de schulden en blijft naast u staan tot "
            "het weer lukt.",
            ["volwassenen", "ouderen"],
        ),
        (
            "Thuisadministratie",
            "Hulp bij het ordenen van post, rekeningen en formulieren, zodat er geen nieuwe "
            "schulden ontstaan.",
            ["volwassenen", "ouderen", "mensen-met-een-beperking"],
        ),
        (
            "Budgetcursus",
            "In vier avonden leert u een begroting maken, besparen en schulden voorkomen.",
            ["volwassenen", "ouders"],
        ),
        (
            "Voedselpakket",
            "Een wekelijks pakket met boodschappen voor huishoudens die even niet rond kunnen "
            "komen, bijvoorbeeld door schulden.",
            ["volwassenen", "ouders", "ouderen"],
        ),
        (
            "Formulierenspreekuur",
            "Hulp bij het invullen van formulieren voor toeslagen, belasting en bijzondere "
            "bijstand.",
            ["volwassenen", "ouderen", "statushouders"],
        ),
        (
            "Vroegsignalering schulden",
            "Als u een betalingsachterstand heeft bij huur, energie of zorgverzekering, nemen "
            "wij contact op om erger te voorkomen.",
            ["volwassenen"],
        ),
        (
            "Kindpakket",
            "Schoolspullen, een fiets of sportclub voor kinderen in gezinnen met een laag inkomen.",
            ["ouders", "jeugd"],
        ),
    ],
    "eenzaamheid": [
        (
            "Koffieochtend",
            "Elke week koffie en een praatje in de buurt. U bent welkom, ook als u niemand kent.",
            ["ouderen", "volwassenen"],
        ),
        (
            "Maatjesproject",
            "Een vrijwilliger komt bij u op bezoek voor een wandeling, een spelletje of een "
            "gesprek.",
            ["ouderen", "mensen-met-een-beperking"],
        ),
        (
            "Samen eten",
            "Een warme maaltijd aan een gezellige tafel met buurtgenoten, voor een kleine "
            "bijdrage.",
            ["ouderen", "volwassenen"],
        ),
        (
            "Telefooncirkel",
            "Elke ochtend belt iemand uit de kring u even op. Zo weet u dat er iemand aan u denkt.",
            ["ouderen"],
        ),
        (
            "Wandelgroep",
            "Samen wandelen door de wijk, in een rustig tempo, met koffie na afloop.",
            ["ouderen", "volwassenen"],
        ),
    ],
    "mantelzorg": [
        (
            "Mantelzorgconsulent",
            "Een gesprek over wat de zorg voor uw naaste van u vraagt, en wat u kan helpen.",
            ["mantelzorgers"],
        ),
        (
            "Respijtzorg",
            "Een vrijwilliger neemt de zorg even van u over, zodat u tijd voor uzelf heeft.",
            ["mantelzorgers", "ouderen"],
        ),
        (
            "Mantelzorgcafé",
            "Andere mantelzorgers ontmoeten en ervaringen delen, met af en toe een spreker.",
            ["mantelzorgers"],
        ),
        (
            "Jonge mantelzorgers",
            "Activiteiten en steun voor kinderen en jongeren die thuis zorgen voor een ouder, "
            "broer of zus.",
            ["jeugd", "mantelzorgers"],
        ),
    ],
    "jeugd-en-gezin": [
        (
            "Opvoedspreekuur",
            "Met vragen over opvoeden en opgroeien kunt u terecht bij een gezinscoach.",
            ["ouders"],
        ),
        (
            "Huiswerkbegeleiding",
            "Na school rustig werken aan huiswerk, met hulp van studenten.",
            ["jeugd"],
        ),
        (
            "Tienerinloop",
            "Een plek voor tieners om te chillen, te gamen en mee te doen aan activiteiten.",
            ["jeugd"],
        ),
        (
            "Steungezin",
            "Een ander gezin vangt uw kind af en toe op, zodat u even op adem kunt komen.",
            ["ouders", "jeugd"],
        ),
        (
            "Speel-o-theek",
            "Speelgoed lenen voor een paar weken, en elke maand een speelmiddag.",
            ["ouders", "jeugd"],
        ),
    ],
    "werk-en-inkomen": [
        (
            "Werkcoach",
            "Een werkcoach helpt u een baan, stage of opleiding te vinden die bij u past.",
            ["volwassenen", "statushouders"],
        ),
        (
            "Sollicitatietraining",
            "Oefenen met brieven, je cv en sollicitatiegesprekken, in een kleine groep.",
            ["volwassenen", "jeugd"],
        ),
        (
            "Bijstandsuitkering",
            "Een uitkering aanvragen als u geen werk en geen ander inkomen heeft.",
            ["volwassenen"],
        ),
        (
            "Leerwerkplek",
            "Werkervaring opdoen met begeleiding, als opstap naar betaald werk.",
            ["volwassenen", "mensen-met-een-beperking"],
        ),
    ],
    "wonen": [
        (
            "Huurspreekuur",
            "Vragen over uw huur, huurtoeslag of onderhoud aan uw woning.",
            ["volwassenen", "ouderen"],
        ),
        (
            "Woningaanpassing",
            "Advies over een traplift, drempels weg of een aangepaste badkamer via de Wmo.",
            ["ouderen", "mensen-met-een-beperking"],
        ),
        (
            "Nachtopvang",
            "Een bed, een douche en een maaltijd voor wie geen dak boven het hoofd heeft.",
            ["volwassenen"],
        ),
        (
            "Begeleid wonen",
            "Zelfstandig wonen met begeleiding die past bij wat u zelf kunt.",
            ["volwassenen", "mensen-met-een-beperking", "jeugd"],
        ),
    ],
    "gezondheid": [
        (
            "Alzheimercafé",
            "Elke maand een avond over leven met dementie, voor mensen met dementie en hun "
            "naasten.",
            ["ouderen", "mantelzorgers"],
        ),
        (
            "Dagbesteding",
            "Een zinvolle dag met activiteiten en begeleiding, dichtbij huis.",
            ["ouderen", "mensen-met-een-beperking"],
        ),
        (
            "Valpreventie",
            "Oefenen met kracht en balans, zodat u minder snel valt.",
            ["ouderen"],
        ),
        (
            "Psychisch spreekuur",
            "Praten over somberheid, angst of stress, zonder verwijzing van de huisarts.",
            ["volwassenen", "jeugd"],
        ),
        (
            "Personenalarmering",
            "Een alarmknop om de hals, zodat er altijd iemand komt als u valt.",
            ["ouderen"],
        ),
    ],
    "inburgering": [
        (
            "Taalcafé",
            "Nederlands oefenen in gewone gesprekken, met koffie en vrijwilligers.",
            ["statushouders", "volwassenen"],
        ),
        (
            "Taalmaatje",
            "Een vrijwilliger oefent elke week een uur Nederlands met u.",
            ["statushouders"],
        ),
        (
            "Inburgeringsbegeleiding",
            "Hulp bij het inburgeringsexamen, brieven van instanties en de weg in de gemeente.",
            ["statushouders"],
        ),
        (
            "Digitaal spreekuur",
            "Hulp met DigiD, e-mail en formulieren op de computer of telefoon.",
            ["statushouders", "ouderen", "volwassenen"],
        ),
    ],
    "vrijwilligerswerk": [
        (
            "Vacaturebank vrijwilligers",
            "Vrijwilligerswerk zoeken dat bij u past, of een vrijwilliger vinden voor uw "
            "organisatie.",
            ["vrijwilligers", "professionals"],
        ),
        (
            "Klussendienst",
            "Vrijwilligers helpen met kleine klussen in en om het huis.",
            ["ouderen", "mensen-met-een-beperking"],
        ),
        (
            "Training voor vrijwilligers",
            "Korte trainingen over gespreksvoering, signaleren en grenzen stellen.",
            ["vrijwilligers"],
        ),
        (
            "Burenhulp",
            "Buren helpen elkaar met boodschappen, vervoer of de hond uitlaten.",
            ["ouderen", "volwassenen"],
        ),
    ],
}

# How often an organisation has each theme as its main one; together with the aanbod of other
# themes and the wijkteams this makes "schuld" match about 40% of the organisations.
THEMA_GEWICHT = {
    "armoede-en-schulden": 22,
    "eenzaamheid": 13,
    "mantelzorg": 9,
    "jeugd-en-gezin": 11,
    "werk-en-inkomen": 9,
    "wonen": 6,
    "gezondheid": 11,
    "inburgering": 4,
    "vrijwilligerswerk": 7,
}

SOORT_GEWICHT = {
    "vrijwilligersorganisatie": 35,
    "welzijnspartner": 25,
    "belangenvereniging": 15,
    "zorginstelling": 15,
    "wijkteam": 6,
    "gemeente": 4,
}

NAAM_ACHTER = [
    "De Vloot",
    "De Haven",
    "De Brug",
    "De Molen",
    "De Sluis",
    "De Linde",
    "De Eik",
    "De Kade",
    "De Schakel",
    "De Vonk",
    "De Horizon",
    "De Wending",
    "De Regenboog",
    "De Ark",
    "Het Anker",
    "Het Baken",
    "Het Kompas",
    "De Zwaluw",
]
PLAATSEN = [
    "Maassluis",
    "Vlaardingen",
    "Schiedam",
    "Maasland",
    "De Lier",
    "Naaldwijk",
    "Rozenburg",
    "Hoek van Holland",
]
STRATEN = [
    "Hoogstraat",
    "Kerkplein",
    "Sportlaan",
    "Zuiddijk",
    "Noordvliet",
    "Govert van Wijnkade",
    "Uiverlaan",
    "Merellaan",
    "Burgemeester de Jonghkade",
    "Lijsterlaan",
    "Fenacoliuslaan",
    "Westlandseweg",
    "Haven",
    "Wilhelminastraat",
    "Julianalaan",
    "Koningshoek",
    "Schiedamseweg",
    "Steendijkpolderweg",
    "Mozartlaan",
    "Händellaan",
    "Rembrandtlaan",
    "Zeeheldenbuurt",
    "Palamedesstraat",
    "Dr. Albert Schweitzerplein",
]
LOCATIE_NAMEN = [
    "Buurthuis",
    "Wijkcentrum",
    "Ontmoetingsplek",
    "Kantoor",
    "Inlooppunt",
    "Huiskamer",
    "Bibliotheek",
]
TOEGANKELIJKHEID = [
    "Drempelvrije ingang, lift en invalidentoilet.",
    "Ingang zonder drempel, ringleiding aan de balie.",
    "Trap naar de eerste verdieping; afspraak beneden mogelijk.",
    "Gelijkvloers, brede deuren en een invalidenparkeerplaats voor de deur.",
    "Kleine drempel bij de ingang; een oprijplaat is aanwezig.",
    "",
]
OPENINGSTIJDEN = [
    [(dag, "09:00", "17:00", "") for dag in range(1, 6)],
    [(dag, "09:00", "12:30", "") for dag in range(1, 6)],
    [(2, "13:00", "16:00", "inloop"), (4, "13:00", "16:00", "inloop")],
    [(3, "19:00", "21:30", ""), (6, "10:00", "13:00", "")],
    [(1, "10:00", "12:00", "alleen op afspraak")],
    [],
]
OMSCHRIJVING_BEGIN = {
    "vrijwilligersorganisatie": "{naam} is een vrijwilligersorganisatie",
    "welzijnspartner": "{naam} is een welzijnsorganisatie",
    "belangenvereniging": "{naam} is een vereniging die opkomt voor haar leden",
    "zorginstelling": "{naam} is een zorgaanbieder",
    "wijkteam": "Bij {naam} kunt u terecht met vragen over zorg, welzijn, geld en schulden",
    "gemeente": "{naam} is een loket van de gemeente",
}
OMSCHRIJVING_ZINNEN = [
    "Wij werken samen met het wijkteam, de huisarts en andere organisaties in de buurt.",
    "Onze vrijwilligers zijn getraind en hebben een verklaring omtrent het gedrag.",
    "U hoeft geen verwijzing te hebben: bel of loop gewoon binnen.",
    "Wij spreken ook Engels, Arabisch, Turks en Pools.",
    "Alles wat u vertelt blijft tussen ons.",
    "Wij zijn er voor iedereen, jong en oud, met of zonder geldzorgen.",
    "Wij helpen ook bij de eerste stap naar andere hulp in de gemeente.",
    "Samen met u kijken we wat u zelf kunt en waar u hulp bij nodig heeft.",
]
HOE_AANMELDEN = [
    "Bel ons of stuur een e-mail.",
    "Loop binnen tijdens het spreekuur.",
    "Meld u aan via het formulier op de website.",
    "Vraag het wijkteam of uw huisarts om u aan te melden.",
    "Aanmelden is niet nodig.",
]
KOSTEN = [("gratis", 60), ("eigen_bijdrage", 25), ("betaald", 15)]
KOSTEN_TOELICHTING = {
    "gratis": [""],
    "eigen_bijdrage": ["€ 2,50 per keer", "€ 5 per maand", "Vergoed vanuit de Wmo"],
    "betaald": ["€ 25 per cursus", "€ 12,50 per uur", "Soms vergoed door uw zorgverzekeraar"],
}


def gewogen(rng: random.Random, gewichten: dict):
    return rng.choices(list(gewichten), weights=list(gewichten.values()))[0]


# --- Database -------------------------------------------------------------------------------


def aantal_aanbod_bij(organisaties: int) -> int:
    """Aanbod in the same proportion as the standard size: three per organisation."""
    return AANTAL_AANBOD * organisaties // AANTAL_ORGANISATIES


def bench_database_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL", STANDAARD_DATABASE_URL)


def django_opzetten(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netwerk.settings")
    # The generator's own cache: no page is served while it runs, belasting.py flushes Redis.
    os.environ["REDIS_URL"] = ""
    import django

    django.setup()


# --- Generating -----------------------------------------------------------------------------


def genereer(zaad: int, organisaties: int = AANTAL_ORGANISATIES) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from organisaties.models import (
        Aanbod,
        Doelgroep,
        Locatie,
        Openingstijd,
        Organisatie,
        Soort,
        Thema,
        Wijk,
    )
    from organisaties.zoekindex import werk_zoekindex_bij

    rng = random.Random(zaad)
    themas = {t.slug: t for t in Thema.objects.all()}
    doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}
    soorten = {s.slug: s for s in Soort.objects.all()}
    wijken = list(Wijk.objects.all())
    for slug in THEMA_GEWICHT:
        assert slug in themas, f"thema {slug} ontbreekt: draai eerst laad_demodata"

    aantal_orgs = organisaties - Organisatie.objects.count()
    aantal_aanbod = aantal_aanbod_bij(organisaties) - Aanbod.objects.count()
    vandaag = datetime.date(2026, 1, 1)
    begin = time.monotonic()

    # Organisations.
    gebruikte_namen = set(Organisatie.objects.values_list("naam", flat=True))
    organisaties, hoofdthemas = [], []
    for nummer in range(aantal_orgs):
        hoofdthema = gewogen(rng, THEMA_GEWICHT)
        soort = gewogen(rng, SOORT_GEWICHT)
        plaats = rng.choice(PLAATSEN)
        if soort == "wijkteam":
            naam = f"Wijkteam {rng.choice(wijken).naam}"
        elif soort == "gemeente":
            naam = f"Gemeente {plaats} {rng.choice(THEMA_ORGANISATIES[hoofdthema])}"
        else:
            kern = rng.choice(THEMA_ORGANISATIES[hoofdthema])
            achter = rng.choice([rng.choice(NAAM_ACHTER), rng.choice(wijken).naam, plaats])
            naam = f"{kern} {achter}"
        if naam in gebruikte_namen:
            naam = f"{naam} {plaats}" if plaats not in naam else f"{naam} {nummer}"
        if naam in gebruikte_namen:
            naam = f"{naam} ({nummer})"
        gebruikte_namen.add(naam)
        domein = "".join(c for c in naam.lower() if c.isalnum())[:40]
        status = rng.choices(["gepubliceerd", "concept", "gearchiveerd"], [94, 4, 2])[0]
        zinnen = rng.sample(OMSCHRIJVING_ZINNEN, 2)
        omschrijving = (
            OMSCHRIJVING_BEGIN[soort].format(naam=naam)
            + f" in {plaats}, vooral voor {themas[hoofdthema].naam.lower()}. "
            + " ".join(zinnen)
        )
        organisaties.append(
            Organisatie(
                naam=naam,
                slug=f"{SLUG_PREFIX}{nummer:05d}",
                soort=soorten[soort],
                omschrijving=omschrijving,
                website=f"https://www.{domein}.nl",
                email=f"info@{domein}.nl",
                telefoon=f"010 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                status=status,
                laatst_geverifieerd=vandaag - datetime.timedelta(days=rng.randint(0, 730)),
            )
        )
        hoofdthemas.append(hoofdthema)

    with transaction.atomic():
        Organisatie.objects.bulk_create(organisaties, batch_size=1000)

        # Themes and wijken of the organisation itself.
        org_themas, org_wijken = [], []
        for organisatie, hoofdthema in zip(organisaties, hoofdthemas, strict=True):
            gekozen = {hoofdthema}
            if rng.random() < 0.3:
                gekozen.add(gewogen(rng, THEMA_GEWICHT))
            org_themas += [
                Organisatie.themas.through(organisatie_id=organisatie.pk, thema_id=themas[s].pk)
                for s in sorted(gekozen)
            ]
            if organisatie.soort.slug == "wijkteam" or rng.random() < 0.5:
                aantal = len(wijken) if organisatie.soort.slug == "gemeente" else rng.randint(1, 3)
                org_wijken += [
                    Organisatie.wijken.through(organisatie_id=organisatie.pk, wijk_id=w.pk)
                    for w in rng.sample(wijken, aantal)
                ]
        Organisatie.themas.through.objects.bulk_create(org_themas, batch_size=5000)
        Organisatie.wijken.through.objects.bulk_create(org_wijken, batch_size=5000)

        # Locations with opening hours.
        locaties, per_organisatie = [], []
        for organisatie in organisaties:
            aantal = rng.choices([0, 1, 2, 3], [10, 60, 25, 5])[0]
            eigen = []
            for _ in range(aantal):
                wijk = rng.choice(wijken)
                eigen.append(
                    Locatie(
                        organisatie=organisatie,
                        naam=f"{rng.choice(LOCATIE_NAMEN)} {wijk.naam}",
                        adres=f"{rng.choice(STRATEN)} {rng.randint(1, 250)}",
                        postcode=f"314{rng.randint(0, 9)} "
                        f"{rng.choice('ABCDEGHJKLMNPRST')}{rng.choice('ABCDEGHJKLMNPRST')}",
                        plaats="Maassluis",
                        latitude=round(51.917 + rng.gauss(0, 0.008), 6),
                        longitude=round(4.25 + rng.gauss(0, 0.012), 6),
                        wijk=wijk,
                        rolstoeltoegankelijk=rng.random() < 0.6,
                        toegankelijkheid=rng.choice(TOEGANKELIJKHEID),
                    )
                )
            locaties += eigen
            per_organisatie.append(eigen)
        Locatie.objects.bulk_create(locaties, batch_size=2000)
        Openingstijd.objects.bulk_create(
            (
                Openingstijd(locatie=locatie, dag=dag, van=van, tot=tot, opmerking=opmerking)
                for locatie in locaties
                for dag, van, tot, opmerking in rng.choice(OPENINGSTIJDEN)
            ),
            batch_size=5000,
        )

        # Aanbod: one per organisation, the rest spread at random (on average three each).
        aantallen = [1] * len(organisaties)
        for index in rng.choices(range(len(organisaties)), k=aantal_aanbod - len(organisaties)):
            aantallen[index] += 1
        aanbod, aanbod_themas, aanbod_doelgroepen, aanbod_locaties = [], [], [], []
        for organisatie, hoofdthema, eigen_locaties, aantal in zip(
            organisaties, hoofdthemas, per_organisatie, aantallen, strict=True
        ):
            for volgorde in range(aantal):
                thema = hoofdthema if rng.random() < 0.75 else gewogen(rng, THEMA_GEWICHT)
                naam, omschrijving, voor_wie = rng.choice(THEMA_AANBOD[thema])
                kosten = rng.choices(*zip(*KOSTEN, strict=True))[0]
                item = Aanbod(
                    organisatie=organisatie,
                    naam=naam,
                    omschrijving=omschrijving,
                    kosten=kosten,
                    kosten_toelichting=rng.choice(KOSTEN_TOELICHTING[kosten]),
                    hoe_aanmelden=rng.choice(HOE_AANMELDEN),
                    volgorde=volgorde,
                )
                aanbod.append(item)
                item._themas = [thema]
                item._doelgroepen = rng.sample(voor_wie, rng.randint(1, len(voor_wie)))
                item._locaties = eigen_locaties if rng.random() < 0.6 else eigen_locaties[:1]
        Aanbod.objects.bulk_create(aanbod, batch_size=2000)
        for item in aanbod:
            aanbod_themas += [
                Aanbod.themas.through(aanbod_id=item.pk, thema_id=themas[s].pk)
                for s in item._themas
            ]
            aanbod_doelgroepen += [
                Aanbod.doelgroepen.through(aanbod_id=item.pk, doelgroep_id=doelgroepen[s].pk)
                for s in item._doelgroepen
            ]
            aanbod_locaties += [
                Aanbod.locaties.through(aanbod_id=item.pk, locatie_id=loc.pk)
                for loc in item._locaties
            ]
        Aanbod.themas.through.objects.bulk_create(aanbod_themas, batch_size=5000)
        Aanbod.doelgroepen.through.objects.bulk_create(aanbod_doelgroepen, batch_size=5000)
        Aanbod.locaties.through.objects.bulk_create(aanbod_locaties, batch_size=5000)
        print(
            f"{len(organisaties)} organisaties, {len(aanbod)} aanbod, {len(locaties)} locaties "
            f"aangemaakt in {time.monotonic() - begin:.1f} s"
        )

        # bulk_create sends no signals: build the search and facet columns in one go.
        begin = time.monotonic()
        werk_zoekindex_bij(Organisatie.objects.values_list("pk", flat=True))
        print(f"Zoekindex opgebouwd in {time.monotonic() - begin:.1f} s")

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    call_command("check", stdout=None)


def leeg_maken() -> None:
    """Remove every organisation (and what hangs from it) before generating again."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE organisaties_organisatie RESTART IDENTITY CASCADE")


def samenvatting() -> None:
    from organisaties.models import Aanbod, Organisatie

    gepubliceerd = Organisatie.objects.gepubliceerd()
    totaal = gepubliceerd.count()
    print(
        f"In de database: {Organisatie.objects.count()} organisaties "
        f"({totaal} gepubliceerd), {Aanbod.objects.count()} aanbod"
    )
    for woord in ("schuld", "eenzaam", "mantelzorg", "dementie", "taalcafe"):
        aantal = gepubliceerd.zoek(woord).count()
        print(f'  "{woord}" vindt {aantal} ({aantal / max(totaal, 1):.0%}) organisaties')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opnieuw", action="store_true", help="leeg maken en opnieuw vullen")
    parser.add_argument("--zaad", type=int, default=ZAAD, help="seed van de toevalsgenerator")
    parser.add_argument(
        "--organisaties",
        type=int,
        default=AANTAL_ORGANISATIES,
        help=f"aantal organisaties (standaard {AANTAL_ORGANISATIES}; aanbod: drie per organisatie)",
    )
    args = parser.parse_args()

    url = bench_database_url()
    naam = urlsplit(url).path.lstrip("/")
    if "bench" not in naam:
        sys.exit(f"BENCH_DATABASE_URL wijst naar {naam!r}: de naam moet 'bench' bevatten.")
    server.maak_database_als_nodig(url)
    django_opzetten(url)

    from django.core.management import call_command

    from organisaties.models import Aanbod, Organisatie

    call_command("migrate", verbosity=0, interactive=False)
    compleet = (
        Organisatie.objects.filter(slug__startswith=SLUG_PREFIX).exists()
        and Organisatie.objects.count() == args.organisaties
        and Aanbod.objects.count() == aantal_aanbod_bij(args.organisaties)
    )
    if compleet and not args.opnieuw:
        print(f"{naam} is al gevuld (--opnieuw om opnieuw te genereren).")
    else:
        leeg_maken()
        call_command("laad_demodata")
        genereer(args.zaad, args.organisaties)
    samenvatting()


if __name__ == "__main__":
    main()
