"""Netwerkbijeenkomsten and who registered for them.

State changes of an Aanmelding go through bijeenkomsten.services (aanmelden, annuleren,
promoveren, inchecken, ...), never through a plain save: those functions hold the lock that
keeps the number of confirmed places within capacity.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerk.rollen import is_beheerder
from netwerk.taal import taalveld
from organisaties.geschiedenis import Geschiedenis
from organisaties.models import Locatie, Organisatie, Thema

# Words the public meeting URLs use beside /bijeenkomsten/<slug>/.
GERESERVEERDE_SLUGS = {"archief"}


def slug_niet_gereserveerd(waarde):
    if waarde in GERESERVEERDE_SLUGS:
        raise ValidationError(
            _("Het webadres '%(slug)s' is al in gebruik door de site. Kies een ander."),
            params={"slug": waarde},
        )


def nieuw_token():
    return secrets.token_urlsafe(32)


class BijeenkomstQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(
            status__in=[Bijeenkomst.Status.GEPUBLICEERD, Bijeenkomst.Status.GEANNULEERD]
        )

    def in_agenda(self):
        """Without the hidden meetings that hold the sign-ups of an activity (activiteiten)."""
        return self.filter(in_agenda=True)

    def komend(self):
        return self.filter(einde__gte=timezone.now()).order_by("start")

    def afgelopen(self):
        return self.filter(einde__lt=timezone.now()).order_by("-start")

    def beheerbaar_door(self, gebruiker):
        """The meetings whose attendees this user may see: own meetings, or all for beheerders."""
        if is_beheerder(gebruiker):
            return self
        if not gebruiker.is_authenticated or not gebruiker.is_staff:
            return self.none()
        return self.filter(coordinatoren=gebruiker)

    def met_aantallen(self):
        bevestigd = models.Q(aanmeldingen__status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
        aangeboden = models.Q(
            aanmeldingen__status=Aanmelding.Status.WACHTLIJST,
            aanmeldingen__aanbod_tot__isnull=False,
        )
        return self.annotate(
            aantal_bevestigd=models.Count("aanmeldingen", filter=bevestigd),
            # Places held for someone on the waiting list: taken, until the offer is answered.
            aantal_aangeboden=models.Count("aanmeldingen", filter=aangeboden),
            aantal_wachtlijst=models.Count(
                "aanmeldingen", filter=models.Q(aanmeldingen__status=Aanmelding.Status.WACHTLIJST)
            ),
            aantal_aanwezig=models.Count(
                "aanmeldingen", filter=models.Q(aanmeldingen__status=Aanmelding.Status.AANWEZIG)
            ),
        )


class Bijeenkomst(models.Model):
    """A network meeting of professionals and volunteers of the social domain."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    titel = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("Een korte titel, bijvoorbeeld 'Netwerkontbijt Zorg en Welzijn'."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        validators=[slug_niet_gereserveerd],
        help_text=_("Het deel van het webadres."),
    )
    omschrijving = models.TextField(
        _("omschrijving"), help_text=_("Waarover de bijeenkomst gaat en voor wie zij is.")
    )
    start = models.DateTimeField(
        _("begint op"), help_text=_("Datum en tijd waarop de bijeenkomst begint.")
    )
    einde = models.DateTimeField(
        _("eindigt op"),
        help_text=_("Datum en tijd waarop de bijeenkomst eindigt. Moet na het begin liggen."),
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        verbose_name=_("locatie uit de sociale kaart"),
        help_text=_("Kies een locatie uit de sociale kaart, of vul hieronder een adres in."),
    )
    locatie_naam = models.CharField(
        _("naam locatie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld 'Stadskantoor'.")
    )
    adres = models.CharField(
        _("adres"),
        max_length=300,
        blank=True,
        help_text=_(
            "Straat, huisnummer, postcode en plaats, als de locatie niet in de kaart staat."
        ),
    )
    themas = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="bijeenkomsten",
        verbose_name=_("thema's"),
        help_text=_("Onderwerpen van de bijeenkomst."),
    )
    capaciteit = models.PositiveIntegerField(
        _("capaciteit"),
        help_text=_("Het aantal plaatsen. Wie zich daarna aanmeldt, komt op de wachtlijst."),
    )
    aanmelden_vanaf = models.DateTimeField(
        _("aanmelden mogelijk vanaf"), null=True, blank=True, help_text=_("Leeg: meteen.")
    )
    aanmelden_tot = models.DateTimeField(
        _("aanmelden mogelijk tot"),
        null=True,
        blank=True,
        help_text=_("Leeg: tot de bijeenkomst begint."),
    )
    aanbod_uren = models.PositiveSmallIntegerField(
        _("bedenktijd wachtlijst (uren)"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text=_(
            "Komt er een plaats vrij, dan krijgt de eerste op de wachtlijst die plaats "
            "aangeboden. Zo lang houden we de plaats voor die persoon vast. Vlak voor de "
            "bijeenkomst wordt de bedenktijd vanzelf korter."
        ),
    )
    direct_doorschuiven_uren = models.PositiveSmallIntegerField(
        _("direct doorschuiven (uren voor het begin)"),
        default=24,
        validators=[MaxValueValidator(336)],
        help_text=_(
            "Komt er zo kort voor het begin een plaats vrij, dan krijgt de eerste op de "
            "wachtlijst die plaats meteen, zonder bedenktijd. 0: altijd eerst aanbieden."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.CONCEPT,
        help_text=_("Een concept staat niet op de site. Gepubliceerd en geannuleerd wel."),
    )
    vervolg_op = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vervolgen",
        verbose_name=_("vervolg op"),
        help_text=_("Een eerdere bijeenkomst waarop deze voortbouwt."),
    )
    verslag = models.TextField(
        _("verslag"), blank=True, help_text=_("Wat er besproken is; zichtbaar in het archief.")
    )
    in_agenda = models.BooleanField(
        _("in de agenda"),
        default=True,
        help_text=_(
            "Uit: een keer van een activiteit voor inwoners, met aanmelden. Die staat niet in "
            "de agenda, het archief en het netwerkinzicht van de bijeenkomsten."
        ),
    )
    coordinatoren = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="gecoordineerde_bijeenkomsten",
        verbose_name=_("coördinatoren"),
        help_text=_("Alleen zij (en beheerders) zien de aanmeldingen."),
    )
    aangemaakt = models.DateTimeField(
        _("aangemaakt"),
        default=timezone.now,
        editable=False,
        help_text=_("Wordt automatisch ingevuld."),
    )
    gewijzigd = models.DateTimeField(
        _("gewijzigd"), auto_now=True, help_text=_("Wordt automatisch bijgehouden.")
    )

    objects = BijeenkomstQuerySet.as_manager()

    history = Geschiedenis(excluded_fields=["gewijzigd"], m2m_fields=["themas", "coordinatoren"])

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("start")),
                name="bijeenkomst_einde_na_start",
                violation_error_message=_("De bijeenkomst moet eindigen na het begin."),
            )
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        activiteit = self.activiteit
        if activiteit is not None:
            return activiteit.get_absolute_url()
        return reverse("bijeenkomsten:detail", args=[self.slug])

    @property
    def activiteit(self):
        """The activity whose one time this hidden meeting holds the sign-ups of, or None.

        A hidden meeting (activiteiten.Aanmeldmoment) is, to the residents who signed up, that
        activity: the e-mails, the personal page and the .ics speak of it and link there.
        """
        if self.in_agenda:
            return None
        moment = getattr(self, "aanmeldmoment", None)
        return moment.activiteit if moment is not None else None

    @property
    def is_afgelopen(self):
        return self.einde < timezone.now()

    @property
    def plaats_tekst(self):
        if self.locatie_id:
            return f"{self.locatie}, {self.locatie.volledig_adres}"
        return ", ".join(deel for deel in (self.locatie_naam, self.adres) if deel)

    def aanmelden_open(self, moment=None):
        """Whether the public may register now (the reason is in services.reden_gesloten)."""
        from bijeenkomsten.services import reden_gesloten

        return reden_gesloten(self, moment) is None


