"""Import and export of the sociale kaart as spreadsheets (django-import-export).

How a gemeente moves from its old sociale kaart: three sheets, like the tables of Open Referral's
HSDS, each with its own import in the admin, imported in this order:

1. organisaties (Organisaties > Importeren): one row per organisation, found by its ``slug``;
2. locaties (Locaties > Importeren): one row per address, linked by the organisation's slug;
3. aanbod (Aanbod > Importeren): one row per offer, linked by slug, with the addresses of the
   organisation's locations where it is offered.

One sheet per table is what a spreadsheet can hold without repeating an organisation on every
row of its aanbod, and an old sociale kaart exports its data that way too. Rows are matched on
natural keys, never on database ids: an organisation by slug, a location by organisation +
address + postcode, an offer by organisation + name; soort, thema's, doelgroepen and wijken by
their name or slug. So a file made elsewhere imports the same as one exported here, and
importing a file twice changes nothing the second time.

Every import shows a dry run first: per row new, changed (with the differences) or the same,
and every error in Dutch with its row number. Nothing is written when any row is wrong (one
transaction). The site keeps its search index and page cache current once after the import,
not per row (organisaties.zoekindex.uitgesteld), and every version in the change history names
the file it came from.

Files: .xlsx, or .csv with semicolons in UTF-8 with a byte order mark (what Dutch Excel writes
with "CSV UTF-8"; a comma-separated or Windows-1252 file is read too). Cells that Excel would
take for a formula are exported with an apostrophe in front, which the import removes again.
"""

import csv
import datetime
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from netwerk import inhoudsversie
from netwerk.spreadsheets import FORMULE_TEKENS, veilige_cel
from organisaties import services, zoekindex
from organisaties.geschiedenis import met_reden
from organisaties.models import (
    Aanbod,
    Bron,
    Controlebron,
    Doelgroep,
    Locatie,
    Organisatie,
    Soort,
    Thema,
    Wijk,
)
from organisaties.validatie import normaliseer_postcode

LIJSTSCHEIDING = ","


class LeesFout(Exception):
    """The file cannot be read as a sheet; the message (Dutch) says why."""


def onveilige_cel(waarde):
    """Undo netwerk.spreadsheets.veilige_cel: an apostrophe before a formula sign was ours."""
    if isinstance(waarde, str) and waarde[:1] == "'" and waarde[1:2] in FORMULE_TEKENS:
        return waarde[1:]
    return waarde


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).strip()


# --- File formats ------------------------------------------------------------------------------


def _zonder_lege_regels(kop, regels):
    """Header and rows without empty trailing columns and empty rows (Excel leaves them)."""
    kop = [_tekst(k) for k in kop]
    while kop and not kop[-1]:
        kop.pop()
    if not kop:
        raise LeesFout(_("Het bestand is leeg: de eerste regel moet de kolomnamen bevatten."))
    dataset = tablib.Dataset(headers=kop)
    for nummer, regel in enumerate(regels, start=2):
        regel = list(regel)
        if all(_tekst(cel) == "" for cel in regel):
            continue
        if any(_tekst(cel) for cel in regel[len(kop) :]):
            raise LeesFout(
                _(
                    "Rij %(rij)s heeft meer kolommen dan de eerste regel. Staat er een "
                    "scheidingsteken in een tekst zonder aanhalingstekens?"
                )
                % {"rij": nummer}
            )
        regel = (regel + [""] * len(kop))[: len(kop)]
        dataset.append(regel)
    if not len(dataset):
        raise LeesFout(_("Het bestand heeft kolomnamen, maar geen regels met gegevens."))
    return dataset


def _bewaard(in_stream):
    """The file kept between the dry run and the confirmation can be gone (cache emptied)."""
    if in_stream is None:
        raise LeesFout(_("Het bestand is niet meer bewaard. Kies het opnieuw."))


