"""Activities for residents: what organisations offer to join, once or again and again.

An activity is one row however often it happens: its first time (``start``/``einde``), an
optional RRULE (``herhaling``) and exceptions. The times it happens ("momenten") are computed
for the window a page shows (activiteiten.herhaling), never stored, so past ones leave the
agenda by themselves. Only a moment someone signs up for gets a row (Aanmeldmoment), with a
hidden Bijeenkomst that carries the registration rules of bijeenkomsten.
"""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Bijeenkomst
from netwerk.taal import taalveld
from organisaties.geschiedenis import Geschiedenis
from organisaties.models import Doelgroep, Locatie, Organisatie, Thema, Wijk

# Words the public URLs use beside /activiteiten/<slug>/.
GERESERVEERDE_SLUGS = {"campagne", "agenda.ics", "bijwerken"}


def slug_niet_gereserveerd(waarde):
    if waarde in GERESERVEERDE_SLUGS:
        raise ValidationError(
            _("Het webadres '%(slug)s' is al in gebruik door de site. Kies een ander."),
            params={"slug": waarde},
        )


class Campagne(models.Model):
    """A tag that groups activities, such as the week van de ontmoeting."""

    naam = models.CharField(
        _("naam"), max_length=200, help_text=_("Bijvoorbeeld 'Week van de ontmoeting'.")
    )
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("Het deel van het webadres.")
    )
    beschrijving = models.TextField(
        _("beschrijving"), blank=True, help_text=_("Waar de campagne over gaat, voor inwoners.")
    )
    begin = models.DateField(
        _("eerste dag"), null=True, blank=True, help_text=_("Mag leeg blijven.")
    )
    einde = models.DateField(
        _("laatste dag"), null=True, blank=True, help_text=_("Mag leeg blijven.")
    )

    history = Geschiedenis()

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")
        ordering = ["-begin", "naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("activiteiten:campagne", args=[self.slug])

    def clean(self):
        if self.begin and self.einde and self.einde < self.begin:
            raise ValidationError({"einde": _("De laatste dag moet na de eerste dag liggen.")})


class ActiviteitQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status=Activiteit.Status.GEPUBLICEERD)

    def met_details(self):
        return self.select_related("locatie", "wijk", "campagne").prefetch_related(
            "organisaties", "themas", "doelgroepen", "uitzonderingsperioden"
        )


