from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "signalen"
    verbose_name = _("Signaalpunt")
