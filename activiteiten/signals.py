"""Activities show on cached public pages (the agenda): a change invalidates them."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from activiteiten.models import Activiteit, Campagne, Uitzonderingsperiode
from netwerk.inhoudsversie import inhoud_gewijzigd


@receiver(post_save, sender=Activiteit)
@receiver(post_delete, sender=Activiteit)
@receiver(post_save, sender=Uitzonderingsperiode)
@receiver(post_delete, sender=Uitzonderingsperiode)
@receiver(post_save, sender=Campagne)
@receiver(post_delete, sender=Campagne)
@receiver(m2m_changed, sender=Activiteit.organisaties.through)
@receiver(m2m_changed, sender=Activiteit.themas.through)
@receiver(m2m_changed, sender=Activiteit.doelgroepen.through)
def activiteit_gewijzigd(sender, **kwargs):
    inhoud_gewijzigd()
