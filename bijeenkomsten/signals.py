"""Meetings show on cached public pages (home): a changed meeting invalidates them.

Registrations do not: the pages that show places left are not cached.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from bijeenkomsten.models import Bijeenkomst
from netwerk.inhoudsversie import inhoud_gewijzigd


@receiver(post_save, sender=Bijeenkomst)
@receiver(post_delete, sender=Bijeenkomst)
def bijeenkomst_gewijzigd(sender, **kwargs):
    inhoud_gewijzigd()