class Activiteit(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        TER_BEOORDELING = "ter_beoordeling", _("Ter beoordeling")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        GEARCHIVEERD = "gearchiveerd", _("Gearchiveerd")

    titel = models.CharField(
        _("titel"), max_length=200, help_text=_("Kort en duidelijk, bijvoorbeeld 'Bakkie doen'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        validators=[slug_niet_gereserveerd],
        help_text=_("Het deel van het webadres."),
    )
    omschrijving = models.TextField(
        _("omschrijving"), help_text=_("Wat er gebeurt en voor wie het is, in eenvoudige taal.")
    )
    organisaties = models.ManyToManyField(
        Organisatie,
        related_name="activiteiten",
        verbose_name=_("organisaties"),
        help_text=_("De organisaties die de activiteit aanbieden."),
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("locatie uit de sociale kaart"),
        help_text=_("Kies een locatie uit de sociale kaart, of vul hieronder een ontmoetplek in."),
    )
    ontmoetplek = models.CharField(
        _("ontmoetplek"),
        max_length=300,
        blank=True,
        help_text=_("Als er geen vaste locatie is, bijvoorbeeld 'de bus op het Marktplein'."),
    )
    wijk = models.ForeignKey(
        Wijk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("wijk"),
        help_text=_("Leeg: de wijk van de locatie, of de hele stad."),
    )
    themas = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("thema's"),
        help_text=_("Onderwerpen van de activiteit."),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("doelgroepen"),
        help_text=_("Voor wie de activiteit is."),
    )
    kosten = models.CharField(
        _("kosten"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld '€ 2 voor koffie en thee'. Leeg bij gratis."),
    )
    is_gratis = models.BooleanField(_("gratis"), default=True, help_text=_("Meedoen kost niets."))
    hoe_meedoen = models.TextField(
        _("hoe doet u mee"),
        blank=True,
        help_text=_("Bijvoorbeeld 'Gewoon binnenlopen' of 'Bel even van tevoren'."),
    )
    toegankelijkheid = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld rolstoeltoegankelijk, ringleiding, invalidentoilet."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.CONCEPT,
        help_text=_("Alleen gepubliceerde activiteiten staan op de site."),
    )
    campagne = models.ForeignKey(
        Campagne,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("campagne"),
        help_text=_("Hoort de activiteit bij een campagne, zoals de week van de ontmoeting?"),
    )
    start = models.DateTimeField(
        _("begint op"), help_text=_("De eerste keer: datum en tijd waarop het begint.")
    )
    einde = models.DateTimeField(
        _("eindigt op"),
        help_text=_("De eerste keer: datum en tijd waarop het eindigt. Na het begin."),
    )
    herhaling = models.CharField(
        _("herhaling (RRULE)"),
        max_length=500,
        blank=True,
        help_text=_(
            "Leeg: één keer. Elke week: FREQ=WEEKLY. Om de week: FREQ=WEEKLY;INTERVAL=2. "
            "Eerste maandag van de maand: FREQ=MONTHLY;BYDAY=1MO. Tot een datum: "
            "voeg ;UNTIL=20271231 toe. De tijd blijft gelijk, ook na de zomertijd."
        ),
    )
    uitzonderingen = ArrayField(
        models.DateField(),
        default=list,
        blank=True,
        verbose_name=_("niet op deze dagen"),
        help_text=_(
            "Dagen waarop de activiteit niet doorgaat, gescheiden door komma's: "
            "2026-12-25,2027-01-01."
        ),
    )
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: aanmelden is niet nodig. Met een aantal: inwoners melden zich per keer "
            "aan; daarna komen ze op de wachtlijst."
        ),
    )
    aangemaakt = models.DateTimeField(
        _("aangemaakt"), default=timezone.now, editable=False, help_text=_("Automatisch.")
    )
    gewijzigd = models.DateTimeField(
        _("gewijzigd"), auto_now=True, help_text=_("Wordt automatisch bijgehouden.")
    )

    objects = ActiviteitQuerySet.as_manager()

    history = Geschiedenis(
        excluded_fields=["gewijzigd"], m2m_fields=["organisaties", "themas", "doelgroepen"]
    )

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["titel"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("start")),
                name="activiteit_einde_na_start",
                violation_error_message=_("De activiteit moet eindigen na het begin."),
            )
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("activiteiten:detail", args=[self.slug])

    def clean(self):
        from activiteiten.herhaling import controleer_regel

        fouten = {}
        if self.herhaling:
            try:
                self.herhaling = controleer_regel(self.herhaling)
            except ValidationError as fout:
                fouten["herhaling"] = fout
        if self.kosten and self.is_gratis:
            fouten["is_gratis"] = _("Er staan kosten bij. Haal het vinkje 'gratis' weg.")
        if self.capaciteit == 0:
            fouten["capaciteit"] = _("Vul minstens 1 plaats in, of laat het leeg.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def wijk_of_locatiewijk(self):
        if self.wijk_id:
            return self.wijk
        return self.locatie.wijk if self.locatie_id else None

    @property
    def plaats_tekst(self):
        if self.locatie_id:
            return f"{self.locatie.naam}, {self.locatie.volledig_adres}"
        return self.ontmoetplek

    @property
    def met_aanmelden(self):
        return self.capaciteit is not None


class Uitzonderingsperiode(models.Model):
    """A period without the activity, such as the summer holiday."""

    activiteit = models.ForeignKey(
        Activiteit,
        on_delete=models.CASCADE,
        related_name="uitzonderingsperioden",
        verbose_name=_("activiteit"),
        help_text=_("De activiteit die in deze periode niet doorgaat."),
    )
    naam = models.CharField(_("naam"), max_length=100, help_text=_("Bijvoorbeeld 'Zomervakantie'."))
    van = models.DateField(_("van"), help_text=_("De eerste dag zonder activiteit."))
    tot = models.DateField(_("tot en met"), help_text=_("De laatste dag zonder activiteit."))

    class Meta:
        verbose_name = _("periode zonder activiteit")
        verbose_name_plural = _("perioden zonder activiteit")
        ordering = ["van"]

    def __str__(self):
        return f"{self.naam} ({self.van:%d-%m-%Y} - {self.tot:%d-%m-%Y})"

    def clean(self):
        if self.van and self.tot and self.tot < self.van:
            raise ValidationError({"tot": _("De laatste dag moet na de eerste dag liggen.")})


class Aanmeldmoment(models.Model):
    """One time of an activity that residents sign up for.

    Made when the first person signs up. Its Bijeenkomst (hidden from the meetings' agenda,
    archive and network insight) holds the registrations, so capacity, waiting list, offers,
    the personal cancel link, reminders and anonymisation are those of bijeenkomsten.
    """

    activiteit = models.ForeignKey(
        Activiteit,
        on_delete=models.CASCADE,
        related_name="aanmeldmomenten",
        verbose_name=_("activiteit"),
        help_text=_("De activiteit."),
    )
    start = models.DateTimeField(_("begint op"), help_text=_("Wanneer deze keer begint."))
    bijeenkomst = models.OneToOneField(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="aanmeldmoment",
        verbose_name=_("aanmeldingen"),
        help_text=_("Houdt de aanmeldingen voor deze keer bij."),
    )

    class Meta:
        verbose_name = _("aanmeldmoment")
        verbose_name_plural = _("aanmeldmomenten")
        ordering = ["start"]
        constraints = [models.UniqueConstraint("activiteit", "start", name="aanmeldmoment_uniek")]

    def __str__(self):
        return f"{self.activiteit} {timezone.localtime(self.start):%d-%m-%Y %H:%M}"


class Activiteitvoorstel(models.Model):
    """A new activity, or a change, sent by an organisation through its personal link.

    Nothing goes live by itself: a redacteur takes it over (activiteiten.bijwerken.overnemen),
    which publishes it, or turns it down. ``gegevens`` holds the form as sent (activiteiten.
    bijwerken.VELDEN), so the proposal still says what was asked after the activity changed.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Ter beoordeling")
        OVERGENOMEN = "overgenomen", _("Overgenomen en gepubliceerd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="activiteitvoorstellen",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die het voorstel stuurde."),
    )
    activiteit = models.ForeignKey(
        Activiteit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="voorstellen",
        verbose_name=_("activiteit"),
        help_text=_("Leeg: een nieuwe activiteit."),
    )
    gegevens = models.JSONField(
        _("gegevens"), help_text=_("Wat de organisatie invulde. Wordt automatisch ingevuld.")
    )
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Een bericht van de organisatie erbij.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.OPEN,
        help_text=_("Wordt bijgehouden bij overnemen of afwijzen."),
    )
    ingediend_op = models.DateTimeField(
        _("ingediend op"), default=timezone.now, help_text=_("Wordt automatisch ingevuld.")
    )
    beoordeeld_op = models.DateTimeField(
        _("beoordeeld op"), null=True, blank=True, help_text=_("Wordt automatisch ingevuld.")
    )
    taal = taalveld(
        _(
            "De taal van de e-mail aan de organisatie over dit voorstel: de taal van de site "
            "bij het sturen."
        )
    )

    class Meta:
        verbose_name = _("voorstel voor een activiteit")
        verbose_name_plural = _("voorstellen voor activiteiten")
        ordering = ["-ingediend_op"]

    def __str__(self):
        return self.gegevens.get("titel", "") or str(self.activiteit or "")
