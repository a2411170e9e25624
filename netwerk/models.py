"""Site-wide models: the municipality's settings and the outbox of e-mail the site sends."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from netwerk.validators import leesbaar_met_witte_tekst, logo_afbeelding

kleur_validator = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$", _("Vul een kleur in als #RRGGBB, bijvoorbeeld #1D5C8C.")
)


class UitgaandeEmail(models.Model):
    """An e-mail waiting to be sent, or sent. See netwerk.email.

    Stored first and sent after commit, so a failing mail server never fails or loses the
    action that caused the mail; failures are retried by ``manage.py verstuur_emails``.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        VERZONDEN = "verzonden", _("Verzonden")
        MISLUKT = "mislukt", _("Definitief mislukt")

    aan = models.EmailField(
        _("aan"), max_length=254, help_text=_("Het e-mailadres van de ontvanger.")
    )
    onderwerp = models.CharField(
        _("onderwerp"), max_length=300, help_text=_("De onderwerpregel van de e-mail.")
    )
    tekst = models.TextField(_("tekst"), help_text=_("De e-mail als gewone tekst, zonder opmaak."))
    html = models.TextField(
        _("HTML"), blank=True, help_text=_("De e-mail met opmaak. Mag leeg zijn.")
    )
    bijlagen = models.JSONField(
        _("bijlagen"), default=list, blank=True, help_text=_("Naam, MIME-type en inhoud (base64).")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.WACHTEND,
        help_text=_("Wordt automatisch bijgehouden."),
    )
    pogingen = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak het versturen is geprobeerd.")
    )
    volgende_poging = models.DateTimeField(
        _("volgende poging"),
        default=timezone.now,
        help_text=_("Wanneer het versturen opnieuw wordt geprobeerd."),
    )
    laatste_fout = models.TextField(
        _("laatste fout"), blank=True, help_text=_("De foutmelding van de laatste mislukte poging.")
    )
    aangemaakt = models.DateTimeField(
        _("aangemaakt"), default=timezone.now, help_text=_("Wordt automatisch ingevuld.")
    )
    verzonden_op = models.DateTimeField(
        _("verzonden op"),
        null=True,
        blank=True,
        help_text=_("Wordt automatisch ingevuld als de e-mail is verzonden."),
    )

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-aangemaakt"]
        indexes = [models.Index(fields=["status", "volgende_poging"], name="email_te_versturen")]

    def __str__(self):
        return f"{self.onderwerp} → {self.aan}"


