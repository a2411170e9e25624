"""Help near home: organisations within a distance of a postcode, nearest first.

Without PostGIS: the distance is computed in SQL on the flat map around the two points' mean
latitude (within 100 km less than 0.01% off the great-circle distance). A distance filter
first takes the box around the postcode on the indexed coordinates of the locations
(``locatie_graden``), so only the locations in the box are measured. The distance to an
organisation is the distance to its nearest location with coordinates; an organisation without
any is left out of a distance filter and comes last when sorting by distance. The API's
proximity filter (``organisaties.api.views._op_locaties``) and the activities' distance filter
use the same box and formula.

``Zoekopdracht`` holds the distance part of a list search (postcode, afstand, sorteer) for
OrganisatieFilter: the place of the postcode, the Dutch messages when it is unknown, and the
chips. It is read from the cleaned form, so a malformed postcode is a field error and the rest
of the search still works.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Min, Q, Value
from django.db.models.functions import Cos, Radians, Sqrt
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisaties.models import Locatie
from organisaties.postcodes import Uitkomst, leesbaar, zoek_plek

AARDSTRAAL_METER = 6_371_000
METER_PER_GRAAD = 111_320
AFSTANDEN_KM = (1, 2, 5, 10)
AFSTAND_KEUZES = [(km, gettext_lazy("Binnen %(km)s km") % {"km": km}) for km in AFSTANDEN_KM]


def afstand_tot(plek, breedte="breedte", lengte="lengte"):
    """SQL: metres from ``plek`` to the point in the float columns ``breedte``/``lengte``
    (Locatie keeps its decimal coordinates as floats too: converting a decimal in every
    use costs more than the whole formula)."""
    lat = F(breedte)
    lon = F(lengte)
    dy = Radians(lat - Value(plek.latitude))
    dx = Radians(lon - Value(plek.longitude)) * Cos(Radians((lat + Value(plek.latitude)) / 2.0))
    return Value(float(AARDSTRAAL_METER)) * Sqrt(dx * dx + dy * dy)


def binnen_kader(plek, meters, breedte="breedte", lengte="lengte") -> Q:
    """The box around ``plek`` that holds every point within ``meters``, on the columns
    themselves (so an index on them serves it), a micrometre wider against rounding."""
    dlat = meters / METER_PER_GRAAD + 1e-6
    dlon = meters / (METER_PER_GRAAD * math.cos(math.radians(plek.latitude))) + 1e-6
    return Q(
        **{
            f"{breedte}__range": (_graden(plek.latitude - dlat), _graden(plek.latitude + dlat)),
            f"{lengte}__range": (_graden(plek.longitude - dlon), _graden(plek.longitude + dlon)),
        }
    )


def _graden(waarde: float) -> float:
    # Rounded to the columns' six decimals, as before they were floats: the same box.
    return float(Decimal(f"{waarde:.6f}"))


def _met_coordinaten():
    return Locatie.objects.filter(latitude__isnull=False, longitude__isnull=False)


def met_afstand(organisaties, plek, meters=None):
    """Organisations annotated with ``afstand`` (metres to their nearest location), only
    those within ``meters`` when given.

    One join to the locations, grouped per organisation: with a distance, only the locations
    in the box are joined (the index finds them), and the nearest must be within it.
    """
    breedte, lengte = "locaties__breedte", "locaties__lengte"
    if meters is not None:
        organisaties = organisaties.filter(binnen_kader(plek, meters, breedte, lengte))
    organisaties = organisaties.annotate(afstand=Min(afstand_tot(plek, breedte, lengte)))
    if meters is not None:
        organisaties = organisaties.filter(afstand__lte=meters)
    return organisaties


def afstanden(organisatie_ids, plek) -> dict:
    """{organisation id: metres to its nearest location} for a page of results (one query)."""
    return dict(
        _met_coordinaten()
        .filter(organisatie_id__in=organisatie_ids)
        .values("organisatie_id")
        .annotate(afstand=Min(afstand_tot(plek)))
        .values_list("organisatie_id", "afstand")
    )


def als_tekst(meters) -> str:
    """'minder dan 100 m', '350 m', '1,2 km', '12 km': as precise as a resident needs."""
    if meters is None:
        return ""
    if meters < 100:
        return _("minder dan 100 m")
    if meters < 1000:
        return _("%(meter)s m") % {"meter": int(round(meters, -1))}
    km = meters / 1000
    if km < 10:
        return _("%(km)s km") % {"km": f"{km:.1f}".replace(".", ",")}
    return _("%(km)s km") % {"km": round(km)}


@dataclass
class Zoekopdracht:
    """The distance part of a list search, from the cleaned form of OrganisatieFilter."""

    postcode: str = ""  # normalised: '3142' or '3142AB'; '' when absent or malformed
    km: int | None = None
    sorteer: str = ""
    postcode_fout: bool = False
    plek: object = None
    meldingen: list = field(default_factory=list)

    @classmethod
    def uit_formulier(cls, form):
        data = form.cleaned_data
        opdracht = cls(
            postcode=data.get("postcode") or "",
            km=int(data["afstand"]) if data.get("afstand") else None,
            sorteer=data.get("sorteer") or "",
            postcode_fout=bool(form.errors.get("postcode")),
        )
        opdracht._zoek_plek()
        return opdracht

    def _zoek_plek(self):
        if self.postcode:
            self.plek = zoek_plek(self.postcode)
            leesbare = leesbaar(self.postcode)
            if self.plek.uitkomst == Uitkomst.PC4_MIDDEN:
                self.meldingen.append(
                    _(
                        "We kennen de plek van postcode %(postcode)s nog niet precies. We "
                        "rekenen vanaf het midden van postcodegebied %(gebied)s."
                    )
                    % {"postcode": leesbare, "gebied": self.plek.postcode}
                )
            elif self.plek.uitkomst == Uitkomst.ONBEKEND:
                self.meldingen.append(
                    _(
                        "We kennen postcode %(postcode)s nog niet. We zoeken hem op; probeer "
                        "het over een paar minuten opnieuw. Hieronder ziet u alle resultaten, "
                        "zonder afstand."
                    )
                    % {"postcode": leesbare}
                )
        elif self.postcode_fout:
            self.meldingen.append(
                _("De postcode klopt niet. Hieronder ziet u alle resultaten, zonder afstand.")
            )
        elif self.km or self.sorteer == "afstand":
            self.meldingen.append(
                _(
                    "Vul een postcode in om op afstand te zoeken of te sorteren. Hieronder "
                    "ziet u de resultaten in de gewone volgorde."
                )
            )

    @property
    def heeft_plek(self) -> bool:
        return self.plek is not None and self.plek.gevonden

    @property
    def sorteert(self) -> bool:
        """Nearest first: asked for, or a postcode without another choice of order."""
        return self.heeft_plek and self.sorteer in ("afstand", "")

    @property
    def bewaarbaar(self) -> bool:
        """False while the answer may change once PDOK's answer is stored: not for the cache."""
        return self.plek is None or self.plek.uitkomst == Uitkomst.GEVONDEN

    def filter(self, queryset):
        if not self.heeft_plek or not (self.km or self.sorteert):
            return queryset
        return met_afstand(queryset, self.plek, self.km * 1000 if self.km else None)

    def zet_afstanden(self, organisaties):
        """Give each organisation of a page ``afstand_tekst`` (one query)."""
        if not self.heeft_plek or not organisaties:
            return
        per_id = afstanden([o.pk for o in organisaties], self.plek)
        for organisatie in organisaties:
            meters = per_id.get(organisatie.pk)
            organisatie.afstand_tekst = als_tekst(meters) if meters is not None else _("onbekend")

    def chips(self, zonder):
        """Chips for the active filters; ``zonder(*params)`` is the URL without them."""
        if not self.heeft_plek:
            return []
        leesbare = leesbaar(self.postcode)
        chips = [
            {
                "label": _("Bij postcode %(postcode)s") % {"postcode": leesbare},
                # Sorting by distance means nothing without the postcode either.
                "url": zonder(
                    "postcode", "afstand", *(["sorteer"] if self.sorteer == "afstand" else [])
                ),
                "param": "postcode",
            }
        ]
        if self.km:
            chips.append(
                {
                    "label": _("Binnen %(km)s km") % {"km": self.km},
                    "url": zonder("afstand"),
                    "param": "afstand",
                }
            )
        return chips
