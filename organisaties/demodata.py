"""Demo data for the sociale kaart, built from the source documents in shared/seeds.

The organisations are real (the Maassluis kerngroep against loneliness, Rogplus and
Stroomopwaarts, the Zaanstad organisations named for the stedelijke netwerkbijeenkomst and the
Meierijstad welzijnspartners); their aanbod, addresses, phone numbers and opening hours are
made up for the demonstration. The site shows a demo notice while these are loaded.
"""

import datetime

from django.db import transaction
from django.utils import timezone

THEMAS = [
    ("armoede-en-schulden", "Armoede en schulden", "Hulp bij geldzorgen, schulden en rondkomen."),
    ("eenzaamheid", "Eenzaamheid", "Mensen ontmoeten en er niet alleen voor staan."),
    ("mantelzorg", "Mantelzorg", "Steun voor wie zorgt voor een naaste."),
    ("jeugd-en-gezin", "Jeugd en gezin", "Opvoeden, opgroeien en steun voor gezinnen."),
    ("werk-en-inkomen", "Werk en inkomen", "Werk vinden, uitkering en inkomen."),
    ("wonen", "Wonen", "Een dak boven het hoofd, zelfstandig wonen en huisvesting."),
    ("gezondheid", "Gezondheid", "Zorg, dementie en gezond blijven."),
    ("inburgering", "Inburgering", "Nieuw in Nederland: taal, inburgeren en meedoen."),
    ("vrijwilligerswerk", "Vrijwilligerswerk", "Vrijwilliger worden of een vrijwilliger vinden."),
]

DOELGROEPEN = [
    ("jeugd", "Jeugd"),
    ("ouders", "Ouders en gezinnen"),
    ("volwassenen", "Volwassenen"),
    ("ouderen", "Ouderen"),
    ("mantelzorgers", "Mantelzorgers"),
    ("statushouders", "Statushouders"),
    ("mensen-met-een-beperking", "Mensen met een beperking"),
    ("vrijwilligers", "Vrijwilligers"),
    ("professionals", "Professionals"),
]

SOORTEN = [
    ("wijkteam", "Wijkteam"),
    ("welzijnspartner", "Welzijnspartner"),
    ("vrijwilligersorganisatie", "Vrijwilligersorganisatie"),
    ("belangenvereniging", "Belangenvereniging"),
    ("zorginstelling", "Zorginstelling"),
    ("gemeente", "Gemeente"),
]

# The terms' names on the English site (Taxonomie.naam_en), by slug.
ENGELSE_NAMEN = {
    "armoede-en-schulden": "Poverty and debt",
    "eenzaamheid": "Loneliness",
    "mantelzorg": "Caring for someone",
    "jeugd-en-gezin": "Children and family",
    "werk-en-inkomen": "Work and income",
    "wonen": "Housing",
    "gezondheid": "Health",
    "inburgering": "Integration",
    "vrijwilligerswerk": "Volunteering",
    "jeugd": "Young people",
    "ouders": "Parents and families",
    "volwassenen": "Adults",
    "ouderen": "Older people",
    "mantelzorgers": "Carers",
    "statushouders": "Refugees with a permit",
    "mensen-met-een-beperking": "People with a disability",
    "vrijwilligers": "Volunteers",
    "professionals": "Professionals",
    "wijkteam": "Neighbourhood team",
    "welzijnspartner": "Welfare organisation",
    "vrijwilligersorganisatie": "Volunteer organisation",
    "belangenvereniging": "Interest group",
    "zorginstelling": "Care provider",
    "gemeente": "Municipality",
}

# Wijken of Maassluis, with the CBS wijkcodes of gemeente 0556.
WIJKEN = [
    ("centrum", "Centrum", "WK055600"),
    ("sluispolder", "Sluispolder", "WK055601"),
    ("koningshoek", "Koningshoek", "WK055602"),
    ("kapelpolder", "Kapelpolder", "WK055603"),
    ("steendijkpolder", "Steendijkpolder", "WK055604"),
    ("het-balkon", "Het Balkon", "WK055605"),
]

WERKDAGEN = [(dag, "09:00", "17:00", "") for dag in range(1, 6)]
OCHTENDEN = [(dag, "09:00", "12:30", "") for dag in range(1, 6)]

