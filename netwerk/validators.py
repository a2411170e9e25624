"""Checks for short texts a visitor types that the site shows or mails to others.

A name, an organisation or a job title is one line of words. Anything else is a way to put
a link or a second paragraph into a page or an e-mail under the site's name: a spammer
registers "Win a prize at example.com" with someone else's e-mail address, and the site
mails "Beste Win a prize at example.com," to that address. So such fields refuse line
breaks and anything a mail program would turn into a link.

Below those, the checks of the site settings: a colour white text stays readable on, and a
logo that is an image and nothing else.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Line breaks and other control characters: never part of a name.
_REGELEINDE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A dot as a browser reads it in a web address, also in its full-width and ideographic forms.
_PUNT = r"[.\u3002\uff0e\uff61]"
_SCHEMA_OF_WWW = re.compile(
    rf"://|\b(?:https?|ftp|javascript|data|mailto|file|vbscript):|\bwww\d*{_PUNT}",
    re.IGNORECASE,
)
# A domain: a letter or digit, a dot, and a word of two or more letters (voorbeeld.nl).
_DOMEIN = re.compile(rf"[^\W_]{_PUNT}([^\W\d_]{{2,}})\b")
# Dutch titles written without a space ("mr.dr. A. de Vries") look like a domain but are not.
_TITELS = {"dr", "drs", "ir", "ing", "mr", "mw", "dhr", "prof", "bc", "ma", "msc", "bsc", "phd"}


def _heeft_webadres(tekst):
    if _SCHEMA_OF_WWW.search(tekst):
        return True
    return any(deel.lower() not in _TITELS for deel in _DOMEIN.findall(tekst))


def een_regel_zonder_webadres(waarde):
    """One line, and nothing that looks like a web address (www., http:, ://, voorbeeld.nl).

    Strict on purpose: "Zorg.Thuis" is refused as well; a space after the dot fixes it.
    """
    if _REGELEINDE.search(waarde):
        raise ValidationError(
            _("Schrijf dit op één regel, zonder Enter of andere speciale tekens."),
            code="meer_regels",
        )
    if _heeft_webadres(unicodedata.normalize("NFKC", waarde)):
        raise ValidationError(
            _("Hier mag geen webadres staan, zoals www.voorbeeld.nl. Haal het weg."),
            code="webadres",
        )


# --- Site settings: the municipality's colour and logo ---------------------------------------

# WCAG 2.1 AA for normal text: white text on the colour needs at least this contrast.
MINIMAAL_CONTRAST = 4.5
LOGO_MAX_BYTES = 1024 * 1024
# A small file can still unpack to a huge image that stalls every visitor's browser.
LOGO_MAX_PIXELS = 4000
# Formats Pillow must recognise, with the extensions that are served with their MIME type.
# No SVG: an SVG file can carry script, which runs when someone opens the file itself.
LOGO_FORMATEN = {"PNG": {".png"}, "JPEG": {".jpg", ".jpeg"}, "WEBP": {".webp"}}


def _lichtheid(kleur: str) -> float:
    """Relative luminance of '#RRGGBB' as WCAG 2.1 defines it."""
    kanalen = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineair = [k / 12.92 if k <= 0.04045 else ((k + 0.055) / 1.055) ** 2.4 for k in kanalen]
    return 0.2126 * lineair[0] + 0.7152 * lineair[1] + 0.0722 * lineair[2]


def contrast_met_wit(kleur: str) -> float:
    return (1.0 + 0.05) / (_lichtheid(kleur) + 0.05)


def leesbaar_met_witte_tekst(kleur):
    """The colour is the background of white text (header, buttons): WCAG AA or refused."""
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", kleur or ""):
        return  # the format check says what is wrong
    verhouding = contrast_met_wit(kleur)
    # Rounded down, so that 4.499 is never shown as an acceptable "4,50".
    getoond = f"{int(verhouding * 100) / 100:.2f}".replace(".", ",")
    if verhouding < MINIMAAL_CONTRAST:
        raise ValidationError(
            _(
                "Witte tekst is op deze kleur slecht te lezen: het contrast is %(verhouding)s:1 "
                "en moet minstens 4,5:1 zijn. Kies een donkerdere kleur."
            ),
            code="contrast",
            params={"verhouding": getoond},
        )


def logo_afbeelding(bestand):
    """A PNG, JPEG or WebP image of at most 1 MB, checked by opening it with Pillow.

    Only a newly uploaded file is checked: the stored logo passed this check when it came in.
    """
    if getattr(bestand, "_committed", True):
        return
    naam = (bestand.name or "").lower()
    if naam.endswith((".svg", ".svgz")):
        raise ValidationError(
            _(
                "Een SVG-bestand kan niet: het kan programmacode bevatten. Sla het logo op als "
                "PNG, JPEG of WebP en upload dat bestand."
            ),
            code="svg",
        )
    if bestand.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("Het logo is te groot (%(grootte)s). Het mag hoogstens 1 MB zijn."),
            code="te_groot",
            params={"grootte": f"{bestand.size / (1024 * 1024):.1f} MB".replace(".", ",")},
        )
    try:
        bestand.seek(0)
        with Image.open(bestand) as afbeelding:
            formaat = afbeelding.format
            afmetingen = afbeelding.size
            afbeelding.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        formaat = None
    finally:
        bestand.seek(0)
    if formaat not in LOGO_FORMATEN:
        raise ValidationError(
            _(
                "Dit bestand is geen afbeelding die de site kan tonen. "
                "Upload een PNG, JPEG of WebP."
            ),
            code="geen_afbeelding",
        )
    if not naam.endswith(tuple(LOGO_FORMATEN[formaat])):
        raise ValidationError(
            _(
                "De naam van het bestand past niet bij de inhoud: dit is een %(formaat)s-bestand. "
                "Geef het de extensie %(extensie)s."
            ),
            code="extensie",
            params={"formaat": formaat, "extensie": sorted(LOGO_FORMATEN[formaat])[-1]},
        )
    if max(afmetingen) > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("Het logo is te groot: maak het kleiner dan %(pixels)s pixels breed en hoog."),
            code="te_veel_pixels",
            params={"pixels": LOGO_MAX_PIXELS},
        )
