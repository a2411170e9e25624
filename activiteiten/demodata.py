"""Demo activities from the loneliness approach of Maassluis (shared/seeds).

Bakkie doen (the bus as a mobile meeting place in a wijk), walking football with its third
half, help with shopping, the kaartenactie, wonen plus in Zonneburcht, and the week van de
ontmoeting with its activities and a closing evening with sign-up. Each is run by an
organisation of the demo directory. The week van de ontmoeting is put a few weeks ahead of the
day the demo is loaded, so that the demo always has something coming; running again updates.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from activiteiten.herhaling import AMSTERDAM
from activiteiten.models import Activiteit, Campagne, Uitzonderingsperiode
from organisaties.models import Doelgroep, Locatie, Organisatie, Thema, Wijk


def _om(datum, uur, minuut=0):
    return datetime.datetime(datum.year, datum.month, datum.day, uur, minuut, tzinfo=AMSTERDAM)


def _zomervakantie(jaar):
    # Region Midden (Maassluis): the dates of the summer holiday in the demo years.
    return datetime.date(jaar, 7, 18), datetime.date(jaar, 8, 30)


def _activiteiten(week_maandag):
    begin = datetime.date(2025, 1, 6)  # a Monday: the repeating activities start here
    slotavond = week_maandag + datetime.timedelta(days=4)
    return [
        {
            "slug": "bakkie-doen-marktplein",
            "titel": "Bakkie doen bij de bus",
            "omschrijving": "De bus van Bakkie doen staat in de wijk. Het is een mobiele "
            "ontmoetingsplek. Drink een kop koffie of thee en maak een praatje met buren en "
            "vrijwilligers.",
            "organisaties": ["seniorenwelzijn-maassluis", "vrijwilligerssteunpunt-maassluis"],
            "ontmoetplek": "De bus op het Marktplein",
            "wijk": "centrum",
            "themas": ["eenzaamheid"],
            "doelgroepen": ["ouderen", "volwassenen"],
            "hoe_meedoen": "Gewoon binnenlopen. U hoeft zich niet aan te melden.",
            "toegankelijkheid": "De bus heeft een lift voor een rolstoel of rollator.",
            "start": _om(begin + datetime.timedelta(days=1), 10),
            "einde": _om(begin + datetime.timedelta(days=1), 12),
            "herhaling": "FREQ=WEEKLY",
            "zomervakantie": True,
        },
        {
            "slug": "bakkie-doen-koningshoek",
            "titel": "Bakkie doen in Koningshoek",
            "omschrijving": "De bus van Bakkie doen komt om de week naar Koningshoek. Kom "
            "langs voor koffie en een goed gesprek.",
            "organisaties": ["seniorenwelzijn-maassluis"],
            "ontmoetplek": "De bus bij winkelcentrum Koningshoek",
            "wijk": "koningshoek",
            "themas": ["eenzaamheid"],
            "doelgroepen": ["ouderen"],
            "hoe_meedoen": "Gewoon binnenlopen.",
            "start": _om(begin + datetime.timedelta(days=3), 14),
            "einde": _om(begin + datetime.timedelta(days=3), 16),
            "herhaling": "FREQ=WEEKLY;INTERVAL=2",
            "zomervakantie": True,
        },
        {
            "slug": "walking-football",
            "titel": "Walking football",
            "omschrijving": "Voetballen in wandeltempo, voor iedereen vanaf 55 jaar. Na "
            "afloop is er de derde helft: samen koffie drinken en napraten. Daar ontstaan "
            "nieuwe contacten.",
            "organisaties": ["vrijwilligerssteunpunt-maassluis"],
            "ontmoetplek": "Sportpark Dijkpolder, kantine van de voetbalclub",
            "wijk": "steendijkpolder",
            "themas": ["eenzaamheid", "gezondheid"],
            "doelgroepen": ["ouderen"],
            "kosten": "€ 2 per keer, koffie inbegrepen",
            "is_gratis": False,
            "hoe_meedoen": "Kom in sportkleding. De eerste keer is gratis.",
            "start": _om(begin + datetime.timedelta(days=2), 10),
            "einde": _om(begin + datetime.timedelta(days=2), 11, 30),
            "herhaling": "FREQ=WEEKLY",
            "zomervakantie": True,
        },
        {
            "slug": "samen-boodschappen-doen",
            "titel": "Samen boodschappen doen",
            "omschrijving": "Een vrijwilliger gaat met u naar de supermarkt en helpt met "
            "tillen en zoeken. Onderweg is er tijd voor een praatje.",
            "organisaties": ["seniorenwelzijn-maassluis"],
            "locatie": "Zonneburcht",
            "themas": ["eenzaamheid"],
            "doelgroepen": ["ouderen", "mensen-met-een-beperking"],
            "kosten": "€ 1 per keer",
            "is_gratis": False,
            "hoe_meedoen": "Bel Seniorenwelzijn een dag van tevoren. Dan komt er iemand.",
            "start": _om(begin + datetime.timedelta(days=4), 10),
            "einde": _om(begin + datetime.timedelta(days=4), 12),
            "herhaling": "FREQ=WEEKLY",
        },
        {
            "slug": "wonen-plus-zonneburcht",
            "titel": "Open huis Wonen plus in Zonneburcht",
            "omschrijving": "In Zonneburcht zijn wonen, zorg en welzijn verbonden. Elke "
            "eerste maandag van de maand is er open huis: kijk rond, drink koffie en hoor "
            "wat er te doen is.",
            "organisaties": ["seniorenwelzijn-maassluis", "oproepcentrale-argoszorggroep"],
            "locatie": "Zonneburcht",
            "themas": ["wonen", "eenzaamheid"],
            "doelgroepen": ["ouderen", "mantelzorgers"],
            "hoe_meedoen": "Gewoon binnenlopen.",
            "start": _om(begin, 14),
            "einde": _om(begin, 16),
            "herhaling": "FREQ=MONTHLY;BYDAY=1MO",
        },
        {
            "slug": "kaartenactie",
            "titel": "Kaartenactie: schrijf een kaartje",
            "omschrijving": "Schrijf samen met anderen een kaartje voor iemand die wel wat "
            "aandacht kan gebruiken. Kaarten en postzegels liggen klaar.",
            "organisaties": ["humanitas-maassluis"],
            "locatie": "Humanitas",
            "themas": ["eenzaamheid", "vrijwilligerswerk"],
            "doelgroepen": ["volwassenen", "jeugd"],
            "hoe_meedoen": "Gewoon binnenlopen.",
            "start": _om(week_maandag + datetime.timedelta(days=1), 14),
            "einde": _om(week_maandag + datetime.timedelta(days=1), 16),
            "campagne": True,
        },
        {
            "slug": "ontmoetingslunch-week-van-de-ontmoeting",
            "titel": "Ontmoetingslunch",
            "omschrijving": "Een gratis lunch om nieuwe mensen te leren kennen. Aan elke "
            "tafel zit een gastvrouw of gastheer.",
            "organisaties": ["seniorenwelzijn-maassluis", "stichting-present-maassluis"],
            "locatie": "Zonneburcht",
            "themas": ["eenzaamheid"],
            "doelgroepen": ["ouderen", "volwassenen"],
            "hoe_meedoen": "Meld u aan. Er is plaats voor 30 mensen.",
            "start": _om(week_maandag + datetime.timedelta(days=2), 12),
            "einde": _om(week_maandag + datetime.timedelta(days=2), 13, 30),
            "capaciteit": 30,
            "campagne": True,
        },
        {
            "slug": "slotavond-week-van-de-ontmoeting",
            "titel": "Slotavond week van de ontmoeting",
            "omschrijving": "Op de slotavond sluiten organisaties, ondernemers en inwoners "
            "samen een lokale coalitie tegen eenzaamheid: #samenzijnwijMaassluis. Met muziek "
            "en een hapje.",
            "organisaties": ["gemeente-maassluis", "vrijwilligerssteunpunt-maassluis"],
            "locatie": "Zonneburcht",
            "themas": ["eenzaamheid"],
            "doelgroepen": ["volwassenen", "ouderen", "vrijwilligers"],
            "hoe_meedoen": "Meld u aan, dan weten we hoeveel mensen er komen.",
            "start": _om(slotavond, 19),
            "einde": _om(slotavond, 21, 30),
            "capaciteit": 60,
            "campagne": True,
        },
    ]


@transaction.atomic
def laad():
    """Create or update the demo activities; safe to run again. Returns a summary."""
    vandaag = timezone.localdate()
    # The Monday three weeks from now: the week van de ontmoeting is always ahead.
    week_maandag = vandaag + datetime.timedelta(days=21 - vandaag.weekday())
    campagne, _ = Campagne.objects.update_or_create(
        slug="week-van-de-ontmoeting",
        defaults={
            "naam": "Week van de ontmoeting",
            "beschrijving": "Een week lang organiseren zo'n 25 organisaties en ondernemers in "
            "Maassluis activiteiten waar inwoners elkaar ontmoeten. De week sluit af met de "
            "slotavond, waar we samen een lokale coalitie tegen eenzaamheid sluiten.",
            "begin": week_maandag,
            "einde": week_maandag + datetime.timedelta(days=6),
        },
    )
    for data in _activiteiten(week_maandag):
        organisaties = list(Organisatie.objects.filter(slug__in=data["organisaties"]))
        if not organisaties:
            continue
        locatie = (
            Locatie.objects.filter(naam=data["locatie"], organisatie__in=organisaties).first()
            or Locatie.objects.filter(naam=data["locatie"]).first()
            if data.get("locatie")
            else None
        )
        activiteit, _ = Activiteit.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "titel": data["titel"],
                "omschrijving": data["omschrijving"],
                "locatie": locatie,
                "ontmoetplek": data.get("ontmoetplek", ""),
                "wijk": Wijk.objects.filter(slug=data.get("wijk", "")).first(),
                "kosten": data.get("kosten", ""),
                "is_gratis": data.get("is_gratis", True),
                "hoe_meedoen": data.get("hoe_meedoen", ""),
                "toegankelijkheid": data.get("toegankelijkheid", ""),
                "status": Activiteit.Status.GEPUBLICEERD,
                "campagne": campagne if data.get("campagne") else None,
                "start": data["start"],
                "einde": data["einde"],
                "herhaling": data.get("herhaling", ""),
                "capaciteit": data.get("capaciteit"),
            },
        )
        activiteit.organisaties.set(organisaties)
        activiteit.themas.set(Thema.objects.filter(slug__in=data["themas"]))
        activiteit.doelgroepen.set(Doelgroep.objects.filter(slug__in=data["doelgroepen"]))
        activiteit.uitzonderingsperioden.all().delete()
        if data.get("zomervakantie"):
            for jaar in (vandaag.year, vandaag.year + 1):
                van, tot = _zomervakantie(jaar)
                Uitzonderingsperiode.objects.create(
                    activiteit=activiteit, naam="Zomervakantie", van=van, tot=tot
                )
    aantal = Activiteit.objects.filter(
        slug__in=[d["slug"] for d in _activiteiten(week_maandag)]
    ).count()
    return f"{aantal} activiteiten"