# Each organisation: slug, naam, soort, omschrijving, contact, themas, wijken, locaties, aanbod.
# A locatie: (naam, adres, postcode, plaats, lat, lon, wijk, rolstoel, toegankelijkheid, tijden).
# An aanbod: (naam, omschrijving, themas, doelgroepen, kosten, kosten_toelichting, hoe_aanmelden).
ORGANISATIES = [
    {
        "slug": "gemeente-maassluis",
        "naam": "Gemeente Maassluis",
        "soort": "gemeente",
        "omschrijving": "De gemeente regelt bijzondere bijstand, de Wmo en het minimabeleid, en "
        "voert de regie over de aanpak van eenzaamheid onder de naam #samenzijnwijMaassluis.",
        "website": "https://www.maassluis.nl",
        "email": "info@maassluis.nl",
        "telefoon": "14 010",
        "themas": ["armoede-en-schulden", "werk-en-inkomen", "eenzaamheid"],
        "wijken": [],
        "locaties": [
            (
                "Stadskantoor",
                "Koningshoek 101",
                "3144 BA",
                "Maassluis",
                51.9185,
                4.2622,
                "koningshoek",
                True,
                "Drempelvrije ingang, lift en invalidentoilet.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Minimaregelingen",
                "Een tegemoetkoming voor inwoners met een laag inkomen, zoals "
                "de Maassluispas, de individuele inkomenstoeslag en bijzondere bijstand.",
                ["armoede-en-schulden", "werk-en-inkomen"],
                ["volwassenen", "ouders", "ouderen"],
                "gratis",
                "",
                "Vraag het aan via de website of bel 14 010.",
            ),
            (
                "#samenzijnwijMaassluis",
                "De Maassluise aanpak van eenzaamheid: campagne, "
                "week van de ontmoeting en een lokale coalitie van organisaties.",
                ["eenzaamheid"],
                ["ouderen", "volwassenen"],
                "gratis",
                "",
                "Kijk op samenzijnwijmaassluis.nl of neem contact op met de gemeente.",
            ),
        ],
    },
    {
        "slug": "wijkteam-vraagraak",
        "naam": "Wijkteam VraagRaak",
        "soort": "wijkteam",
        "omschrijving": "Bij wijkteam VraagRaak kunt u terecht met vragen over zorg, welzijn, "
        "geld, wonen en opvoeden. Een vaste medewerker kijkt samen met u wat u nodig heeft.",
        "website": "https://www.vraagraak.nl",
        "email": "info@vraagraak.nl",
        "telefoon": "010 123 45 10",
        "themas": ["armoede-en-schulden", "jeugd-en-gezin", "wonen", "gezondheid"],
        "wijken": [
            "centrum",
            "sluispolder",
            "koningshoek",
            "kapelpolder",
            "steendijkpolder",
            "het-balkon",
        ],
        "locaties": [
            (
                "VraagRaak Koningshoek",
                "Koningshoek 75",
                "3144 BA",
                "Maassluis",
                51.9190,
                4.2610,
                "koningshoek",
                True,
                "Ingang zonder drempel, ringleiding aan de balie.",
                OCHTENDEN,
            ),
            (
                "VraagRaak Sluispolder",
                "Sportlaan 4",
                "3141 XK",
                "Maassluis",
                51.9235,
                4.2480,
                "sluispolder",
                False,
                "Trap naar de eerste verdieping; afspraak beneden mogelijk.",
                [(2, "13:00", "16:00", "inloop"), (4, "13:00", "16:00", "inloop")],
            ),
        ],
        "aanbod": [
            (
                "Inloopspreekuur",
                "Zonder afspraak binnenlopen met elke vraag over zorg, geld of opvoeden.",
                ["armoede-en-schulden", "jeugd-en-gezin"],
                ["volwassenen", "ouders", "ouderen"],
                "gratis",
                "",
                "Loop binnen tijdens het spreekuur.",
            ),
            (
                "Schuldhulpverlening",
                "Samen uw geldzaken op een rij zetten, afspraken maken met "
                "schuldeisers en, als het nodig is, een schuldregeling aanvragen.",
                ["armoede-en-schulden"],
                ["volwassenen"],
                "gratis",
                "",
                "Bel of mail het wijkteam voor een eerste gesprek.",
            ),
            (
                "Ondersteuning bij opvoeden",
                "Een gezinscoach denkt mee bij vragen over opvoeden en opgroeien.",
                ["jeugd-en-gezin"],
                ["ouders", "jeugd"],
                "gratis",
                "",
                "Bel het wijkteam.",
            ),
        ],
    },
    {
        "slug": "vrijwilligerssteunpunt-maassluis",
        "naam": "Vrijwilligerssteunpunt Maassluis",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "Het steunpunt brengt vrijwilligers en organisaties bij elkaar, geeft "
        "trainingen en deelt de acties van #samenzijnwijMaassluis.",
        "website": "https://www.vrijwilligerssteunpuntmaassluis.nl",
        "email": "info@vrijwilligerssteunpuntmaassluis.nl",
        "telefoon": "010 123 45 11",
        "themas": ["vrijwilligerswerk", "eenzaamheid"],
        "wijken": [],
        "locaties": [
            (
                "Steunpunt Centrum",
                "Hoogstraat 21",
                "3142 EA",
                "Maassluis",
                51.9160,
                4.2500,
                "centrum",
                True,
                "Gelijkvloers.",
                [(1, "10:00", "16:00", ""), (3, "10:00", "16:00", "")],
            ),
        ],
        "aanbod": [
            (
                "Vrijwilligersvacaturebank",
                "Vind vrijwilligerswerk dat bij u past.",
                ["vrijwilligerswerk"],
                ["vrijwilligers", "volwassenen", "ouderen"],
                "gratis",
                "",
                "Kom langs of bekijk de vacatures op de website.",
            ),
            (
                "Training voor vrijwilligers",
                "Korte trainingen, zoals signalen van eenzaamheid herkennen.",
                ["vrijwilligerswerk", "eenzaamheid"],
                ["vrijwilligers"],
                "gratis",
                "",
                "Aanmelden via de website.",
            ),
        ],
    },
    {
        "slug": "minters-mantelzorg",
        "naam": "Minters Mantelzorg",
        "soort": "welzijnspartner",
        "omschrijving": "Minters Mantelzorg ondersteunt mantelzorgers: mensen die langdurig "
        "zorgen voor een partner, ouder, kind of vriend.",
        "website": "https://www.minters.nl",
        "email": "mantelzorg@minters.nl",
        "telefoon": "010 123 45 12",
        "themas": ["mantelzorg"],
        "wijken": [],
        "locaties": [
            (
                "Minters Maassluis",
                "Lijnbaan 44",
                "3142 AJ",
                "Maassluis",
                51.9170,
                4.2470,
                "centrum",
                True,
                "Drempelvrij, lift aanwezig.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Mantelzorgconsulent",
                "Een gesprek over wat de zorg van u vraagt en hoe u het volhoudt.",
                ["mantelzorg"],
                ["mantelzorgers"],
                "gratis",
                "",
                "Bel of mail voor een afspraak.",
            ),
            (
                "Respijtzorg",
                "Even vrij van de zorg: een vrijwilliger neemt het een dagdeel over.",
                ["mantelzorg"],
                ["mantelzorgers"],
                "eigen_bijdrage",
                "€ 2,50 per dagdeel",
                "Vraag het aan bij de mantelzorgconsulent.",
            ),
            (
                "Mantelzorgcafé",
                "Elke maand ervaringen delen met andere mantelzorgers.",
                ["mantelzorg", "eenzaamheid"],
                ["mantelzorgers"],
                "gratis",
                "",
                "Gewoon binnenlopen.",
            ),
        ],
    },
    {
        "slug": "stichting-present-maassluis",
        "naam": "Stichting Present Maassluis",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "Present verbindt groepen vrijwilligers met mensen die hulp nodig "
        "hebben, bijvoorbeeld bij een klus in huis of het opruimen van de tuin.",
        "website": "https://www.stichtingpresent.nl",
        "email": "maassluis@stichtingpresent.nl",
        "telefoon": "010 123 45 13",
        "themas": ["vrijwilligerswerk", "wonen", "eenzaamheid"],
        "wijken": [],
        "locaties": [
            (
                "Present Maassluis",
                "Hoogstraat 21",
                "3142 EA",
                "Maassluis",
                51.9161,
                4.2502,
                "centrum",
                True,
                "Gelijkvloers, bij het Vrijwilligerssteunpunt.",
                [(2, "10:00", "12:00", "spreekuur")],
            ),
        ],
        "aanbod": [
            (
                "Klussen met een groep",
                "Een groep vrijwilligers helpt een dag met schilderen, opruimen of tuinieren.",
                ["wonen", "vrijwilligerswerk"],
                ["ouderen", "volwassenen"],
                "gratis",
                "",
                "Aanvragen via een hulpverlener, zoals het wijkteam.",
            ),
        ],
    },
    {
        "slug": "humanitas-maassluis",
        "naam": "Humanitas Maassluis",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "Vrijwilligers van Humanitas helpen mensen op eigen kracht verder, "
        "bijvoorbeeld met de thuisadministratie of met een maatje.",
        "website": "https://www.humanitas.nl",
        "email": "maassluis@humanitas.nl",
        "telefoon": "010 123 45 14",
        "themas": ["armoede-en-schulden", "eenzaamheid"],
        "wijken": [],
        "locaties": [
            (
                "Humanitas",
                "Noordvliet 12",
                "3142 AN",
                "Maassluis",
                51.9150,
                4.2530,
                "centrum",
                False,
                "Toegang via een stoep van 10 cm.",
                [(2, "09:30", "12:00", "")],
            ),
        ],
        "aanbod": [
            (
                "Thuisadministratie",
                "Een vrijwilliger helpt u uw post, rekeningen en "
                "administratie op orde te krijgen en te houden.",
                ["armoede-en-schulden"],
                ["volwassenen", "ouderen"],
                "gratis",
                "",
                "Bel of mail Humanitas.",
            ),
            (
                "Maatjesproject",
                "Een vast maatje om samen iets te ondernemen.",
                ["eenzaamheid"],
                ["volwassenen", "ouderen"],
                "gratis",
                "",
                "Bel of mail Humanitas.",
            ),
        ],
    },
    {
        "slug": "seniorenwelzijn-maassluis",
        "naam": "Seniorenwelzijn Maassluis",
        "soort": "welzijnspartner",
        "omschrijving": "Seniorenwelzijn helpt ouderen zo lang mogelijk zelfstandig en prettig "
        "te wonen, met ouderenadviseurs, activiteiten en de boodschappenhulp.",
        "website": "https://www.seniorenwelzijnmaassluis.nl",
        "email": "info@seniorenwelzijnmaassluis.nl",
        "telefoon": "010 123 45 15",
        "themas": ["eenzaamheid", "wonen", "gezondheid"],
        "wijken": [],
        "locaties": [
            (
                "Zonneburcht",
                "Uiterstegracht 1",
                "3142 CA",
                "Maassluis",
                51.9140,
                4.2560,
                "centrum",
                True,
                "Volledig rolstoeltoegankelijk, ringleiding in de zaal.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Ouderenadviseur",
                "Advies over wonen, zorg, geld en vervoer.",
                ["wonen", "gezondheid"],
                ["ouderen"],
                "gratis",
                "",
                "Bel voor een huisbezoek.",
            ),
            (
                "Bakkie doen",
                "De bus in de wijk: een mobiele ontmoetingsplek voor een praatje en "
                "een kop koffie.",
                ["eenzaamheid"],
                ["ouderen"],
                "gratis",
                "",
                "Kijk op de website waar de bus staat.",
            ),
            (
                "Boodschappenhulp",
                "Samen met een vrijwilliger boodschappen doen.",
                ["eenzaamheid"],
                ["ouderen"],
                "eigen_bijdrage",
                "€ 1 per keer",
                "Bel Seniorenwelzijn.",
            ),
        ],
    },
    {
        "slug": "buurtcirkel-pameijer",
        "naam": "Buurtcirkel Pameijer",
        "soort": "zorginstelling",
        "omschrijving": "In een Buurtcirkel helpen buurtbewoners met een (lichte) beperking "
        "elkaar, met steun van een coach van Pameijer.",
        "website": "https://www.pameijer.nl",
        "email": "buurtcirkel@pameijer.nl",
        "telefoon": "010 123 45 16",
        "themas": ["eenzaamheid", "gezondheid"],
        "wijken": ["steendijkpolder"],
        "locaties": [
            (
                "Buurtcirkel Steendijkpolder",
                "Palamedesstraat 8",
                "3141 JD",
                "Maassluis",
                51.9215,
                4.2420,
                "steendijkpolder",
                True,
                "Gelijkvloers.",
                [(3, "14:00", "16:00", "")],
            ),
        ],
        "aanbod": [
            (
                "Buurtcirkel",
                "Samen met buren activiteiten ondernemen en elkaar helpen.",
                ["eenzaamheid"],
                ["mensen-met-een-beperking"],
                "gratis",
                "",
                "Bel de coach voor een kennismaking.",
            ),
        ],
    },
    {
        "slug": "stichting-onder-een-dak",
        "naam": "Stichting Onder een dak",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "Onder een dak biedt ontmoeting en een luisterend oor voor mensen die "
        "het moeilijk hebben, met een wekelijkse maaltijd.",
        "website": "",
        "email": "info@ondereendak-maassluis.nl",
        "telefoon": "010 123 45 17",
        "themas": ["eenzaamheid", "armoede-en-schulden"],
        "wijken": ["sluispolder"],
        "locaties": [
            (
                "Buurthuis De Vloot",
                "Merellaan 20",
                "3145 SM",
                "Maassluis",
                51.9250,
                4.2560,
                "sluispolder",
                True,
                "Drempelvrije ingang.",
                [(5, "17:30", "20:00", "maaltijd")],
            ),
        ],
        "aanbod": [
            (
                "Wekelijkse maaltijd",
                "Samen eten op vrijdagavond.",
                ["eenzaamheid", "armoede-en-schulden"],
                ["volwassenen", "ouderen"],
                "eigen_bijdrage",
                "€ 3",
                "Aanmelden tot donderdag.",
            ),
        ],
    },
    {
        "slug": "welzijn-e25",
        "naam": "Welzijn E25",
        "soort": "welzijnspartner",
        "omschrijving": "Welzijn E25 is er voor jongeren en hun ouders: jongerenwerk, "
        "buurtsportcoaches en ontmoeting in de wijk.",
        "website": "https://www.welzijne25.nl",
        "email": "info@welzijne25.nl",
        "telefoon": "010 123 45 18",
        "themas": ["jeugd-en-gezin", "eenzaamheid"],
        "wijken": ["kapelpolder", "het-balkon"],
        "locaties": [
            (
                "Jongerencentrum",
                "Kapelpolderweg 3",
                "3143 AB",
                "Maassluis",
                51.9200,
                4.2700,
                "kapelpolder",
                True,
                "Drempelvrij.",
                [(3, "14:00", "21:00", ""), (5, "14:00", "22:00", "")],
            ),
        ],
        "aanbod": [
            (
                "Jongerenwerk",
                "Een plek om te chillen, te sporten en met je vragen terecht te kunnen.",
                ["jeugd-en-gezin"],
                ["jeugd"],
                "gratis",
                "",
                "Loop binnen.",
            ),
            (
                "Walking football",
                "Wandelvoetbal voor ouderen, met een derde helft om na te praten.",
                ["eenzaamheid", "gezondheid"],
                ["ouderen"],
                "eigen_bijdrage",
                "€ 2 per keer",
                "Meld je aan bij de buurtsportcoach.",
            ),
        ],
    },
    {
        "slug": "buurtgezinnen-maassluis",
        "naam": "Buurtgezinnen Maassluis",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "Buurtgezinnen koppelt gezinnen die het even zwaar hebben aan een "
        "steungezin in de buurt.",
        "website": "https://www.buurtgezinnen.nl",
        "email": "maassluis@buurtgezinnen.nl",
        "telefoon": "010 123 45 19",
        "themas": ["jeugd-en-gezin"],
        "wijken": [],
        "locaties": [
            (
                "Buurtgezinnen in De Vloot",
                "Merellaan 20",
                "3145 SM",
                "Maassluis",
                51.9251,
                4.2561,
                "sluispolder",
                True,
                "Drempelvrije ingang.",
                [(3, "09:00", "12:00", "op afspraak")],
            ),
        ],
        "aanbod": [
            (
                "Steungezin",
                "Een gezin uit de buurt dat uw kind(eren) bijvoorbeeld een middag per "
                "week opvangt.",
                ["jeugd-en-gezin"],
                ["ouders", "jeugd"],
                "gratis",
                "",
                "Aanmelden zelf of via het wijkteam.",
            ),
        ],
    },
    {
        "slug": "oproepcentrale-argoszorggroep",
        "naam": "Oproepcentrale Argos Zorggroep",
        "soort": "zorginstelling",
        "omschrijving": "De oproepcentrale van Argos Zorggroep helpt ouderen met vervoer, "
        "een alarmknop en hulp thuis.",
        "website": "https://www.argoszorggroep.nl",
        "email": "oproepcentrale@argoszorggroep.nl",
        "telefoon": "010 123 45 20",
        "themas": ["gezondheid", "wonen"],
        "wijken": [],
        "locaties": [
            (
                "Argos Zorggroep Maassluis",
                "Uiterstegracht 3",
                "3142 CA",
                "Maassluis",
                51.9142,
                4.2563,
                "centrum",
                True,
                "Volledig rolstoeltoegankelijk.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Personenalarmering",
                "Een alarmknop om hulp in te roepen, dag en nacht.",
                ["gezondheid", "wonen"],
                ["ouderen"],
                "betaald",
                "Maandelijks abonnement",
                "Bel de oproepcentrale.",
            ),
        ],
    },
    {
        "slug": "voedselbank-maassluis",
        "naam": "Voedselbank Maassluis",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "De Voedselbank geeft gezinnen die niet genoeg geld hebben voor eten "
        "een wekelijks voedselpakket.",
        "website": "https://www.voedselbankmaassluis.nl",
        "email": "info@voedselbankmaassluis.nl",
        "telefoon": "010 123 45 21",
        "themas": ["armoede-en-schulden"],
        "wijken": [],
        "locaties": [
            (
                "Uitgiftepunt",
                "Industrieweg 30",
                "3144 CS",
                "Maassluis",
                51.9110,
                4.2680,
                "koningshoek",
                True,
                "Gelijkvloers.",
                [(4, "13:00", "16:00", "uitgifte")],
            ),
        ],
        "aanbod": [
            (
                "Voedselpakket",
                "Een wekelijks pakket met eten en drinken.",
                ["armoede-en-schulden"],
                ["ouders", "volwassenen"],
                "gratis",
                "",
                "Aanmelden via het wijkteam of Humanitas.",
            ),
        ],
    },
    {
        "slug": "rogplus",
        "naam": "Rogplus",
        "soort": "gemeente",
        "omschrijving": "Rogplus voert de Wmo uit voor Maassluis, Vlaardingen en Schiedam: "
        "hulpmiddelen, woningaanpassingen, huishoudelijke hulp en vervoer.",
        "website": "https://www.rogplus.nl",
        "email": "info@rogplus.nl",
        "telefoon": "010 123 45 22",
        "themas": ["gezondheid", "wonen"],
        "wijken": [],
        "locaties": [
            (
                "Rogplus Vlaardingen",
                "Westnieuwland 6",
                "3131 VX",
                "Vlaardingen",
                51.9097,
                4.3412,
                None,
                True,
                "Lift en invalidentoilet.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Wmo-voorzieningen",
                "Hulp bij het huishouden, een rolstoel, een traplift of Wmo-vervoer.",
                ["gezondheid", "wonen"],
                ["ouderen", "mensen-met-een-beperking"],
                "eigen_bijdrage",
                "Wettelijke eigen bijdrage",
                "Vraag het aan bij Rogplus.",
            ),
        ],
    },
    {
        "slug": "stroomopwaarts",
        "naam": "Stroomopwaarts",
        "soort": "gemeente",
        "omschrijving": "Stroomopwaarts helpt inwoners van Maassluis, Vlaardingen en Schiedam "
        "aan werk en regelt de bijstandsuitkering.",
        "website": "https://www.stroomopwaarts.nl",
        "email": "info@stroomopwaarts.nl",
        "telefoon": "010 123 45 23",
        "themas": ["werk-en-inkomen", "armoede-en-schulden", "inburgering"],
        "wijken": [],
        "locaties": [
            (
                "Stroomopwaarts Maassluis",
                "Koningshoek 90",
                "3144 BA",
                "Maassluis",
                51.9188,
                4.2615,
                "koningshoek",
                True,
                "Drempelvrij, ringleiding aan de balie.",
                OCHTENDEN,
            ),
        ],
        "aanbod": [
            (
                "Bijstandsuitkering",
                "Een uitkering als u niet genoeg inkomen heeft om van te leven.",
                ["werk-en-inkomen"],
                ["volwassenen"],
                "gratis",
                "",
                "Vraag de uitkering online aan.",
            ),
            (
                "Werkcoach",
                "Begeleiding naar betaald werk.",
                ["werk-en-inkomen"],
                ["volwassenen", "statushouders"],
                "gratis",
                "",
                "Via uw klantmanager.",
            ),
        ],
    },
    {
        "slug": "stichting-ozw",
        "naam": "Stichting OZW",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "Stichting OZW zet zich in Zaanstad in voor armoedebestrijding.",
        "website": "",
        "email": "info@ozw-zaanstad.nl",
        "telefoon": "075 123 45 30",
        "themas": ["armoede-en-schulden"],
        "wijken": [],
        "locaties": [
            (
                "OZW Zaandam",
                "Westzijde 50",
                "1506 EG",
                "Zaandam",
                52.4400,
                4.8200,
                None,
                False,
                "",
                [(2, "10:00", "14:00", "")],
            ),
        ],
        "aanbod": [
            (
                "Financieel spreekuur",
                "Vrijwilligers helpen met formulieren en toeslagen.",
                ["armoede-en-schulden"],
                ["volwassenen"],
                "gratis",
                "",
                "Loop binnen.",
            ),
        ],
    },
    {
        "slug": "stichting-moe",
        "naam": "Stichting MOE",
        "soort": "belangenvereniging",
        "omschrijving": "Stichting MOE komt in Zaanstad op voor mantelzorgers.",
        "website": "",
        "email": "info@moe-zaanstad.nl",
        "telefoon": "075 123 45 31",
        "themas": ["mantelzorg"],
        "wijken": [],
        "locaties": [
            (
                "MOE Zaandam",
                "Vincent van Goghweg 5",
                "1506 JA",
                "Zaandam",
                52.4420,
                4.8150,
                None,
                True,
                "Gelijkvloers.",
                [(1, "10:00", "15:00", ""), (4, "10:00", "15:00", "")],
            ),
        ],
        "aanbod": [
            (
                "Lotgenotencontact",
                "Mantelzorgers ontmoeten elkaar.",
                ["mantelzorg"],
                ["mantelzorgers"],
                "gratis",
                "",
                "Mail de stichting.",
            ),
        ],
    },
    {
        "slug": "de-sluis-zaanstad",
        "naam": "De Sluis",
        "soort": "vrijwilligersorganisatie",
        "omschrijving": "De Sluis begeleidt statushouders in Zaanstad bij inburgeren en meedoen.",
        "website": "",
        "email": "info@desluis-zaanstad.nl",
        "telefoon": "075 123 45 32",
        "themas": ["inburgering"],
        "wijken": [],
        "locaties": [
            (
                "De Sluis Zaandam",
                "Westzijde 20",
                "1506 EE",
                "Zaandam",
                52.4390,
                4.8190,
                None,
                False,
                "Trap naar de eerste verdieping.",
                [(3, "13:00", "17:00", "taalcafé")],
            ),
        ],
        "aanbod": [
            (
                "Taalmaatje",
                "Samen Nederlands oefenen met een vrijwilliger.",
                ["inburgering"],
                ["statushouders"],
                "gratis",
                "",
                "Mail De Sluis.",
            ),
        ],
    },
    {
        "slug": "alzheimer-zaanstreek-waterland",
        "naam": "Alzheimer Zaanstreek Waterland",
        "soort": "belangenvereniging",
        "omschrijving": "De afdeling van Alzheimer Nederland voor mensen met dementie en hun "
        "naasten in Zaanstreek en Waterland.",
        "website": "https://www.alzheimer-nederland.nl",
        "email": "zaanstreek@alzheimer-nederland.nl",
        "telefoon": "075 123 45 33",
        "themas": ["gezondheid", "mantelzorg"],
        "wijken": [],
        "locaties": [
            (
                "Alzheimer Café Zaandam",
                "Stadserf 1",
                "1502 MB",
                "Zaandam",
                52.4380,
                4.8270,
                None,
                True,
                "Drempelvrij, invalidentoilet.",
                [(2, "19:30", "21:30", "elke eerste dinsdag van de maand")],
            ),
        ],
        "aanbod": [
            (
                "Alzheimer Café",
                "Elke maand informatie en ontmoeting over leven met dementie.",
                ["gezondheid", "mantelzorg"],
                ["mantelzorgers", "ouderen"],
                "gratis",
                "",
                "Gewoon binnenlopen.",
            ),
        ],
    },
    {
        "slug": "burgerplatform-zaanstad",
        "naam": "Burgerplatform Zaanstad",
        "soort": "belangenvereniging",
        "omschrijving": "Het Burgerplatform geeft de gemeente Zaanstad gevraagd en ongevraagd "
        "advies over het sociaal domein.",
        "website": "",
        "email": "info@burgerplatformzaanstad.nl",
        "telefoon": "",
        "themas": ["armoede-en-schulden", "gezondheid"],
        "wijken": [],
        "locaties": [
            (
                "Burgerplatform Zaanstad",
                "Stadserf 1",
                "1502 MB",
                "Zaandam",
                52.4380,
                4.8270,
                None,
                True,
                "In het stadhuis, drempelvrij.",
                [],
            ),
        ],
        "aanbod": [
            (
                "Meepraten over zorg en welzijn",
                "Inwoners denken mee en geven de gemeente advies over het sociaal domein.",
                ["armoede-en-schulden", "gezondheid"],
                ["volwassenen"],
                "gratis",
                "",
                "Mail het Burgerplatform.",
            ),
        ],
    },
    {
        "slug": "ons-welzijn",
        "naam": "ONS Welzijn",
        "soort": "welzijnspartner",
        "omschrijving": "Welzijnspartner in Meierijstad voor ontmoeting, mantelzorg en "
        "vrijwilligerswerk.",
        "website": "https://www.ons-welzijn.nl",
        "email": "info@ons-welzijn.nl",
        "telefoon": "0413 12 34 40",
        "themas": ["mantelzorg", "vrijwilligerswerk", "eenzaamheid"],
        "wijken": [],
        "locaties": [
            (
                "ONS Welzijn Veghel",
                "Markt 1",
                "5461 JH",
                "Veghel",
                51.6166,
                5.5481,
                None,
                True,
                "Drempelvrij.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Steunpunt mantelzorg",
                "Informatie en steun voor mantelzorgers.",
                ["mantelzorg"],
                ["mantelzorgers"],
                "gratis",
                "",
                "Bel ONS Welzijn.",
            ),
        ],
    },
    {
        "slug": "welzijn-de-meierij",
        "naam": "Welzijn De Meierij",
        "soort": "welzijnspartner",
        "omschrijving": "Welzijn De Meierij biedt ouderenwerk, opbouwwerk en "
        "formulierenhulp in Meierijstad.",
        "website": "https://www.welzijndemeierij.nl",
        "email": "info@welzijndemeierij.nl",
        "telefoon": "0413 12 34 41",
        "themas": ["armoede-en-schulden", "eenzaamheid"],
        "wijken": [],
        "locaties": [
            (
                "Welzijn De Meierij Sint-Oedenrode",
                "Kerkstraat 20",
                "5492 AH",
                "Sint-Oedenrode",
                51.5672,
                5.4596,
                None,
                True,
                "Gelijkvloers.",
                OCHTENDEN,
            ),
        ],
        "aanbod": [
            (
                "Formulierenbrigade",
                "Hulp bij het invullen van formulieren en aanvragen.",
                ["armoede-en-schulden"],
                ["volwassenen", "ouderen"],
                "gratis",
                "",
                "Maak een afspraak.",
            ),
        ],
    },
    {
        "slug": "mee-meierijstad",
        "naam": "MEE",
        "soort": "welzijnspartner",
        "omschrijving": "MEE ondersteunt mensen met een beperking en hun omgeving in Meierijstad.",
        "website": "https://www.mee.nl",
        "email": "info@mee.nl",
        "telefoon": "0413 12 34 42",
        "themas": ["gezondheid", "jeugd-en-gezin"],
        "wijken": [],
        "locaties": [
            (
                "MEE Veghel",
                "Hoofdstraat 60",
                "5461 JK",
                "Veghel",
                51.6170,
                5.5440,
                None,
                True,
                "Lift aanwezig.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Cliëntondersteuning",
                "Onafhankelijke hulp bij het regelen van zorg en ondersteuning.",
                ["gezondheid"],
                ["mensen-met-een-beperking", "ouders"],
                "gratis",
                "",
                "Bel MEE.",
            ),
        ],
    },
    {
        "slug": "lumens",
        "naam": "Lumens",
        "soort": "welzijnspartner",
        "omschrijving": "Lumens biedt maatschappelijk werk en jongerenwerk in Meierijstad.",
        "website": "https://www.lumenswerkt.nl",
        "email": "info@lumenswerkt.nl",
        "telefoon": "0413 12 34 43",
        "themas": ["jeugd-en-gezin", "armoede-en-schulden"],
        "wijken": [],
        "locaties": [
            (
                "Lumens Schijndel",
                "Markt 20",
                "5481 AK",
                "Schijndel",
                51.6229,
                5.4329,
                None,
                True,
                "Drempelvrij.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Algemeen maatschappelijk werk",
                "Hulp bij persoonlijke problemen, relaties en geldzorgen.",
                ["armoede-en-schulden"],
                ["volwassenen"],
                "gratis",
                "",
                "Bel voor een afspraak.",
            ),
        ],
    },
    {
        "slug": "farent",
        "naam": "Farent",
        "soort": "welzijnspartner",
        "omschrijving": "Farent biedt sociaal werk, schuldhulp en jeugdhulp in Meierijstad.",
        "website": "https://www.farent.nl",
        "email": "info@farent.nl",
        "telefoon": "0413 12 34 44",
        "themas": ["armoede-en-schulden", "jeugd-en-gezin"],
        "wijken": [],
        "locaties": [
            (
                "Farent Veghel",
                "Deken van Miertstraat 4",
                "5461 JB",
                "Veghel",
                51.6160,
                5.5460,
                None,
                True,
                "Drempelvrij, invalidentoilet.",
                WERKDAGEN,
            ),
        ],
        "aanbod": [
            (
                "Thuisadministratie en budgetcoaching",
                "Leren rondkomen met een budgetcoach.",
                ["armoede-en-schulden"],
                ["volwassenen", "ouders"],
                "gratis",
                "",
                "Aanmelden via de website.",
            ),
        ],
    },
]


