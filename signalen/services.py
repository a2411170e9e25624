"""Everything that changes a signal: submitting, routing, status, assignment, notes,
forwarding, the views that are logged, and erasure after the retention period.

Views, the demo data, the periodic task and the tests all call these, so that every change
leaves its row in the trail (SignaalGebeurtenis) exactly once. A change locks the signal's row
first: two workers who pick up the same signal at once send the reporter one e-mail, not two.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netwerk.email import in_outbox
from netwerk.models import SiteConfiguratie
from netwerk.rollen import is_beheerder
from organisaties.models import Locatie, Organisatie, Wijk
from organisaties.wijkteam import WIJKTEAM_SOORT, hulp_organisatie
from signalen.models import Signaal, SignaalGebeurtenis, SignaalInzage, Wijkroute

Soort = SignaalGebeurtenis.Soort
Status = Signaal.Status


class GeenTeam(Exception):
    """No wijkteam for the wijk and no default team: the signal cannot be placed."""


def werkdagen_na(datum: datetime.date, aantal: int) -> datetime.date:
    """The date ``aantal`` working days (Monday to Friday) after ``datum``."""
    while aantal > 0:
        datum += datetime.timedelta(days=1)
        if datum.weekday() < 5:
            aantal -= 1
    return datum


def wijk_bij_postcode(postcode: str):
    """The wijk whose route lists this postcode's four digits (set by staff per wijk), else the
    wijk where the directory's locations in that PC4 area lie most often, else None."""
    if not postcode:
        return None
    route = (
        Wijkroute.objects.filter(postcodes__contains=[postcode[:4]]).select_related("wijk").first()
    )
    if route is not None:
        return route.wijk
    return _wijk_van_locaties(postcode)


def _wijk_van_locaties(postcode: str):
    """Fallback for a postcode no route lists: the wijk of most locations on the kaart there."""
    telling = Counter(
        Locatie.objects.filter(postcode__startswith=postcode[:4], wijk__isnull=False).values_list(
            "wijk_id", flat=True
        )
    )
    if not telling:
        return None
    wijk_id = max(telling.items(), key=lambda paar: (paar[1], -paar[0]))[0]
    return Wijk.objects.get(pk=wijk_id)


def standaardteam():
    """The team for signals from an unknown wijk: the 'hulp bij vragen' of the site settings,
    else the first published wijkteam."""
    return hulp_organisatie()


def routeer(wijk=None, postcode=""):
    """(wijk, team) for a signal: the chosen wijk, else the postcode's, else the default team."""
    wijk = wijk or wijk_bij_postcode(postcode)
    team = None
    if wijk is not None:
        route = Wijkroute.objects.select_related("team").filter(wijk=wijk).first()
        team = route.team if route else None
    team = team or standaardteam()
    if team is None:
        raise GeenTeam
    return wijk, team


def dien_in(*, zorg, wijk=None, postcode="", naam="", email="", telefoon="", nu=None):
    """Store a resident's signal, routed to its wijkteam, with its first-contact deadline."""
    nu = nu or timezone.now()
    wijk, team = routeer(wijk, postcode)
    termijn = SiteConfiguratie.get_solo().signaal_contacttermijn_werkdagen
    with transaction.atomic():
        signaal = Signaal.objects.create(
            zorg=zorg,
            postcode=postcode,
            wijk=wijk,
            naam=naam,
            email=email,
            telefoon=telefoon,
            # The language the resident used the site in: the e-mail later is in it too.
            taal=translation.get_language() or settings.LANGUAGE_CODE,
            team=team,
            ingediend_op=nu,
            contact_voor=werkdagen_na(timezone.localdate(nu), termijn),
        )
        _log(signaal, None, Soort.INGEDIEND, team.naam, nu=nu)
    return signaal


def _log(signaal, wie, soort, omschrijving="", tekst="", nu=None):
    return SignaalGebeurtenis.objects.create(
        signaal=signaal,
        wie=wie,
        soort=soort,
        omschrijving=str(omschrijving)[:300],
        tekst=tekst,
        wanneer=nu or timezone.now(),
    )


def _vergrendeld(signaal):
    return Signaal.objects.select_for_update().get(pk=signaal.pk)


