"""The e-mails to attendees. Each goes through the outbox (netwerk.email) after commit.

Each is written in the attendee's language (Aanmelding.taal), also when the worker sends it.
The same templates serve the sign-ups for one time of an activity (Bijeenkomst.activiteit):
they then speak of the activity, its place and how to join, and link to its page.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.ics import absolute_url, agenda
from netwerk.email import in_outbox
from netwerk.models import SiteConfiguratie


def _stuur(aanmelding, onderwerp, template, **extra):
    if not aanmelding.email:  # a walk-in registered at the door without an address
        return None
    bijeenkomst = aanmelding.bijeenkomst
    activiteit = bijeenkomst.activiteit
    bijlagen = extra.pop("bijlagen", ())
    context = {
        "aanmelding": aanmelding,
        "bijeenkomst": bijeenkomst,
        "activiteit": activiteit,
        "plaats": activiteit.plaats_tekst if activiteit else bijeenkomst.plaats_tekst,
        "link": absolute_url(aanmelding.get_absolute_url()),
        "bijeenkomst_link": absolute_url(bijeenkomst.get_absolute_url()),
        "site": SiteConfiguratie.get_solo(),
        **extra,
    }
    with translation.override(aanmelding.taal or settings.LANGUAGE_CODE):
        return in_outbox(
            aanmelding.email,
            f"{onderwerp}: {activiteit.titel if activiteit else bijeenkomst.titel}",
            f"bijeenkomsten/email/{template}",
            context,
            bijlagen=bijlagen,
        )


def _ics(aanmelding):
    bijeenkomst = aanmelding.bijeenkomst
    return [("bijeenkomst.ics", "text/calendar", agenda([bijeenkomst], bijeenkomst.titel))]


def bevestiging(aanmelding):
    return _stuur(aanmelding, _("Aanmelding bevestigd"), "bevestiging", bijlagen=_ics(aanmelding))


def wachtlijst(aanmelding, positie):
    return _stuur(aanmelding, _("U staat op de wachtlijst"), "wachtlijst", positie=positie)


def promotie(aanmelding):
    return _stuur(aanmelding, _("Er is een plaats voor u"), "promotie", bijlagen=_ics(aanmelding))


def aanbod(aanmelding):
    return _stuur(aanmelding, _("Er is een plaats voor u vrij"), "aanbod")


def aanbod_verlopen(aanmelding):
    return _stuur(aanmelding, _("De plaats is doorgegeven"), "aanbod_verlopen")


def annulering(aanmelding):
    return _stuur(aanmelding, _("Aanmelding geannuleerd"), "annulering")


def bijeenkomst_geannuleerd(aanmelding):
    if aanmelding.bijeenkomst.activiteit:
        onderwerp = _("Activiteit gaat deze keer niet door")
    else:
        onderwerp = _("Bijeenkomst gaat niet door")
    return _stuur(aanmelding, onderwerp, "bijeenkomst_geannuleerd")


def tijd_gewijzigd(aanmelding, oude_start):
    """The time moved; the registration stays. The .ics has the same UID, so it updates."""
    return _stuur(
        aanmelding,
        _("Nieuwe tijd"),
        "tijd_gewijzigd",
        bijlagen=_ics(aanmelding),
        oude_start=oude_start,
    )


def herinnering(aanmelding, ontmoeten=()):
    """``ontmoeten``: the attendee's "wie kunt u ontmoeten" list (bijeenkomsten.ontmoeten)."""
    return _stuur(
        aanmelding,
        _("Herinnering"),
        "herinnering",
        bijlagen=_ics(aanmelding),
        ontmoeten=ontmoeten,
    )