# Organisations of other gemeenten: not in the demo gemeente's own directory, but brought in
# through the federation as the neighbours' feeds would (organisaties.demo_regio).
REGIO = {
    "Zaanstad": [
        "stichting-ozw",
        "stichting-moe",
        "de-sluis-zaanstad",
        "alzheimer-zaanstreek-waterland",
        "burgerplatform-zaanstad",
    ],
    "Meierijstad": ["ons-welzijn", "welzijn-de-meierij", "mee-meierijstad", "lumens", "farent"],
}
_IN_REGIO = {slug for slugs in REGIO.values() for slug in slugs}
EIGEN = [data for data in ORGANISATIES if data["slug"] not in _IN_REGIO]
PER_SLUG = {data["slug"]: data for data in ORGANISATIES}


@transaction.atomic
def laad():
    """Create or update the demo directory; safe to run again. Returns a summary."""
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

    themas = _termen(Thema, [(s, n, o) for s, n, o in THEMAS])
    doelgroepen = _termen(Doelgroep, [(s, n, "") for s, n in DOELGROEPEN])
    soorten = _termen(Soort, [(s, n, "") for s, n in SOORTEN])
    wijken = {}
    for volgorde, (slug, naam, code) in enumerate(WIJKEN):
        wijken[slug], _ = Wijk.objects.update_or_create(
            slug=slug, defaults={"naam": naam, "cbs_code": code, "volgorde": volgorde}
        )

    # Loaded as own organisations by an earlier version of the demo: now the neighbours'.
    Organisatie.objects.filter(slug__in=_IN_REGIO, regiobron__isnull=True).delete()
    vandaag = timezone.localdate()
    for nummer, data in enumerate(EIGEN):
        organisatie, _ = Organisatie.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "naam": data["naam"],
                "soort": soorten[data["soort"]],
                "omschrijving": data["omschrijving"],
                "website": data["website"],
                "email": data["email"],
                "telefoon": data["telefoon"],
                # Where the personal link goes (organisaties.bijwerken); never a real address.
                "contact_email": f"{data['slug']}@example.nl",
                "status": Organisatie.Status.GEPUBLICEERD,
                "laatst_geverifieerd": vandaag - datetime.timedelta(days=30 * (nummer % 15)),
            },
        )
        organisatie.themas.set([themas[s] for s in data["themas"]])
        organisatie.wijken.set([wijken[s] for s in data["wijken"]])

        locaties = {}
        organisatie.locaties.all().delete()
        for naam, adres, postcode, plaats, lat, lon, wijk, rolstoel, toegang, tijden in data[
            "locaties"
        ]:
            locatie = Locatie.objects.create(
                organisatie=organisatie,
                naam=naam,
                adres=adres,
                postcode=postcode,
                plaats=plaats,
                latitude=lat,
                longitude=lon,
                wijk=wijken.get(wijk),
                rolstoeltoegankelijk=rolstoel,
                toegankelijkheid=toegang,
            )
            Openingstijd.objects.bulk_create(
                Openingstijd(locatie=locatie, dag=dag, van=van, tot=tot, opmerking=opmerking)
                for dag, van, tot, opmerking in tijden
            )
            locaties[naam] = locatie

        organisatie.aanbod.all().delete()
        for volgorde, (
            naam,
            omschrijving,
            a_themas,
            a_doelgroepen,
            kosten,
            toelichting,
            hoe,
        ) in enumerate(data["aanbod"]):
            aanbod = Aanbod.objects.create(
                organisatie=organisatie,
                naam=naam,
                omschrijving=omschrijving,
                kosten=kosten,
                kosten_toelichting=toelichting,
                hoe_aanmelden=hoe,
                volgorde=volgorde,
            )
            aanbod.themas.set([themas[s] for s in a_themas])
            aanbod.doelgroepen.set([doelgroepen[s] for s in a_doelgroepen])
            aanbod.locaties.set(locaties.values())

    _werklijsten(themas, doelgroepen, soorten, wijken)
    _postcodes()

    from organisaties import demo_regio

    demo_regio.laad({gemeente: [PER_SLUG[s] for s in slugs] for gemeente, slugs in REGIO.items()})

    from netwerk.models import SiteConfiguratie

    site = SiteConfiguratie.get_solo()
    site.is_demo = True
    site.contact_telefoon = site.contact_telefoon or "14 010"
    site.save()
    return (
        f"{len(EIGEN)} organisaties, {len(_IN_REGIO)} in de regio, {len(themas)} thema's, "
        f"{len(wijken)} wijken"
    )


