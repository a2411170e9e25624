"""Organisations add and change their activities through their personal link; staff decide.

The link is the one of organisaties.bijwerken (same token, same expiry and revocation). What an
organisation sends becomes an Activiteitvoorstel; nothing goes live until a redacteur takes it
over (``overnemen``), which creates or changes the activity and publishes it, or turns it down
(``afwijzen``). Either way the organisation hears the outcome by e-mail, in the language it
used the site in when it sent the proposal, whatever language the redacteur works in.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from activiteiten.herhaling import AMSTERDAM
from activiteiten.models import Activiteit, Activiteitvoorstel
from activiteiten.services import capaciteit_gewijzigd, momenten_bijwerken
from netwerk.email import in_outbox
from netwerk.models import SiteConfiguratie
from organisaties.bijwerken import absolute_url, link_geldig_tot, persoonlijke_link
from organisaties.geschiedenis import met_reden
from organisaties.models import Doelgroep, Locatie, Thema, Wijk

# Open proposals one organisation may have waiting at once: a stolen link cannot flood staff.
MAX_OPEN = 20

HERHALINGEN = {
    "eenmalig": "",
    "wekelijks": "FREQ=WEEKLY",
    "tweewekelijks": "FREQ=WEEKLY;INTERVAL=2",
    "maandelijks": None,  # the same weekday of the month as the first date: see _regel
}
DAGCODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class TeveelVoorstellen(Exception):
    pass


def _regel(herhaling, datum, tot):
    if herhaling == "maandelijks":
        nummer = (datum.day - 1) // 7 + 1
        regel = f"FREQ=MONTHLY;BYDAY={nummer if nummer < 5 else -1}{DAGCODES[datum.weekday()]}"
    else:
        regel = HERHALINGEN.get(herhaling, "")
    if regel and tot:
        regel += f";UNTIL={tot:%Y%m%d}T235959"
    return regel


def herhaling_van(activiteit):
    """The form's choice for an activity's rule ('' when it is none of the simple ones)."""
    regel = activiteit.herhaling.split(";UNTIL=")[0]
    if not regel:
        return "eenmalig"
    for keuze, waarde in HERHALINGEN.items():
        if waarde == regel:
            return keuze
    return "maandelijks" if regel.startswith("FREQ=MONTHLY;BYDAY=") else ""


def als_gegevens(cleaned):
    """The cleaned form as JSON for the proposal."""
    return {
        "titel": cleaned["titel"],
        "omschrijving": cleaned["omschrijving"],
        "locatie": cleaned["locatie"].pk if cleaned.get("locatie") else None,
        "ontmoetplek": cleaned.get("ontmoetplek", ""),
        "wijk": cleaned["wijk"].pk if cleaned.get("wijk") else None,
        "themas": [t.pk for t in cleaned.get("themas") or []],
        "doelgroepen": [d.pk for d in cleaned.get("doelgroepen") or []],
        "is_gratis": bool(cleaned.get("is_gratis")),
        "kosten": cleaned.get("kosten", ""),
        "hoe_meedoen": cleaned.get("hoe_meedoen", ""),
        "toegankelijkheid": cleaned.get("toegankelijkheid", ""),
        "datum": cleaned["datum"].isoformat(),
        "begintijd": cleaned["begintijd"].strftime("%H:%M"),
        "eindtijd": cleaned["eindtijd"].strftime("%H:%M"),
        "herhaling": cleaned["herhaling"],
        "herhalen_tot": cleaned["herhalen_tot"].isoformat() if cleaned.get("herhalen_tot") else "",
        "capaciteit": cleaned.get("capaciteit"),
    }


def dien_in(organisatie, activiteit, gegevens, toelichting=""):
    if (
        Activiteitvoorstel.objects.filter(
            organisatie=organisatie, status=Activiteitvoorstel.Status.OPEN
        ).count()
        >= MAX_OPEN
    ):
        raise TeveelVoorstellen(
            _("U heeft al veel voorstellen gestuurd. Wacht tot wij die hebben bekeken.")
        )
    return Activiteitvoorstel.objects.create(
        organisatie=organisatie,
        activiteit=activiteit,
        gegevens=gegevens,
        toelichting=toelichting,
        taal=translation.get_language() or settings.LANGUAGE_CODE,
    )


def _meld_uitkomst(voorstel):
    """E-mail the organisation whether its proposal went online. Without an address: nothing."""
    organisatie = voorstel.organisatie
    if not organisatie.contact_email:
        return None
    titel = voorstel.gegevens.get("titel") or str(voorstel.activiteit or "")
    with translation.override(voorstel.taal or settings.LANGUAGE_CODE):
        return in_outbox(
            organisatie.contact_email,
            _("Uw voorstel voor een activiteit is bekeken: %(titel)s") % {"titel": titel},
            "activiteiten/email/beoordeling",
            {
                "organisatie": organisatie,
                "voorstel": voorstel,
                "titel": titel,
                "pagina": absolute_url(voorstel.activiteit.get_absolute_url())
                if voorstel.status == Activiteitvoorstel.Status.OVERGENOMEN
                else "",
                "link": persoonlijke_link(organisatie),
                "geldig_tot": link_geldig_tot(),
                "site": SiteConfiguratie.get_solo(),
            },
        )


def _unieke_slug(titel):
    basis = slugify(titel)[:180] or "activiteit"
    slug, n = basis, 1
    while Activiteit.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{basis}-{n}"
    return slug


@transaction.atomic
def overnemen(voorstel):
    """Create or change the activity as proposed, and publish it. Returns the activity."""
    voorstel = Activiteitvoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != Activiteitvoorstel.Status.OPEN:
        return voorstel.activiteit
    g = voorstel.gegevens
    datum = datetime.date.fromisoformat(g["datum"])
    van = datetime.time.fromisoformat(g["begintijd"])
    tot = datetime.time.fromisoformat(g["eindtijd"])
    herhalen_tot = datetime.date.fromisoformat(g["herhalen_tot"]) if g["herhalen_tot"] else None
    velden = {
        "titel": g["titel"],
        "omschrijving": g["omschrijving"],
        "locatie": Locatie.objects.filter(pk=g["locatie"], organisatie=voorstel.organisatie).first()
        if g["locatie"]
        else None,
        "ontmoetplek": g["ontmoetplek"],
        "wijk": Wijk.objects.filter(pk=g["wijk"]).first() if g["wijk"] else None,
        "is_gratis": g["is_gratis"],
        "kosten": g["kosten"],
        "hoe_meedoen": g["hoe_meedoen"],
        "toegankelijkheid": g["toegankelijkheid"],
        "start": datetime.datetime.combine(datum, van, tzinfo=AMSTERDAM),
        "einde": datetime.datetime.combine(datum, tot, tzinfo=AMSTERDAM),
        "herhaling": _regel(g["herhaling"], datum, herhalen_tot),
        "capaciteit": g["capaciteit"],
        "status": Activiteit.Status.GEPUBLICEERD,
    }
    with met_reden(_("Voorstel van de organisatie via de persoonlijke link")):
        activiteit = voorstel.activiteit
        if activiteit is None:
            activiteit = Activiteit(slug=_unieke_slug(g["titel"]), **velden)
        else:
            for naam, waarde in velden.items():
                setattr(activiteit, naam, waarde)
        activiteit.save()
        activiteit.organisaties.add(voorstel.organisatie)
        activiteit.themas.set(Thema.objects.filter(pk__in=g["themas"]))
        activiteit.doelgroepen.set(Doelgroep.objects.filter(pk__in=g["doelgroepen"]))
    voorstel.activiteit = activiteit
    voorstel.status = Activiteitvoorstel.Status.OVERGENOMEN
    voorstel.beoordeeld_op = timezone.now()
    voorstel.save(update_fields=["activiteit", "status", "beoordeeld_op"])
    if activiteit.capaciteit:
        capaciteit_gewijzigd(activiteit)
    # A new time or rule: the sign-ups of the times that moved or are gone go along.
    momenten_bijwerken(activiteit)
    _meld_uitkomst(voorstel)
    return activiteit


@transaction.atomic
def afwijzen(voorstel):
    voorstel = Activiteitvoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != Activiteitvoorstel.Status.OPEN:
        return voorstel
    voorstel.status = Activiteitvoorstel.Status.AFGEWEZEN
    voorstel.beoordeeld_op = timezone.now()
    voorstel.save(update_fields=["status", "beoordeeld_op"])
    _meld_uitkomst(voorstel)
    return voorstel
