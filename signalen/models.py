"""The signaalpunt: worries residents pass on about someone, followed up by the wijkteam.

This is special-category personal data (health, loneliness). Three rules hold it together:
a signal is seen only by the team that has it (``Signaal.objects.zichtbaar_voor``) and by
beheerders; every change and every view leaves a row that is never changed afterwards
(``SignaalGebeurtenis``, ``SignaalInzage``); and the text and the reporter's details are erased
a retention period after the signal was closed (``services.wis_verlopen_signalen``), leaving
only wijk, dates and status for the monthly counts.
"""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerk.rollen import is_beheerder
from netwerk.taal import taalveld
from signalen.rechten import is_wijkteammedewerker

# Without letters and digits that look alike (0/O, 1/I/L), to read out over the phone.
REFERENTIE_TEKENS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def nieuwe_referentie():
    """A reference like SG-7KQ4-M2XP: 31^8 (about 850 billion) possibilities, never counted up."""
    tekens = "".join(secrets.choice(REFERENTIE_TEKENS) for _ in range(8))
    return f"SG-{tekens[:4]}-{tekens[4:]}"


class Wijkroute(models.Model):
    """Which wijkteam receives the signals about a wijk."""

    wijk = models.OneToOneField(
        "organisaties.Wijk",
        on_delete=models.CASCADE,
        related_name="signaalroute",
        verbose_name=_("wijk"),
        help_text=_("De wijk waar de zorg over gaat."),
    )
    team = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"soort__slug": "wijkteam"},
        verbose_name=_("wijkteam"),
        help_text=_("Het wijkteam dat signalen uit deze wijk krijgt."),
    )
    postcodes = ArrayField(
        models.CharField(
            max_length=4,
            validators=[
                RegexValidator(
                    r"^[1-9][0-9]{3}$",
                    _("Een postcode hier is vier cijfers, zoals 3142."),
                )
            ],
        ),
        default=list,
        blank=True,
        verbose_name=_("postcodes"),
        help_text=_(
            "De postcodes van deze wijk: alleen de vier cijfers, met komma's ertussen. "
            "Bijvoorbeeld: 3141, 3142. Een signaal met zo'n postcode gaat naar dit wijkteam. "
            "Kiest de melder zelf een wijk, dan telt die wijk."
        ),
    )

    class Meta:
        verbose_name = _("wijkteam per wijk")
        verbose_name_plural = _("wijkteams per wijk")
        ordering = ["wijk__volgorde", "wijk__naam"]

    def __str__(self):
        return f"{self.wijk} → {self.team}"

    def clean(self):
        super().clean()
        self.postcodes = sorted(set(self.postcodes or []))
        elders = (
            Wijkroute.objects.exclude(pk=self.pk)
            .filter(postcodes__overlap=self.postcodes)
            .select_related("wijk")
        )
        for route in elders:
            dubbel = ", ".join(sorted(set(route.postcodes) & set(self.postcodes)))
            raise ValidationError(
                {
                    "postcodes": _("%(postcodes)s hoort al bij de wijk %(wijk)s.")
                    % {"postcodes": dubbel, "wijk": route.wijk}
                }
            )


