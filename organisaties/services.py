"""The redactie's workflow: every change of an organisation's state under a rule, in one place.

Concept -> gepubliceerd -> gearchiveerd, "gecontroleerd", assigning a redacteur, and the review
of a resident's report. The admin's actions and forms, the organisation's own link, imports and
background tasks all call these functions, so publishing always records when and by whom, and a
report is never handled twice.

Bulk changes write with one UPDATE per batch and one history row per organisation
(django-simple-history's bulk_update_with_history), so an action over 500 organisations stays
a handful of statements. QuerySet.update bypasses the model signals: the functions refresh the
search index and the content version themselves (see organisaties/signals.py).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from netwerk.email import in_outbox
from netwerk.inhoudsversie import inhoud_gewijzigd
from netwerk.models import SiteConfiguratie
from netwerk.rollen import BEHEERDERS, REDACTEUREN
from organisaties.models import Controlebron, Organisatie, Wijzigingsvoorstel
from organisaties.zoekindex import werk_zoekindex_bij


class Geweigerd(Exception):
    """A workflow step that is not allowed now; the message is Dutch, for the user."""


def _vergrendeld(organisaties):
    """The organisations, locked for this transaction, in a fixed order (no deadlocks)."""
    ids = (
        organisaties.values("pk")
        if hasattr(organisaties, "values")
        else [organisatie.pk for organisatie in organisaties]
    )
    return list(Organisatie.objects.filter(pk__in=ids).select_for_update().order_by("pk"))


def _opslaan(organisaties, velden, door, reden, publiek=True):
    """Write ``velden`` of the changed organisations with their history; returns how many."""
    if not organisaties:
        return 0
    nu = timezone.now()
    for organisatie in organisaties:
        organisatie.gewijzigd = nu
    bulk_update_with_history(
        organisaties,
        Organisatie,
        [*velden, "gewijzigd"],
        default_user=door,
        default_change_reason=reden,
        default_date=nu,
    )
    if publiek:
        werk_zoekindex_bij([organisatie.pk for organisatie in organisaties])
        inhoud_gewijzigd()
    return len(organisaties)


def markeer_gepubliceerd(organisatie, door, nu=None):
    """Set the publication fields on an organisation that is about to be saved as published.

    For the admin's change form, which saves the organisation itself.
    """
    organisatie.status = Organisatie.Status.GEPUBLICEERD
    organisatie.gepubliceerd_op = nu or timezone.now()
    organisatie.gepubliceerd_door = door if door and door.is_authenticated else None


@transaction.atomic
def publiceren(organisaties, door):
    """Publish: residents see them from now on. Records when and by whom; returns how many.

    Organisations that are published already keep their publication date.
    """
    nu = timezone.now()
    te_publiceren = [
        organisatie
        for organisatie in _vergrendeld(organisaties)
        if organisatie.status != Organisatie.Status.GEPUBLICEERD
    ]
    for organisatie in te_publiceren:
        markeer_gepubliceerd(organisatie, door, nu)
    return _opslaan(
        te_publiceren,
        ["status", "gepubliceerd_op", "gepubliceerd_door"],
        door,
        _("Gepubliceerd"),
    )


@transaction.atomic
def archiveren(organisaties, door):
    """Take off the kaart, keeping everything for later; returns how many."""
    te_archiveren = [
        organisatie
        for organisatie in _vergrendeld(organisaties)
        if organisatie.status != Organisatie.Status.GEARCHIVEERD
    ]
    for organisatie in te_archiveren:
        organisatie.status = Organisatie.Status.GEARCHIVEERD
    return _opslaan(te_archiveren, ["status"], door, _("Gearchiveerd"))


@transaction.atomic
def markeer_gecontroleerd(organisaties, door, bron=Controlebron.REDACTIE, reden=None):
    """The listing was checked today (by the redactie, or the organisation itself).

    ``reden`` goes into the history; by default "Gecontroleerd".
    """
    vandaag = timezone.localdate()
    gecontroleerd = _vergrendeld(organisaties)
    for organisatie in gecontroleerd:
        organisatie.laatst_geverifieerd = vandaag
        organisatie.gecontroleerd_door = bron
    return _opslaan(
        gecontroleerd,
        ["laatst_geverifieerd", "gecontroleerd_door"],
        door,
        reden or _("Gecontroleerd"),
    )


def toewijsbare_redacteuren():
    """Active staff who keep the kaart: redacteuren, beheerders and superusers."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__name__in=[REDACTEUREN, BEHEERDERS]) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@transaction.atomic
