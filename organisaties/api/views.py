"""The HSDS 3.0 API: read-only JSON under /api/v1/.

Every answer, errors included, carries ``Access-Control-Allow-Origin: *`` (the data is public
and read-only, so any web page may use it) and is JSON: a bad parameter is a 400 and an
unknown or unpublished id a 404, each with a Dutch ``detail``. Anonymous GETs are served from
the page cache (netwerk.paginacache) and, like the site's pages, become stale at once on any
change to the directory.

A page costs a fixed number of queries whatever ``per_page`` is: a count, the page's keys, its
rows and one per prefetched relation (``_pagina``, ``_met_relaties``).
"""

import functools

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Window,
)
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from netwerk.paginacache import cache_anonieme_pagina
from organisaties.afstand import afstand_tot, binnen_kader
from organisaties.api import hsds, openapi
from organisaties.api.parameters import (
    Ongeldig,
    als_uuid,
    datum_tijd,
    formaat,
    ja_nee,
    nabijheid,
    paginering,
    postcode,
    uuid_parameter,
    zoektekst,
)
from organisaties.models import Aanbod, Locatie, Organisatie, Soort, Thema
from organisaties.postcodes import normaliseer, zoek_plek
from organisaties.taxonomie import taxonomie
from organisaties.zoeken import zoekwoorden, zonder_accenten

METHODEN = "GET, HEAD, OPTIONS"
# Columns of Organisatie the API never shows: the search vector alone is about 1.7 kB a row.
ZWARE_VELDEN = ("zoekvector", "facet_themas", "facet_doelgroepen", "facet_wijken")


