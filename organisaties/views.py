from array import array

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from netwerk.inhoudsversie import per_inhoudsversie
from netwerk.paginacache import cache_anonieme_pagina
from netwerk.ratelimit import boven_limiet
from organisaties import kaart, organisatiepagina, termindex
from organisaties import kaartjes as kaartjes_module
from organisaties.afstand import AFSTANDEN_KM
from organisaties.facetdefinities import alle_facetten
from organisaties.facetten import ids_en_pagina, ids_van, tel_facetten
from organisaties.filters import OrganisatieFilter, Zoekmodus
from organisaties.forms import WijzigingsvoorstelForm
from organisaties.kaartjes import kaartjes
from organisaties.models import Organisatie, Regiobron
from organisaties.taxonomie import taxonomie
from organisaties.zoeken import MAX_ZOEKLENGTE, kan_tikfouten_vergeven

PER_PAGINA = 20
MAX_PAGINA = 1_000_000
# Result cards say "nu gesloten": pages with cards are cached per quarter of an hour.
KAARTJES_TIJDVAK = kaartjes_module.TIJDVAK


def _home_aantallen():
    """The home page's counts: the same for every visitor until the directory changes."""
    facetten = tel_facetten(ids_van(Organisatie.objects.gepubliceerd(), in_volgorde=False))
    return {
        "thema": dict(facetten.thema),
        "wijk": dict(facetten.wijk),
        "totaal": facetten.totaal,
    }


@cache_anonieme_pagina
def home(request):
    """The start page: themes and wijken with their counts; upcoming meetings come from
    bijeenkomsten' template tag, so that the directory does not depend on meetings.

    The counts are kept per content version (no query over the whole directory per request,
    also when the page cache misses, e.g. for an address with an unknown parameter)."""
    return render(
        request,
        "home.html",
        {
            # Kept in each process per content version and language: no loop over the terms
            # and no URL reversing per request.
            "termen": per_inhoudsversie(f"home:termen:{get_language()}", _home_termen),
            "aantal_organisaties": per_inhoudsversie("home:aantallen", _home_aantallen)["totaal"],
            "afstanden_km": AFSTANDEN_KM,
        },
    )


def _home_termen():
    aantallen = per_inhoudsversie("home:aantallen", _home_aantallen)
    tax = taxonomie()
    html = render_to_string(
        "organisaties/_home_termen.html",
        {
            "themas": [(t, aantallen["thema"].get(t.pk, 0)) for t in tax.themas.lijst],
            "wijken": [(w, aantallen["wijk"].get(w.pk, 0)) for w in tax.wijken.lijst],
        },
    )
    # Rendered from the template above, with auto-escaping.
    return mark_safe(html)  # noqa: S308


def _pagina(request, resultaat):
    """The requested page of a ``Resultaat``, with its organisations."""
    return Paginator(resultaat, PER_PAGINA).get_page(request.GET.get("pagina"))


def _begin(request) -> int:
    """Where the requested page starts, as the paginator will read it (a number it does not
    accept is the first page; a page past the end is found out once the matches are known)."""
    try:
        pagina = int(request.GET.get("pagina", 1))
    except ValueError:
        return 0
    # Far past any directory's end (and within PostgreSQL's OFFSET): the paginator then
    # shows the last page, as it does for any page past the end.
    return min(max(pagina - 1, 0), MAX_PAGINA) * PER_PAGINA


class Resultaat:
    """The matches of a search, for the paginator: counted from their ids (fetched in any
    order, which needs no ranking), ranked only for the page that is shown.

    Ranking every match and sorting them all costs as much as there are matches (79,000 for a
    broad word in a national directory). A slice asks the database for just its rows, in the
    search's own order (relevance, then name and id, so the order is total): PostgreSQL keeps
    only the best ``stop`` rows while it scans instead of sorting everything. A slice in the
    second half is asked for from the end, in the reverse order, so the last page is as cheap
    as the first and every page holds exactly the rows that ranking all matches would put there.
    """

    def __init__(self, queryset, ids, voorgehaald=None):
        self.queryset = queryset
        self.ids = ids
        # (start, ids): the rows from ``start`` on, found together with ``ids`` (met_pagina).
        self.voorgehaald = voorgehaald

    @classmethod
    def met_pagina(cls, queryset, start):
        """Every match and the page from ``start`` in one scan of the matches (ids_en_pagina);
        an order _volgorde does not know takes a second query for the page."""
        if _volgorde(queryset) is None:
            return cls(queryset, ids_van(queryset, in_volgorde=False))
        ids, pagina = ids_en_pagina(queryset, _volgorde(queryset), start, PER_PAGINA)
        return cls(queryset, ids, (start, pagina))

    def __len__(self):
        return len(self.ids)

    def __bool__(self):
        return bool(self.ids)

    def __getitem__(self, deel):
        if not isinstance(deel, slice) or deel.step not in (None, 1):
            raise TypeError("Resultaat geeft alleen aaneengesloten delen.")
        aantal = len(self.ids)
        start, stop, _stap = deel.indices(aantal)
        if start >= stop:
            return []
        organisaties = self.queryset.voor_lijst()
        if self.voorgehaald and self.voorgehaald[0] == start:
            ids = self.voorgehaald[1][: stop - start]
            if len(ids) == stop - start:
                per_id = Organisatie.objects.voor_lijst().in_bulk(ids)
                return [per_id[pk] for pk in ids if pk in per_id]
        if start > aantal - stop:
            rijen = list(organisaties.reverse()[aantal - stop : aantal - start])
            rijen.reverse()
            return rijen
        return list(organisaties[start:stop])


