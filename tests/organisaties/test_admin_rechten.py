"""Every admin page, walked by every role: allowed or refused as netwerk/rollen.py intends.

The pages are found, not listed: for each ModelAdmin in admin.site._registry its changelist,
add, change, delete and history pages, and every other view its get_urls() returns (review
pages, import and export, change history, password, ...). A view someone adds later is walked
automatically; a new model needs at most one example row in ``voorbeelden`` below (the test
says which).

What each role is for (BELEID) is written down here, apart from the code it checks:
- Redacteur: the sociale kaart (app organisaties), all of it.
- Coördinator: their own meetings; the attendees of their own meetings, read only; the
  directory read only (organisations, locations, themes), to link a meeting to them.
- Beheerder: everything of the site's own apps, accounts and groups (not the libraries'
  internals: job queue, lockout log, second-factor devices, which only a superuser sees).
What a ModelAdmin refuses even a superuser (adding an access log entry) nobody may do.
"""

import inspect
import uuid

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import URLPattern, reverse
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from bijeenkomsten.models import Aanmelding, Bijeenkomst, Inzage, Programmaonderdeel
from netwerk.email import in_outbox
from netwerk.models import SiteConfiguratie
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from organisaties.bijwerken import momentopname
from organisaties.models import (
    Bijwerkvoorstel,
    Postcode,
    Regiobron,
    RegioOrganisatie,
    Wijzigingsvoorstel,
)
from tests.factories import (
    AanbodFactory,
    BijeenkomstFactory,
    DoelgroepFactory,
    GebruikerFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    ThemaFactory,
    WijkFactory,
    WijzigingsvoorstelFactory,
)

pytestmark = pytest.mark.django_db

VOLLEDIG, LEZEN, GEEN = "volledig", "lezen", "geen"
# Only for the meetings the user coordinates; other meetings: GEEN.
EIGEN, EIGEN_LEZEN = "eigen", "eigen lezen"

BELEID = {
    "anoniem": {},
    "redacteur": {"organisaties": VOLLEDIG, "activiteiten": VOLLEDIG},
    "coordinator": {
        "bijeenkomsten.bijeenkomst": EIGEN,
        "bijeenkomsten.aanmelding": EIGEN_LEZEN,
        "organisaties.organisatie": LEZEN,
        "organisaties.locatie": LEZEN,
        "organisaties.thema": LEZEN,
    },
    "beheerder": {
        "organisaties": VOLLEDIG,
        "bijeenkomsten": VOLLEDIG,
        "netwerk": VOLLEDIG,
        "activiteiten": VOLLEDIG,
        "signalen": VOLLEDIG,
        "auth.user": VOLLEDIG,
        "auth.group": VOLLEDIG,
    },
    "superuser": {"*": VOLLEDIG},
}
ROLLEN = list(BELEID)

# The standard pages of a ModelAdmin and the permission each needs.
STANDAARD = {
    "changelist": "view",
    "add": "add",
    "change": "view",
    "history": "view",
    "delete": "delete",
}
TOEGESTAAN, GEWEIGERD, INLOGGEN = "toegestaan", "geweigerd", "inloggen"


def niveau(rol, model, obj, eigen_bijeenkomsten):
    beleid = BELEID[rol]
    opts = model._meta
    waarde = beleid.get(opts.label_lower, beleid.get(opts.app_label, beleid.get("*", GEEN)))
    if waarde in (EIGEN, EIGEN_LEZEN):
        eigen = obj is None or bijeenkomst_van(obj) in eigen_bijeenkomsten
        return (VOLLEDIG if waarde == EIGEN else LEZEN) if eigen else GEEN
    return waarde


def bijeenkomst_van(obj):
    """The meeting a row belongs to, following foreign keys at most two steps."""
    if isinstance(obj, Bijeenkomst):
        return obj
    for veld in obj._meta.concrete_fields:
        if veld.is_relation and veld.many_to_one:
            doel = getattr(obj, veld.name)
            if isinstance(doel, Bijeenkomst):
                return doel
            if isinstance(doel, Aanmelding):
                return doel.bijeenkomst
    return None


