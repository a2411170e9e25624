"""Site-wide models: the outbox of e-mail the site sends."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
