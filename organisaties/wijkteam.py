"""Who helps a resident who found nothing: the wijkteam, on every dead end of the site.

Staff choose the organisation in the site settings (SiteConfiguratie.hulp_organisatie). Without
a choice it is the first published organisation of the soort "wijkteam"; without one, the
municipality's own phone number from the settings.
"""

from dataclasses import dataclass

from netwerk.models import SiteConfiguratie
from organisaties.models import Organisatie

WIJKTEAM_SOORT = "wijkteam"


@dataclass(frozen=True)
class Hulp:
    naam: str
    telefoon: str
    telefoon_link: str
    url: str


def hulp_organisatie(site=None):
    """The organisation chosen in the site settings, else the first published wijkteam."""
    site = site or SiteConfiguratie.get_solo()
    organisatie = None
    if site.hulp_organisatie_id:
        organisatie = Organisatie.objects.gepubliceerd().filter(pk=site.hulp_organisatie_id).first()
    if organisatie is None:
        organisatie = (
            Organisatie.objects.gepubliceerd()
            .filter(soort__slug=WIJKTEAM_SOORT)
            .order_by("naam", "pk")
            .first()
        )
    return organisatie


def hulp(site=None):
    """The organisation (or the gemeente) that helps further, or None when nothing is known."""
    site = site or SiteConfiguratie.get_solo()
    organisatie = hulp_organisatie(site)
    if organisatie is not None:
        return Hulp(
            naam=organisatie.naam,
            telefoon=organisatie.telefoon or site.contact_telefoon,
            telefoon_link=organisatie.telefoon_link or _tel(site.contact_telefoon),
            url=organisatie.get_absolute_url(),
        )
    if site.contact_telefoon:
        return Hulp(
            naam=site.gemeentenaam,
            telefoon=site.contact_telefoon,
            telefoon_link=_tel(site.contact_telefoon),
            url="",
        )
    return None


def _tel(nummer):
    cijfers = "".join(c for c in nummer if c.isdigit() or c == "+")
    return f"tel:{cijfers}" if cijfers else ""
