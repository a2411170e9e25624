"""The site settings show on every cached page: a change invalidates them."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from netwerk.inhoudsversie import inhoud_gewijzigd
from netwerk.models import SiteConfiguratie


@receiver(post_save, sender=SiteConfiguratie)
def site_gewijzigd(sender, created, **kwargs):
    # get_solo() creates the row with its defaults while a page renders: that page is right.
    if not created:
        inhoud_gewijzigd()
