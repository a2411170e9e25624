"""The change history of the kaart and the meetings: why a version exists, and who may see it.

django-simple-history stores a version of a row at every save, with the user of the request
(HistoryRequestMiddleware). What it cannot know is the cause when there is no staff user, or
when the user alone does not say enough: an import, an organisation's own link, the geocoder,
a revert. Code that changes rows for such a cause wraps the change in ``met_reden()``; every
version stored inside gets that reason, unless the code gave a row a reason of its own::

    with met_reden(_("Bijgewerkt door de organisatie via de persoonlijke link")):
        organisatie.save()

Many-to-many links (themes, wijken, doelgroepen, locations, coordinators) are part of a
version: the models declare them with ``Geschiedenis(m2m_fields=[...])``. Django saves an
object first and its links after it, and simple-history on its own stores a new version for
every changed link field. Inside ``met_reden()`` and inside every web request (the middleware
``versie_per_verzoek``), the links changed after a save go into the version of that save
instead, so one save in the admin, one import row or one update through the personal link is
one version, with its links.

``GeschiedenisAdmin`` is SimpleHistoryAdmin for this site: Dutch, the differences between
versions in words staff read, and (unlike SimpleHistoryAdmin) the history and revert pages only
for objects the admin's ``get_queryset`` gives the user, so a coordinator cannot read or revert
another coordinator's meeting through its history.
"""

import contextlib
from contextvars import ContextVar

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import receiver
from django.http import Http404
from django.template.defaultfilters import date as datumfilter
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history import utils
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record, pre_create_historical_record
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay
from simple_history.utils import get_history_manager_for_model

# simple-history keeps the reason in a CharField of this length.
REDEN_LENGTE = 100

_reden: ContextVar[str | None] = ContextVar("geschiedenis_reden", default=None)
# The versions stored in the current block, by object: links changed after a save join them.
_versies: ContextVar[dict | None] = ContextVar("geschiedenis_versies", default=None)
# Inside zonder_geschiedenis(): rows deleted keep no version of their deletion.
_zonder: ContextVar[bool] = ContextVar("geschiedenis_zonder", default=False)


@contextlib.contextmanager
def zonder_geschiedenis():
    """Store no version of the rows deleted inside this block.

    For rows that have no history of their own here (imported from another gemeente's feed,
    saved with ``skip_history_when_saving``): deleting hundreds of them would otherwise store
    a version, one INSERT, per row.
    """
    token = _zonder.set(True)
    try:
        yield
    finally:
        _zonder.reset(token)


@contextlib.contextmanager
def _een_versie_per_opslag():
    if _versies.get() is not None:
        yield  # an outer block already collects
        return
    token = _versies.set({})
    try:
        yield
    finally:
        _versies.reset(token)


@contextlib.contextmanager
def met_reden(reden):
    """Every version stored inside this block records ``reden`` as its cause."""
    token = _reden.set(str(reden)[:REDEN_LENGTE])
    try:
        with _een_versie_per_opslag():
            yield
    finally:
        _reden.reset(token)


def versie_per_verzoek(get_response):
    """Middleware: in a web request, an object's links are stored with the version of its save."""

    def middleware(request):
        with _een_versie_per_opslag():
            return get_response(request)

    return middleware


def _sleutel(instance):
    return (instance._meta.label, instance.pk)


@receiver(post_create_historical_record, dispatch_uid="geschiedenis-versie-onthouden")
def _versie_onthouden(sender, instance, history_instance, **kwargs):
    versies = _versies.get()
    if versies is not None:
        versies[_sleutel(instance)] = history_instance


class Geschiedenis(HistoricalRecords):
    """HistoricalRecords whose versions hold the links as they are after the save.

    Outside a ``met_reden()`` block or a web request it behaves as HistoricalRecords: a
    changed link stores a new version.
    """

    def post_delete(self, instance, using=None, **kwargs):
        if _zonder.get():
            return None
        return super().post_delete(instance, using=using, **kwargs)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        versies = _versies.get()
        versie = None if versies is None or reverse else versies.get(_sleutel(instance))
        if versie is None:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if action not in ("post_add", "post_remove", "post_clear"):
            return None
        if hasattr(instance, "skip_history_when_saving"):
            return None
        # Only the changed field: the version's other links are already current.
        veld = next(v for v in versie._history_m2m_fields if v.name == attr)
        self.m2m_models[veld].objects.filter(history=versie).delete()
        versie._history_m2m_fields = [veld]  # shadows the model's list for this call
        try:
            self.create_historical_record_m2ms(versie, instance)
        finally:
            del versie._history_m2m_fields
        return None


def huidige_reden():
    return _reden.get()


@receiver(pre_create_historical_record, dispatch_uid="geschiedenis-reden")
def _reden_invullen(sender, history_instance, **kwargs):
    reden = _reden.get()
    if reden and not history_instance.history_change_reason:
        history_instance.history_change_reason = reden


class _Inkorten(ObjDiffDisplay):
    """Long texts shortened around the change, with a Dutch marker for what is left out."""

    def shortened_str(self, prefix, num_skipped_chars, suffix):
        return f"{prefix} [… {num_skipped_chars} tekens …] {suffix}"


