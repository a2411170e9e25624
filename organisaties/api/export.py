"""The published directory as one CSV file: a row per aanbod per location.

For people who work in a spreadsheet rather than with the API. Semicolons, UTF-8 with a BOM
and decimal commas, which Dutch Excel opens as it is; every cell through
netwerk.spreadsheets.veilige_cel. Aanbod without a location gets one row with empty location
columns, and an organisation without aanbod one row per location (or one row), so that no
published organisation is missing from the file. The ids are the API's (HSDS). Built once
per content version (netwerk.inhoudsversie) and kept in the shared cache, gzipped.
"""

import csv
import gzip
import io
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from netwerk.inhoudsversie import VERSIE_BEWAARTIJD, inhoudsversie
from netwerk.spreadsheets import veilige_cel
from organisaties.api import hsds
from organisaties.api.views import api
from organisaties.models import Aanbod, Locatie, Openingstijd, Organisatie


def kolommen() -> list[str]:
    return [
        _("Organisatie-id"),
        _("Organisatie"),
        _("Soort organisatie"),
        _("Over de organisatie"),
        _("Website"),
        _("E-mailadres"),
        _("Telefoonnummer"),
        _("Laatst gecontroleerd"),
        _("Pagina op de sociale kaart"),
        _("Aanbod-id"),
        _("Aanbod"),
        _("Over het aanbod"),
        _("Thema's"),
        _("Doelgroepen"),
        _("Kosten"),
        _("Hoe aanmelden"),
        _("Locatie-id"),
        _("Locatie"),
        _("Adres"),
        _("Postcode"),
        _("Plaats"),
        _("Wijk"),
        _("Breedtegraad"),
        _("Lengtegraad"),
        _("Toegankelijkheid"),
        _("Rolstoeltoegankelijk"),
        _("Openingstijden"),
    ]


def _getal(waarde) -> str:
    """A coordinate with a decimal comma: Dutch Excel reads 51.916 as 51916."""
    return "" if waarde is None else str(waarde).replace(".", ",")


def _per(paren) -> defaultdict:
    """(key, value) pairs grouped as {key: [value, ...]}, in their order."""
    groepen = defaultdict(list)
    for sleutel, waarde in paren:
        groepen[sleutel].append(waarde)
    return groepen


