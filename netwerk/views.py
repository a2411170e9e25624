"""Site-wide pages: home and the static pages whose text comes from SiteConfiguratie."""

from django.shortcuts import render

from bijeenkomsten.models import Bijeenkomst
from organisaties.cache import cache_anonieme_pagina
from organisaties.facetten import ids_van, tel_facetten
from organisaties.models import Organisatie
from organisaties.taxonomie import taxonomie


@cache_anonieme_pagina
def home(request):
    facetten = tel_facetten(ids_van(Organisatie.objects.gepubliceerd(), in_volgorde=False))
    tax = taxonomie()
    return render(
        request,
        "home.html",
        {
            "themas": [(t, facetten.thema.get(t.pk, 0)) for t in tax.themas.lijst],
            "wijken": [(w, facetten.wijk.get(w.pk, 0)) for w in tax.wijken.lijst],
            "aantal_organisaties": facetten.totaal,
            "bijeenkomsten": Bijeenkomst.objects.gepubliceerd().komend()[:3],
        },
    )


@cache_anonieme_pagina
def tekstpagina(request, pagina):
    return render(request, f"pagina/{pagina}.html")


def basis(request):
    """The base template with no data: the benchmark's baseline for throughput."""
    return render(request, "basis.html")
