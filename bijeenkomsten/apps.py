from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BijeenkomstenConfig(AppConfig):
    name = "bijeenkomsten"
    verbose_name = _("Netwerkbijeenkomsten")

    def ready(self):
        from bijeenkomsten import signals  # noqa: F401