def toewijzen(organisaties, redacteur, door=None):
    """Give the organisations to one redacteur to keep up, or to nobody (None)."""
    if redacteur is not None and not toewijsbare_redacteuren().filter(pk=redacteur.pk).exists():
        raise Geweigerd(_("Alleen een actieve redacteur of beheerder kan organisaties bijhouden."))
    gewijzigd = [
        organisatie
        for organisatie in _vergrendeld(organisaties)
        if organisatie.toegewezen_aan_id != (redacteur.pk if redacteur else None)
    ]
    for organisatie in gewijzigd:
        organisatie.toegewezen_aan = redacteur
    return _opslaan(gewijzigd, ["toegewezen_aan"], door, _("Toegewezen"), publiek=False)


# --- A resident's report (Wijzigingsvoorstel) ---------------------------------------------


def _nieuwe_melding(melding):
    """The report, locked; refused when someone else handled it in the meantime."""
    melding = Wijzigingsvoorstel.objects.select_for_update().get(pk=melding.pk)
    if melding.status != Wijzigingsvoorstel.Status.NIEUW:
        raise Geweigerd(_("Deze melding is al beoordeeld door iemand anders."))
    return melding


def _mail_melder(melding, template, onderwerp):
    """Tell the resident the outcome, if they left an address.

    The e-mail repeats nothing the resident typed and no note of the redactie: only which
    organisation it was about, so it cannot carry someone else's text under the site's name.
    """
    if not melding.email:
        return None
    # In the language the resident reported in; ``onderwerp`` is made in that language too.
    with translation.override(melding.taal or settings.LANGUAGE_CODE):
        return in_outbox(
            melding.email,
            onderwerp(),
            f"organisaties/email/{template}",
            {"organisatie": melding.organisatie, "site": SiteConfiguratie.get_solo()},
        )


@transaction.atomic
def melding_verwerken(melding, door, gecontroleerd=True):
    """The report was right and the listing is corrected: verwerkt, and (usually) checked."""
    melding = _nieuwe_melding(melding)
    melding.status = Wijzigingsvoorstel.Status.VERWERKT
    melding.beoordeeld_door = door
    melding.beoordeeld_op = timezone.now()
    melding.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])
    if gecontroleerd:
        markeer_gecontroleerd([melding.organisatie], door)
    _mail_melder(
        melding,
        "melding_verwerkt",
        lambda: (
            _("Uw melding over %(organisatie)s is verwerkt") % {"organisatie": melding.organisatie}
        ),
    )
    return melding


@transaction.atomic
def melding_afwijzen(melding, door, notitie):
    """Nothing to change. The note is for the redactie; the resident gets a standard e-mail."""
    notitie = (notitie or "").strip()
    if not notitie:
        raise Geweigerd(_("Schrijf op waarom u de melding afwijst."))
    melding = _nieuwe_melding(melding)
    melding.status = Wijzigingsvoorstel.Status.AFGEWEZEN
    melding.notitie = notitie
    melding.beoordeeld_door = door
    melding.beoordeeld_op = timezone.now()
    melding.save(update_fields=["status", "notitie", "beoordeeld_door", "beoordeeld_op"])
    _mail_melder(
        melding,
        "melding_afgewezen",
        lambda: (
            _("Uw melding over %(organisatie)s is bekeken") % {"organisatie": melding.organisatie}
        ),
    )
    return melding