@pytest.fixture
def opzet(db):
    """One or more example rows of every model with an admin, and the role accounts."""
    coordinator = GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])
    gebruikers = {
        "anoniem": None,
        "redacteur": GebruikerFactory(username="redacteur", groepen=[REDACTEUREN]),
        "coordinator": coordinator,
        "beheerder": GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]),
        "superuser": GebruikerFactory(username="super", is_superuser=True),
    }
    locatie = LocatieFactory(organisatie__themas=[ThemaFactory()], wijk=WijkFactory())
    OpeningstijdFactory(locatie=locatie)
    AanbodFactory(organisatie=locatie.organisatie, doelgroepen=[DoelgroepFactory()])
    WijzigingsvoorstelFactory(organisatie=locatie.organisatie)
    snapshot = momentopname(locatie.organisatie)
    Bijwerkvoorstel.objects.create(
        organisatie=locatie.organisatie, huidig=snapshot, voorstel=snapshot
    )
    SiteConfiguratie.get_solo()
    bron = Regiobron.objects.create(naam="Buurstad", url="https://buurstad.invalid/api/v1/")
    uit_de_regio = OrganisatieFactory(regiobron=bron, extern_id=uuid.uuid4())
    Postcode.objects.create(postcode="3142AB", latitude=51.92, longitude=4.25)

    # Activities and the signaalpunt's settings (the signals themselves have own pages).
    from activiteiten.models import Activiteit, Activiteitvoorstel, Campagne
    from signalen import services as signaalpunt
    from signalen.models import Teamlid, Wijkroute

    morgen = timezone.now() + timezone.timedelta(days=1)
    activiteit = Activiteit.objects.create(
        titel="Lunch",
        slug="lunch",
        omschrijving="Samen eten.",
        ontmoetplek="Buurthuis",
        start=morgen,
        einde=morgen + timezone.timedelta(hours=1),
        campagne=Campagne.objects.create(naam="Week", slug="week"),
    )
    activiteit.organisaties.set([locatie.organisatie])
    Activiteitvoorstel.objects.create(
        organisatie=locatie.organisatie, activiteit=activiteit, gegevens={}
    )
    wijkteam = OrganisatieFactory(naam="Wijkteam Noord")
    Wijkroute.objects.create(wijk=locatie.wijk, team=wijkteam)
    Teamlid.objects.create(gebruiker=GebruikerFactory(username="teamlid"), team=wijkteam)
    signaalpunt.dien_in(zorg="Mijn buurman komt niet meer buiten.", wijk=locatie.wijk)

    eigen = BijeenkomstFactory(coordinatoren=[coordinator])
    ander = BijeenkomstFactory()
    aanmeldingen = {}
    for bijeenkomst in (eigen, ander):
        Programmaonderdeel.objects.create(bijeenkomst=bijeenkomst, tijd="09:00", titel="Welkom")
        aanmeldingen[bijeenkomst] = Aanmelding.objects.create(
            bijeenkomst=bijeenkomst,
            naam="Deelnemer",
            email=f"deelnemer{bijeenkomst.pk}@example.org",
            privacy_akkoord_op=timezone.now(),
        )
    Inzage.objects.create(
        gebruikersnaam="beheerder",
        actie=Inzage.Actie.BEHEER_LIJST,
        bijeenkomst=eigen,
        bijeenkomst_titel=eigen.titel,
    )
    in_outbox("iemand@example.org", "Test", "organisaties/email/melding_verwerkt", {})
    _axes_en_otp(gebruikers["redacteur"])

    # Per model the rows whose pages are walked; by default the first row.
    voorbeelden = {
        Bijeenkomst: [eigen, ander],
        Aanmelding: list(aanmeldingen.values()),
        # An account and a group a beheerder may manage (netwerk.accountrechten).
        Group: [Group.objects.get(name=REDACTEUREN)],
        RegioOrganisatie: [RegioOrganisatie.objects.get(pk=uit_de_regio.pk)],
    }
    voorbeelden[gebruikers["redacteur"].__class__] = [
        GebruikerFactory(username="doel", groepen=[REDACTEUREN])
    ]
    return {"gebruikers": gebruikers, "voorbeelden": voorbeelden, "eigen": {eigen}}


