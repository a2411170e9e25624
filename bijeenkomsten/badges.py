"""Name badges as PDF: A4 sheets of common label sizes, or one badge per page.

ReportLab draws every text with ``drawString``, so a name is only ever text, never markup.
The font is DejaVu Sans (static/vendor/fonts/, from npm by scripts/vendor-static.sh): the
standard PDF fonts stop at Latin-1, and names such as Łukasz or Çağlar must print whole.
A text too long for its line first wraps onto a second line, then shrinks until it fits.

A colour and a shape per soort lets people spot a wijkteam or a vrijwilligersorganisatie
across the room; the shape is there for whoever does not see the colour. The order of all
soorten fixes the pairing, so a soort keeps its colour from one meeting to the next.
"""

import io
from dataclasses import dataclass
from itertools import combinations, pairwise
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, A6, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from bijeenkomsten.models import Aanmelding
from netwerk.models import SiteConfiguratie
from organisaties.models import Soort

FONT_MAP = Path(settings.BASE_DIR) / "static" / "vendor" / "fonts"
LETTER = "DejaVuSans"
LETTER_VET = "DejaVuSans-Bold"


@dataclass(frozen=True)
class Formaat:
    """A page of badges: label size, grid and the sheet's margins (mm)."""

    naam: str
    breedte: float
    hoogte: float
    kolommen: int
    rijen: int
    pagina: tuple = A4
    links: float = 0
    boven: float = 0
    tussen_x: float = 0
    tussen_y: float = 0

    @property
    def per_pagina(self):
        return self.kolommen * self.rijen


FORMATEN = {
    "l7163": Formaat(
        gettext_lazy("Etiketten 99,1 × 38,1 mm, 14 per A4 (Avery L7163)"),
        99.1, 38.1, 2, 7, links=4.65, boven=15.15, tussen_x=2.5,
    ),
    "3x8": Formaat(
        gettext_lazy("Etiketten 70 × 36 mm, 24 per A4 (3 × 8)"), 70, 36, 3, 8, boven=4.5
    ),
    "badge": Formaat(
        gettext_lazy("Badges 90 × 54 mm, 10 per A4 (voor badgehouders)"),
        90, 54, 2, 5, links=15, boven=13.5,
    ),
    "los": Formaat(
        gettext_lazy("Eén badge per pagina (A6 liggend)"),
        148, 105, 1, 1, pagina=landscape(A6),
    ),
}  # fmt: skip

# Readable on white and different enough from each other; cycled when there are more soorten.
KLEUREN = ["#B3261E", "#1B7F3B", "#6A3D9A", "#B35900", "#00707A", "#8A1C5F", "#4D5A00", "#333333"]
# Seven shapes against eight colours: no two of the first 56 soorten look the same.
VORMEN = ["rondje", "vierkant", "driehoek", "ruit", "zeshoek", "omlaag", "plus"]
VORM_NAMEN = {
    "rondje": gettext_lazy("rondje"),
    "vierkant": gettext_lazy("vierkant"),
    "driehoek": gettext_lazy("driehoek"),
    "ruit": gettext_lazy("ruit"),
    "zeshoek": gettext_lazy("zeshoek"),
    "omlaag": gettext_lazy("driehoek omlaag"),
    "plus": gettext_lazy("plus"),
}
# Corner points of the polygon shapes, on a unit circle around the centre.
_PUNTEN = {
    "driehoek": [(0, 1), (1, -0.8), (-1, -0.8)],
    "ruit": [(0, 1), (1, 0), (0, -1), (-1, 0)],
    "zeshoek": [(0, 1), (0.87, 0.5), (0.87, -0.5), (0, -1), (-0.87, -0.5), (-0.87, 0.5)],
    "omlaag": [(-1, 0.8), (1, 0.8), (0, -1)],
    "plus": [
        (-0.33, 1), (0.33, 1), (0.33, 0.33), (1, 0.33), (1, -0.33), (0.33, -0.33),
        (0.33, -1), (-0.33, -1), (-0.33, -0.33), (-1, -0.33), (-1, 0.33), (-0.33, 0.33),
    ],
}  # fmt: skip


@dataclass(frozen=True)
class Kenmerk:
    """How one soort shows on a badge and in the legend."""

    soort: str
    kleur: str
    vorm: str
    nummer: int  # the colour's place in KLEUREN, for the legend's CSS class

    @property
    def vorm_naam(self):
        return VORM_NAMEN[self.vorm]