class CSVVoorExcel(base_formats.CSV):
    """CSV as Dutch Excel writes and reads it: semicolons, UTF-8 with a byte order mark.

    Reads bytes itself ("binary" to the library) to accept what Excel writes on Windows too:
    Windows-1252 and comma- or tab-separated files.
    """

    def get_title(self):
        return "csv"

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        _bewaard(in_stream)
        if isinstance(in_stream, bytes):
            try:
                tekst = in_stream.decode("utf-8-sig")
            except UnicodeDecodeError:
                tekst = in_stream.decode("cp1252", errors="replace")
        else:
            tekst = in_stream.removeprefix("\ufeff")
        regels = tekst.splitlines()
        if not regels or not regels[0].strip():
            raise LeesFout(_("Het bestand is leeg: de eerste regel moet de kolomnamen bevatten."))
        scheiding = max(";,\t", key=regels[0].count)
        lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
        try:
            kop = next(lezer)
            return _zonder_lege_regels(kop, list(lezer))
        except csv.Error:
            raise LeesFout(_("Het bestand is geen geldig CSV-bestand.")) from None

    def export_data(self, dataset, **kwargs):
        uitvoer = io.StringIO()
        uitvoer.write("\ufeff")
        schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
        schrijver.writerow(dataset.headers)
        for rij in dataset:
            schrijver.writerow(["" if cel is None else cel for cel in rij])
        return uitvoer.getvalue().encode("utf-8")

    def get_content_type(self):
        return "text/csv; charset=utf-8"


class Excel(base_formats.XLSX):
    """XLSX; reads the first sheet, and says in Dutch what is wrong with a broken file."""

    def create_dataset(self, in_stream):
        import zipfile

        import openpyxl

        _bewaard(in_stream)
        try:
            boek = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            raise LeesFout(
                _(
                    "Dit is geen geldig Excel-bestand (.xlsx). Sla het in Excel opnieuw op "
                    "als .xlsx."
                )
            ) from None
        regels = list(boek.active.iter_rows(values_only=True))
        boek.close()
        if not regels:
            raise LeesFout(_("Het bestand is leeg: de eerste regel moet de kolomnamen bevatten."))
        return _zonder_lege_regels(regels[0], regels[1:])


FORMATEN = [Excel, CSVVoorExcel]
FORMAAT_NAMEN = {
    "xlsx": gettext_lazy("Excel (.xlsx)"),
    "csv": gettext_lazy("CSV voor Excel (.csv, met puntkomma's)"),
}


# --- Widgets: one cell <-> one value, with Dutch errors -----------------------------------------


class Tekst(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return _tekst(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class Postcode(Tekst):
    def clean(self, value, row=None, **kwargs):
        return normaliseer_postcode(_tekst(value))


class Keuze(widgets.Widget):
    """One of a field's choices, by its value or its label ('gepubliceerd', 'Gepubliceerd')."""

    def __init__(self, keuzes):
        self.keuzes = keuzes
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        tekst = _tekst(value).lower()
        if not tekst:
            return None
        for waarde, label in self.keuzes:
            if tekst in (str(waarde).lower(), str(label).lower()):
                return waarde
        raise ValueError(
            _("'%(waarde)s' kan hier niet. Kies uit: %(keuzes)s.")
            % {"waarde": _tekst(value), "keuzes": ", ".join(str(lb) for _w, lb in self.keuzes)}
        )

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.keuzes).get(value, value or ""))