def _json(data, status=200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _fout(status: int, melding: str, parameter: str | None = None) -> JsonResponse:
    return _json(hsds.fout(status, melding, parameter), status=status)


def api(view=None, *, cache=True):
    """Makes ``view`` an API endpoint: CORS, JSON errors, GET only, the page cache."""
    if view is None:
        return functools.partial(api, cache=cache)
    binnen = cache_anonieme_pagina(view) if cache else view

    @csrf_exempt  # nothing here changes anything; a POST gets the 405 below, not a CSRF page
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = METHODEN
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            response = _fout(405, _("Deze API kan alleen lezen: gebruik GET."))
            response["Allow"] = METHODEN
        else:
            try:
                response = binnen(request, *args, **kwargs)
            except Ongeldig as fout:
                response = _fout(400, fout.melding, fout.parameter)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


# --- Filters ----------------------------------------------------------------------------------


def _heeft_term(tax: hsds.HsdsTaxonomie, term=None) -> Q:
    """Aanbod with ``term`` of taxonomy ``tax`` (any of its terms when None), itself or through
    its organisation: themes belong to both, a soort only ever to the organisation."""
    if tax.model is Soort:
        return Q() if term is None else Q(organisatie__soort=term)
    welke = {} if term is None else {tax.sleutel: term}
    koppeling = getattr(Aanbod, tax.termen).through.objects.filter(aanbod=OuterRef("pk"), **welke)
    voorwaarde = Q(Exists(koppeling))
    if tax.model is Thema:
        van_organisatie = Organisatie.themas.through.objects.filter(
            organisatie=OuterRef("organisatie"), **welke
        )
        voorwaarde |= Q(Exists(van_organisatie))
    return voorwaarde


def _term_filter(term_id) -> Q:
    """No aanbod for a term that is not published (or does not exist)."""
    term = _termen_op_id().get(term_id)
    if term is None:
        return Q(pk__in=[])
    return _heeft_term(hsds.TAXONOMIE_VAN_MODEL[type(term)], term)


def _taxonomie_filter(taxonomie_id) -> Q:
    tax = next((t for t in hsds.TAXONOMIEEN if t.id == taxonomie_id), None)
    return Q(pk__in=[]) if tax is None else _heeft_term(tax)


def _termen_op_id() -> dict:
    """The published terms by their id, from the taxonomy kept per content version."""
    alle = taxonomie()
    return {term.uuid: term for tax in hsds.TAXONOMIEEN for term in getattr(alle, tax.termen).lijst}


def _aanbod(request):
    """The published aanbod that the request's filters select (AND-ed), in their order: best
    match first when searching, otherwise oldest first, so that harvesting page by page meets
    new aanbod at the end."""
    tekst = zoektekst(request)
    term_id = uuid_parameter(request, "taxonomy_term_id")
    taxonomie_id = uuid_parameter(request, "taxonomy_id")
    organisatie_id = uuid_parameter(request, "organization_id")
    gewijzigd_na = datum_tijd(request, "modified_after")

    aanbod = Aanbod.objects.gepubliceerd()
    zoekt = bool(zoekwoorden(tekst))
    if zoekt:
        aanbod = aanbod.zoek(tekst)
    if term_id:
        aanbod = aanbod.filter(_term_filter(term_id))
    if taxonomie_id:
        aanbod = aanbod.filter(_taxonomie_filter(taxonomie_id))
    if organisatie_id:
        aanbod = aanbod.filter(organisatie__uuid=organisatie_id)
    if gewijzigd_na:
        aanbod = aanbod.filter(organisatie__gewijzigd__gte=gewijzigd_na)
    return aanbod, zoekt


def _met_relaties(aanbod, volledig: bool):
    """What hsds.aanbod (and with ``volledig`` hsds.aanbod_volledig) reads."""
    aanbod = (
        aanbod.select_related("organisatie")
        .defer(*(f"organisatie__{veld}" for veld in ZWARE_VELDEN))
        .prefetch_related("doelgroepen")
    )
    if volledig:
        aanbod = aanbod.select_related("organisatie__soort").prefetch_related(
            "themas", "organisatie__themas", Prefetch("locaties", queryset=_locaties())
        )
    return aanbod


def _locaties(volledig: bool = True):
    """What hsds.locatie (and with ``volledig`` hsds.locatie_volledig) reads."""
    locaties = Locatie.objects.select_related("organisatie").defer(
        *(f"organisatie__{veld}" for veld in ZWARE_VELDEN)
    )
    return locaties.prefetch_related("openingstijden") if volledig else locaties


# --- Paging -----------------------------------------------------------------------------------


def _pagina(request, queryset, laad, naar_hsds, sleutel=("pk",), samen_tellen=False):
    """The requested page of ``queryset`` as an HSDS Page; a page past the end is empty.

    In two steps: the keys (``sleutel``) of the page's rows, sorted by the database in narrow
    rows, then ``laad(keys)`` fetches just those rows with their relations, as {key: row}:
    sorting whole rows (with a joined organisation) for a broad match cost several times as
    much. With ``samen_tellen`` the same pass counts the matches (a window over the whole
    result): worth it when matching itself is the expensive part (a distance per location),
    not otherwise. Measured at 10,000 organisations: a search ranked with ts_rank took 57 ms
    with a separate count and 80 ms with the window, a distance search 148 ms and 95 ms.
    """
    p = paginering(request)
    tot = p.begin + p.per_pagina
    if samen_tellen:
        venster = queryset.annotate(api_totaal=Window(Count("*")))
        rijen = list(venster.values_list(*sleutel, "api_totaal")[p.begin : tot])
        # Past the last page the window has no row to report the total on.
        totaal = rijen[0][-1] if rijen else (queryset.count() if p.begin else 0)
        sleutels = [rij[:-1] for rij in rijen]
    else:
        totaal = queryset.count()
        sleutels = list(queryset.values_list(*sleutel)[p.begin : tot]) if p.begin < totaal else []
    geladen = laad(sleutels) if sleutels else {}
    inhoud = [naar_hsds(geladen[s]) for s in sleutels if s in geladen]
    return _json(hsds.pagina(inhoud, totaal, p.pagina, p.per_pagina))


def _op_pk(queryset):
    """``laad`` for _pagina: the rows of ``queryset`` with these primary keys."""
    return lambda sleutels: {(r.pk,): r for r in queryset.filter(pk__in=[s[0] for s in sleutels])}


def _lijst_pagina(request, items: list):
    """The same for a list that is already in memory (taxonomies and their terms)."""
    p = paginering(request)
    deel = items[p.begin : p.begin + p.per_pagina]
    return _json(hsds.pagina(deel, len(items), p.pagina, p.per_pagina))


# --- Endpoints --------------------------------------------------------------------------------


@api
def index(request):
    return _json(
        {
            "version": hsds.HSDS_VERSIE,
            "profile": hsds.HSDS_PROFIEL,
            "openapi_url": hsds.site_url(reverse("open_data:openapi")),
            "csv_url": hsds.site_url(reverse("open_data:csv")),
        }
    )


@api
def openapi_document(request):
    return _json(openapi.document())


@api
def services(request):
    formaat(request)
    volledig = ja_nee(request, "full")
    aanbod, zoekt = _aanbod(request)
    volgorde = ("-relevantie", "pk") if zoekt else ("pk",)
    maak = hsds.aanbod_volledig if volledig else hsds.aanbod
    return _pagina(
        request,
        aanbod.order_by(*volgorde),
        _op_pk(_met_relaties(Aanbod.objects.all(), volledig)),
        lambda a: maak(a, a.organisatie),
    )


@api
def service(request, id):
    sleutel = als_uuid("id", id)
    a = _met_relaties(Aanbod.objects.gepubliceerd(), volledig=True).filter(uuid=sleutel).first()
    if a is None:
        return _fout(404, _("Er is geen gepubliceerd aanbod met deze id."))
    return _json(hsds.aanbod_volledig(a, a.organisatie))


def _organisaties_met_relaties(organisaties):
    return organisaties.select_related("soort").prefetch_related(
        "themas",
        Prefetch("locaties", queryset=Locatie.objects.prefetch_related("openingstijden")),
        Prefetch("aanbod", queryset=Aanbod.objects.prefetch_related("doelgroepen")),
    )


@api
def organizations(request):
    formaat(request)
    volledig = ja_nee(request, "full")
    tekst = zoektekst(request)
    organisaties = Organisatie.objects.gepubliceerd()
    if zoekwoorden(tekst):
        organisaties = organisaties.zoek(tekst).order_by("-relevantie", "pk")
    else:
        organisaties = organisaties.order_by("pk")
    if volledig:
        laad = _op_pk(_organisaties_met_relaties(Organisatie.objects.all()))
        maak = hsds.organisatie_volledig
    else:
        laad = _op_pk(Organisatie.objects.defer(*ZWARE_VELDEN))
        maak = hsds.organisatie
    return _pagina(request, organisaties, laad, maak)


@api
def organization(request, id):
    sleutel = als_uuid("id", id)
    organisatie = (
        _organisaties_met_relaties(Organisatie.objects.gepubliceerd()).filter(uuid=sleutel).first()
    )
    if organisatie is None:
        return _fout(404, _("Er is geen gepubliceerde organisatie met deze id."))
    return _json(hsds.organisatie_volledig(organisatie))


def _past_bij(tekst: str, *velden: str) -> bool:
    """Every search word occurs in one of the texts, accents and case ignored."""
    woorden = zoekwoorden(tekst)
    inhoud = zonder_accenten(" ".join(velden)).lower()
    return all(woord in inhoud for woord in woorden)


@api
def taxonomies(request):
    formaat(request)
    tekst = zoektekst(request)
    items = [
        hsds.taxonomie(tax)
        for tax in hsds.TAXONOMIEEN
        if _past_bij(tekst, str(tax.naam), str(tax.omschrijving))
    ]
    return _lijst_pagina(request, items)


@api
def taxonomy(request, id):
    sleutel = als_uuid("id", id)
    tax = next((t for t in hsds.TAXONOMIEEN if t.id == sleutel), None)
    if tax is None:
        return _fout(404, _("Er is geen taxonomie met deze id."))
    return _json(hsds.taxonomie(tax))


@api
def taxonomy_terms(request):
    formaat(request)
    tekst = zoektekst(request)
    taxonomie_id = uuid_parameter(request, "taxonomy_id")
    ouder_id = uuid_parameter(request, "parent_id")
    ja_nee(request, "top_only")  # checked only: every term is a top-level term
    alle = taxonomie()
    items = []
    if ouder_id is None:
        for tax in hsds.TAXONOMIEEN:
            if taxonomie_id and tax.id != taxonomie_id:
                continue
            items += [
                hsds.term(t)
                for t in getattr(alle, tax.termen).lijst
                if _past_bij(tekst, t.naam, t.omschrijving)
            ]
    return _lijst_pagina(request, items)


@api
def taxonomy_term(request, id):
    gevonden = _termen_op_id().get(als_uuid("id", id))
    if gevonden is None:
        return _fout(404, _("Er is geen term met deze id."))
    return _json(hsds.term(gevonden))


# --- Services at locations --------------------------------------------------------------------


def _postcode_plek(code: str):
    """The centre of a postcode area, from the postcode table (organisaties.postcodes), the
    same way the list's distance search finds it. An unknown postcode is looked up in the
    background; until then the request gets a 400 saying so."""
    plek = zoek_plek(normaliseer(code))
    if not plek.gevonden:
        raise Ongeldig(
            "postcode",
            _(
                "Van deze postcode weten we de plek nog niet. We zoeken hem op: probeer het "
                "over een paar minuten opnieuw, of zoek met een postcode in de buurt."
            ),
        )
    return plek


def _op_locaties(aanbod, code, meters):
    """One row per aanbod per location (the annotations share one join to the locations),
    within ``meters`` of the centre of postcode ``code``, or in that postcode area.

    The distance is the list's (organisaties.afstand): the box on the indexed float
    coordinates first, then the formula for the locations in it. Filtering on the
    annotations, not on ``locaties__...`` again, keeps it to that one join.
    """
    rijen = aanbod.annotate(
        locatie_pk=F("locaties__pk"),
        locatie_postcode=F("locaties__postcode"),
        locatie_breedte=F("locaties__breedte"),
        locatie_lengte=F("locaties__lengte"),
    ).filter(locatie_pk__isnull=False)
    if code and meters is None:
        if len(code) > 4:
            rijen = rijen.filter(locatie_postcode=code)
        else:
            rijen = rijen.filter(locatie_postcode__startswith=code)
    if meters is not None:
        plek = _postcode_plek(code)
        kolommen = ("locatie_breedte", "locatie_lengte")
        rijen = rijen.filter(binnen_kader(plek, meters, *kolommen))
        rijen = rijen.annotate(afstand=afstand_tot(plek, *kolommen)).filter(afstand__lte=meters)
    return rijen


@api
def service_at_locations(request):
    formaat(request)
    volledig = ja_nee(request, "full")
    code = postcode(request)
    meters = nabijheid(request)
    aanbod, zoekt = _aanbod(request)
    rijen = _op_locaties(aanbod, code, meters)
    if meters is not None:
        volgorde = ("afstand", "pk", "locatie_pk")
    elif zoekt:
        volgorde = ("-relevantie", "pk", "locatie_pk")
    else:
        volgorde = ("pk", "locatie_pk")
    locaties = _locaties(volledig)
    aanbod_met_relaties = _met_relaties(Aanbod.objects.all(), volledig=False)

    def laad(paren):
        plekken = locaties.in_bulk({locatie for _, locatie in paren})
        aanbod = aanbod_met_relaties.in_bulk({a for a, _ in paren})
        return {
            (a, locatie): (aanbod[a], plekken[locatie])
            for a, locatie in paren
            if a in aanbod and locatie in plekken
        }

    return _pagina(
        request,
        rijen.order_by(*volgorde),
        laad,
        lambda paar: hsds.aanbod_op_locatie(*paar, volledig=volledig),
        sleutel=("pk", "locatie_pk"),
        samen_tellen=meters is not None,
    )


@api
def service_at_location(request, id):
    sleutel = als_uuid("id", id)
    kandidaten = _met_relaties(Aanbod.objects.gepubliceerd(), volledig=True).filter(
        uuid__range=hsds.sal_zoekbereik(sleutel)
    )
    for a in kandidaten:
        for loc in a.locaties.all():
            if hsds.hoort_bij(sleutel, loc):
                return _json(hsds.aanbod_op_locatie(a, loc, volledig=True))
    return _fout(404, _("Er is geen gepubliceerd aanbod op een locatie met deze id."))


@api(cache=False)
def niet_gevonden(request, pad=""):
    return _fout(404, _("Dit adres bestaat niet in de API. Begin bij /api/v1/."))
