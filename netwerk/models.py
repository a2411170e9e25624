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

    aan = models.EmailField(_("aan"), max_length=254)
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    tekst = models.TextField(_("tekst"))
    html = models.TextField(_("HTML"), blank=True)
    bijlagen = models.JSONField(
        _("bijlagen"), default=list, blank=True, help_text=_("Naam, MIME-type en inhoud (base64).")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), default=timezone.now)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-aangemaakt"]
        indexes = [models.Index(fields=["status", "volgende_poging"], name="email_te_versturen")]

    def __str__(self):
        return f"{self.onderwerp} → {self.aan}"
