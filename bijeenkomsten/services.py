"""Every change to registrations, under one rule: never more confirmed than capacity.

Views, admin, management commands and tests all call these functions, so the rule exists
once. Functions that change the number of confirmed places first lock the meeting's row
(``_vergrendel``): one transaction at a time counts and changes a meeting's registrations,
however many requests arrive at once. The lock is taken once per transaction, waits at most
AANMELDEN_LOCK_TIMEOUT_MS, and a timeout becomes a friendly "probeer het opnieuw".

A freed place is not handed on silently: the first on the waiting list gets it offered for a
while (``bedenktijd``), and that held place counts as taken (``_aantal_bezet``) until the
offer is accepted, declined or lapses (``verlopen_aanbiedingen``, a periodic task). Close to
the start there is no time to wait, and the place goes to them at once.
"""

import datetime
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bijeenkomsten import berichten, ontmoeten
from bijeenkomsten.models import (
    Aanmelding,
    Bijeenkomst,
    Plakopdracht,
    Statuswijziging,
    nieuw_token,
)
from netwerk.models import SiteConfiguratie, UitgaandeEmail
from netwerk.validators import een_regel_zonder_webadres
from organisaties.models import Organisatie


class AanmeldenFout(Exception):
    """A rule refused the action; ``str(fout)`` is a Dutch message for the user."""


class AanmeldenGesloten(AanmeldenFout):
    pass


class AlAangemeld(AanmeldenFout):
    pass


class ProbeerOpnieuw(AanmeldenFout):
    pass


class GeenPlaats(AanmeldenFout):
    pass


class GeenAanbod(AanmeldenFout):
    """No open offer to accept: none was made, or it lapsed."""


# However near the meeting, an offer gives at least this long to answer (unless the meeting's
# own bedenktijd is shorter, or the meeting starts sooner).
MINIMALE_BEDENKTIJD = datetime.timedelta(hours=2)


def _vergrendel(bijeenkomst_id):
    """Lock the meeting's row for the rest of the transaction and return it fresh."""
    # Only the concurrency control test turns locking off; production settings have no switch.
    if not getattr(settings, "AANMELDEN_VERGRENDELEN", True):
        return Bijeenkomst.objects.get(pk=bijeenkomst_id)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('lock_timeout', %s, true)",
            [f"{settings.AANMELDEN_LOCK_TIMEOUT_MS}ms"],
        )
    try:
        return Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst_id)
    except OperationalError as fout:
        if getattr(getattr(fout, "__cause__", None), "sqlstate", None) == "55P03":
            raise ProbeerOpnieuw(
                _("Het is nu erg druk. Probeer het over een paar seconden opnieuw.")
            ) from fout
        raise


def _race_venster():
    """Test-only: widen the gap between counting places and taking one."""
    venster = getattr(settings, "AANMELDEN_RACE_VENSTER", 0)
    if venster:
        time.sleep(venster)


