"""Result cards as HTML, kept per organisation, so that a page the page cache misses does not
render 20 cards again.

A card is the same for every visitor until the directory changes (content version), the
language or the quarter hour ("vandaag open tot 16:00", "nu gesloten"): each card is kept under
those, and a page fetches its cards with one ``get_many``. The list, the theme and the wijk
pages all take their cards from here. What depends on the search (the distance to the
visitor's postcode) is not in the kept HTML: the card keeps a marker there, replaced per request.
"""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from netwerk.inhoudsversie import inhoudsversie
from organisaties.models import Organisatie
from organisaties.taxonomie import taxonomie

# "Vandaag open tot 16:00" changes with the clock: kept per quarter of an hour.
TIJDVAK = 15 * 60
# Where the distance goes in a kept card. Text from the database is escaped in a card, so
# this comment can only come from the card template itself.
AFSTAND_PLEK = "<!--afstand-->"


def tijdvak() -> int:
    """The current quarter hour, as a number."""
    return int(timezone.now().timestamp() // TIJDVAK)


def _sleutel(pk, kop, versie, taal, kwartier):
    return f"kaartje:{versie}:{pk}:{kop}:{taal}:{kwartier}"


def kaartjes(organisaties, kop=2):
    """The HTML of the cards of ``organisaties``, in their order: either Organisatie objects
    (from ``Organisatie.objects.voor_lijst()``, with ``afstand_tekst`` when searching near a
    postcode) or ids, of which only the cards not kept yet are fetched from the database."""
    organisaties = list(organisaties)
    ids = [o if isinstance(o, int) else o.pk for o in organisaties]
    versie, taal, kwartier = inhoudsversie(), get_language(), tijdvak()
    sleutels = {pk: _sleutel(pk, kop, versie, taal, kwartier) for pk in ids}
    bewaard = cache.get_many(list(sleutels.values()))
    ontbreekt = [pk for pk in ids if sleutels[pk] not in bewaard]
    if ontbreekt:
        objecten = {o.pk: o for o in organisaties if not isinstance(o, int)}
        zonder_object = [pk for pk in ontbreekt if pk not in objecten]
        if zonder_object:
            objecten.update(Organisatie.objects.voor_lijst().in_bulk(zonder_object))
        # "Vandaag open" and the address: three queries for all the cards to render.
        prefetch_related_objects(
            [objecten[pk] for pk in ontbreekt if pk in objecten], "locaties__openingstijden"
        )
        nieuw = {sleutels[pk]: _kaartje(objecten[pk], kop) for pk in ontbreekt if pk in objecten}
        cache.set_many(nieuw, TIJDVAK)
        bewaard.update(nieuw)
    afstand = get_template("components/afstand.html")
    delen = []
    for pk, organisatie in zip(ids, organisaties, strict=True):
        html = bewaard.get(sleutels[pk])
        if html is None:  # gone from the directory since its id was found
            continue
        plek = ""
        if getattr(organisatie, "afstand_tekst", None):
            plek = afstand.render({"organisatie": organisatie})
        delen.append(html.replace(AFSTAND_PLEK, plek, 1))
    # Rendered from the card template, with auto-escaping.
    return mark_safe("".join(delen))  # noqa: S308


def _kaartje(organisatie, kop):
    return render_to_string(
        "components/organisatie_kaartje.html",
        {"organisatie": organisatie, "taxonomie": taxonomie(), "kop": kop},
    )