def rijen():
    """Every row of the file, organisation by organisation in alphabetical order.

    Read as plain values with one query per table, not as model instances with prefetches:
    for 30,000 aanbod Django's prefetching alone took about 25 seconds (it filters a queryset
    per instance and relation); this takes a few.
    """
    organisaties = Organisatie.objects.gepubliceerd()
    aanbod = Aanbod.objects.filter(organisatie__in=organisaties)
    locaties = Locatie.objects.filter(organisatie__in=organisaties)
    dagen = {dag: str(naam) for dag, naam in Openingstijd.Dag.choices}
    kosten = {waarde: str(naam) for waarde, naam in Aanbod.Kosten.choices}
    ja, nee = _("ja"), _("nee")

    themas = _per(
        Aanbod.themas.through.objects.filter(aanbod__in=aanbod)
        .order_by("thema__volgorde", "thema__naam")
        .values_list("aanbod_id", "thema__naam")
    )
    doelgroepen = _per(
        Aanbod.doelgroepen.through.objects.filter(aanbod__in=aanbod)
        .order_by("doelgroep__volgorde", "doelgroep__naam")
        .values_list("aanbod_id", "doelgroep__naam")
    )
    tijden = _per(
        (
            locatie_id,
            f"{dagen[dag]} {van:%H:%M}-{tot:%H:%M}" + (f" ({opmerking})" if opmerking else ""),
        )
        for locatie_id, dag, van, tot, opmerking in Openingstijd.objects.filter(
            locatie__in=locaties
        )
        .order_by("dag", "van")
        .values_list("locatie_id", "dag", "van", "tot", "opmerking")
    )
    plekken = {
        loc["pk"]: [
            loc["uuid"],
            loc["naam"],
            loc["adres"],
            loc["postcode"],
            loc["plaats"],
            loc["wijk__naam"] or "",
            _getal(loc["latitude"]),
            _getal(loc["longitude"]),
            loc["toegankelijkheid"],
            ja if loc["rolstoeltoegankelijk"] else nee,
            "; ".join(tijden[loc["pk"]]),
        ]
        for loc in locaties.values(
            "pk",
            "uuid",
            "naam",
            "adres",
            "postcode",
            "plaats",
            "wijk__naam",
            "latitude",
            "longitude",
            "toegankelijkheid",
            "rolstoeltoegankelijk",
        ).order_by("naam", "adres", "pk")
    }
    plekken_van_organisatie = _per(
        locaties.order_by("naam", "adres", "pk").values_list("organisatie_id", "pk")
    )
    plekken_van_aanbod = _per(
        Aanbod.locaties.through.objects.filter(aanbod__in=aanbod)
        .order_by("locatie__naam", "locatie__adres", "locatie_id")
        .values_list("aanbod_id", "locatie_id")
    )
    aanbod_van = _per(
        (
            a["organisatie_id"],
            (
                a["pk"],
                [
                    a["uuid"],
                    a["naam"],
                    a["omschrijving"],
                    ", ".join(themas[a["pk"]]),
                    ", ".join(doelgroepen[a["pk"]]),
                    f"{kosten[a['kosten']]}: {a['kosten_toelichting']}"
                    if a["kosten_toelichting"]
                    else kosten[a["kosten"]],
                    a["hoe_aanmelden"],
                ],
            ),
        )
        for a in aanbod.order_by("volgorde", "naam", "pk").values(
            "pk",
            "organisatie_id",
            "uuid",
            "naam",
            "omschrijving",
            "kosten",
            "kosten_toelichting",
            "hoe_aanmelden",
        )
    )

    geen_aanbod, geen_plek = [""] * 7, [""] * 11
    for o in organisaties.select_related("soort").only(*ORGANISATIE_VELDEN).order_by("naam", "pk"):
        organisatie = [
            o.uuid,
            o.naam,
            o.soort.naam,
            o.omschrijving,
            o.website_link,
            o.email,
            o.telefoon,
            o.laatst_geverifieerd.strftime("%d-%m-%Y") if o.laatst_geverifieerd else "",
            hsds.site_url(o.get_absolute_url()),
        ]
        if not aanbod_van[o.pk]:
            for plek in plekken_van_organisatie[o.pk] or [None]:
                yield organisatie + geen_aanbod + plekken.get(plek, geen_plek)
        for aanbod_pk, velden in aanbod_van[o.pk]:
            for plek in plekken_van_aanbod[aanbod_pk] or [None]:
                yield organisatie + velden + plekken.get(plek, geen_plek)


ORGANISATIE_VELDEN = (
    "uuid",
    "naam",
    "slug",
    "soort__naam",
    "omschrijving",
    "website",
    "email",
    "telefoon",
    "laatst_geverifieerd",
)


def als_csv() -> bytes:
    uitvoer = io.StringIO()
    uitvoer.write("\ufeff")  # BOM: Excel then reads the file as UTF-8
    schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(kolommen())
    for rij in rijen():
        schrijver.writerow([veilige_cel(str(cel)) for cel in rij])
    return uitvoer.getvalue().encode("utf-8")


@api(cache=False)  # the page cache would drop the headers below: the file is cached here
def download(request):
    """The file, gzipped (10,000 organisations: 32 MB, 3 MB gzipped) for every client that
    accepts that, which is every browser."""
    sleutel = f"open-data-csv:{inhoudsversie()}"
    ingepakt = cache.get(sleutel)
    if ingepakt is None:
        # Open data keeps the same (Dutch) column names whatever the visitor's language.
        with translation.override(settings.LANGUAGE_CODE):
            ingepakt = gzip.compress(als_csv(), mtime=0)
        cache.set(sleutel, ingepakt, VERSIE_BEWAARTIJD)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(ingepakt, content_type="text/csv; charset=utf-8")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(ingepakt), content_type="text/csv; charset=utf-8")
    patch_vary_headers(response, ["Accept-Encoding"])
    naam = f"sociale-kaart-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