class Teamlid(models.Model):
    """A staff account that works in a wijkteam and so sees that team's signals."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="wijkteams",
        verbose_name=_("medewerker"),
        help_text=_(
            "Een account met de rol Wijkteammedewerker. Die ziet alleen de signalen van dit team."
        ),
    )
    team = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"soort__slug": "wijkteam"},
        verbose_name=_("wijkteam"),
        help_text=_("Het wijkteam waar deze medewerker werkt."),
    )

    class Meta:
        verbose_name = _("teamlid")
        verbose_name_plural = _("teamleden")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "team"], name="teamlid_uniek"),
        ]

    def __str__(self):
        return f"{self.gebruiker} ({self.team})"


class SignaalQuerySet(models.QuerySet):
    def zichtbaar_voor(self, gebruiker):
        """What ``gebruiker`` may see: everything for a beheerder, their teams' for a
        wijkteammedewerker, nothing for anyone else."""
        if is_beheerder(gebruiker):
            return self
        if is_wijkteammedewerker(gebruiker):
            return self.filter(team__in=Teamlid.objects.filter(gebruiker=gebruiker).values("team"))
        return self.none()

    def open(self):
        return self.exclude(status=Signaal.Status.AFGESLOTEN)

    def werkvolgorde(self, vandaag=None):
        """Overdue first (no first contact and the deadline passed), then by deadline."""
        vandaag = vandaag or timezone.localdate()
        return self.annotate(
            te_laat_sortering=models.Case(
                models.When(
                    eerste_contact_op__isnull=True,
                    contact_voor__lt=vandaag,
                    status__in=Signaal.OPEN_STATUSSEN,
                    then=0,
                ),
                default=1,
            )
        ).order_by("te_laat_sortering", "contact_voor", "ingediend_op")


class Signaal(models.Model):
    class Status(models.TextChoices):
        NIEUW = "nieuw", _("nieuw")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        OPGEPAKT = "opgepakt", _("opgepakt")
        DOORVERWEZEN = "doorverwezen", _("doorverwezen")
        AFGESLOTEN = "afgesloten", _("afgesloten")

    OPEN_STATUSSEN = [Status.NIEUW, Status.IN_BEHANDELING, Status.OPGEPAKT, Status.DOORVERWEZEN]

    referentie = models.CharField(
        _("referentienummer"),
        max_length=12,
        unique=True,
        default=nieuwe_referentie,
        editable=False,
        help_text=_("Het nummer dat de melder op het scherm kreeg. Niet te raden."),
    )
    zorg = models.TextField(
        _("wat de melder ziet"),
        max_length=5000,
        help_text=_("De zorg zoals de melder die opschreef. Wordt gewist na de bewaartermijn."),
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=6,
        blank=True,
        help_text=_("Postcode waar de zorg over gaat, als de melder die weet. Zonder spatie."),
    )
    wijk = models.ForeignKey(
        "organisaties.Wijk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijk"),
        help_text=_("De wijk van de zorg: gekozen door de melder of gevonden bij de postcode."),
    )
    naam = models.CharField(
        _("naam melder"),
        max_length=200,
        blank=True,
        help_text=_("Niet verplicht. Wordt gewist na de bewaartermijn."),
    )
    email = models.EmailField(
        _("e-mailadres melder"),
        blank=True,
        help_text=_(
            "Niet verplicht. De melder krijgt alleen een e-mail als het signaal is opgepakt."
        ),
    )
    taal = taalveld(_("De taal van de e-mail aan de melder: de taal van de site bij het melden."))
    telefoon = models.CharField(
        _("telefoon melder"),
        max_length=30,
        blank=True,
        help_text=_("Niet verplicht. Wordt gewist na de bewaartermijn."),
    )
    team = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wijkteam"),
        help_text=_("Het team dat dit signaal behandelt."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NIEUW,
        help_text=_("Waar het signaal nu staat."),
    )
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toegewezen aan"),
        help_text=_("De medewerker die het signaal oppakt."),
    )
    ingediend_op = models.DateTimeField(
        _("ingediend op"), default=timezone.now, help_text=_("Wanneer de melder het signaal gaf.")
    )
    contact_voor = models.DateField(
        _("eerste contact voor"),
        help_text=_("Uiterlijk op deze dag hoort het team contact te hebben gezocht."),
    )
    eerste_contact_op = models.DateTimeField(
        _("eerste contact op"),
        null=True,
        blank=True,
        help_text=_("Wanneer het signaal voor het eerst de status opgepakt kreeg."),
    )
    afgesloten_op = models.DateTimeField(
        _("afgesloten op"),
        null=True,
        blank=True,
        help_text=_("Wanneer het signaal (het laatst) werd afgesloten."),
    )
    gewist_op = models.DateTimeField(
        _("gewist op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de tekst en de gegevens van de melder zijn gewist."),
    )
    misbruik_op = models.DateTimeField(
        _("misbruik op"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer een beheerder dit signaal als misbruik of spam wiste. Het telt dan niet "
            "mee in het maandoverzicht."
        ),
    )

    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-ingediend_op"]
        indexes = [models.Index(fields=["team", "status"], name="signaal_team_status")]

    def __str__(self):
        return self.referentie

    def get_absolute_url(self):
        return reverse("signalen:detail", args=[self.referentie])

    def is_te_laat(self, vandaag=None):
        vandaag = vandaag or timezone.localdate()
        return (
            self.eerste_contact_op is None
            and self.status in self.OPEN_STATUSSEN
            and self.contact_voor < vandaag
        )


class AlleenToevoegenQuerySet(models.QuerySet):
    """Rows of a trail: added, never changed or deleted through the ORM."""

    def update(self, **kwargs):
        raise PermissionDenied("Het logboek van een signaal wordt nooit gewijzigd.")

    def delete(self):
        raise PermissionDenied("Het logboek van een signaal wordt nooit verwijderd.")

    def _wis_teksten(self):
        """The one change ever made: erasing note texts after the retention period, or at once
        when a beheerder erases a signal as abuse."""
        return super().update(tekst="")


class AlleenToevoegen(models.Model):
    objects = AlleenToevoegenQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Het logboek van een signaal wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Het logboek van een signaal wordt nooit verwijderd.")


class SignaalGebeurtenis(AlleenToevoegen):
    """One change to a signal: who, when, what. Never changed afterwards."""

    class Soort(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend")
        STATUS = "status", _("status gewijzigd")
        TOEGEWEZEN = "toegewezen", _("toegewezen")
        NOTITIE = "notitie", _("notitie")
        DOORGESTUURD = "doorgestuurd", _("doorgestuurd naar een ander team")
        EMAIL = "email", _("e-mail aan melder")
        GEWIST = "gewist", _("gewist na bewaartermijn")
        MISBRUIK = "misbruik", _("gewist als misbruik")

    signaal = models.ForeignKey(
        Signaal,
        on_delete=models.PROTECT,
        related_name="gebeurtenissen",
        verbose_name=_("signaal"),
        help_text=_("Het signaal waar dit over gaat."),
    )
    wie = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie"),
        help_text=_("De medewerker. Leeg: de melder of het systeem."),
    )
    wanneer = models.DateTimeField(
        _("wanneer"), default=timezone.now, help_text=_("Het moment van de wijziging.")
    )
    soort = models.CharField(
        _("soort"),
        max_length=20,
        choices=Soort.choices,
        help_text=_("Wat er gebeurde."),
    )
    omschrijving = models.CharField(
        _("omschrijving"),
        max_length=300,
        blank=True,
        help_text=_(
            "Wat er veranderde, zonder inhoud van de zorg, bijvoorbeeld 'nieuw → opgepakt'."
        ),
    )
    tekst = models.TextField(
        _("notitie"),
        blank=True,
        max_length=5000,
        help_text=_("De interne notitie. Wordt gewist na de bewaartermijn."),
    )

    class Meta:
        verbose_name = _("gebeurtenis bij een signaal")
        verbose_name_plural = _("logboek van signalen")
        ordering = ["wanneer", "pk"]

    def __str__(self):
        return f"{self.signaal} {self.get_soort_display()}"


class SignaalInzage(AlleenToevoegen):
    """Someone opened a signal: who and when. Never changed afterwards."""

    signaal = models.ForeignKey(
        Signaal,
        on_delete=models.PROTECT,
        related_name="inzages",
        verbose_name=_("signaal"),
        help_text=_("Het signaal dat werd bekeken."),
    )
    wie = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wie"),
        help_text=_("De medewerker die het signaal bekeek."),
    )
    wanneer = models.DateTimeField(
        _("wanneer"), default=timezone.now, help_text=_("Het moment van bekijken.")
    )

    class Meta:
        verbose_name = _("inzage van een signaal")
        verbose_name_plural = _("inzages van signalen")
        ordering = ["-wanneer", "-pk"]

    def __str__(self):
        return f"{self.signaal} {self.wie} {self.wanneer:%Y-%m-%d %H:%M}"