def _volgorde(queryset):
    """The queryset's order as SQL over the columns of ids_en_pagina's scan (relevance, name,
    distance); None for any other."""
    volgorde = tuple(queryset.query.order_by)
    if volgorde == ("-relevantie", "naam", "pk"):
        return ("relevantie", "naam"), "m.relevantie DESC, m.naam ASC, m.id ASC"
    if volgorde == ("naam", "pk"):
        return ("naam",), "m.naam ASC, m.id ASC"
    if volgorde == ("afstand", "naam", "pk"):
        return ("afstand", "naam"), "m.afstand ASC NULLS LAST, m.naam ASC, m.id ASC"
    return None


def _zoek(filterset, met_facetten=True, start=None):
    """The result (a ``Resultaat``) and the facet counts: the ids of every match (in any order)
    and, from ``start``, the ids of the page, found in one scan of the matches; the soort counts'
    ids in a second query when a soort is chosen. Without ``start`` only the ids (the map).
    """
    if start is not None:
        # A list page: from the per-term bitmaps, without a scan of the matches.
        gevonden = termindex.zoek(filterset, met_facetten)
        if gevonden is not None:
            return gevonden
    if start is None:
        resultaat = Resultaat(filterset.qs, ids_van(filterset.qs, in_volgorde=False))
    else:
        resultaat = Resultaat.met_pagina(filterset.qs, start)
    ids = resultaat.ids
    if not met_facetten:
        return resultaat, None
    basis_ids = {
        naam: ids_van(queryset, in_volgorde=False)
        for naam, queryset in filterset.zonder_verruimende().items()
    }
    return resultaat, tel_facetten(ids, basis_ids)


def _regio(request):
    """``regio=ja``: the neighbours' imported organisations too (organisaties.federatie)."""
    return request.GET.get("regio") == "ja"


def _filterset(request):
    """The list's filters over the own directory, or with ``regio=ja`` the region's too."""
    if _regio(request):
        organisaties = Organisatie.objects.in_regio()
    else:
        organisaties = Organisatie.objects.gepubliceerd()
    return OrganisatieFilter(request.GET, queryset=organisaties)


def zoek_organisaties(filterset, met_facetten=True, start=None):
    """The list's search: every match (a ``Resultaat``: its ``ids`` in any order, ranked per
    page), the facet counts (None without ``met_facetten``) and the search mode that found them.

    Nothing has every word: the result is what has one of them, or else the search with typos
    corrected. The list and its map (kaart_geojson) both search here, so they always agree.
    """
    resultaat, facetten = _zoek(filterset, met_facetten, start)
    zoekmodus = Zoekmodus.ALLE_WOORDEN
    if not resultaat and filterset.heeft_zoekopdracht:
        filterset.opnieuw(Zoekmodus.EEN_WOORD)
        resultaat, facetten = _zoek(filterset, met_facetten, start)
        if resultaat:
            zoekmodus = Zoekmodus.EEN_WOORD
        elif kan_tikfouten_vergeven() and filterset.verbeter_tikfouten():
            filterset.opnieuw(Zoekmodus.GELIJKENIS)
            resultaat, facetten = _zoek(filterset, met_facetten, start)
            if resultaat:
                zoekmodus = Zoekmodus.GELIJKENIS
    return resultaat, facetten, zoekmodus