class JaNee(widgets.Widget):
    JA = {"ja", "j", "x", "1", "true", "waar", "yes"}
    NEE = {"nee", "n", "", "0", "false", "onwaar", "no"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        tekst = _tekst(value).lower()
        if tekst in self.JA:
            return True
        if tekst in self.NEE:
            return False
        raise ValueError(_("Vul ja of nee in."))

    def render(self, value, obj=None, **kwargs):
        return _("ja") if value else _("nee")


class Datum(widgets.Widget):
    """A date as 31-12-2025, 31/12/2025 or 2025-12-31; a date cell of Excel as well."""

    FORMATEN = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        tekst = _tekst(value)
        if not tekst:
            return None
        for formaat in self.FORMATEN:
            try:
                return datetime.datetime.strptime(tekst, formaat).date()
            except ValueError:
                continue
        raise ValueError(
            _("'%(waarde)s' is geen datum. Schrijf de datum zo: 31-12-2025.") % {"waarde": tekst}
        )

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d-%m-%Y") if value else ""


class Getal(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        tekst = _tekst(value)
        if not tekst:
            return 0
        if not tekst.isdigit():
            raise ValueError(_("Vul een heel getal in, zoals 0, 1 of 2."))
        return int(tekst)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class Coordinaat(widgets.Widget):
    """Degrees as 51,916720 (what Dutch Excel shows) or 51.916720."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            tekst = str(value)
        else:
            tekst = _tekst(value).replace(",", ".")
        if not tekst:
            return None
        try:
            getal = Decimal(tekst)
        except InvalidOperation:
            raise ValueError(
                _("'%(waarde)s' is geen coördinaat. Schrijf bijvoorbeeld 51,9167.")
                % {"waarde": _tekst(value)}
            ) from None
        if not getal.is_finite() or abs(getal) >= 1000:
            raise ValueError(_("Een coördinaat ligt tussen -180 en 180."))
        return getal.quantize(Decimal("0.000001"))

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else f"{value:f}".replace(".", ",")


class Term(widgets.ForeignKeyWidget):
    """A soort or wijk by its name or slug."""

    def __init__(self, model):
        super().__init__(model, "naam")
        self._termen = None

    def zoek(self, tekst):
        if self._termen is None:
            self._termen = {}
            for term in self.model.objects.all():
                self._termen[term.naam.lower()] = term
                self._termen[term.slug.lower()] = term
        return self._termen.get(tekst.lower())

    def onbekend(self, namen):
        bestaand = ", ".join(self.model.objects.values_list("naam", flat=True)[:30])
        return ValueError(
            _("Onbekend: %(namen)s. Bestaande %(soort)s: %(bestaand)s.")
            % {
                "namen": ", ".join(f"'{naam}'" for naam in namen),
                "soort": self.model._meta.verbose_name_plural,
                "bestaand": bestaand or _("(nog geen)"),
            }
        )

    def clean(self, value, row=None, **kwargs):
        tekst = _tekst(value)
        if not tekst:
            return None
        term = self.zoek(tekst)
        if term is None:
            raise self.onbekend([tekst])
        return term

    def render(self, value, obj=None, **kwargs):
        return value.naam if value is not None else ""


class Termen(widgets.ManyToManyWidget):
    """Thema's, doelgroepen or wijken: names or slugs, separated by commas."""

    def __init__(self, model):
        super().__init__(model, separator=LIJSTSCHEIDING, field="naam")
        self.term = Term(model)

    def clean(self, value, row=None, **kwargs):
        namen = [deel.strip() for deel in _tekst(value).split(self.separator) if deel.strip()]
        gevonden, onbekend = [], []
        for naam in namen:
            term = self.term.zoek(naam)
            if term is None:
                onbekend.append(naam)
            elif term not in gevonden:
                gevonden.append(term)
        if onbekend:
            raise self.term.onbekend(onbekend)
        return gevonden

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{self.separator} ".join(sorted(term.naam for term in value.all()))


class OrganisatieSleutel(widgets.ForeignKeyWidget):
    """The organisation a location or offer belongs to, by its slug (or exact name)."""

    def __init__(self):
        super().__init__(Organisatie, "slug")
        self._gevonden = {}

    def clean(self, value, row=None, **kwargs):
        tekst = _tekst(value)
        if not tekst:
            raise ValueError(_("Vul de slug van de organisatie in."))
        if tekst not in self._gevonden:
            organisatie = Organisatie.objects.filter(slug=tekst).first()
            if organisatie is None:
                namen = Organisatie.objects.filter(naam__iexact=tekst)[:2]
                organisatie = namen[0] if len(namen) == 1 else None
            self._gevonden[tekst] = organisatie
        if self._gevonden[tekst] is None:
            raise ValueError(
                _(
                    "Er is geen organisatie met slug '%(slug)s'. Importeer eerst de "
                    "organisaties, of kijk de slug na."
                )
                % {"slug": tekst}
            )
        return self._gevonden[tekst]

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


def adres_sleutel(adres, postcode):
    """'Hoogstraat  1', '3142 ea' -> 'hoogstraat 1 3142ea': how addresses are compared."""
    straat = re.sub(r"\s+", " ", _tekst(adres).lower())
    return f"{straat} {normaliseer_postcode(_tekst(postcode)).replace(' ', '').lower()}"


_ADRES_MET_POSTCODE = re.compile(r"(?P<adres>.*?)[\s,]*(?P<postcode>\d{4}\s?[a-zA-Z]{2})")


def _locatie_tekst(locatie):
    return f"{locatie.adres} {locatie.postcode}"


class Locaties(widgets.ManyToManyWidget):
    """The organisation's locations where an offer is: 'Hoogstraat 1 3142 EA' or their name."""

    def __init__(self):
        super().__init__(Locatie, separator=LIJSTSCHEIDING)

    def clean(self, value, row=None, **kwargs):
        delen = [deel.strip() for deel in _tekst(value).split(self.separator) if deel.strip()]
        if not delen:
            return []
        organisatie = OrganisatieSleutel().clean(row.get("organisatie"), row)
        eigen = list(organisatie.locaties.all())
        gevonden, onbekend = [], []
        for deel in delen:
            met_postcode = _ADRES_MET_POSTCODE.fullmatch(deel)
            sleutel = (
                adres_sleutel(met_postcode["adres"], met_postcode["postcode"])
                if met_postcode
                else None
            )
            passend = [
                locatie
                for locatie in eigen
                if adres_sleutel(locatie.adres, locatie.postcode) == sleutel
                or (locatie.naam and locatie.naam.strip().lower() == deel.lower())
            ]
            if len(passend) == 1:
                if passend[0] not in gevonden:
                    gevonden.append(passend[0])
            else:
                onbekend.append(deel)
        if onbekend:
            raise ValueError(
                _(
                    "Locatie niet gevonden bij %(organisatie)s: %(namen)s. Schrijf het adres "
                    "met postcode, zoals: %(voorbeeld)s. Importeer eerst de locaties."
                )
                % {
                    "organisatie": organisatie,
                    "namen": ", ".join(f"'{deel}'" for deel in onbekend),
                    "voorbeeld": ", ".join(_locatie_tekst(locatie) for locatie in eigen[:3])
                    or "Hoogstraat 1 3142 EA",
                }
            )
        return gevonden

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{self.separator} ".join(sorted(_locatie_tekst(loc) for loc in value.all()))


# --- Columns ----------------------------------------------------------------------------------


class Kolom(fields.Field):
    """A column of the sheet, with what staff need to know to fill it in."""

    def __init__(self, attribute, widget, uitleg, verplicht=False, leeg_laat_staan=False):
        super().__init__(
            attribute=attribute,
            column_name=attribute,
            widget=widget,
            saves_null_values=not leeg_laat_staan,
        )
        self.uitleg = uitleg
        self.verplicht = verplicht


def _kolom(attribute, uitleg, widget=None, **kwargs):
    return Kolom(attribute, widget or Tekst(), uitleg, **kwargs)


# --- Showing the differences (the dry run) ----------------------------------------------------


class Verschil:
    """Old and new value of each column; changed ones as <del>old</del> <ins>new</ins>.

    django-import-export's own diff colours with style attributes, which the site's
    Content-Security-Policy blocks; this marks changes with elements the CSS styles.
    """

    def __init__(self, resource, instance, new):
        self.resource = resource
        self.nieuw = new
        self.links = self._waarden(instance)
        self.rechts = []

    def _waarden(self, instance):
        if instance is None:
            return [""] * len(self.resource.get_import_fields())
        return [_tekst(veld.export(instance)) for veld in self.resource.get_import_fields()]

    def compare_with(self, resource, instance):
        self.rechts = self._waarden(instance)

    def as_html(self):
        """(column, HTML) per column: the template puts the column's name on each cell."""
        cellen = []
        kolommen = [veld.column_name for veld in self.resource.get_import_fields()]
        for kolom, oud, nieuw in zip(kolommen, self.links, self.rechts, strict=False):
            if self.nieuw or oud == nieuw:
                cellen.append((kolom, escape(nieuw)))
            else:
                cellen.append(
                    (
                        kolom,
                        format_html(
                            '<del title="{}">{}</del> <ins title="{}">{}</ins>',
                            _("was"),
                            oud or _("(leeg)"),
                            _("wordt"),
                            nieuw or _("(leeg)"),
                        ),
                    )
                )
        return cellen


def _voorbeeld_termen():
    """Names of terms that exist on this site, for the example files."""
    soort = Soort.objects.order_by("volgorde", "naam").first()
    return {
        "soort": soort.naam if soort else "Welzijnspartner",
        "themas": [t.naam for t in Thema.objects.order_by("volgorde", "naam")[:2]],
        "doelgroepen": [d.naam for d in Doelgroep.objects.order_by("volgorde", "naam")[:1]],
        "wijk": next(
            iter(Wijk.objects.order_by("volgorde", "naam").values_list("naam", flat=True)), ""
        ),
    }


# --- Resources --------------------------------------------------------------------------------


class KaartResource(resources.ModelResource):
    """What the three sheets share: checks of the header, Dutch errors, one transaction."""

    # The columns that identify a row, in the words of the error message for a duplicate.
    sleutel_kolommen: tuple = ()

    class Meta:
        abstract = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, max_rijen=None, **kwargs):
        super().__init__(**kwargs)
        self.max_rijen = max_rijen
        self._gezien = {}
        self._in_bestand = None

    @classmethod
    def get_diff_class(cls):
        return Verschil

    @classmethod
    def kolommen(cls):
        """(name, explanation, required) of every column, for the import page."""
        return [(veld.column_name, veld.uitleg, veld.verplicht) for veld in cls()._alle_kolommen()]

    def reden(self, bestandsnaam):
        naam = PurePath(bestandsnaam or "").name or _("een bestand")
        return _("Geïmporteerd uit %(bestand)s") % {"bestand": naam}

    # Columns that take part even when the file lacks them (filled in per row).
    altijd_kolommen: tuple = ()

    def get_import_fields(self):
        """The columns of this file only: a column left out is left alone (and not shown)."""
        velden = super().get_import_fields()
        if self._in_bestand is None:
            return velden
        return [veld for veld in velden if veld.column_name in self._in_bestand]

    def _alle_kolommen(self):
        velden = (self.fields.get(naam) for naam in self.get_import_order())
        return [veld for veld in velden if isinstance(veld, Kolom)]

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """All or nothing, in one transaction; the search index is rebuilt once, at the end."""
        self._in_bestand = {_tekst(naam).lower() for naam in dataset.headers or []}
        self._in_bestand.update(self.altijd_kolommen)
        kwargs["rollback_on_validation_errors"] = True
        with (
            met_reden(self.reden(kwargs.get("file_name"))),
            transaction.atomic(),
            inhoudsversie.uitgesteld(),
            zoekindex.uitgesteld() as wachtend,
        ):
            resultaat = super().import_data(
                dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs
            )
            if dry_run or resultaat.has_errors() or resultaat.has_validation_errors():
                wachtend.clear()  # rolled back: nothing changed
        return resultaat

    def before_import(self, dataset, **kwargs):
        if self.max_rijen and len(dataset) > self.max_rijen:
            aantal = len(dataset)
            del dataset[0:aantal]
            raise LeesFout(
                _(
                    "Het bestand heeft %(aantal)s rijen. Hier kunnen er %(max)s tegelijk: "
                    "verdeel het over meer bestanden."
                )
                % {"aantal": aantal, "max": self.max_rijen}
            )
        kop = [_tekst(naam).lower() for naam in dataset.headers]
        dataset.headers = kop
        bekend = {veld.column_name for veld in self._alle_kolommen()}
        dubbel = sorted({naam for naam in kop if kop.count(naam) > 1})
        onbekend = [naam for naam in kop if naam not in bekend]
        ontbrekend = [
            veld.column_name
            for veld in self._alle_kolommen()
            if veld.verplicht and veld.column_name not in kop
        ]
        fouten = []
        if ontbrekend:
            fouten.append(
                _("Deze kolommen ontbreken: %(namen)s.") % {"namen": ", ".join(ontbrekend)}
            )
        if onbekend:
            fouten.append(
                _("Deze kolommen kent de site niet: %(namen)s. Bekende kolommen: %(bekend)s.")
                % {"namen": ", ".join(onbekend), "bekend": ", ".join(sorted(bekend))}
            )
        if dubbel:
            fouten.append(
                _("Deze kolommen staan er twee keer in: %(namen)s.") % {"namen": ", ".join(dubbel)}
            )
        if fouten:
            del dataset[0 : len(dataset)]  # no errors per row on top of these
            raise LeesFout(" ".join(fouten))

    def _check_import_id_fields(self, headers):
        """The key columns are checked in before_import (with a Dutch message)."""

    def before_import_row(self, row, **kwargs):
        for kolom, waarde in row.items():
            row[kolom] = onveilige_cel(waarde)

    def after_import_row(self, row, row_result, **kwargs):
        # The row as Excel numbers it: the header is row 1.
        row_result.rij = kwargs.get("row_number", 0) + 1

    def dubbel_in_bestand(self, sleutel, rij):
        """Refuse a second row for the same organisation, location or offer."""
        eerder = self._gezien.setdefault(sleutel, rij)
        if eerder != rij:
            raise ValidationError(
                _("Deze regel gaat over hetzelfde als rij %(rij)s (%(sleutel)s).")
                % {"rij": eerder + 1, "sleutel": ", ".join(self.sleutel_kolommen)}
            )

    def import_instance(self, instance, row, **kwargs):
        """Also check the list columns now, so that their errors show as the row's errors."""
        fouten = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as fout:
            fouten = fout.update_error_dict(fouten)
        for veld in self.get_import_fields():
            if isinstance(veld.widget, widgets.ManyToManyWidget) and veld.column_name in row:
                try:
                    veld.clean(row)
                except ValueError as fout:
                    fouten[veld.attribute] = [str(fout)]
        if fouten:
            raise ValidationError(fouten)

    def export_field(self, field, instance, **kwargs):
        return veilige_cel(super().export_field(field, instance, **kwargs))


class OrganisatieResource(KaartResource):
    slug = _kolom(
        "slug",
        gettext_lazy(
            "Het deel van het webadres, zoals buurthuis-de-vloot. Hiermee vindt de import "
            "een organisatie terug. Leeg: de site maakt het van de naam."
        ),
    )
    naam = _kolom("naam", gettext_lazy("De naam zoals inwoners die kennen."), verplicht=True)
    soort = _kolom(
        "soort",
        gettext_lazy("Soort organisatie, zoals die in het beheer bestaat (naam of slug)."),
        Term(Soort),
        verplicht=True,
    )
    omschrijving = _kolom(
        "omschrijving", gettext_lazy("Wat de organisatie doet, in eenvoudige taal."), verplicht=True
    )
    website = _kolom("website", gettext_lazy("Volledig webadres, met https://."))
    email = _kolom("email", gettext_lazy("E-mailadres voor inwoners."))
    telefoon = _kolom("telefoon", gettext_lazy("Telefoonnummer, zoals 010 593 18 19."))
    status = _kolom(
        "status",
        gettext_lazy(
            "Concept, Gepubliceerd of Gearchiveerd. Leeg: Concept bij een nieuwe organisatie, "
            "anders blijft de status zoals hij is."
        ),
        Keuze(Organisatie.Status.choices),
        leeg_laat_staan=True,
    )
    themas = _kolom(
        "themas",
        gettext_lazy("Thema's, gescheiden door komma's, zoals: Eenzaamheid, Mantelzorg."),
        Termen(Thema),
    )
    wijken = _kolom(
        "wijken",
        gettext_lazy(
            "Wijken waar de organisatie werkt, gescheiden door komma's. Leeg: de hele gemeente."
        ),
        Termen(Wijk),
    )
    contact_email = _kolom(
        "contact_email",
        gettext_lazy(
            "E-mailadres voor de redactie: hierheen gaat het verzoek om de gegevens te "
            "controleren. Niet zichtbaar voor inwoners."
        ),
    )
    laatst_geverifieerd = _kolom(
        "laatst_geverifieerd",
        gettext_lazy("Datum waarop de gegevens voor het laatst zijn nagekeken, zoals 31-12-2025."),
        Datum(),
    )
    sleutel_kolommen = ("slug",)
    altijd_kolommen = ("slug",)

    class Meta(KaartResource.Meta):
        model = Organisatie
        name = gettext_lazy("Organisaties")
        fields = (
            "slug",
            "naam",
            "soort",
            "omschrijving",
            "website",
            "email",
            "telefoon",
            "status",
            "themas",
            "wijken",
            "contact_email",
            "laatst_geverifieerd",
        )
        import_id_fields = ("slug",)

    def get_queryset(self):
        return Organisatie.objects.select_related("soort").prefetch_related("themas", "wijken")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("soort").prefetch_related("themas", "wijken")

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        slug = _tekst(row.get("slug")) or slugify(_tekst(row.get("naam")))[:200]
        row["slug"] = slug
        if slug:
            self.dubbel_in_bestand(slug, kwargs.get("row_number", 0))

    def get_instance(self, instance_loader, row):
        if not row.get("slug"):
            return None
        return Organisatie.objects.filter(slug=row["slug"]).first()

    def before_save_instance(self, instance, row, **kwargs):
        vorige = getattr(self, "_vorige", None)
        if instance.pk is None:
            instance.bron = Bron.IMPORT
        if instance.laatst_geverifieerd and (
            vorige is None or vorige.laatst_geverifieerd != instance.laatst_geverifieerd
        ):
            instance.gecontroleerd_door = Controlebron.IMPORT
        if instance.status == Organisatie.Status.GEPUBLICEERD and (
            vorige is None or vorige.status != Organisatie.Status.GEPUBLICEERD
        ):
            services.markeer_gepubliceerd(instance, kwargs.get("user"))

    def after_init_instance(self, instance, new, row, **kwargs):
        self._vorige = (
            None
            if new
            else Organisatie(
                status=instance.status, laatst_geverifieerd=instance.laatst_geverifieerd
            )
        )

    @staticmethod
    def voorbeeld():
        """Rows for the example file, with terms of this site: they import as they are."""
        termen = _voorbeeld_termen()
        return [
            {
                "slug": "buurthuis-de-vloot",
                "naam": "Buurthuis De Vloot",
                "soort": termen["soort"],
                "omschrijving": "Een plek in de wijk om elkaar te ontmoeten, koffie te drinken en "
                "mee te doen aan activiteiten.",
                "website": "https://www.voorbeeld.nl",
                "email": "info@voorbeeld.nl",
                "telefoon": "010 593 18 19",
                "status": "Concept",
                "themas": ", ".join(termen["themas"]),
                "wijken": termen["wijk"],
                "contact_email": "redactie@voorbeeld.nl",
                "laatst_geverifieerd": timezone.localdate().strftime("%d-%m-%Y"),
            },
            {
                "slug": "",
                "naam": "Stichting Samen Sterk",
                "soort": termen["soort"],
                "omschrijving": "Vrijwilligers helpen inwoners met formulieren en post.",
                "status": "Concept",
            },
        ]


class LocatieResource(KaartResource):
    organisatie = _kolom(
        "organisatie",
        gettext_lazy("De slug van de organisatie, zoals in het bestand met organisaties."),
        OrganisatieSleutel(),
        verplicht=True,
    )
    naam = _kolom("naam", gettext_lazy("Naam van de plek, zoals Buurthuis De Vloot. Mag leeg."))
    adres = _kolom("adres", gettext_lazy("Straat en huisnummer."), verplicht=True)
    postcode = _kolom("postcode", gettext_lazy("Zoals 3142 AB."), Postcode(), verplicht=True)
    plaats = _kolom("plaats", gettext_lazy("Zoals Maassluis."), verplicht=True)
    wijk = _kolom("wijk", gettext_lazy("De wijk (naam of slug). Mag leeg."), Term(Wijk))
    rolstoeltoegankelijk = _kolom("rolstoeltoegankelijk", gettext_lazy("ja of nee."), JaNee())
    toegankelijkheid = _kolom(
        "toegankelijkheid",
        gettext_lazy("Bijvoorbeeld: drempelvrije ingang, lift, invalidentoilet."),
    )
    latitude = _kolom(
        "latitude",
        gettext_lazy(
            "Breedtegraad, zoals 51,9167. Leeg: de site zoekt de coördinaten bij het adres op."
        ),
        Coordinaat(),
        leeg_laat_staan=True,
    )
    longitude = _kolom(
        "longitude",
        gettext_lazy("Lengtegraad, zoals 4,2500. Leeg: de site zoekt ze op."),
        Coordinaat(),
        leeg_laat_staan=True,
    )
    sleutel_kolommen = ("organisatie", "adres", "postcode")

    class Meta(KaartResource.Meta):
        model = Locatie
        name = gettext_lazy("Locaties")
        fields = (
            "organisatie",
            "naam",
            "adres",
            "postcode",
            "plaats",
            "wijk",
            "rolstoeltoegankelijk",
            "toegankelijkheid",
            "latitude",
            "longitude",
        )
        import_id_fields = ("organisatie", "adres", "postcode")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organisatie", "wijk")

    def _sleutel(self, row):
        organisatie = self.fields["organisatie"].widget.clean(row.get("organisatie"), row)
        return organisatie, adres_sleutel(_tekst(row.get("adres")), _tekst(row.get("postcode")))

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        try:
            organisatie, adres = self._sleutel(row)
        except ValueError:
            return  # the row's own check reports it
        self.dubbel_in_bestand((organisatie.pk, adres), kwargs.get("row_number", 0))

    def get_instance(self, instance_loader, row):
        try:
            organisatie, adres = self._sleutel(row)
        except ValueError:
            return None
        for locatie in organisatie.locaties.all():
            if adres_sleutel(locatie.adres, locatie.postcode) == adres:
                return locatie
        return None

    @staticmethod
    def voorbeeld():
        """Rows for the example file, with terms of this site: they import as they are."""
        termen = _voorbeeld_termen()
        return [
            {
                "organisatie": "buurthuis-de-vloot",
                "naam": "Buurthuis De Vloot",
                "adres": "Zuiddijk 12",
                "postcode": "3142 AB",
                "plaats": "Maassluis",
                "wijk": termen["wijk"],
                "rolstoeltoegankelijk": "ja",
                "toegankelijkheid": "Drempelvrije ingang en een invalidentoilet.",
            }
        ]


class AanbodResource(KaartResource):
    organisatie = _kolom(
        "organisatie",
        gettext_lazy("De slug van de organisatie, zoals in het bestand met organisaties."),
        OrganisatieSleutel(),
        verplicht=True,
    )
    naam = _kolom(
        "naam",
        gettext_lazy("Korte naam, zoals Hulp bij formulieren. Hiermee vindt de import het terug."),
        verplicht=True,
    )
    omschrijving = _kolom(
        "omschrijving", gettext_lazy("Wat inwoners hier krijgen."), verplicht=True
    )
    kosten = _kolom(
        "kosten",
        gettext_lazy("Gratis, Eigen bijdrage of Betaald."),
        Keuze(Aanbod.Kosten.choices),
        verplicht=True,
    )
    kosten_toelichting = _kolom("kosten_toelichting", gettext_lazy("Zoals: € 2,50 per keer."))
    hoe_aanmelden = _kolom(
        "hoe_aanmelden", gettext_lazy("Hoe een inwoner meedoet of zich aanmeldt.")
    )
    themas = _kolom("themas", gettext_lazy("Thema's, gescheiden door komma's."), Termen(Thema))
    doelgroepen = _kolom(
        "doelgroepen",
        gettext_lazy("Voor wie, gescheiden door komma's. Leeg: voor iedereen."),
        Termen(Doelgroep),
    )
    locaties = _kolom(
        "locaties",
        gettext_lazy(
            "Waar het aanbod is: adressen van locaties van deze organisatie met postcode, "
            "gescheiden door komma's, zoals: Hoogstraat 1 3142 EA. Of de naam van de locatie."
        ),
        Locaties(),
    )
    volgorde = _kolom(
        "volgorde", gettext_lazy("Lagere getallen staan eerder op de pagina. Leeg: 0."), Getal()
    )
    sleutel_kolommen = ("organisatie", "naam")

    class Meta(KaartResource.Meta):
        model = Aanbod
        name = gettext_lazy("Aanbod")
        fields = (
            "organisatie",
            "naam",
            "omschrijving",
            "kosten",
            "kosten_toelichting",
            "hoe_aanmelden",
            "themas",
            "doelgroepen",
            "locaties",
            "volgorde",
        )
        import_id_fields = ("organisatie", "naam")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organisatie").prefetch_related(
            "themas", "doelgroepen", Prefetch("locaties", Locatie.objects.order_by())
        )

    def _sleutel(self, row):
        organisatie = self.fields["organisatie"].widget.clean(row.get("organisatie"), row)
        return organisatie, _tekst(row.get("naam")).lower()

    def before_import_row(self, row, **kwargs):
        super().before_import_row(row, **kwargs)
        try:
            organisatie, naam = self._sleutel(row)
        except ValueError:
            return
        self.dubbel_in_bestand((organisatie.pk, naam), kwargs.get("row_number", 0))

    def get_instance(self, instance_loader, row):
        try:
            organisatie, naam = self._sleutel(row)
        except ValueError:
            return None
        gevonden = [a for a in organisatie.aanbod.all() if a.naam.strip().lower() == naam]
        if len(gevonden) > 1:
            raise ValidationError(
                _(
                    "%(organisatie)s heeft meer aanbod met de naam '%(naam)s'. Geef ze in het "
                    "beheer verschillende namen."
                )
                % {"organisatie": organisatie, "naam": row.get("naam")}
            )
        return gevonden[0] if gevonden else None

    @staticmethod
    def voorbeeld():
        """Rows for the example file, with terms of this site: they import as they are."""
        termen = _voorbeeld_termen()
        return [
            {
                "organisatie": "buurthuis-de-vloot",
                "naam": "Koffieochtend",
                "omschrijving": "Elke dinsdagochtend koffie en een praatje. Iedereen is welkom.",
                "kosten": "Gratis",
                "hoe_aanmelden": "Loop gewoon binnen.",
                "themas": ", ".join(termen["themas"]),
                "doelgroepen": ", ".join(termen["doelgroepen"]),
                "locaties": "Zuiddijk 12 3142 AB",
                "volgorde": "1",
            }
        ]


# The order in which a gemeente imports its sheets: each refers to the ones before it.
VOLGORDE = [
    (Organisatie, OrganisatieResource),
    (Locatie, LocatieResource),
    (Aanbod, AanbodResource),
]