def _axes_en_otp(gebruiker):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_totp.models import TOTPDevice

    basis = {"user_agent": "test", "ip_address": "127.0.0.1", "username": "x", "http_accept": "*"}
    AccessAttempt.objects.create(**basis, get_data="", post_data="", failures_since_start=1)
    AccessLog.objects.create(**basis)
    AccessFailureLog.objects.create(**basis)
    TOTPDevice.objects.create(user=gebruiker, name="telefoon", confirmed=True)


def rijen_van(model, opzet):
    if model in opzet["voorbeelden"]:
        return opzet["voorbeelden"][model]
    rij = model._default_manager.order_by("pk").first()
    assert rij is not None, (
        f"Geen voorbeeld van {model._meta.label}: maak er een in de fixture 'opzet', "
        "zodat de pagina's ervan in de rechtenmatrix worden nagelopen."
    )
    return [rij]


# --- The pages ------------------------------------------------------------------------------

# Values for URL parameters other than the row's id, as a page of that name expects them.
PARAMETERWAARDEN = {"extensie": "csv"}


def parameters(patroon):
    """The names of a URL pattern's parameters, in order; positional regex groups are named
    after the view's own arguments (django-simple-history's and django-solo's re_path)."""
    if isinstance(patroon.pattern, RoutePattern):
        return list(patroon.pattern.converters), True
    regex = patroon.pattern.regex
    if regex.groupindex:
        return list(regex.groupindex), True
    argumenten = list(inspect.signature(inspect.unwrap(patroon.callback)).parameters)
    return argumenten[1 : 1 + regex.groups], False  # after request


def waarde(naam, rij, patroon):
    if naam in ("object_id", "pk", "id"):
        return rij.pk
    if naam in ("history_id", "version_id"):
        return rij.history.order_by("pk").first().pk
    if naam in PARAMETERWAARDEN:
        return PARAMETERWAARDEN[naam]
    pytest.fail(
        f"Onbekende parameter <{naam}> in {patroon.pattern} ({patroon.name}): "
        "geef een voorbeeldwaarde in PARAMETERWAARDEN."
    )


def paginas(model, model_admin, rijen):
    """(name, kind, row, url) of every page of this ModelAdmin, for each example row.

    kind is the standard page's name, or "eigen" for a view of its own.
    """
    opts = model._meta
    standaard = {f"{opts.app_label}_{opts.model_name}_{naam}": naam for naam in STANDAARD}
    for patroon in model_admin.get_urls():
        if not isinstance(patroon, URLPattern) or patroon.name is None:
            continue  # <object_id>/ only redirects to the change page
        soort = standaard.get(patroon.name, "eigen")
        namen, op_naam = parameters(patroon)
        for rij in rijen if namen else [None]:
            waarden = [waarde(naam, rij, patroon) for naam in namen]
            if op_naam:
                url = reverse(
                    f"admin:{patroon.name}", kwargs=dict(zip(namen, waarden, strict=True))
                )
            else:
                url = reverse(f"admin:{patroon.name}", args=waarden)
            yield patroon.name, soort, rij, url


def uitkomst(client, url):
    """What a user meets: the page, a refusal, or the login page. Never a server error."""
    antwoord = client.get(url)
    if antwoord.status_code == 405:  # a view for POST only: its answer to an empty POST
        antwoord = client.post(url, {})
    assert antwoord.status_code < 500, f"{url}: {antwoord.status_code}"
    if antwoord.status_code in (403, 404):
        return GEWEIGERD
    if antwoord.status_code in (301, 302):
        doel = antwoord["Location"]
        if doel.startswith(reverse("admin:login")):
            return INLOGGEN
        if doel.split("?")[0] == reverse("admin:index"):
            return GEWEIGERD  # "does not exist or you may not see it"
    return TOEGESTAAN