# Concept organisations that wait for the redactie, so that every work list on the admin's
# start page has something in it (organisaties.werklijsten). Not published: the public kaart
# of the demo stays the organisations above.
CONCEPTEN = [
    {
        "slug": "taalcafe-de-brug",
        "naam": "Taalcafé De Brug",
        "omschrijving": "Elke week samen Nederlands oefenen met een kop koffie, voor "
        "nieuwkomers en iedereen die beter Nederlands wil spreken.",
        "email": "taalcafe@example.org",
        "themas": ["inburgering"],
        "aanbod": ("Taalcafé", ["inburgering"], ["statushouders", "volwassenen"]),
        "locatie": None,  # on the work list 'Zonder locatie'
    },
    {
        "slug": "buurtmoestuin-kapelpolder",
        "naam": "Buurtmoestuin Kapelpolder",
        "omschrijving": "Samen groente kweken in de wijk: iedereen mag meedoen, ook zonder "
        "ervaring.",
        "email": "",  # on the work list 'Zonder contactgegevens'
        "themas": ["eenzaamheid"],
        "aanbod": ("Samen tuinieren", ["eenzaamheid"], ["volwassenen", "ouderen"]),
        # An address the geocoder cannot find: on the work list 'Adres niet gevonden'.
        "locatie": ("Moestuinpad 1", "3146 ZZ", "Maassluis", "kapelpolder"),
    },
]


