from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetwerkConfig(AppConfig):
    name = "netwerk"
    verbose_name = _("Site")

    def ready(self):
        from netwerk import signals  # noqa: F401 - connects the receivers
        from netwerk.rollen import maak_rollen

        post_migrate.connect(maak_rollen, sender=self)
