"""Attendee lists as XLSX and as semicolon-separated CSV (what Dutch Excel opens directly).

Every cell goes through netwerk.spreadsheets.veilige_cel: a name like "=HYPERLINK(...)" stays
text.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from netwerk.spreadsheets import veilige_cel


def kolommen():
    return [
        _("Naam"),
        _("E-mailadres"),
        _("Organisatie"),
        _("Functie"),
        _("Status"),
        _("Dieetwensen"),
        _("Toegankelijkheid"),
        _("Aangemeld op"),
        _("Aanwezig om"),
    ]


def rijen(aanmeldingen):
    for a in aanmeldingen:
        yield [
            a.naam,
            a.email,
            a.organisatie_tekst,
            a.functie,
            a.get_status_display(),
            a.dieetwensen,
            a.toegankelijkheidsbehoeften,
            timezone.localtime(a.aangemaakt).strftime("%d-%m-%Y %H:%M"),
            timezone.localtime(a.aanwezig_op).strftime("%H:%M") if a.aanwezig_op else "",
        ]


def als_csv(aanmeldingen):
    uitvoer = io.StringIO()
    uitvoer.write("\ufeff")  # BOM: Excel then reads the file as UTF-8
    schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(kolommen())
    for rij in rijen(aanmeldingen):
        schrijver.writerow([veilige_cel(cel) for cel in rij])
    return uitvoer.getvalue().encode("utf-8")


def als_xlsx(aanmeldingen, titel):
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = _("Deelnemers")[:31]
    blad.append(kolommen())
    for rij in rijen(aanmeldingen):
        blad.append([veilige_cel(cel) for cel in rij])
    for kolom, breedte in zip("ABCDEFGHI", (28, 32, 32, 20, 12, 24, 24, 17, 11), strict=True):
        blad.column_dimensions[kolom].width = breedte
    blad.freeze_panes = "A2"
    werkboek.properties.title = titel
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    return uitvoer.getvalue()