def superuser_mag(model_admin, soort, rij, superuser):
    """What the ModelAdmin allows a superuser: the limits it sets for everyone."""
    request = RequestFactory().get("/")
    request.user = superuser
    if soort == "add":
        return model_admin.has_add_permission(request)
    if soort == "delete":
        return model_admin.has_delete_permission(request, rij)
    if soort in ("change", "history"):
        return model_admin.has_view_or_change_permission(request, rij)
    return model_admin.has_view_or_change_permission(request)


def verwacht(rol, model, soort, rij, eigen, superuser_toegestaan):
    if rol == "anoniem":
        return INLOGGEN
    if not superuser_toegestaan:
        return GEWEIGERD
    mag = niveau(rol, model, rij, eigen)
    if soort == "eigen":
        # A view of its own: open to full access only; read-only access may or may not
        # reach it (an export, say), so only full and none are asserted.
        return {VOLLEDIG: TOEGESTAAN, GEEN: GEWEIGERD}.get(mag)
    if mag == VOLLEDIG or (mag == LEZEN and STANDAARD[soort] == "view"):
        return TOEGESTAAN
    return GEWEIGERD


def loop(client, opzet, rol, modellen=None):
    """Walk the pages as ``rol``; returns how many, and where the outcome was not expected."""
    superuser = opzet["gebruikers"]["superuser"]
    gebruiker = opzet["gebruikers"][rol]
    afwijkingen = []
    gelopen = 0
    for model, model_admin in admin.site._registry.items():
        if modellen is not None and model not in modellen:
            continue
        for naam, soort, rij, url in paginas(model, model_admin, rijen_van(model, opzet)):
            if soort == "eigen":
                client.force_login(superuser)
                superuser_toegestaan = uitkomst(client, url) == TOEGESTAAN
            else:
                superuser_toegestaan = superuser_mag(model_admin, soort, rij, superuser)
            client.logout()
            if gebruiker is not None:
                client.force_login(gebruiker)
            gekregen = uitkomst(client, url)
            gelopen += 1
            verwachting = verwacht(rol, model, soort, rij, opzet["eigen"], superuser_toegestaan)
            if verwachting is not None and gekregen != verwachting:
                afwijkingen.append(f"{url} ({naam}): {gekregen}, verwacht {verwachting}")
    return gelopen, afwijkingen


@pytest.mark.parametrize("rol", ROLLEN)
def test_rechtenmatrix(client, opzet, rol):
    gelopen, afwijkingen = loop(client, opzet, rol)
    assert gelopen > 100
    assert not afwijkingen, f"{rol}:\n" + "\n".join(afwijkingen)


def test_de_matrix_ziet_een_lek(client, opzet, monkeypatch):
    """Control: a ModelAdmin that shows residents' reports to anyone fails the walk."""
    model_admin = admin.site._registry[Wijzigingsvoorstel]
    monkeypatch.setattr(model_admin, "has_view_permission", lambda request, obj=None: True)
    monkeypatch.setattr(model_admin, "has_module_permission", lambda request: True)
    _gelopen, afwijkingen = loop(client, opzet, "coordinator", modellen={Wijzigingsvoorstel})
    assert any("wijzigingsvoorstel/" in regel for regel in afwijkingen)


def test_de_matrix_vindt_eigen_views_van_elke_modeladmin(opzet):
    """The walk includes views added through get_urls(), such as the review of a report."""
    namen = {
        naam
        for model, model_admin in admin.site._registry.items()
        for naam, soort, _rij, _url in paginas(model, model_admin, rijen_van(model, opzet))
        if soort == "eigen"
    }
    assert {"organisaties_wijzigingsvoorstel_beoordelen", "auth_user_password_change"} <= namen