class Programmaonderdeel(models.Model):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="programma",
        verbose_name=_("bijeenkomst"),
        help_text=_("De bijeenkomst waar dit onderdeel bij hoort."),
    )
    tijd = models.TimeField(
        _("tijd"), help_text=_("Hoe laat dit onderdeel begint, bijvoorbeeld 09:30.")
    )
    titel = models.CharField(
        _("onderdeel"), max_length=200, help_text=_("Bijvoorbeeld 'Welkom en koffie'.")
    )
    omschrijving = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Meer uitleg over dit onderdeel. Mag leeg blijven."),
    )

    class Meta:
        verbose_name = _("programmaonderdeel")
        verbose_name_plural = _("programma")
        ordering = ["tijd", "pk"]

    def __str__(self):
        return f"{self.tijd:%H:%M} {self.titel}"


class Aanmelding(models.Model):
    """One person's registration for a meeting. Personal data: see privacy in DESIGN.md."""

    class Status(models.TextChoices):
        BEVESTIGD = "bevestigd", _("Bevestigd")
        WACHTLIJST = "wachtlijst", _("Wachtlijst")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")
        AANWEZIG = "aanwezig", _("Aanwezig")

    BEVESTIGDE_STATUSSEN = (Status.BEVESTIGD, Status.AANWEZIG)

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
        verbose_name=_("bijeenkomst"),
        help_text=_("De bijeenkomst waarvoor deze persoon zich heeft aangemeld."),
    )
    naam = models.CharField(_("naam"), max_length=200, help_text=_("Voornaam en achternaam."))
    email = models.EmailField(
        _("e-mailadres"),
        max_length=254,
        help_text=_("Hierheen gaan de bevestiging en andere berichten over de bijeenkomst."),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aanmeldingen",
        verbose_name=_("organisatie uit de sociale kaart"),
        help_text=_("Als de organisatie in de sociale kaart staat."),
    )
    organisatie_naam = models.CharField(
        _("organisatie (getypt)"),
        max_length=200,
        blank=True,
        help_text=_("Als de organisatie niet in de sociale kaart staat."),
    )
    functie = models.CharField(
        _("functie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld 'wijkverpleegkundige'. Mag leeg blijven."),
    )
    dieetwensen = models.CharField(
        _("dieetwensen"),
        max_length=500,
        blank=True,
        help_text=_("Bijvoorbeeld vegetarisch of glutenvrij. Mag leeg blijven."),
    )
    toegankelijkheidsbehoeften = models.CharField(
        _("toegankelijkheidsbehoeften"),
        max_length=500,
        blank=True,
        help_text=_("Bijvoorbeeld een rolstoelplek of een ringleiding. Mag leeg blijven."),
    )
    privacy_akkoord_op = models.DateTimeField(
        _("privacyverklaring geaccepteerd op"),
        null=True,
        help_text=_("Wanneer de deelnemer akkoord ging. Wordt automatisch ingevuld."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        help_text=_("Wordt bijgehouden bij aanmelden, annuleren en inchecken."),
    )
    token = models.CharField(
        _("persoonlijke code"),
        max_length=64,
        unique=True,
        default=nieuw_token,
        editable=False,
        help_text=_(
            "Geheime code in de persoonlijke link van de deelnemer. Wordt automatisch gemaakt."
        ),
    )
    aangemaakt = models.DateTimeField(
        _("aangemeld op"),
        default=timezone.now,
        editable=False,
        help_text=_("Wordt automatisch ingevuld."),
    )
    wachtlijst_sinds = models.DateTimeField(
        _("op de wachtlijst sinds"),
        null=True,
        blank=True,
        help_text=_("Bepaalt de volgorde op de wachtlijst. Wordt automatisch ingevuld."),
    )
    aanbod_tot = models.DateTimeField(
        _("plaats aangeboden tot"),
        null=True,
        blank=True,
        help_text=_(
            "Iemand op de wachtlijst die een vrijgekomen plaats aangeboden kreeg, kan die tot "
            "dit moment aannemen. Zo lang is de plaats bezet. Wordt automatisch ingevuld."
        ),
    )
    aanbod_verlopen_op = models.DateTimeField(
        _("aanbod verlopen op"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer een aangeboden plaats niet op tijd werd aangenomen en naar de volgende "
            "ging. Wordt automatisch ingevuld."
        ),
    )
    geannuleerd_op = models.DateTimeField(
        _("geannuleerd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de aanmelding werd geannuleerd. Wordt automatisch ingevuld."),
    )
    aanwezig_op = models.DateTimeField(
        _("aanwezig gemeld op"),
        null=True,
        blank=True,
        help_text=_("Tijdstip van inchecken. Wordt automatisch ingevuld."),
    )
    aan_de_deur = models.BooleanField(
        _("aangemeld aan de deur"),
        default=False,
        help_text=_(
            "Kwam zonder aanmelding en is bij de deur ingeschreven en meteen binnengelaten, "
            "ook als de bijeenkomst vol was."
        ),
    )
    deur_sleutel = models.CharField(
        _("sleutel van de deur"),
        max_length=64,
        blank=True,
        default="",
        editable=False,
        help_text=_(
            "Kenmerk dat de telefoon aan de deur meegaf bij het inschrijven van een inloper, "
            "zodat een herhaald verzoek (na een weggevallen verbinding) niemand dubbel inschrijft."
        ),
    )
    aangemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemeld door"),
        help_text=_("De coördinator die deze persoon heeft aangemeld."),
    )
    herinnering_verstuurd_op = models.DateTimeField(
        _("herinnering verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Wordt automatisch ingevuld als de herinnering is verstuurd."),
    )
    taal = taalveld(
        _("De taal van de e-mails aan deze persoon: de taal van de site bij aanmelden.")
    )
    wil_ontmoeten = models.BooleanField(
        _("wil weten wie te ontmoeten"),
        default=False,
        help_text=_(
            "De deelnemer krijgt een lijst van organisaties om te ontmoeten en staat zelf "
            "(naam en organisatie) op de lijst van anderen die dat ook willen."
        ),
    )
    geanonimiseerd_op = models.DateTimeField(
        _("geanonimiseerd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de persoonsgegevens zijn verwijderd. Wordt automatisch ingevuld."),
    )

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["bijeenkomst", "aangemaakt", "pk"]
        constraints = [
            # One active registration per e-mail address per meeting, whatever the case.
            # Walk-ins registered at the door may have no address at all.
            models.UniqueConstraint(
                "bijeenkomst",
                Lower("email"),
                condition=~models.Q(status="geannuleerd") & ~models.Q(email=""),
                name="aanmelding_uniek_email_per_bijeenkomst",
                violation_error_message=_("Dit e-mailadres is al aangemeld voor deze bijeenkomst."),
            ),
            # A walk-in sent twice by a door phone's offline queue is one registration.
            models.UniqueConstraint(
                "bijeenkomst",
                "deur_sleutel",
                condition=~models.Q(deur_sleutel=""),
                name="aanmelding_uniek_deursleutel",
            ),
        ]
        indexes = [
            models.Index(
                fields=["bijeenkomst", "status", "wachtlijst_sinds"], name="aanmelding_status"
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("bijeenkomsten:aanmelding", args=[self.token])

    @property
    def organisatie_tekst(self):
        return self.organisatie.naam if self.organisatie_id else self.organisatie_naam

    @property
    def is_bevestigd(self):
        return self.status in self.BEVESTIGDE_STATUSSEN

    @property
    def heeft_aanbod(self):
        """Holds an offered place (maybe past its deadline until the periodic task ran)."""
        return self.status == self.Status.WACHTLIJST and self.aanbod_tot is not None


class Statuswijziging(models.Model):
    """Why a coordinator moved a registration: kept for accountability."""

    aanmelding = models.ForeignKey(
        Aanmelding,
        on_delete=models.CASCADE,
        related_name="wijzigingen",
        verbose_name=_("aanmelding"),
        help_text=_("De aanmelding die is gewijzigd."),
    )
    van = models.CharField(
        _("van"),
        max_length=20,
        choices=Aanmelding.Status.choices,
        help_text=_("De status vóór de wijziging."),
    )
    naar = models.CharField(
        _("naar"),
        max_length=20,
        choices=Aanmelding.Status.choices,
        help_text=_("De status na de wijziging."),
    )
    reden = models.CharField(
        _("reden"), max_length=500, help_text=_("Waarom de coördinator de status heeft veranderd.")
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Wie de wijziging deed. Leeg als dat account is verwijderd."),
    )
    op = models.DateTimeField(
        _("op"), default=timezone.now, help_text=_("Wordt automatisch ingevuld.")
    )

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["-op"]

    def __str__(self):
        return f"{self.get_van_display()} → {self.get_naar_display()}"


class Plakopdracht(models.Model):
    """A pasted list of attendees, registered line by line by a background task.

    ``verslag`` holds one entry per line handled so far (``{"regel", "tekst", "uitkomst",
    "reden"}``), written as the task goes, so that a task that stopped halfway is resumed
    where it was and every line that was handled is reported.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wacht op verwerking")
        BEZIG = "bezig", _("Wordt verwerkt")
        KLAAR = "klaar", _("Klaar")

    class Uitkomst(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        WACHTLIJST = "wachtlijst", _("Op de wachtlijst")
        GEWEIGERD = "geweigerd", _("Niet aangemeld")

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="plakopdrachten",
        verbose_name=_("bijeenkomst"),
        help_text=_("De bijeenkomst waarvoor de lijst is geplakt."),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("De coördinator die de lijst plakte."),
    )
    regels = models.TextField(
        _("regels"), help_text=_("De geplakte tekst: één deelnemer per regel.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.WACHTEND,
        help_text=_("Wordt automatisch bijgehouden."),
    )
    verslag = models.JSONField(
        _("verslag"),
        default=list,
        blank=True,
        help_text=_("Per verwerkte regel: wat ermee gebeurde en waarom."),
    )
    aangemaakt = models.DateTimeField(
        _("aangemaakt"), default=timezone.now, help_text=_("Wordt automatisch ingevuld.")
    )
    klaar_op = models.DateTimeField(
        _("klaar op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de laatste regel verwerkt was."),
    )

    class Meta:
        verbose_name = _("geplakte lijst")
        verbose_name_plural = _("geplakte lijsten")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return _("Lijst voor %(bijeenkomst)s") % {"bijeenkomst": self.bijeenkomst}

    def get_absolute_url(self):
        return reverse("bijeenkomsten:plakopdracht", args=[self.bijeenkomst.slug, self.pk])

    def per_uitkomst(self):
        """(outcome, label, lines) with lines, refused first: what the coordinator must act on."""
        volgorde = [self.Uitkomst.GEWEIGERD, self.Uitkomst.WACHTLIJST, self.Uitkomst.AANGEMELD]
        return [
            (uitkomst.value, uitkomst.label, regels)
            for uitkomst in volgorde
            if (regels := [r for r in self.verslag if r["uitkomst"] == uitkomst])
        ]

    def aantallen(self):
        """How many lines ended in each outcome, for the summary above the report."""
        tellen = {uitkomst: 0 for uitkomst in self.Uitkomst.values}
        for regel in self.verslag:
            tellen[regel["uitkomst"]] += 1
        return tellen


class Inzage(models.Model):
    """One look at, or export of, a meeting's attendees: who, when, which meeting, what.

    The AVG asks the gemeente to be able to show who saw whose personal data
    (accountability). Entries are written by bijeenkomsten.inzage.vastleggen and are never
    changed: the admin shows them to beheerders read-only. Who and which meeting are also
    kept as text, so the entry still says so after the account or the meeting is deleted.
    """

    class Actie(models.TextChoices):
        DEELNEMERSLIJST = "deelnemerslijst", _("Deelnemerslijst bekeken")
        INCHECKLIJST = "inchecklijst", _("Inchecklijst bekeken")
        PRESENTIELIJST = "presentielijst", _("Presentielijst bekeken")
        EXPORT_CSV = "export_csv", _("Deelnemers gedownload als CSV")
        EXPORT_XLSX = "export_xlsx", _("Deelnemers gedownload als Excel (XLSX)")
        BEHEER_LIJST = "beheer_lijst", _("Aanmeldingen bekeken in het beheer")
        BEHEER_AANMELDING = "beheer_aanmelding", _("Eén aanmelding bekeken in het beheer")
        NAAMBADGES = "naambadges", _("Naambadges gedownload (PDF)")
        TAFELINDELING = "tafelindeling", _("Tafelindeling bekeken")

    op = models.DateTimeField(
        _("op"),
        default=timezone.now,
        editable=False,
        db_index=True,
        help_text=_("Wanneer de gegevens werden bekeken. Wordt automatisch ingevuld."),
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gebruiker"),
        help_text=_("Het account dat de gegevens bekeek. Leeg als dat account is verwijderd."),
    )
    gebruikersnaam = models.CharField(
        _("gebruikersnaam"),
        max_length=150,
        help_text=_("De gebruikersnaam op dat moment. Blijft staan als het account weg is."),
    )
    actie = models.CharField(
        _("wat"),
        max_length=30,
        choices=Actie.choices,
        help_text=_("Welke lijst of welk bestand met deelnemers de gebruiker zag."),
    )
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("bijeenkomst"),
        help_text=_("De bijeenkomst van de deelnemers. Leeg als de bijeenkomst is verwijderd."),
    )
    bijeenkomst_titel = models.CharField(
        _("titel bijeenkomst"),
        max_length=200,
        help_text=_("De titel op dat moment. Blijft staan als de bijeenkomst weg is."),
    )
    aanmelding = models.ForeignKey(
        Aanmelding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanmelding"),
        help_text=_("Bij het bekijken van één aanmelding: welke. Leeg bij een hele lijst."),
    )

    class Meta:
        verbose_name = _("inzage in deelnemersgegevens")
        verbose_name_plural = _("inzagelog deelnemersgegevens")
        ordering = ["-op", "-pk"]

    def __str__(self):
        return f"{self.gebruikersnaam}: {self.get_actie_display()} ({self.bijeenkomst_titel})"


class Dagoverzicht(models.Model):
    """The daily e-mail to one coordinator about cancellations and lapsed offers.

    One row per coordinator per day (a unique constraint), so the periodic task never sends
    two on one day, however often it runs. The next overview starts where ``tot`` ended, so
    nothing is told twice and nothing is skipped when a day had nothing to tell.
    """

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("coördinator"),
        help_text=_("Wie het overzicht kreeg."),
    )
    datum = models.DateField(_("datum"), help_text=_("De dag van het overzicht."))
    tot = models.DateTimeField(
        _("tot"),
        help_text=_(
            "Het overzicht noemt wat er tot dit moment gebeurde. Wordt automatisch ingevuld."
        ),
    )

    class Meta:
        verbose_name = _("dagoverzicht wachtlijst")
        verbose_name_plural = _("dagoverzichten wachtlijst")
        ordering = ["-tot"]
        constraints = [
            models.UniqueConstraint("gebruiker", "datum", name="dagoverzicht_een_per_dag")
        ]

    def __str__(self):
        return f"{self.gebruiker} {self.datum}"