def _aantal_bezet(bijeenkomst):
    """Confirmed places plus places held for someone by an open offer."""
    return bijeenkomst.aanmeldingen.filter(
        Q(status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
        | Q(status=Aanmelding.Status.WACHTLIJST, aanbod_tot__isnull=False)
    ).count()


def reden_gesloten(bijeenkomst, moment=None):
    """Why the public cannot register now, or None when they can."""
    moment = moment or timezone.now()
    if bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD:
        return _("Deze bijeenkomst gaat niet door. U kunt zich niet meer aanmelden.")
    if bijeenkomst.status != Bijeenkomst.Status.GEPUBLICEERD:
        return _("Aanmelden voor deze bijeenkomst is nog niet mogelijk.")
    if bijeenkomst.einde <= moment:
        return _("Deze bijeenkomst is al geweest.")
    if bijeenkomst.aanmelden_vanaf and moment < bijeenkomst.aanmelden_vanaf:
        return _("Aanmelden kan vanaf %(datum)s.") % {
            "datum": timezone.localtime(bijeenkomst.aanmelden_vanaf).strftime("%d-%m-%Y %H:%M")
        }
    sluit = bijeenkomst.aanmelden_tot or bijeenkomst.start
    if moment >= sluit:
        return _("Aanmelden is gesloten.")
    return None


def plaatsen_over(bijeenkomst):
    return max(bijeenkomst.capaciteit - _aantal_bezet(bijeenkomst), 0)


def wachtlijstpositie(aanmelding):
    """Place in the line of people still waiting; None for anyone not waiting (or offered)."""
    if aanmelding.status != Aanmelding.Status.WACHTLIJST or aanmelding.aanbod_tot:
        return None
    return (
        Aanmelding.objects.filter(
            bijeenkomst_id=aanmelding.bijeenkomst_id,
            status=Aanmelding.Status.WACHTLIJST,
            aanbod_tot__isnull=True,
        )
        .filter(
            Q(wachtlijst_sinds__lt=aanmelding.wachtlijst_sinds)
            | Q(wachtlijst_sinds=aanmelding.wachtlijst_sinds, pk__lt=aanmelding.pk)
        )
        .count()
        + 1
    )


def aanmelden(
    bijeenkomst,
    *,
    naam,
    email,
    organisatie=None,
    organisatie_naam="",
    functie="",
    dieetwensen="",
    toegankelijkheidsbehoeften="",
    privacy_akkoord=True,
    door=None,
    wil_ontmoeten=False,
):
    """Register someone: a confirmed place while there is one, else the waiting list.

    ``door`` is the coordinator registering on someone's behalf; they may do so outside the
    registration window, but not for a cancelled meeting.
    """
    email = email.strip()
    with transaction.atomic():
        bijeenkomst = _vergrendel(bijeenkomst.pk)
        if door is None:
            reden = reden_gesloten(bijeenkomst)
            if reden:
                raise AanmeldenGesloten(reden)
        elif bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD:
            raise AanmeldenGesloten(_("Deze bijeenkomst is geannuleerd."))
        al_aangemeld = _("Dit e-mailadres is al aangemeld voor deze bijeenkomst.")
        if (
            bijeenkomst.aanmeldingen.filter(email__iexact=email)
            .exclude(status=Aanmelding.Status.GEANNULEERD)
            .exists()
        ):
            raise AlAangemeld(al_aangemeld)
        vol = _aantal_bezet(bijeenkomst) >= bijeenkomst.capaciteit
        _race_venster()
        nu = timezone.now()
        try:
            with transaction.atomic():
                aanmelding = Aanmelding.objects.create(
                    bijeenkomst=bijeenkomst,
                    naam=naam.strip(),
                    email=email,
                    organisatie=organisatie,
                    organisatie_naam="" if organisatie else organisatie_naam.strip(),
                    functie=functie,
                    dieetwensen=dieetwensen,
                    toegankelijkheidsbehoeften=toegankelijkheidsbehoeften,
                    privacy_akkoord_op=nu if privacy_akkoord else None,
                    status=Aanmelding.Status.WACHTLIJST if vol else Aanmelding.Status.BEVESTIGD,
                    wachtlijst_sinds=nu if vol else None,
                    aangemeld_door=door,
                    wil_ontmoeten=wil_ontmoeten,
                    # Later e-mails (reminders from the worker) in the language of the site.
                    taal=translation.get_language() or settings.LANGUAGE_CODE,
                )
        except IntegrityError as fout:  # the unique constraint, when two arrive at once
            raise AlAangemeld(al_aangemeld) from fout
        if vol:
            berichten.wachtlijst(aanmelding, wachtlijstpositie(aanmelding))
        else:
            berichten.bevestiging(aanmelding)
    return aanmelding


def bedenktijd(bijeenkomst, nu=None):
    """How long a freed place is held for the first on the waiting list.

    None means no offer: within ``direct_doorschuiven_uren`` of the start the place goes to
    them at once, as there is no time left to wait for an answer. Before that the meeting's
    ``aanbod_uren``, but never more than half the time left (so that a lapsed offer still
    leaves time for the next), never less than MINIMALE_BEDENKTIJD, and never past the start.
    """
    nu = nu or timezone.now()
    over = bijeenkomst.start - nu
    if over <= max(
        datetime.timedelta(hours=bijeenkomst.direct_doorschuiven_uren), datetime.timedelta(0)
    ):
        return None
    return min(
        datetime.timedelta(hours=bijeenkomst.aanbod_uren),
        max(over / 2, MINIMALE_BEDENKTIJD),
        over,
    )


def promoveren(bijeenkomst, nu=None):
    """Give free places to the first on the waiting list: as an offer, or close to the start
    at once (see ``bedenktijd``).

    Call with the meeting locked (inside a service that called _vergrendel). Returns the
    registrations that got an offer or a place; each gets an e-mail after commit.
    """
    nu = nu or timezone.now()
    if bijeenkomst.status != Bijeenkomst.Status.GEPUBLICEERD or bijeenkomst.einde <= nu:
        return []
    vrij = bijeenkomst.capaciteit - _aantal_bezet(bijeenkomst)
    if vrij <= 0:
        return []
    volgenden = list(
        bijeenkomst.aanmeldingen.filter(
            status=Aanmelding.Status.WACHTLIJST, aanbod_tot__isnull=True
        ).order_by("wachtlijst_sinds", "pk")[:vrij]
    )
    tijd = bedenktijd(bijeenkomst, nu)
    for aanmelding in volgenden:
        if tijd is None:
            aanmelding.status = Aanmelding.Status.BEVESTIGD
            aanmelding.save(update_fields=["status"])
            berichten.promotie(aanmelding)
        else:
            aanmelding.aanbod_tot = nu + tijd
            aanmelding.save(update_fields=["aanbod_tot"])
            berichten.aanbod(aanmelding)
    return volgenden


def capaciteit_gewijzigd(bijeenkomst):
    """After capacity was raised (admin), offer the new places to the waiting list."""
    with transaction.atomic():
        return promoveren(_vergrendel(bijeenkomst.pk))


def annuleren(aanmelding, nu=None):
    """Cancel a registration, or leave the waiting list, or decline an offer.

    A freed place (a confirmed one, or one held by an offer) goes to the first on the waiting
    list. Safe to call twice: a cancelled registration stays cancelled and nobody is promoted
    twice.
    """
    nu = nu or timezone.now()
    with transaction.atomic():
        bijeenkomst = _vergrendel(aanmelding.bijeenkomst_id)
        aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
        if aanmelding.status == Aanmelding.Status.GEANNULEERD:
            return aanmelding
        had_plaats = aanmelding.is_bevestigd or aanmelding.heeft_aanbod
        aanmelding.status = Aanmelding.Status.GEANNULEERD
        aanmelding.geannuleerd_op = nu
        aanmelding.save(update_fields=["status", "geannuleerd_op"])
        berichten.annulering(aanmelding)
        if had_plaats:
            promoveren(bijeenkomst, nu=nu)
    return aanmelding


def aanbod_aannemen(aanmelding, nu=None):
    """Someone on the waiting list takes the place held for them: they are confirmed.

    Only the registration itself is touched, so only its own personal link can accept it.
    Pressing twice is harmless. An offer past its deadline is handed on here and then
    refused, so the person sees the outcome at once rather than after the periodic task.
    """
    nu = nu or timezone.now()
    with transaction.atomic():
        bijeenkomst = _vergrendel(aanmelding.bijeenkomst_id)
        aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
        if aanmelding.is_bevestigd:
            return aanmelding
        if bijeenkomst.status != Bijeenkomst.Status.GEPUBLICEERD or bijeenkomst.einde <= nu:
            raise AanmeldenGesloten(_("Aanmelden voor deze bijeenkomst kan niet meer."))
        if not aanmelding.heeft_aanbod:
            raise GeenAanbod(_("Er staat op dit moment geen plaats voor u klaar."))
        verlopen = aanmelding.aanbod_tot <= nu
        if not verlopen:
            aanmelding.status = Aanmelding.Status.BEVESTIGD
            aanmelding.aanbod_tot = None
            aanmelding.save(update_fields=["status", "aanbod_tot"])
            berichten.bevestiging(aanmelding)
            return aanmelding
    verlopen_aanbiedingen(nu=nu, bijeenkomst_id=aanmelding.bijeenkomst_id)
    raise GeenAanbod(
        _(
            "De tijd om deze plaats aan te nemen is voorbij. De plaats is naar de volgende "
            "op de wachtlijst gegaan."
        )
    )


def verlopen_aanbiedingen(nu=None, bijeenkomst_id=None):
    """Offers not accepted in time lapse: that registration is cancelled (and told so) and
    the place is offered to the next on the waiting list. Returns how many lapsed.

    One transaction per meeting, with the meeting locked, so a parallel run or an accept at
    the same moment waits and then finds the offer already handled.
    """
    nu = nu or timezone.now()
    verlopen = Aanmelding.objects.filter(
        status=Aanmelding.Status.WACHTLIJST,
        aanbod_tot__lte=nu,
        bijeenkomst__status=Bijeenkomst.Status.GEPUBLICEERD,
        bijeenkomst__einde__gt=nu,
    )
    if bijeenkomst_id is not None:
        verlopen = verlopen.filter(bijeenkomst_id=bijeenkomst_id)
    aantal = 0
    for pk in sorted(set(verlopen.values_list("bijeenkomst_id", flat=True))):
        try:
            with transaction.atomic():
                bijeenkomst = _vergrendel(pk)
                rijen = list(verlopen.filter(bijeenkomst_id=pk).select_for_update(of=("self",)))
                for aanmelding in rijen:
                    aanmelding.status = Aanmelding.Status.GEANNULEERD
                    aanmelding.aanbod_verlopen_op = nu
                    aanmelding.geannuleerd_op = nu
                    aanmelding.save(
                        update_fields=["status", "aanbod_verlopen_op", "geannuleerd_op"]
                    )
                    berichten.aanbod_verlopen(aanmelding)
                promoveren(bijeenkomst, nu=nu)
                aantal += len(rijen)
        except ProbeerOpnieuw:
            continue  # this meeting is busy; the next run handles it
    return aantal


def verplaatsen(aanmelding, naar, reden, door):
    """A coordinator moves someone between waiting list and confirmed, with a reason.

    Moving onto the confirmed list needs a free place: raise the capacity first otherwise.
    Moving to the waiting list puts the person at its end; the freed place is not filled
    automatically, so the coordinator stays in control of who gets it.
    """
    if not reden.strip():
        raise AanmeldenFout(_("Geef een reden op."))
    if naar not in (Aanmelding.Status.BEVESTIGD, Aanmelding.Status.WACHTLIJST):
        raise AanmeldenFout(_("Kies bevestigd of wachtlijst."))
    with transaction.atomic():
        bijeenkomst = _vergrendel(aanmelding.bijeenkomst_id)
        aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
        van = aanmelding.status
        if (van == naar and not aanmelding.heeft_aanbod) or (
            naar == Aanmelding.Status.BEVESTIGD and aanmelding.is_bevestigd
        ):
            return aanmelding
        if van == Aanmelding.Status.GEANNULEERD:
            raise AanmeldenFout(_("Deze aanmelding is geannuleerd."))
        if naar == Aanmelding.Status.BEVESTIGD:
            # Someone with an open offer holds a place already.
            if not aanmelding.heeft_aanbod and _aantal_bezet(bijeenkomst) >= bijeenkomst.capaciteit:
                raise GeenPlaats(
                    _(
                        "De bijeenkomst is vol. Verhoog eerst de capaciteit of verplaats "
                        "iemand naar de wachtlijst."
                    )
                )
            aanmelding.status = Aanmelding.Status.BEVESTIGD
            berichten.promotie(aanmelding)
        else:
            aanmelding.status = Aanmelding.Status.WACHTLIJST
            aanmelding.aanwezig_op = None
            aanmelding.wachtlijst_sinds = timezone.now()
        aanmelding.aanbod_tot = None
        aanmelding.save(update_fields=["status", "aanwezig_op", "wachtlijst_sinds", "aanbod_tot"])
        if naar == Aanmelding.Status.WACHTLIJST:
            berichten.wachtlijst(aanmelding, wachtlijstpositie(aanmelding))
        Statuswijziging.objects.create(
            aanmelding=aanmelding, van=van, naar=naar, reden=reden.strip(), door=door
        )
    return aanmelding


class IncheckenGesloten(AanmeldenFout):
    pass


def inchecken_vanaf(bijeenkomst):
    """The moment check-in at the door opens: INCHECKEN_MINUTEN_VOOR_START before the start."""
    return bijeenkomst.start - datetime.timedelta(minutes=settings.INCHECKEN_MINUTEN_VOOR_START)


def reden_inchecken_gesloten(bijeenkomst, moment=None):
    """Why nobody can be checked in now, or None from shortly before the start to the end."""
    moment = moment or timezone.now()
    if bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD:
        return _("Deze bijeenkomst gaat niet door. Inchecken kan niet.")
    vanaf = inchecken_vanaf(bijeenkomst)
    if moment < vanaf:
        return _("Inchecken kan pas vanaf %(datum)s om %(tijd)s.") % {
            "datum": timezone.localtime(vanaf).strftime("%d-%m-%Y"),
            "tijd": timezone.localtime(vanaf).strftime("%H:%M"),
        }
    if moment > bijeenkomst.einde:
        return _("De bijeenkomst is afgelopen. Inchecken kan niet meer.")
    return None


def inchecken(aanmelding):
    """Mark a confirmed attendee present. Tapping twice, or on two phones, changes nothing.

    Only while the door is open (reden_inchecken_gesloten). Safe to repeat, which the door's
    offline queue relies on: a check-in sent again later, after someone undid it on another
    phone, makes the person present again: at the door, present wins.
    Returns the registration as stored now; raises AanmeldenFout for anyone without a place.
    """
    reden = reden_inchecken_gesloten(aanmelding.bijeenkomst)
    if reden:
        raise IncheckenGesloten(reden)
    Aanmelding.objects.filter(pk=aanmelding.pk, status=Aanmelding.Status.BEVESTIGD).update(
        status=Aanmelding.Status.AANWEZIG, aanwezig_op=timezone.now()
    )
    aanmelding.refresh_from_db()
    if aanmelding.status != Aanmelding.Status.AANWEZIG:
        raise AanmeldenFout(
            _("%(naam)s heeft geen bevestigde plaats (%(status)s).")
            % {"naam": aanmelding.naam, "status": aanmelding.get_status_display().lower()}
        )
    return aanmelding


def aan_de_deur_aanmelden(
    bijeenkomst, *, naam, organisatie_naam="", email="", door=None, sleutel=""
):
    """Let in someone who did not register: registered and present at once, as a walk-in.

    Even when the meeting is full: how many fit in the room is the coordinator's call at the
    door. The waiting list is left alone: nobody on it is passed over or promoted, and the
    walk-in sends no e-mail. Locks the meeting like every service that counts places, so a
    walk-in and an online registration never interleave.

    ``sleutel`` is the door phone's own mark for this walk-in. A phone that registered the
    walk-in without a connection sends it again when the connection returns, perhaps more
    than once: with the same ``sleutel`` the first registration is returned, not a second.
    Such a walk-in may turn out to have registered after all (the same e-mail address): then
    that registration is checked in, as the person is inside.
    """
    naam = naam.strip()
    organisatie_naam = organisatie_naam.strip()
    email = email.strip()
    sleutel = sleutel.strip()[:64]
    if not naam:
        raise AanmeldenFout(_("Vul een naam in."))
    with transaction.atomic():
        bijeenkomst = _vergrendel(bijeenkomst.pk)
        if sleutel:
            eerder = bijeenkomst.aanmeldingen.filter(deur_sleutel=sleutel).first()
            if eerder is not None:
                return eerder
        reden = reden_inchecken_gesloten(bijeenkomst)
        if reden:
            raise IncheckenGesloten(reden)
        al_op_de_lijst = (
            bijeenkomst.aanmeldingen.filter(email__iexact=email)
            .exclude(status=Aanmelding.Status.GEANNULEERD)
            .first()
            if email
            else None
        )
        if al_op_de_lijst is not None:
            if sleutel and al_op_de_lijst.status in Aanmelding.BEVESTIGDE_STATUSSEN:
                return inchecken(al_op_de_lijst)
            raise AlAangemeld(_("Dit e-mailadres staat al op de lijst. Zoek de persoon op naam."))
        organisatie = (
            Organisatie.objects.gepubliceerd().filter(naam__iexact=organisatie_naam).first()
            if organisatie_naam
            else None
        )
        try:
            with transaction.atomic():
                return Aanmelding.objects.create(
                    bijeenkomst=bijeenkomst,
                    naam=naam,
                    email=email,
                    organisatie=organisatie,
                    organisatie_naam="" if organisatie else organisatie_naam,
                    status=Aanmelding.Status.AANWEZIG,
                    aanwezig_op=timezone.now(),
                    aan_de_deur=True,
                    deur_sleutel=sleutel,
                    aangemeld_door=door,
                )
        except IntegrityError as fout:
            raise AlAangemeld(_("Dit e-mailadres staat al op de lijst.")) from fout


def inchecken_ongedaan(aanmelding):
    Aanmelding.objects.filter(pk=aanmelding.pk, status=Aanmelding.Status.AANWEZIG).update(
        status=Aanmelding.Status.BEVESTIGD, aanwezig_op=None
    )
    aanmelding.refresh_from_db()
    return aanmelding


def bijeenkomst_annuleren(bijeenkomst):
    """Cancel the meeting and tell everyone with a place or on the waiting list."""
    with transaction.atomic():
        bijeenkomst = _vergrendel(bijeenkomst.pk)
        if bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD:
            return bijeenkomst
        bijeenkomst.status = Bijeenkomst.Status.GEANNULEERD
        bijeenkomst.save(update_fields=["status", "gewijzigd"])
        for aanmelding in bijeenkomst.aanmeldingen.exclude(status=Aanmelding.Status.GEANNULEERD):
            berichten.bijeenkomst_geannuleerd(aanmelding)
    return bijeenkomst


def plakken(bijeenkomst, regels, door):
    """Store a pasted list of attendees and queue its processing; returns the Plakopdracht.

    The lines are registered by a background task (``verwerk_plakopdracht``), however many
    there are, so no request waits for thousands of registrations.
    """
    from bijeenkomsten.tasks import verwerk_plakopdracht_taak

    with transaction.atomic():
        opdracht = Plakopdracht.objects.create(bijeenkomst=bijeenkomst, regels=regels, door=door)
        verwerk_plakopdracht_taak.defer(opdracht_id=opdracht.pk)
    return opdracht


def lees_regel(regel):
    """'naam, e-mail, organisatie' (also with ; or tab) -> (naam, email, organisatie)."""
    for scheiding in (";", "\t", ","):
        if scheiding in regel:
            delen = [d.strip() for d in regel.split(scheiding)]
            break
    else:
        delen = [regel.strip()]
    delen += [""] * (3 - len(delen))
    return delen[0], delen[1], ", ".join(d for d in delen[2:] if d)


# Lines handled between two saves of the report: a stopped task loses at most these.
PLAK_PORTIE = 50


def verwerk_plakopdracht(opdracht_id):
    """Register every line of a pasted list, each on its own, and report each line.

    Resumes after the last line in the report, so a task that was stopped (a worker that
    restarted) neither skips nor repeats lines. A line registered just before such a stop
    is reported the second time as "al aangemeld": nothing is lost without a report.
    """
    with transaction.atomic():
        opdracht = (
            Plakopdracht.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("bijeenkomst", "door")
            .filter(pk=opdracht_id)
            .exclude(status=Plakopdracht.Status.KLAAR)
            .first()
        )
        if opdracht is None:  # done already, or another worker has it
            return None
        opdracht.status = Plakopdracht.Status.BEZIG
        opdracht.save(update_fields=["status"])
    organisaties = {
        o.naam.lower(): o for o in Organisatie.objects.gepubliceerd().only("pk", "naam")
    }
    regels = [
        (nummer, regel.strip())
        for nummer, regel in enumerate(opdracht.regels.splitlines(), start=1)
        if regel.strip()
    ]
    gedaan = {r["regel"] for r in opdracht.verslag}
    nieuw = []
    for nummer, regel in regels:
        if nummer in gedaan:
            continue
        nieuw.append(_plak_regel(opdracht, nummer, regel, organisaties))
        if len(nieuw) >= PLAK_PORTIE:
            opdracht.verslag += nieuw
            opdracht.save(update_fields=["verslag"])
            nieuw = []
    opdracht.verslag += nieuw
    opdracht.status = Plakopdracht.Status.KLAAR
    opdracht.klaar_op = timezone.now()
    opdracht.save(update_fields=["verslag", "status", "klaar_op"])
    return opdracht


def _plak_regel(opdracht, nummer, regel, organisaties):
    verslag = {"regel": nummer, "tekst": regel[:200], "reden": ""}
    naam, email, organisatie = lees_regel(regel)
    try:
        if not naam:
            raise ValidationError(_("geen naam"))
        # The same rules as the registration form: these people are e-mailed by name.
        een_regel_zonder_webadres(naam)
        if organisatie:
            een_regel_zonder_webadres(organisatie)
        validate_email(email)
    except ValidationError as fout:
        verslag.update(uitkomst=Plakopdracht.Uitkomst.GEWEIGERD, reden=fout.messages[0])
        return verslag
    gevonden = organisaties.get(organisatie.lower())
    try:
        aanmelding = aanmelden(
            opdracht.bijeenkomst,
            naam=naam[:200],
            email=email,
            organisatie=gevonden,
            organisatie_naam="" if gevonden else organisatie[:200],
            door=opdracht.door,
        )
    except AanmeldenFout as fout:
        verslag.update(uitkomst=Plakopdracht.Uitkomst.GEWEIGERD, reden=str(fout))
    else:
        verslag["uitkomst"] = (
            Plakopdracht.Uitkomst.WACHTLIJST
            if aanmelding.status == Aanmelding.Status.WACHTLIJST
            else Plakopdracht.Uitkomst.AANGEMELD
        )
    return verslag


def zet_wil_ontmoeten(aanmelding, waarde):
    """The attendee's own choice, from their personal link: on or off the meeting lists."""
    aanmelding.wil_ontmoeten = bool(waarde)
    aanmelding.save(update_fields=["wil_ontmoeten"])
    return aanmelding


def verstuur_herinneringen(dagen, nu=None):
    """One reminder per confirmed attendee of meetings starting within ``dagen`` days.

    Marks each registration in the same transaction as the e-mail is queued, with rows
    locked and skipped by a parallel run, so nobody is reminded twice.
    """
    nu = nu or timezone.now()
    with transaction.atomic():
        aanmeldingen = list(
            Aanmelding.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("bijeenkomst")
            .filter(
                status=Aanmelding.Status.BEVESTIGD,
                herinnering_verstuurd_op__isnull=True,
                bijeenkomst__status=Bijeenkomst.Status.GEPUBLICEERD,
                bijeenkomst__start__gt=nu,
                bijeenkomst__start__lte=nu + datetime.timedelta(days=dagen),
            )
        )
        # Who to meet: computed once per meeting, not once per attendee.
        lijsten = {}
        for aanmelding in aanmeldingen:
            if aanmelding.bijeenkomst_id not in lijsten:
                lijsten[aanmelding.bijeenkomst_id] = ontmoeten.ontmoetlijsten(
                    aanmelding.bijeenkomst
                )
        for aanmelding in aanmeldingen:
            aanmelding.herinnering_verstuurd_op = nu
            aanmelding.save(update_fields=["herinnering_verstuurd_op"])
            berichten.herinnering(
                aanmelding, ontmoeten=lijsten[aanmelding.bijeenkomst_id].get(aanmelding.pk, [])
            )
    return len(aanmeldingen)


def _maanden_eerder(moment, maanden):
    jaar, maand = divmod(moment.year * 12 + moment.month - 1 - maanden, 12)
    dag = min(moment.day, 28)  # every month has a 28th; a few days early is on the safe side
    return moment.replace(year=jaar, month=maand + 1, day=dag)


def anonimiseer_aanmeldingen(nu=None):
    """Remove attendees' personal data once the retention period after the meeting has passed.

    Keeps status (and so the counts and attendance) and the organisation, which the network
    insight needs. Safe to run again: anonymised rows are skipped. Returns how many were done.
    """
    nu = nu or timezone.now()
    grens = _maanden_eerder(nu, SiteConfiguratie.get_solo().bewaartermijn_maanden)
    with transaction.atomic():
        aanmeldingen = list(
            Aanmelding.objects.select_for_update()
            .filter(bijeenkomst__einde__lt=grens, geanonimiseerd_op__isnull=True)
            .only("pk")
        )
        for aanmelding in aanmeldingen:
            Aanmelding.objects.filter(pk=aanmelding.pk).update(
                naam=_("Geanonimiseerd"),
                email=f"geanonimiseerd-{aanmelding.pk}@anoniem.invalid",
                organisatie_naam="",
                functie="",
                dieetwensen="",
                toegankelijkheidsbehoeften="",
                token=f"geanonimiseerd-{aanmelding.pk}-{nieuw_token()}",
                geanonimiseerd_op=nu,
            )
        Statuswijziging.objects.filter(aanmelding__in=aanmeldingen).update(reden="")
        # Pasted lists and their reports name attendees too.
        Plakopdracht.objects.filter(bijeenkomst__einde__lt=grens).delete()
        # Sent e-mails hold names and addresses too: none is kept past the same period.
        UitgaandeEmail.objects.filter(aangemaakt__lt=grens).exclude(
            status=UitgaandeEmail.Status.WACHTEND
        ).delete()
    return len(aanmeldingen)