class SiteConfiguratie(SingletonModel):
    """The one row of settings of this municipality's installation."""

    gemeentenaam = models.CharField(
        _("naam gemeente"),
        max_length=100,
        default="Maassluis",
        help_text=_("Bijvoorbeeld Maassluis."),
    )
    sitenaam = models.CharField(
        _("naam van de site"),
        max_length=100,
        default="Sociale kaart Maassluis",
        help_text=_("Staat bovenaan elke pagina en onder e-mails."),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="logo/",
        blank=True,
        validators=[logo_afbeelding],
        help_text=_(
            "PNG, JPEG of WebP van hoogstens 1 MB, liefst liggend. Staat 48 pixels hoog "
            "bovenaan elke pagina. SVG kan niet, omdat zo'n bestand programmacode kan bevatten."
        ),
    )
    primaire_kleur = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        default="#1D5C8C",
        validators=[kleur_validator, leesbaar_met_witte_tekst],
        help_text=_(
            "Kleur van kop en knoppen, als #RRGGBB. Witte tekst staat erop, dus kies een "
            "donkere kleur: het contrast moet minstens 4,5:1 zijn (WCAG AA)."
        ),
    )
    kaart_centrum_latitude = models.DecimalField(
        _("kaartcentrum breedtegraad"),
        max_digits=9,
        decimal_places=6,
        default=51.9170,
        validators=[MinValueValidator(50.5), MaxValueValidator(53.7)],
        help_text=_(
            "Het midden van de kaart, in Nederland tussen 50.5 en 53.7, bijvoorbeeld 51.917."
        ),
    )
    kaart_centrum_longitude = models.DecimalField(
        _("kaartcentrum lengtegraad"),
        max_digits=9,
        decimal_places=6,
        default=4.2500,
        validators=[MinValueValidator(3.2), MaxValueValidator(7.3)],
        help_text=_("Het midden van de kaart, in Nederland tussen 3.2 en 7.3, bijvoorbeeld 4.250."),
    )
    kaart_zoom = models.PositiveSmallIntegerField(
        _("kaartzoom"),
        default=14,
        validators=[MinValueValidator(7), MaxValueValidator(18)],
        help_text=_(
            "Hoe dichtbij de kaart begint, van 7 (heel Nederland) tot 18 (één straat). "
            "Een gemeente past meestal bij 13 of 14."
        ),
    )
    contact_email = models.EmailField(
        _("e-mailadres contact"),
        blank=True,
        help_text=_("Staat onderaan elke pagina. Mag leeg blijven."),
    )
    contact_telefoon = models.CharField(
        _("telefoonnummer contact"),
        max_length=30,
        blank=True,
        help_text=_("Staat onderaan elke pagina, bijvoorbeeld 010 593 18 19."),
    )
    hulp_organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"status": "gepubliceerd"},
        verbose_name=_("hulp bij vragen"),
        help_text=_(
            "De organisatie die inwoners verder helpt als zij niets vinden, meestal het "
            "wijkteam. Staat met telefoonnummer bij 'geen resultaten' en op pagina's die niet "
            "(meer) bestaan. Leeg: het eerste wijkteam op de kaart, anders het "
            "telefoonnummer hierboven."
        ),
    )
    introductie = models.TextField(
        _("introductie op de homepage"),
        blank=True,
        default="Op deze sociale kaart vindt u organisaties die u kunnen helpen: met geld, "
        "met zorg voor een naaste, met eenzaamheid, met werk of met wonen.",
        help_text=_("De eerste tekst op de homepage."),
    )
    over_tekst = models.TextField(
        _("tekst 'Over deze site'"),
        blank=True,
        help_text=_("De tekst van de pagina 'Over deze site'."),
    )
    privacy_tekst = models.TextField(
        _("privacyverklaring"), blank=True, help_text=_("De tekst van de pagina over privacy.")
    )
    toegankelijkheid_tekst = models.TextField(
        _("toegankelijkheidsverklaring"),
        blank=True,
        help_text=_("De tekst van de pagina over toegankelijkheid."),
    )
    controletermijn_maanden = models.PositiveSmallIntegerField(
        _("controletermijn (maanden)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "Na zoveel maanden zonder controle staat een organisatie op de werklijst "
            "'Niet gecontroleerd'."
        ),
    )
    bewaartermijn_maanden = models.PositiveSmallIntegerField(
        _("bewaartermijn aanmeldingen (maanden)"),
        default=6,
        help_text=_(
            "Zoveel maanden na een bijeenkomst worden namen, e-mailadressen en wensen van "
            "deelnemers verwijderd. Aantallen en organisaties blijven bewaard."
        ),
    )
    signaal_contacttermijn_werkdagen = models.PositiveSmallIntegerField(
        _("eerste contact na een signaal (werkdagen)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "Binnen zoveel werkdagen (maandag tot en met vrijdag) hoort het wijkteam contact "
            "te zoeken na een signaal. Later staat het signaal bovenaan als te laat."
        ),
    )
    signaal_bewaartermijn_maanden = models.PositiveSmallIntegerField(
        _("bewaartermijn signalen (maanden)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Zoveel maanden na het afsluiten van een signaal worden de tekst, de notities en "
            "de gegevens van de melder gewist. De aantallen per wijk en maand blijven."
        ),
    )
    is_demo = models.BooleanField(
        _("demonstratiegegevens"),
        default=False,
        help_text=_("Toon op elke pagina dat de gegevens niet echt zijn."),
    )

    class Meta:
        verbose_name = _("site-instellingen")

    def __str__(self):
        return str(_("Site-instellingen"))