@dataclass(frozen=True)
class Badge:
    naam: str
    organisatie: str
    soort: str
    kenmerk: Kenmerk | None


def kenmerken():
    """Every soort's colour and shape, by soort pk, in the order of the soorten (one query)."""
    return {
        soort.pk: Kenmerk(
            soort.naam, KLEUREN[i % len(KLEUREN)], VORMEN[i % len(VORMEN)], i % len(KLEUREN)
        )
        for i, soort in enumerate(Soort.objects.order_by("volgorde", "naam", "pk"))
    }


def badges_voor(bijeenkomst, per_soort=True):
    """The badges of a meeting's confirmed attendees, by name: two queries in all."""
    per_pk = kenmerken() if per_soort else {}
    aanmeldingen = (
        bijeenkomst.aanmeldingen.filter(status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
        .select_related("organisatie__soort")
        .order_by("naam", "pk")
    )
    badges = []
    for aanmelding in aanmeldingen:
        organisatie = aanmelding.organisatie
        soort = organisatie.soort if organisatie and organisatie.soort_id else None
        badges.append(
            Badge(
                naam=aanmelding.naam,
                organisatie=aanmelding.organisatie_tekst or "",
                soort=soort.naam if soort else "",
                kenmerk=per_pk.get(soort.pk) if soort else None,
            )
        )
    return badges


def _registreer_fonts():
    if LETTER not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(LETTER, FONT_MAP / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(LETTER_VET, FONT_MAP / "DejaVuSans-Bold.ttf"))


def _regels(tekst, font, grootte, breedte, max_regels):
    """The text in at most ``max_regels`` lines and the font size at which they all fit."""
    tekst = " ".join(tekst.split())
    if not tekst:
        return [], grootte
    woorden = tekst.split(" ")
    beste, beste_score = ([tekst], grootte), 0
    for aantal in range(1, min(max_regels, len(woorden)) + 1):
        for knippen in combinations(range(1, len(woorden)), aantal - 1):
            grenzen = [0, *knippen, len(woorden)]
            regels = [" ".join(woorden[a:b]) for a, b in pairwise(grenzen)]
            breedst = max(pdfmetrics.stringWidth(r, font, grootte) for r in regels)
            past = min(grootte, grootte * breedte / breedst) if breedst else grootte
            # Each extra line costs height: count it a little smaller, so fewer lines win a tie.
            score = past * 0.9 ** (aantal - 1)
            if score > beste_score:
                beste_score, beste = score, (regels, past)
    return beste


def _vorm(canvas, vorm, x, y, r):
    """A filled shape of radius ``r`` centred on (x, y)."""
    if vorm == "rondje":
        canvas.circle(x, y, r, stroke=0, fill=1)
    elif vorm == "vierkant":
        canvas.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, stroke=0, fill=1)
    else:
        pad = canvas.beginPath()
        punten = [(x + px * r, y + py * r) for px, py in _PUNTEN[vorm]]
        pad.moveTo(*punten[0])
        for punt in punten[1:]:
            pad.lineTo(*punt)
        pad.close()
        canvas.drawPath(pad, stroke=0, fill=1)


