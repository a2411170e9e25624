from array import array

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from netwerk.inhoudsversie import inhoudsversie, per_inhoudsversie
from netwerk.paginacache import cache_anonieme_pagina
from netwerk.ratelimit import boven_limiet
from organisaties import kaart
from organisaties.afstand import AFSTANDEN_KM
from organisaties.facetdefinities import alle_facetten
from organisaties.facetten import ids_van, tel_facetten
from organisaties.filters import OrganisatieFilter, Zoekmodus
from organisaties.forms import WijzigingsvoorstelForm
from organisaties.models import Organisatie, Regiobron
from organisaties.taxonomie import taxonomie
from organisaties.zoeken import MAX_ZOEKLENGTE, kan_tikfouten_vergeven

PER_PAGINA = 20
# Result cards say "nu gesloten": pages with cards are cached per quarter of an hour.
KAARTJES_TIJDVAK = 15 * 60


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
    aantallen = per_inhoudsversie("home:aantallen", _home_aantallen)
    tax = taxonomie()
    return render(
        request,
        "home.html",
        {
            "themas": [(t, aantallen["thema"].get(t.pk, 0)) for t in tax.themas.lijst],
            "wijken": [(w, aantallen["wijk"].get(w.pk, 0)) for w in tax.wijken.lijst],
            "aantal_organisaties": aantallen["totaal"],
            "afstanden_km": AFSTANDEN_KM,
        },
    )


def _pagina(request, ids):
    """The requested page of an ordered list of organisation ids, with the organisations."""
    pagina = Paginator(ids, PER_PAGINA).get_page(request.GET.get("pagina"))
    organisaties = Organisatie.objects.voor_lijst().in_bulk(pagina.object_list)
    pagina.object_list = [organisaties[pk] for pk in pagina.object_list if pk in organisaties]
    return pagina


def _zoek(filterset, met_facetten=True):
    """The ids of the result in page order, and the facet counts: two queries at most.

    The database ranks and sorts the matches once; the page is then 20 look-ups by id,
    instead of a second scan of every match for the page itself.
    """
    ids = ids_van(filterset.qs)
    if not met_facetten:
        return ids, None
    basis_ids = {
        naam: ids_van(queryset, in_volgorde=False)
        for naam, queryset in filterset.zonder_verruimende().items()
    }
    return ids, tel_facetten(ids, basis_ids)


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


def zoek_organisaties(filterset, met_facetten=True):
    """The list's search: the ids of every match in page order, the facet counts (None
    without ``met_facetten``) and the search mode that found them.

    Nothing has every word: the result is what has one of them, or else the search with typos
    corrected. The list and its map (kaart_geojson) both search here, so they always agree.
    """
    ids, facetten = _zoek(filterset, met_facetten)
    zoekmodus = Zoekmodus.ALLE_WOORDEN
    if not ids and filterset.heeft_zoekopdracht:
        filterset.opnieuw(Zoekmodus.EEN_WOORD)
        ids, facetten = _zoek(filterset, met_facetten)
        if ids:
            zoekmodus = Zoekmodus.EEN_WOORD
        elif kan_tikfouten_vergeven() and filterset.verbeter_tikfouten():
            filterset.opnieuw(Zoekmodus.GELIJKENIS)
            ids, facetten = _zoek(filterset, met_facetten)
            if ids:
                zoekmodus = Zoekmodus.GELIJKENIS
    return ids, facetten, zoekmodus


@cache_anonieme_pagina(tijdvak_seconden=KAARTJES_TIJDVAK)
def organisatie_lijst(request):
    regio = _regio(request)
    filterset = _filterset(request)
    ids, facetten, zoekmodus = zoek_organisaties(filterset)

    pagina = _pagina(request, ids)
    afstand = filterset.afstand_zoeken
    afstand.zet_afstanden(pagina.object_list)
    tax = taxonomie()
    chips = _actieve_filters(request, filterset, tax)
    context = {
        "afstand_zoeken": afstand,
        "filter": filterset,
        "pagina": pagina,
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
    ids, _facetten, _zoekmodus = zoek_organisaties(_filterset(request), met_facetten=False)
    return HttpResponse(kaart.geojson(ids), content_type="application/geo+json")


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
    organisatie = get_object_or_404(Organisatie.objects.met_details(), slug=slug)
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
    return render(request, "organisaties/detail.html", {"organisatie": organisatie})


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
    # The cards of a page are the same for every visitor until the directory changes or the
    # quarter hour ("nu gesloten") ends: kept as HTML, so that an address the page cache does
    # not know yet (another parameter) costs no queries and no rendering of 20 cards.
    sleutel = (
        f"termkaartjes:{inhoudsversie()}:{veld}:{term.pk}:{pagina.number}:{get_language()}:"
        f"{int(timezone.now().timestamp() // KAARTJES_TIJDVAK)}"
    )
    kaartjes = cache.get(sleutel)
    if kaartjes is None:
        gevonden = Organisatie.objects.voor_lijst().in_bulk(pagina.object_list)
        organisaties = [gevonden[pk] for pk in pagina.object_list if pk in gevonden]
        kaartjes = render_to_string(
            "organisaties/_termkaartjes.html", {"organisaties": organisaties, "taxonomie": tax}
        )
        cache.set(sleutel, kaartjes, KAARTJES_TIJDVAK)
    return render(
        request,
        template,
        {
            "term": term,
            "pagina": pagina,
            # Rendered from the template above, with auto-escaping.
            "kaartjes": mark_safe(kaartjes),  # noqa: S308
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
