"""Site-wide pages: the static pages whose text comes from SiteConfiguratie, and the
benchmark's baseline."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from netwerk.models import SiteConfiguratie, kleur_validator
from netwerk.paginacache import cache_anonieme_pagina


@cache_anonieme_pagina
def tekstpagina(request, pagina):
    return render(request, f"pagina/{pagina}.html")


def basis(request):
    """The base template with no data: the benchmark's baseline for throughput."""
    return render(request, "basis.html")


@require_safe
def huisstijl(request):
    """The municipality's colour as a small stylesheet.

    The Content-Security-Policy allows no inline style, so the colour cannot sit in the page.
    base.html links this with the colour as ``?v=``: that URL never changes its content, so
    browsers may keep it for a year, and a new colour is a new URL that shows at once.
    """
    kleur = SiteConfiguratie.get_solo().primaire_kleur
    try:
        kleur_validator(kleur)  # the admin checks it too; this keeps anything else out of CSS
    except ValidationError:
        kleur = SiteConfiguratie._meta.get_field("primaire_kleur").default
    response = HttpResponse(
        f":root {{ --netwerk-primaire-kleur: {kleur}; }}\n", content_type="text/css; charset=utf-8"
    )
    if request.GET.get("v") == kleur.removeprefix("#"):
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    else:  # an old or missing version: this answer may be outdated soon
        patch_cache_control(response, public=True, max_age=300)
    return response