def wijzig_status(signaal, status, door, nu=None):
    """Set the status. The first 'opgepakt' counts as first contact and, when the reporter left
    an e-mail address, tells them so: only that it was picked up, nothing more."""
    nu = nu or timezone.now()
    if status not in Status.values:
        raise ValidationError(_("Kies een status uit de lijst."))
    with transaction.atomic():
        signaal = _vergrendeld(signaal)
        oud = signaal.status
        if oud == status:
            return signaal
        signaal.status = status
        eerste_keer_opgepakt = status == Status.OPGEPAKT and signaal.eerste_contact_op is None
        if eerste_keer_opgepakt:
            signaal.eerste_contact_op = nu
        signaal.afgesloten_op = nu if status == Status.AFGESLOTEN else None
        signaal.save(update_fields=["status", "eerste_contact_op", "afgesloten_op"])
        _log(
            signaal,
            door,
            Soort.STATUS,
            f"{Status(oud).label} → {Status(status).label}",
            nu=nu,
        )
        if eerste_keer_opgepakt and signaal.email:
            site = SiteConfiguratie.get_solo()
            # In the reporter's language, whichever language the team member works in.
            with translation.override(signaal.taal or settings.LANGUAGE_CODE):
                in_outbox(
                    signaal.email,
                    _("Uw signaal is opgepakt"),
                    "signalen/email/opgepakt",
                    {"site": site, "referentie": signaal.referentie},
                )
            _log(signaal, None, Soort.EMAIL, _("De melder kreeg bericht: opgepakt."), nu=nu)
    return signaal


def teamleden(team):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, wijkteams__team=team)
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


def wijs_toe(signaal, medewerker, door, nu=None):
    """Assign to a member of the signal's team (or to nobody, with ``None``)."""
    with transaction.atomic():
        signaal = _vergrendeld(signaal)
        if medewerker is not None and not teamleden(signaal.team).filter(pk=medewerker.pk):
            raise ValidationError(_("Deze medewerker werkt niet in het team van dit signaal."))
        if signaal.toegewezen_aan_id == (medewerker.pk if medewerker else None):
            return signaal
        signaal.toegewezen_aan = medewerker
        signaal.save(update_fields=["toegewezen_aan"])
        _log(
            signaal,
            door,
            Soort.TOEGEWEZEN,
            _naam(medewerker) if medewerker else _("niemand"),
            nu=nu,
        )
    return signaal


def voeg_notitie_toe(signaal, tekst, door, nu=None):
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError(_("Schrijf een notitie."))
    with transaction.atomic():
        signaal = _vergrendeld(signaal)
        return _log(signaal, door, Soort.NOTITIE, tekst=tekst, nu=nu)


def stuur_door(signaal, team, door, nu=None):
    """Hand the signal to another wijkteam: it is theirs now (status doorverwezen, unassigned),
    and the old team no longer sees it."""
    if team.soort is None or team.soort.slug != WIJKTEAM_SOORT:
        raise ValidationError(_("Kies een wijkteam."))
    with transaction.atomic():
        signaal = _vergrendeld(signaal)
        if team.pk == signaal.team_id:
            raise ValidationError(_("Het signaal ligt al bij dit team."))
        oud = signaal.team
        signaal.team = team
        signaal.toegewezen_aan = None
        signaal.status = Status.DOORVERWEZEN
        signaal.afgesloten_op = None
        signaal.save(update_fields=["team", "toegewezen_aan", "status", "afgesloten_op"])
        _log(signaal, door, Soort.DOORGESTUURD, f"{oud.naam} → {team.naam}", nu=nu)
    return signaal


def wijkteams():
    return Organisatie.objects.filter(soort__slug=WIJKTEAM_SOORT).exclude(
        status=Organisatie.Status.GEARCHIVEERD
    )


def registreer_inzage(signaal, door):
    return SignaalInzage.objects.create(signaal=signaal, wie=door)


def _naam(gebruiker):
    return gebruiker.get_full_name() or gebruiker.get_username()


def _maanden_eerder(moment, maanden):
    jaar, maand = divmod(moment.year * 12 + moment.month - 1 - maanden, 12)
    dag = min(moment.day, 28)  # every month has a 28th; a few days early is on the safe side
    return moment.replace(year=jaar, month=maand + 1, day=dag)