def _werklijsten(themas, doelgroepen, soorten, wijken):
    """Something on every work list of the redactie; see CONCEPTEN and below."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from netwerk.rollen import BEHEERDERS
    from organisaties.models import (
        Aanbod,
        Bron,
        Geocodeerstatus,
        Locatie,
        Organisatie,
        Wijzigingsvoorstel,
    )
    from organisaties.werklijsten import maanden_eerder

    vandaag = timezone.localdate()
    for data in CONCEPTEN:
        organisatie, _ = Organisatie.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "naam": data["naam"],
                "soort": soorten["vrijwilligersorganisatie"],
                "omschrijving": data["omschrijving"],
                "email": data["email"],
                "status": Organisatie.Status.CONCEPT,
                "bron": Bron.AANMELDFORMULIER,
            },
        )
        organisatie.themas.set([themas[s] for s in data["themas"]])
        organisatie.locaties.all().delete()
        organisatie.aanbod.all().delete()
        naam, a_themas, a_doelgroepen = data["aanbod"]
        aanbod = Aanbod.objects.create(
            organisatie=organisatie,
            naam=naam,
            omschrijving=data["omschrijving"],
            kosten=Aanbod.Kosten.GRATIS,
        )
        aanbod.themas.set([themas[s] for s in a_themas])
        aanbod.doelgroepen.set([doelgroepen[s] for s in a_doelgroepen])
        if data["locatie"]:
            adres, postcode, plaats, wijk = data["locatie"]
            locatie = Locatie.objects.create(
                organisatie=organisatie,
                adres=adres,
                postcode=postcode,
                plaats=plaats,
                wijk=wijken[wijk],
            )
            # After the save, so that nothing the save starts sets it back.
            Locatie.objects.filter(pk=locatie.pk).update(
                geocodeer_status=Geocodeerstatus.MISLUKT,
                geocodeer_fout="Het adres is niet gevonden.",
                geocodeer_pogingen=3,
            )

    # Published, but not checked for 13 months.
    Organisatie.objects.filter(slug="seniorenwelzijn-maassluis").update(
        laatst_geverifieerd=maanden_eerder(vandaag, 13)
    )
    # Asked to check five weeks ago, no answer since.
    Organisatie.objects.filter(slug="humanitas-maassluis").update(
        laatst_geverifieerd=maanden_eerder(vandaag, 12),
        herinnering_verstuurd_op=timezone.now() - datetime.timedelta(weeks=5),
    )
    # A resident's report waiting for review.
    Wijzigingsvoorstel.objects.get_or_create(
        organisatie=Organisatie.objects.get(slug="voedselbank-maassluis"),
        toelichting="De uitgifte is niet meer op vrijdag maar op donderdag, van 14 tot 16 uur.",
        defaults={"naam": "Demo-inwoner", "email": "inwoner@example.org"},
    )
    # The demo beheerder (manage.py maak_beheerder), once there is one, keeps a few.
    beheerder = (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=BEHEERDERS), is_active=True)
        .order_by("pk")
        .first()
    )
    if beheerder:
        Organisatie.objects.filter(
            slug__in=["voedselbank-maassluis", "humanitas-maassluis", "taalcafe-de-brug"]
        ).update(toegewezen_aan=beheerder)


# PC4 areas of Maassluis without a demo location; their centres are approximations.
MAASSLUIS_PC4 = {
    "3140": (51.9200, 4.2550),
    "3146": (51.9270, 4.2380),
    "3147": (51.9300, 4.2250),
}


def _postcodes():
    """Distance search without a postcode import: the PC4 areas of Maassluis (3140-3147) and
    the PC6 of every demo location, their centres taken from the demo locations' coordinates."""
    from decimal import Decimal

    from organisaties.models import Postcode

    punten = {}
    for data in ORGANISATIES:
        for _naam, _adres, postcode, plaats, lat, lon, *_rest in data["locaties"]:
            pc6 = postcode.replace(" ", "")
            punten.setdefault(pc6, []).append((lat, lon))
            if plaats == "Maassluis":
                punten.setdefault(pc6[:4], []).append((lat, lon))
    centra = {code: [punt] for code, punt in MAASSLUIS_PC4.items()}
    centra.update(punten)
    zes = Decimal("0.000001")
    Postcode.objects.bulk_create(
        [
            Postcode(
                postcode=code,
                latitude=Decimal(sum(p[0] for p in ps) / len(ps)).quantize(zes),
                longitude=Decimal(sum(p[1] for p in ps) / len(ps)).quantize(zes),
                bron=Postcode.Bron.DEMO,
            )
            for code, ps in centra.items()
        ],
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["latitude", "longitude", "bron", "bijgewerkt"],
    )


def _termen(model, rijen):
    """Create or update taxonomy terms (slug, naam, omschrijving) in this order."""
    termen = {}
    for volgorde, (slug, naam, omschrijving) in enumerate(rijen):
        velden = {"naam": naam, "omschrijving": omschrijving, "volgorde": volgorde}
        if slug in ENGELSE_NAMEN and hasattr(model, "naam_en"):
            velden["naam_en"] = ENGELSE_NAMEN[slug]
        termen[slug], _ = model.objects.update_or_create(slug=slug, defaults=velden)
    return termen