@cache_anonieme_pagina(tijdvak_seconden=KAARTJES_TIJDVAK)
def organisatie_lijst(request):
    regio = _regio(request)
    filterset = _filterset(request)
    resultaat, facetten, zoekmodus = zoek_organisaties(filterset, start=_begin(request))

    pagina = _pagina(request, resultaat)
    afstand = filterset.afstand_zoeken
    afstand.zet_afstanden(pagina.object_list)
    tax = taxonomie()
    chips = _actieve_filters(request, filterset, tax)
    context = {
        "afstand_zoeken": afstand,
        "filter": filterset,
        "pagina": pagina,
        "kaartjes": kaartjes(pagina.object_list, kop=3),
        "facetten": facetten,
        "zoekmodus": zoekmodus,
        "verbeterde_zoektekst": filterset.verbeterde_zoektekst,
        "taxonomie": tax,
        "filtergroepen": _filtergroepen(filterset, facetten, tax),
        "actieve_filters": chips,
        "aantal_filters": sum(1 for chip in chips if chip["param"] != "q"),
        # A combination of filters is no page of its own for search engines (crawlers).
        "robots_noindex": sum(1 for chip in chips if chip["param"] != "q") > 1,
        "zoektekst_ingekort": len(request.GET.get("q", "")) > MAX_ZOEKLENGTE,
        "regio": regio,
        "regio_beschikbaar": regio or Regiobron.objects.exists(),
    }
    response = render(request, "organisaties/lijst.html", context)
    if not afstand.bewaarbaar:
        # The page changes once PDOK's answer for the postcode is stored: keep it out of caches.
        add_never_cache_headers(response)
    return response


@gzip_page
@cache_anonieme_pagina
def kaart_geojson(request):
    """Every location of the list's result (all pages) as GeoJSON, for the list's map.

    Takes exactly the list's query parameters; two or three queries, whatever the number of
    matches. Compressed after the page cache (which keeps it plain): the whole directory is
    megabytes of repetitive JSON, and it holds no secret a compression attack could guess.
    """
    resultaat, _facetten, _zoekmodus = zoek_organisaties(_filterset(request), met_facetten=False)
    return HttpResponse(kaart.geojson(resultaat.ids), content_type="application/geo+json")


def _filtergroepen(filterset, facetten, tax):
    """The groups of the filter form (facetdefinities): per facet its values with their counts,
    or for a yes/no facet its one checkbox."""
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    groepen = []
    for facet in alle_facetten():
        if facet.is_vlag:
            groepen.append(
                {
                    "naam": facet.naam,
                    "label": facet.kop or facet.label,
                    "vlag": True,
                    "keuze": facet.label,
                    "aantal": getattr(facetten, facet.naam),
                    "gekozen": bool(data.get(facet.naam)),
                    "zichtbaar": True,
                }
            )
            continue
        gekozen = set(data.get(facet.naam) or [])
        aantallen = getattr(facetten, facet.naam)
        waarden = [
            {
                "slug": t.slug,
                "naam": t.weergavenaam,
                "aantal": aantallen.get(t.pk, 0),
                "gekozen": t.slug in gekozen,
            }
            for t in facet.termen_van(tax).lijst
        ]
        groepen.append(
            {
                "naam": facet.naam,
                "label": facet.label,
                "waarden": waarden,
                # A group whose every value has no match shows nothing to choose: left out.
                "zichtbaar": any(w["aantal"] or w["gekozen"] for w in waarden),
            }
        )
    return groepen


def _actieve_filters(request, filterset, tax):
    """Chips for the active filters, each with the URL that removes it."""
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    chips = []

    def zonder(param, waarde=None):
        query = request.GET.copy()
        query.pop("pagina", None)
        if waarde is None:
            query.pop(param, None)
        else:
            query.setlist(param, [w for w in query.getlist(param) if w != waarde])
        return "?" + query.urlencode() if query else "?"

    def zonder_params(*params):
        query = request.GET.copy()
        for param in ("pagina", *params):
            query.pop(param, None)
        return "?" + query.urlencode() if query else "?"

    if data.get("q"):
        chips.append(
            {"label": _("Zoekwoord: %(q)s") % {"q": data["q"]}, "url": zonder("q"), "param": "q"}
        )
    for facet in alle_facetten():
        if facet.is_vlag:
            if data.get(facet.naam):
                chips.append(
                    {
                        "label": facet.chip or facet.label,
                        "url": zonder(facet.naam),
                        "param": facet.naam,
                    }
                )
            continue
        termen = facet.termen_van(tax)
        for slug in data.get(facet.naam) or []:
            if slug in termen.op_slug:
                chips.append(
                    {
                        "label": termen.op_slug[slug].weergavenaam,
                        "url": zonder(facet.naam, slug),
                        "param": facet.naam,
                    }
                )
    chips += filterset.afstand_zoeken.chips(zonder_params)
    return chips


