"""Keep the search index and the page cache current whatever changes the directory.

Admin, import, management commands and tests all save through the ORM, so hooking the model
signals here covers every path. Bulk updates (QuerySet.update) bypass signals: code that uses
them calls zoekindex.werk_zoekindex_bij itself.

A change to a part of a listing (aanbod, location, opening hours, a link to a term) also sets
the organisation's ``gewijzigd``: the open data (organisaties.api) gives it as the services'
``last_modified`` and filters ``modified_after`` on it, so that a site that imports our data
sees every change.
"""

import contextlib
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from netwerk.inhoudsversie import inhoud_gewijzigd
from organisaties.models import (
    Aanbod,
    Doelgroep,
    Locatie,
    Openingstijd,
    Organisatie,
    Soort,
    Thema,
    Wijk,
)
from organisaties.taxonomie import taxonomie_gewijzigd
from organisaties.zoekindex import term_in_index_gelijk, werk_zoekindex_bij


@receiver(post_save, sender=Organisatie)
def organisatie_opgeslagen(sender, instance, raw=False, **kwargs):
    if not raw:
        werk_zoekindex_bij([instance.pk])
    inhoud_gewijzigd()


@receiver(post_delete, sender=Organisatie)
def organisatie_verwijderd(sender, instance, **kwargs):
    inhoud_gewijzigd()


@receiver(post_save, sender=Aanbod)
@receiver(post_delete, sender=Aanbod)
@receiver(post_save, sender=Locatie)
@receiver(post_delete, sender=Locatie)
def onderdeel_gewijzigd(sender, instance, raw=False, **kwargs):
    if not raw:
        werk_zoekindex_bij([instance.organisatie_id])
        _vermelding_gewijzigd(organisaties=[instance.organisatie_id])
    inhoud_gewijzigd()


@receiver(post_save, sender=Openingstijd)
@receiver(post_delete, sender=Openingstijd)
def pagina_gewijzigd(sender, instance, raw=False, **kwargs):
    if not raw:
        _vermelding_gewijzigd(locaties=[instance.locatie_id])
    inhoud_gewijzigd()


# Inside gebundeld(): the organisation and location ids whose listings wait to be marked.
_gebundeld: ContextVar[tuple[set, set] | None] = ContextVar("vermelding_gebundeld", default=None)


@contextlib.contextmanager
def gebundeld():
    """Mark the listings changed once at the end of the block, not once per row inside it.

    For bulk work through the ORM (removing hundreds of imported rows with their aanbod,
    locations and opening hours), whose every deleted row would otherwise cost an UPDATE.
    On an error nothing is marked: the block's transaction is rolled back as well.
    """
    if _gebundeld.get() is not None:  # nested: the outer block marks
        yield
        return
    wachtend: tuple[set, set] = (set(), set())
    token = _gebundeld.set(wachtend)
    try:
        yield
    finally:
        _gebundeld.reset(token)
    _vermelding_gewijzigd(*wachtend)


def _vermelding_gewijzigd(organisaties=(), locaties=()):
    """Mark the organisations' listings as changed (see the module's docstring): those with
    the given ids and those with one of the given locations."""
    wachtend = _gebundeld.get()
    if wachtend is not None:
        wachtend[0].update(organisaties)
        wachtend[1].update(locaties)
        return
    nu = timezone.now()
    if organisaties := set(organisaties):
        Organisatie.objects.filter(pk__in=organisaties).update(gewijzigd=nu)
    if locaties := set(locaties):
        Organisatie.objects.filter(locaties__in=locaties).update(gewijzigd=nu)


@receiver(m2m_changed, sender=Organisatie.themas.through)
@receiver(m2m_changed, sender=Organisatie.wijken.through)
@receiver(m2m_changed, sender=Aanbod.themas.through)
@receiver(m2m_changed, sender=Aanbod.doelgroepen.through)
@receiver(m2m_changed, sender=Aanbod.locaties.through)
def koppeling_gewijzigd(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Organisatie):
        ids = [instance.pk]
    elif isinstance(instance, Aanbod):
        ids = [instance.organisatie_id]
    else:
        # Changed from the other side (thema.organisaties.add(...)): every organisation involved.
        ids = _organisaties_van_term(instance) if pk_set is None else _ids_voor(model, pk_set)
    werk_zoekindex_bij(ids)
    _vermelding_gewijzigd(organisaties=ids)
    inhoud_gewijzigd()


def _ids_voor(model, pk_set):
    if model is Organisatie:
        return pk_set
    return Aanbod.objects.filter(pk__in=pk_set).values_list("organisatie_id", flat=True)


def _organisaties_van_term(term):
    from django.db.models import Q

    if isinstance(term, Thema):
        filter_ = Q(themas=term) | Q(aanbod__themas=term)
    elif isinstance(term, Doelgroep):
        filter_ = Q(aanbod__doelgroepen=term)
    elif isinstance(term, Wijk):
        filter_ = Q(wijken=term) | Q(locaties__wijk=term)
    elif isinstance(term, Locatie):
        return [term.organisatie_id]
    else:
        filter_ = Q(soort=term)
    return set(Organisatie.objects.filter(filter_).values_list("pk", flat=True))


@receiver(pre_save, sender=Thema)
@receiver(pre_save, sender=Doelgroep)
@receiver(pre_save, sender=Soort)
@receiver(pre_save, sender=Wijk)
def term_wordt_opgeslagen(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remember the names as the search index has them (the Dutch name and, for themes,
    doelgroepen and soorten, the English one): only a new name changes the index."""
    instance._naam_in_index = None
    velden = ["naam"] + (["naam_en"] if hasattr(instance, "naam_en") else [])
    if (
        raw
        or instance.pk is None
        or (update_fields is not None and not set(velden) & set(update_fields))
    ):
        return
    oud = sender.objects.filter(pk=instance.pk).values_list(*velden).first()
    instance._naam_in_index = None if oud is None else "\n".join(oud)


def _namen_in_index(term):
    return "\n".join([term.naam] + ([term.naam_en] if hasattr(term, "naam_en") else []))


@receiver(post_save, sender=Thema)
@receiver(post_save, sender=Doelgroep)
@receiver(post_save, sender=Soort)
@receiver(post_save, sender=Wijk)
def term_opgeslagen(sender, instance, created, raw=False, **kwargs):
    # The index holds a term's id and name; its order, slug and description are not in it.
    oud = getattr(instance, "_naam_in_index", None)
    if (
        not created
        and not raw
        and oud is not None
        and not term_in_index_gelijk(oud, _namen_in_index(instance))
    ):
        werk_zoekindex_bij(_organisaties_van_term(instance))
    taxonomie_gewijzigd()
    inhoud_gewijzigd()


@receiver(pre_delete, sender=Thema)
@receiver(pre_delete, sender=Doelgroep)
@receiver(pre_delete, sender=Wijk)
def term_wordt_verwijderd(sender, instance, **kwargs):
    instance._betrokken_organisaties = _organisaties_van_term(instance)


@receiver(post_delete, sender=Thema)
@receiver(post_delete, sender=Doelgroep)
@receiver(post_delete, sender=Soort)
@receiver(post_delete, sender=Wijk)
def term_verwijderd(sender, instance, **kwargs):
    werk_zoekindex_bij(getattr(instance, "_betrokken_organisaties", ()))
    taxonomie_gewijzigd()
    inhoud_gewijzigd()