def wis_verlopen_signalen(nu=None):
    """Erase the text, notes and reporter of signals closed longer than the retention period.

    What stays: reference, wijk, team, status and dates, so the monthly counts for the gemeente
    still add up. Returns the number of signals erased.
    """
    nu = nu or timezone.now()
    grens = _maanden_eerder(nu, SiteConfiguratie.get_solo().signaal_bewaartermijn_maanden)
    aantal = 0
    for pk in Signaal.objects.filter(
        status=Status.AFGESLOTEN, afgesloten_op__lt=grens, gewist_op__isnull=True
    ).values_list("pk", flat=True):
        with transaction.atomic():
            signaal = (
                Signaal.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Status.AFGESLOTEN, gewist_op__isnull=True)
                .first()
            )
            if signaal is None:
                continue
            signaal.zorg = ""
            signaal.naam = signaal.email = signaal.telefoon = signaal.postcode = ""
            signaal.gewist_op = nu
            signaal.save()
            signaal.gebeurtenissen.all()._wis_teksten()
            _log(signaal, None, Soort.GEWIST, nu=nu)
            aantal += 1
    return aantal


def wis_als_misbruik(signaal, door, nu=None):
    """A beheerder erases a signal that is spam or abuse: its text, notes and reporter go at
    once, it is closed and leaves the queues, and the monthly counts leave it out. The trail
    keeps who did it and when."""
    if not is_beheerder(door):
        raise PermissionDenied
    nu = nu or timezone.now()
    with transaction.atomic():
        signaal = _vergrendeld(signaal)
        if signaal.misbruik_op is not None:
            raise ValidationError(_("Dit signaal is al gewist als misbruik."))
        signaal.zorg = ""
        signaal.naam = signaal.email = signaal.telefoon = signaal.postcode = ""
        signaal.status = Status.AFGESLOTEN
        signaal.afgesloten_op = signaal.afgesloten_op or nu
        signaal.gewist_op = signaal.misbruik_op = nu
        signaal.toegewezen_aan = None
        signaal.save()
        signaal.gebeurtenissen.all()._wis_teksten()
        _log(signaal, door, Soort.MISBRUIK, nu=nu)
    return signaal


def maandoverzicht(jaar: int, maand: int):
    """Counts of the signals submitted in one month, for the gemeente: per wijk, per status,
    and the time to first contact. No text, no names, no references."""
    begin = timezone.make_aware(datetime.datetime(jaar, maand, 1))
    einde = timezone.make_aware(datetime.datetime(jaar + maand // 12, maand % 12 + 1, 1))
    in_maand = Signaal.objects.filter(ingediend_op__gte=begin, ingediend_op__lt=einde)
    signalen = in_maand.filter(misbruik_op__isnull=True)
    per_wijk = [
        (rij["wijk__naam"] or _("Wijk onbekend"), rij["aantal"])
        for rij in signalen.values("wijk__naam").annotate(aantal=Count("pk")).order_by("wijk__naam")
    ]
    statussen = dict(signalen.values_list("status").annotate(aantal=Count("pk")))
    per_status = [(label, statussen.get(waarde, 0)) for waarde, label in Status.choices]
    contact = list(
        signalen.filter(eerste_contact_op__isnull=False).values_list(
            "ingediend_op", "eerste_contact_op", "contact_voor"
        )
    )
    dagen = sorted(
        (eerste - ingediend).total_seconds() / 86400 for ingediend, eerste, _v in contact
    )
    op_tijd = sum(1 for _i, eerste, voor in contact if timezone.localdate(eerste) <= voor)
    return {
        "begin": begin,
        "totaal": signalen.count(),
        "misbruik": in_maand.filter(misbruik_op__isnull=False).count(),
        "per_wijk": per_wijk,
        "per_status": per_status,
        "met_contact": len(dagen),
        "zonder_contact": signalen.filter(eerste_contact_op__isnull=True).count(),
        "op_tijd": op_tijd,
        "gemiddeld_dagen": round(sum(dagen) / len(dagen), 1) if dagen else None,
        "mediaan_dagen": round(dagen[len(dagen) // 2], 1) if dagen else None,
    }