def _zichtbare_organisatie(request, slug):
    """The organisation of ``slug`` and None, or None and the page that says it is not there
    (a concept: 404; archived: 410)."""
    organisatie = get_object_or_404(
        Organisatie.objects.select_related("soort", "regiobron").defer("zoekvector"), slug=slug
    )
    if organisatie.status == Organisatie.Status.CONCEPT:
        return None, render(request, "404.html", status=404)
    if organisatie.status == Organisatie.Status.GEARCHIVEERD:
        return None, render(
            request, "organisaties/gearchiveerd.html", {"organisatie": organisatie}, status=410
        )
    return organisatie, None


@require_http_methods(["GET", "HEAD", "POST"])
def organisatie_detail(request, slug):
    """An organisation's page. It carries no form (and no CSRF token), so anonymous visitors
    get it from the page cache; the report form is on its own page (organisatie_melden)."""
    if request.method == "POST":
        # A report from a page opened before the form moved: handled as if sent there.
        return organisatie_melden(request, slug)
    return _organisatie_detail(request, slug)


# The page shows nothing that changes with the clock today, but the cards' opening state may
# come to it: cached per quarter of an hour, like the list.
@cache_anonieme_pagina(tijdvak_seconden=KAARTJES_TIJDVAK)
def _organisatie_detail(request, slug):
    organisatie, weigering = _zichtbare_organisatie(request, slug)
    if weigering:
        return weigering
    return render(
        request,
        "organisaties/detail.html",
        {"organisatie": organisatie, "inhoud": organisatiepagina.inhoud(request, organisatie)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def organisatie_melden(request, slug):
    """'Klopt er iets niet?': the report form of an organisation, on a page of its own."""
    organisatie, weigering = _zichtbare_organisatie(request, slug)
    if weigering:
        return weigering
    if organisatie.regiobron_id:
        # Imported: the gemeente it comes from keeps it; its page says where to report.
        return redirect(organisatie.get_absolute_url())
    form = WijzigingsvoorstelForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if boven_limiet(request, "wijzigingsvoorstel", _limiet()):
            form.add_error(
                None,
                _("U heeft al veel meldingen gestuurd. Probeer het over een uur opnieuw."),
            )
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                voorstel = form.save(commit=False)
                voorstel.organisatie = organisatie
                # The answer to the resident later goes in the language they reported in.
                voorstel.taal = translation.get_language() or settings.LANGUAGE_CODE
                voorstel.save()
            messages.success(request, _("Bedankt voor uw melding. Wij kijken ernaar."))
            return redirect(organisatie.get_absolute_url() + "#melden")
        else:
            status = 400
    return render(
        request,
        "organisaties/melden.html",
        {"organisatie": organisatie, "form": form},
        status=status,
    )


def _limiet():
    from django.conf import settings

    return settings.WIJZIGINGSVOORSTEL_LIMIET_PER_UUR


def _term_ids(veld, term_pk):
    """The published organisations with the term, by name: kept per content version, as a
    compact array (a theme can hold 40% of a national directory)."""
    ids = ids_van(
        Organisatie.objects.gepubliceerd()
        .filter(**{f"{veld}__contains": [term_pk]})
        .order_by("naam", "pk")
    )
    return array("q", ids)


def _termpagina(request, termen, slug, veld, template):
    term = termen.op_slug.get(slug)
    if term is None:
        raise Http404
    tax = taxonomie()
    ids = per_inhoudsversie(f"termpagina:{veld}:{term.pk}", lambda: _term_ids(veld, term.pk))
    pagina = Paginator(ids, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        template,
        {
            "term": term,
            "pagina": pagina,
            # Kept per organisation: a page the page cache misses renders no card again.
            "kaartjes": kaartjes(pagina.object_list, kop=2),
            "taxonomie": tax,
            "filter_param": "thema" if veld == "facet_themas" else "wijk",
        },
    )


@cache_anonieme_pagina(tijdvak_seconden=KAARTJES_TIJDVAK)
def thema_detail(request, slug):
    return _termpagina(request, taxonomie().themas, slug, "facet_themas", "organisaties/thema.html")


@cache_anonieme_pagina(tijdvak_seconden=KAARTJES_TIJDVAK)
def wijk_detail(request, slug):
    return _termpagina(request, taxonomie().wijken, slug, "facet_wijken", "organisaties/wijk.html")