def _teken_badge(canvas, badge, x, y, breedte, hoogte, kleur, sitenaam):
    """One badge with its lower left corner at (x, y), all in points."""
    schaal = hoogte / (38.1 * mm)  # text sizes follow the label's height
    rand = 4 * mm * min(schaal, 1.6)
    band = hoogte * 0.2
    # The band on top: the site's colour, with the soort (or the site) in white.
    canvas.setFillColor(HexColor(kleur))
    canvas.rect(x, y + hoogte - band, breedte, band, stroke=0, fill=1)
    canvas.setFillColor(white)
    bandtekst = badge.soort or sitenaam
    regels, grootte = _regels(bandtekst, LETTER_VET, band * 0.5, breedte - 2 * rand, 1)
    if regels:
        canvas.setFont(LETTER_VET, grootte)
        canvas.drawString(x + rand, y + hoogte - band / 2 - grootte * 0.35, regels[0])

    tekstbreedte = breedte - 2 * rand
    links = x + rand
    if badge.kenmerk:
        r = min(band * 0.9, breedte * 0.08) / 2 + 2 * schaal
        canvas.setFillColor(HexColor(badge.kenmerk.kleur))
        _vorm(canvas, badge.kenmerk.vorm, x + breedte - rand - r, y + rand + r, r)
        tekstbreedte -= 2 * r + 2 * mm
        # A stripe in the soort's colour down the left edge, visible from afar.
        streep = 2.5 * mm * schaal
        canvas.rect(x, y, streep, hoogte - band, stroke=0, fill=1)
        links = x + streep + rand * 0.75
        tekstbreedte -= streep - rand * 0.25

    ruimte = hoogte - band
    naam_regels, naam_grootte = _regels(badge.naam, LETTER_VET, 16 * schaal, tekstbreedte, 3)
    org_regels, org_grootte = _regels(badge.organisatie, LETTER, 11 * schaal, tekstbreedte, 2)
    org_grootte = min(org_grootte, naam_grootte * 0.8)  # the name stays the largest
    # Both blocks must fit under the band: scale them down together if they would not.
    nodig = len(naam_regels) * naam_grootte * 1.15 + len(org_regels) * org_grootte * 1.2
    beschikbaar = ruimte - 2 * rand * 0.6
    if nodig > beschikbaar:
        naam_grootte *= beschikbaar / nodig
        org_grootte *= beschikbaar / nodig
    canvas.setFillColor(HexColor("#1A1A1A"))
    regel_y = y + hoogte - band - rand * 0.6 - naam_grootte
    canvas.setFont(LETTER_VET, naam_grootte)
    for regel in naam_regels:
        canvas.drawString(links, regel_y, regel)
        regel_y -= naam_grootte * 1.15
    canvas.setFillColor(HexColor("#333333"))
    canvas.setFont(LETTER, org_grootte)
    regel_y -= org_grootte * 0.25
    for regel in org_regels:
        canvas.drawString(links, regel_y, regel)
        regel_y -= org_grootte * 1.2


def _teken_legenda(canvas, legenda, kleur, titel):
    breedte, hoogte = A4
    canvas.setFillColor(HexColor(kleur))
    canvas.rect(0, hoogte - 40 * mm, breedte, 40 * mm, stroke=0, fill=1)
    canvas.setFillColor(white)
    regels, grootte = _regels(titel, LETTER_VET, 24, breedte - 40 * mm, 1)
    canvas.setFont(LETTER_VET, grootte)
    canvas.drawString(20 * mm, hoogte - 25 * mm, regels[0] if regels else "")
    y = hoogte - 60 * mm
    for kenmerk in legenda:
        canvas.setFillColor(HexColor(kenmerk.kleur))
        _vorm(canvas, kenmerk.vorm, 28 * mm, y + 3 * mm, 6 * mm)
        canvas.setFillColor(HexColor("#1A1A1A"))
        tekst = f"{kenmerk.soort} ({kenmerk.vorm_naam})"
        regels, grootte = _regels(tekst, LETTER, 20, breedte - 60 * mm, 1)
        canvas.setFont(LETTER, grootte)
        canvas.drawString(42 * mm, y, regels[0])
        y -= 18 * mm
        if y < 20 * mm:
            canvas.showPage()
            y = hoogte - 30 * mm


def badges_pdf(bijeenkomst, formaat="l7163", per_soort=True, legenda=False):
    """The PDF (bytes) of a meeting's badges on ``formaat``, a key of FORMATEN."""
    _registreer_fonts()
    vorm = FORMATEN[formaat]
    site = SiteConfiguratie.get_solo()
    badges = badges_voor(bijeenkomst, per_soort=per_soort)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=vorm.pagina, pageCompression=1)
    canvas.setTitle(_("Naambadges: %(titel)s") % {"titel": bijeenkomst.titel})
    canvas.setAuthor(site.sitenaam)
    pagina_breedte, pagina_hoogte = vorm.pagina
    for i, badge in enumerate(badges):
        plek = i % vorm.per_pagina
        if i and plek == 0:
            canvas.showPage()
        rij, kolom = divmod(plek, vorm.kolommen)
        x = (vorm.links + kolom * (vorm.breedte + vorm.tussen_x)) * mm
        y = pagina_hoogte - (vorm.boven + (rij + 1) * vorm.hoogte + rij * vorm.tussen_y) * mm
        _teken_badge(
            canvas, badge, x, y, vorm.breedte * mm, vorm.hoogte * mm,
            site.primaire_kleur, site.sitenaam,
        )  # fmt: skip
    if legenda:
        gebruikt = {b.kenmerk for b in badges if b.kenmerk}
        if gebruikt:
            if badges:
                canvas.showPage()
            canvas.setPageSize(A4)
            titel = _("Welke soort organisatie?")
            _teken_legenda(
                canvas, sorted(gebruikt, key=lambda k: k.soort), site.primaire_kleur, titel
            )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