class _Verschillen(HistoricalRecordContextHelper):
    """Old and new values as staff read them: labels of choices, ja/nee, dates, '(leeg)'."""

    def __init__(self, model, historical_record):
        super().__init__(model, historical_record, max_displayed_delta_change_chars=300)

    def get_obj_diff_display(self):
        return _Inkorten(max_length=self.max_displayed_delta_change_chars)

    def prepare_delta_change_value(self, change, value):
        veld = self.model._meta.get_field(change.field)
        if isinstance(veld, models.ManyToManyField):
            waarden = super().prepare_delta_change_value(change, value)
            if isinstance(waarden, list | tuple):
                return ", ".join(sorted(str(w) for w in waarden)) or _("(geen)")
            return waarden
        if value is None or value == "":
            return _("(leeg)")
        if veld.choices:
            return dict(veld.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("ja") if value else _("nee")
        if isinstance(veld, models.DateTimeField):
            return datumfilter(timezone.localtime(value), "j F Y H:i")
        if isinstance(veld, models.DateField):
            return datumfilter(value, "j F Y")
        return value


def _met_koppelingen_van(form_class, versie):
    """The admin form for an earlier version, its links filled in as they were then.

    A ModelForm reads links from the database, which holds today's; the version holds its own.
    """
    koppelingen = {}
    for veld in getattr(versie, "_history_m2m_fields", ()):
        doel = utils.get_m2m_reverse_field_name(veld)
        koppelingen[veld.name] = [
            getattr(rij, f"{doel}_id") for rij in getattr(versie, veld.name).all()
        ]

    class VersieForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for naam, pks in koppelingen.items():
                if naam in self.fields:
                    self.initial[naam] = pks

    return VersieForm


class GeschiedenisAdmin(SimpleHistoryAdmin):
    """Change history with differences and revert, limited to what the user may manage.

    Subclasses restrict ``get_queryset`` as they already do; the history follows it. The
    history of a deleted object shows only when ``verwijderde_geschiedenis_zichtbaar`` allows
    it (everyone with access to the model, by default).
    """

    history_list_per_page = 50
    # Fields whose change says nothing to staff (every save changes them).
    geschiedenis_zonder = ("gewijzigd",)

    def verwijderde_geschiedenis_zichtbaar(self, request):
        return True

    def _geschiedenis_zichtbaar(self, request, object_id):
        if self.get_object(request, object_id) is not None:
            return True
        try:
            pk = self.opts.pk.to_python(object_id)
        except ValidationError:
            return False
        if self.model._default_manager.filter(pk=pk).exists():
            return False  # it exists, but not for this user
        return self.verwijderde_geschiedenis_zichtbaar(request)

    def history_view(self, request, object_id, extra_context=None):
        if not self._geschiedenis_zichtbaar(request, unquote(object_id)):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        extra_context = {
            "soort_wijziging": {
                "+": _("Toegevoegd"),
                "~": _("Gewijzigd"),
                "-": _("Verwijderd"),
            },
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        if not self._geschiedenis_zichtbaar(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not str(version_id).isdigit():
            raise Http404
        versie = (
            get_history_manager_for_model(self.model)
            .filter(**{self.opts.pk.attname: self.opts.pk.to_python(object_id)})
            .filter(history_id=int(version_id))
            .first()
        )
        if versie is None:
            raise Http404
        reden = _("Teruggezet naar de versie van %(datum)s") % {
            "datum": datumfilter(timezone.localtime(versie.history_date), "j F Y H:i")
        }
        extra_context = {"versie": versie, **(extra_context or {})}
        request._geschiedenis_versie = versie  # see get_form
        with met_reden(reden):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        """On the page of an earlier version: only what staff can edit goes back.

        Everything else keeps its current value: fields the form shows read-only (publication
        date, who checked it), and state kept by the site itself, such as the version of an
        organisation's personal links, which must never go back to a revoked one. The links
        (themes, wijken, ...) are offered as the version holds them.
        """
        form = super().get_form(request, obj, **kwargs)
        versie = getattr(request, "_geschiedenis_versie", None)
        if obj is not None and versie is not None:
            form = _met_koppelingen_van(form, versie)
            velden = [
                veld
                for veld in obj._meta.concrete_fields
                if not veld.primary_key and veld.name not in form.base_fields
            ]
            huidig = (
                type(obj)
                ._default_manager.filter(pk=obj.pk)
                .values(*(veld.attname for veld in velden))
                .first()
            )
            for veld in velden if huidig else ():
                setattr(obj, veld.attname, huidig[veld.attname])
        return form

    def get_historical_record_context_helper(self, request, historical_record):
        return _Verschillen(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        vorige = None
        for huidige in historical_records:
            if vorige is not None:
                verschil = vorige.diff_against(
                    huidige,
                    excluded_fields=self.geschiedenis_zonder,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, vorige)
                vorige.history_delta_changes = helper.context_for_delta_changes(verschil)
            vorige = huidige

    def history_view_title(self, request, obj):
        return _("Geschiedenis van %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Eerdere versie van %(object)s") % {"object": obj}
        return _("Eerdere versie van %(object)s terugzetten") % {"object": obj}
