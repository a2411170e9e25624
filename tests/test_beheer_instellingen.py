"""The site settings in the admin: grouped, explained, and refusing what would harm visitors
(an SVG logo that can carry script, a huge file, a colour white text cannot be read on)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from netwerk.admin import SiteConfiguratieAdmin
from netwerk.models import SiteConfiguratie
from netwerk.rollen import BEHEERDERS
from netwerk.validators import contrast_met_wit
from tests.beheerformulier import formulierdata
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

INSTELLINGEN = reverse("admin:netwerk_siteconfiguratie_change")


@pytest.fixture
def beheerder(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    gebruiker = GebruikerFactory(username="beheerder", groepen=[BEHEERDERS])
    client.force_login(gebruiker)
    return gebruiker


def afbeelding(formaat="PNG", grootte=(120, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", grootte, (29, 92, 140)).save(buffer, formaat)
    return buffer.getvalue()


def opslaan(client, **velden):
    data = formulierdata(client.get(INSTELLINGEN))
    data.pop("logo", None)
    data.update(velden)
    return client.post(INSTELLINGEN, data)


def fouten(antwoord, veld):
    return [str(fout) for fout in antwoord.context["adminform"].form.errors.get(veld, [])]


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("logo.png", afbeelding("PNG")),
        ("logo.jpg", afbeelding("JPEG")),
        ("logo.webp", afbeelding("WEBP")),
    ],
)
def test_logo_als_png_jpeg_of_webp(client, beheerder, naam, inhoud):
    antwoord = opslaan(client, logo=SimpleUploadedFile(naam, inhoud))
    assert antwoord.status_code == 302
    logo = SiteConfiguratie.objects.get().logo
    assert logo.name.startswith("logo/") and logo.name.endswith(naam.rsplit(".")[-1])


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("logo.svg", SVG, "Een SVG-bestand kan niet"),
        ("logo.png", SVG, "Dit bestand is geen afbeelding"),
        ("logo.png", b"gewoon tekst", "Dit bestand is geen afbeelding"),
        ("logo.html", afbeelding("PNG"), "De naam van het bestand past niet bij de inhoud"),
        ("logo.gif", afbeelding("GIF"), "Dit bestand is geen afbeelding die de site kan tonen"),
        ("logo.png", afbeelding("PNG") + b"\0" * (1024 * 1024), "hoogstens 1 MB"),
        ("logo.png", afbeelding("PNG", (5000, 10)), "kleiner dan 4000 pixels"),
    ],
)
def test_logo_dat_geen_veilige_afbeelding_is_wordt_geweigerd(
    client, beheerder, naam, inhoud, melding
):
    antwoord = opslaan(client, logo=SimpleUploadedFile(naam, inhoud))
    assert antwoord.status_code == 200
    [fout] = fouten(antwoord, "logo")
    assert melding in fout
    assert not SiteConfiguratie.objects.get().logo


def test_wcag_contrast_berekening():
    assert round(contrast_met_wit("#000000"), 1) == 21.0
    assert round(contrast_met_wit("#FFFFFF"), 1) == 1.0
    assert round(contrast_met_wit("#767676"), 2) == 4.54


@pytest.mark.parametrize("kleur", ["#1D5C8C", "#767676", "#00586B", "#8c1d40"])
def test_donkere_kleur_mag(client, beheerder, kleur):
    assert opslaan(client, primaire_kleur=kleur).status_code == 302
    assert SiteConfiguratie.objects.get().primaire_kleur == kleur


@pytest.mark.parametrize(
    ("kleur", "verhouding"), [("#FFFF00", "1,07:1"), ("#777777", "4,47:1"), ("#3399FF", "2,94:1")]
)
def test_lichte_kleur_wordt_geweigerd_met_de_verhouding(client, beheerder, kleur, verhouding):
    antwoord = opslaan(client, primaire_kleur=kleur)
    [fout] = fouten(antwoord, "primaire_kleur")
    assert f"het contrast is {verhouding} en moet minstens 4,5:1 zijn" in fout
    assert SiteConfiguratie.objects.get().primaire_kleur == "#1D5C8C"


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [("kaart_zoom", "40"), ("kaart_centrum_latitude", "0"), ("controletermijn_maanden", "0")],
)
def test_kaart_en_termijn_buiten_bereik_worden_geweigerd(client, beheerder, veld, waarde):
    antwoord = opslaan(client, **{veld: waarde})
    assert antwoord.status_code == 200 and fouten(antwoord, veld)


def test_elke_instelling_staat_in_een_groep_met_uitleg(client, beheerder):
    getoond = [
        veld
        for _titel, opties in SiteConfiguratieAdmin.fieldsets
        for regel in opties["fields"]
        for veld in (regel if isinstance(regel, tuple | list) else [regel])
    ]
    bewerkbaar = {
        veld.name
        for veld in SiteConfiguratie._meta.get_fields()
        if getattr(veld, "concrete", False) and not veld.auto_created and veld.editable
    }
    assert set(getoond) == bewerkbaar and len(getoond) == len(set(getoond))
    html = client.get(INSTELLINGEN).content.decode()
    for titel in ["Huisstijl", "Kaart", "Contact", "Teksten", "Termijnen"]:
        assert f">{titel}<" in html
    assert "SVG kan niet" in html and "4,5:1" in html
