"""The redactie's workplace: the directory in the admin, in Dutch, with its work lists.

State changes (publishing, archiving, checking, assigning, handling a resident's report) go
through organisaties.services; the work lists and the 'gecontroleerd' filter come from
organisaties.werklijsten, which the start page (templates/admin/index.html) counts as well.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Case, Value, When
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisaties import (
    admin_federatie,  # noqa: F401 - the feeds and their organisations
    admin_postcodes,  # noqa: F401 - registers the postcode table
    services,
    werklijsten,
)
from organisaties.admin_bijwerken import stuur_persoonlijke_link, trek_persoonlijke_links_in
from organisaties.admin_importeren import ImportExportBeheer
from organisaties.geschiedenis import GeschiedenisAdmin
from organisaties.importeren import AanbodResource, LocatieResource, OrganisatieResource
from organisaties.models import (
    Aanbod,
    Controlebron,
    Doelgroep,
    Locatie,
    Openingstijd,
    Organisatie,
    Soort,
    Thema,
    Wijk,
    Wijzigingsvoorstel,
)


@admin.register(Thema, Doelgroep, Soort)
class TaxonomieAdmin(GeschiedenisAdmin):
    list_display = ["naam", "naam_en", "slug", "volgorde"]
    list_editable = ["volgorde"]
    prepopulated_fields = {"slug": ["naam"]}
    search_fields = ["naam", "naam_en"]

    def get_fields(self, request, obj=None):
        """The English name right below the Dutch one."""
        velden = [veld for veld in super().get_fields(request, obj) if veld != "naam_en"]
        if "naam_en" in {veld.name for veld in self.model._meta.get_fields()}:
            velden.insert(velden.index("naam") + 1, "naam_en")
        return velden


@admin.register(Wijk)
class WijkAdmin(TaxonomieAdmin):
    list_display = ["naam", "slug", "cbs_code", "volgorde"]
    search_fields = ["naam"]


# --- Filters -------------------------------------------------------------------------------


class WerklijstFilter(admin.SimpleListFilter):
    """The work lists of this model (organisaties.werklijsten), as the start page links them."""

    title = _("werklijst")
    parameter_name = "werklijst"

    def __init__(self, request, params, model, model_admin):
        self.lijsten = {
            werklijst.naam: werklijst
            for werklijst in werklijsten.voor_model(model)
            if not werklijst.parameters
        }
        self.gebruiker = request.user
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [(naam, werklijst.titel()) for naam, werklijst in self.lijsten.items()]

    def queryset(self, request, queryset):
        werklijst = self.lijsten.get(self.value())
        return werklijst.queryset(self.gebruiker, queryset) if werklijst else queryset


class ControleFilter(admin.SimpleListFilter):
    title = _("gecontroleerd")
    parameter_name = "gecontroleerd"

    def lookups(self, request, model_admin):
        return werklijsten.Controlestatus.keuzes

    def queryset(self, request, queryset):
        if self.value() in dict(werklijsten.Controlestatus.keuzes):
            return queryset.filter(werklijsten.Controlestatus.filter(self.value()))
        return queryset


# --- Organisatie ---------------------------------------------------------------------------


class AanbodInline(admin.StackedInline):
    model = Aanbod
    extra = 0
    filter_horizontal = ["themas", "doelgroepen"]
    fields = [
        "naam",
        "omschrijving",
        ("kosten", "kosten_toelichting"),
        "hoe_aanmelden",
        "themas",
        "doelgroepen",
        "locaties",
        "volgorde",
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "locaties":
            # Only this organisation's own locations; a new organisation has none yet.
            object_id = (request.resolver_match.kwargs or {}).get("object_id", "")
            kwargs["queryset"] = (
                Locatie.objects.filter(organisatie_id=object_id)
                if str(object_id).isdigit()
                else Locatie.objects.none()
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class LocatieInline(admin.StackedInline):
    """Locations on the organisation's page; their opening hours on the location's own page
    (Django has no inlines within inlines), linked from each location."""

    model = Locatie
    extra = 0
    show_change_link = True
    fields = [
        "naam",
        "adres",
        ("postcode", "plaats"),
        "wijk",
        "rolstoeltoegankelijk",
        "toegankelijkheid",
        ("latitude", "longitude"),
        "geocodeer_status",
        "openingstijden_overzicht",
    ]
    readonly_fields = ["geocodeer_status", "openingstijden_overzicht"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("openingstijden")

    @admin.display(description=_("openingstijden"))
    def openingstijden_overzicht(self, locatie):
        if not locatie.pk:
            return _("Sla de organisatie eerst op. Daarna kunt u openingstijden invullen.")
        tijden = format_html_join(
            "", "{}<br>", ((str(tijd),) for tijd in locatie.openingstijden.all())
        )
        return format_html(
            '{}<a href="{}">{}</a>',
            tijden or format_html("{}<br>", _g("Nog geen openingstijden.")),
            reverse("admin:organisaties_locatie_change", args=[locatie.pk]),
            _g("Openingstijden bewerken"),
        )


class ToewijzenForm(forms.Form):
    NIEMAND = "niemand"

    redacteur = forms.ChoiceField(
        label=_("Redacteur"),
        help_text=_(
            "Deze redacteur houdt de organisaties bij. Ze staan op zijn of haar werklijst "
            "'Aan mij toegewezen'."
        ),
        error_messages={
            "required": _("Kies een redacteur, of 'Niemand' om de toewijzing weg te halen."),
            "invalid_choice": _("Kies een redacteur uit de lijst."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.redacteuren = {str(r.pk): r for r in services.toewijsbare_redacteuren()}
        self.fields["redacteur"].choices = [
            ("", _("Kies een redacteur")),
            *((pk, r.get_full_name() or r.get_username()) for pk, r in self.redacteuren.items()),
            (self.NIEMAND, _("Niemand (toewijzing weghalen)")),
        ]

    def gekozen(self):
        """The chosen redacteur, or None for nobody."""
        return self.redacteuren.get(self.cleaned_data["redacteur"])


@admin.register(Organisatie)
class OrganisatieAdmin(ImportExportBeheer, GeschiedenisAdmin):
    resource_classes = [OrganisatieResource]

    class Media:
        css = {"all": ["css/werkplek.css"]}

    list_display = ["naam", "soort", "status", "controle", "toegewezen_aan"]
    list_filter = [
        WerklijstFilter,
        "status",
        ControleFilter,
        ("toegewezen_aan", admin.RelatedOnlyFieldListFilter),
        "soort",
        "themas",
        "wijken",
        "bron",
    ]
    search_fields = [
        "naam",
        "omschrijving",
        "email",
        "contact_email",
        "telefoon",
        "locaties__adres",
        "locaties__postcode",
    ]
    search_help_text = _("Zoek op naam, omschrijving, e-mailadres, telefoonnummer of adres.")
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["themas", "wijken"]
    list_select_related = ["soort", "toegewezen_aan"]
    inlines = [LocatieInline, AanbodInline]
    actions = [
        "publiceren",
        "archiveren",
        "markeer_gecontroleerd",
        "toewijzen",
        stuur_persoonlijke_link,
        trek_persoonlijke_links_in,
    ]
    readonly_fields = [
        "gecontroleerd_door",
        "herinnering_verstuurd_op",
        "link_versie",
        "aangemeld_door",
        "gepubliceerd_op",
        "gepubliceerd_door",
        "aangemaakt",
        "gewijzigd",
    ]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "soort", "status", "omschrijving"]}),
        (
            _("Contact voor inwoners"),
            {
                "fields": ["website", "email", "telefoon"],
                "description": _("Inwoners zien deze gegevens op de pagina van de organisatie."),
            },
        ),
        (_("Indeling"), {"fields": ["themas", "wijken"]}),
        (
            _("Controle"),
            {
                "fields": [
                    "toegewezen_aan",
                    "contact_email",
                    "laatst_geverifieerd",
                    "gecontroleerd_door",
                    "herinnering_verstuurd_op",
                    "link_versie",
                ],
                "description": _(
                    "Wie de gegevens bijhoudt en wanneer ze zijn nagekeken. Niet zichtbaar "
                    "voor inwoners, behalve de datum van de laatste controle."
                ),
            },
        ),
        (
            _("Publicatie"),
            {
                "fields": [
                    "bron",
                    "aangemeld_door",
                    "gepubliceerd_op",
                    "gepubliceerd_door",
                    "aangemaakt",
                    "gewijzigd",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        grens = werklijsten.controlegrens()
        return (
            super()
            .get_queryset(request)
            .eigen()  # imported ones have their own read-only list (admin_federatie.py)
            .defer("zoekvector")
            .annotate(
                _op_tijd=Case(
                    When(laatst_geverifieerd__gte=grens, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        )

    @admin.display(description=_("laatst gecontroleerd"), ordering="laatst_geverifieerd")
    def controle(self, organisatie):
        if organisatie.laatst_geverifieerd is None:
            return format_html('<span class="werkplek-te-lang">{}</span>', _g("nooit"))
        datum = date_format(organisatie.laatst_geverifieerd, "SHORT_DATE_FORMAT")
        if organisatie._op_tijd:
            return datum
        return format_html(
            '<span class="werkplek-te-lang">{} ({})</span>', datum, _g("te lang geleden")
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "toegewezen_aan":
            kwargs["queryset"] = services.toewijsbare_redacteuren()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        publiceren = obj.status == Organisatie.Status.GEPUBLICEERD and (
            not change or "status" in form.changed_data
        )
        if publiceren:
            services.markeer_gepubliceerd(obj, request.user)
        if "laatst_geverifieerd" in form.changed_data and obj.laatst_geverifieerd:
            obj.gecontroleerd_door = Controlebron.REDACTIE
        super().save_model(request, obj, form, change)

    # A resident's report being handled: ?melding=<pk> on the change form, from the review.

    def _melding(self, request, object_id):
        """The new report this edit answers, when the user may handle it; else None."""
        melding_id = request.GET.get("melding", "")
        if not melding_id.isdigit() or not str(object_id).isdigit():
            return None
        melding = Wijzigingsvoorstel.objects.filter(
            pk=melding_id, organisatie_id=object_id, status=Wijzigingsvoorstel.Status.NIEUW
        ).first()
        if melding is None or not request.user.has_perm("organisaties.change_wijzigingsvoorstel"):
            return None
        return melding

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "melding": self._melding(request, object_id)}
        return super().change_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        melding = self._melding(request, obj.pk)
        if melding is None:
            return super().response_change(request, obj)
        try:
            services.melding_verwerken(melding, request.user, gecontroleerd=True)
        except services.Geweigerd as fout:
            self.message_user(request, str(fout), messages.WARNING)
            return super().response_change(request, obj)
        self.message_user(
            request,
            _g(
                "De wijzigingen zijn opgeslagen, de melding is verwerkt en de organisatie is "
                "gecontroleerd."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:organisaties_wijzigingsvoorstel_changelist") + "?status__exact=nieuw"
        )

    # Bulk actions: each is one service call.

    def _gemeld(self, request, bericht, aantal):
        self.message_user(request, bericht % {"aantal": aantal}, messages.SUCCESS)

    @admin.action(description=_("Publiceren"), permissions=["change"])
    def publiceren(self, request, queryset):
        aantal = services.publiceren(queryset, request.user)
        self._gemeld(
            request,
            ngettext(
                "%(aantal)d organisatie is gepubliceerd.",
                "%(aantal)d organisaties zijn gepubliceerd.",
                aantal,
            ),
            aantal,
        )

    @admin.action(description=_("Archiveren (van de kaart halen)"), permissions=["change"])
    def archiveren(self, request, queryset):
        aantal = services.archiveren(queryset, request.user)
        self._gemeld(
            request,
            ngettext(
                "%(aantal)d organisatie is gearchiveerd.",
                "%(aantal)d organisaties zijn gearchiveerd.",
                aantal,
            ),
            aantal,
        )

    @admin.action(description=_("Markeren als vandaag gecontroleerd"), permissions=["change"])
    def markeer_gecontroleerd(self, request, queryset):
        aantal = services.markeer_gecontroleerd(queryset, request.user)
        self._gemeld(
            request,
            ngettext(
                "%(aantal)d organisatie is gemarkeerd als vandaag gecontroleerd.",
                "%(aantal)d organisaties zijn gemarkeerd als vandaag gecontroleerd.",
                aantal,
            ),
            aantal,
        )

    @admin.action(description=_("Toewijzen aan een redacteur"), permissions=["change"])
    def toewijzen(self, request, queryset):
        """First a page to choose the redacteur; its form posts the action again."""
        form = ToewijzenForm(request.POST if "toewijzen_bevestigd" in request.POST else None)
        if form.is_bound and form.is_valid():
            redacteur = form.gekozen()
            try:
                aantal = services.toewijzen(queryset, redacteur, door=request.user)
            except services.Geweigerd as fout:
                self.message_user(request, str(fout), messages.ERROR)
                return None
            self._gemeld(
                request,
                ngettext(
                    "%(aantal)d organisatie heeft een andere redacteur gekregen.",
                    "%(aantal)d organisaties hebben een andere redacteur gekregen.",
                    aantal,
                ),
                aantal,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _g("Toewijzen aan een redacteur"),
            "opts": self.model._meta,
            "form": form,
            "organisaties": queryset.order_by("naam"),
            "geselecteerd": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/organisaties/organisatie/toewijzen.html", context)


# --- Locatie -------------------------------------------------------------------------------


class OpeningstijdInline(admin.TabularInline):
    model = Openingstijd
    extra = 1


@admin.register(Locatie)
class LocatieAdmin(ImportExportBeheer, GeschiedenisAdmin):
    resource_classes = [LocatieResource]
    list_display = ["__str__", "organisatie", "postcode", "plaats", "wijk", "geocodeer_status"]
    list_filter = [WerklijstFilter, "geocodeer_status", "wijk", "rolstoeltoegankelijk"]
    search_fields = ["naam", "adres", "postcode", "plaats", "organisatie__naam"]
    list_select_related = ["organisatie", "wijk"]
    autocomplete_fields = ["organisatie"]
    inlines = [OpeningstijdInline]
    readonly_fields = [
        "geocodeer_status",
        "geocodeer_fout",
        "geocodeer_pogingen",
        "geocodeer_poging_op",
    ]
    fieldsets = [
        (None, {"fields": ["organisatie", "naam"]}),
        (_("Adres"), {"fields": ["adres", ("postcode", "plaats"), "wijk"]}),
        (_("Toegankelijkheid"), {"fields": ["rolstoeltoegankelijk", "toegankelijkheid"]}),
        (
            _("Op de kaart"),
            {
                "fields": [
                    ("latitude", "longitude"),
                    "geocodeer_status",
                    "geocodeer_fout",
                    "geocodeer_pogingen",
                    "geocodeer_poging_op",
                ],
                "description": _(
                    "De coördinaten worden bij het adres opgezocht. Lukt dat niet, vul ze dan "
                    "met de hand in."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisatie__regiobron__isnull=True)


# --- Aanbod --------------------------------------------------------------------------------


@admin.register(Aanbod)
class AanbodAdmin(ImportExportBeheer, GeschiedenisAdmin):
    """Aanbod is edited on its organisation's page; this list serves import, export, history."""

    resource_classes = [AanbodResource]
    list_display = ["naam", "organisatie", "kosten", "volgorde"]
    list_filter = ["kosten", "themas", "doelgroepen"]
    search_fields = ["naam", "omschrijving", "organisatie__naam"]
    list_select_related = ["organisatie"]
    autocomplete_fields = ["organisatie"]
    filter_horizontal = ["themas", "doelgroepen"]
    fields = [
        "organisatie",
        "naam",
        "omschrijving",
        ("kosten", "kosten_toelichting"),
        "hoe_aanmelden",
        "themas",
        "doelgroepen",
        "locaties",
        "volgorde",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisatie__regiobron__isnull=True)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "locaties":
            object_id = str((request.resolver_match.kwargs or {}).get("object_id", ""))
            kwargs["queryset"] = (
                Locatie.objects.filter(organisatie__aanbod__pk=object_id)
                if object_id.isdigit()
                else Locatie.objects.none()
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# --- Wijzigingsvoorstel: a resident's report -----------------------------------------------


class AfwijzenForm(forms.Form):
    notitie = forms.CharField(
        label=_("Waarom wijst u de melding af?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Voor de redactie. De melder krijgt een standaardbericht, zonder deze tekst."),
        error_messages={"required": _("Schrijf op waarom u de melding afwijst.")},
    )


@admin.register(Wijzigingsvoorstel)
class WijzigingsvoorstelAdmin(admin.ModelAdmin):
    """Read-only: a report is handled on its review page, through organisaties.services."""

    list_display = ["organisatie", "aangemaakt", "status", "beoordeeld_door", "beoordelen"]
    list_filter = ["status"]
    search_fields = ["organisatie__naam", "toelichting"]
    list_select_related = ["organisatie", "beoordeeld_door"]
    fields = [
        "beoordelen",
        "organisatie",
        "toelichting",
        "naam",
        "email",
        "aangemaakt",
        "status",
        "notitie",
        "beoordeeld_door",
        "beoordeeld_op",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # residents report through the organisation's page

    def get_urls(self):
        return [
            path(
                "<path:object_id>/beoordelen/",
                self.admin_site.admin_view(self.beoordelen_view),
                name="organisaties_wijzigingsvoorstel_beoordelen",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("beoordelen"))
    def beoordelen(self, melding):
        url = reverse("admin:organisaties_wijzigingsvoorstel_beoordelen", args=[melding.pk])
        tekst = _g("Beoordelen") if melding.status == melding.Status.NIEUW else _g("Bekijken")
        return format_html('<a href="{}">{}</a>', url, tekst)

    def beoordelen_view(self, request, object_id):
        if not str(object_id).isdigit():
            raise PermissionDenied
        melding = get_object_or_404(
            Wijzigingsvoorstel.objects.select_related("organisatie", "beoordeeld_door"),
            pk=object_id,
        )
        if not (
            self.has_change_permission(request, melding)
            and request.user.has_perm("organisaties.change_organisatie")
        ):
            raise PermissionDenied
        afwijzen = AfwijzenForm(request.POST if "afwijzen" in request.POST else None)
        if request.method == "POST":
            try:
                if "verwerkt" in request.POST:
                    services.melding_verwerken(melding, request.user, gecontroleerd=True)
                    self.message_user(
                        request,
                        _g("De melding is verwerkt en de organisatie is gecontroleerd."),
                        messages.SUCCESS,
                    )
                    return self._naar_lijst()
                if afwijzen.is_valid():
                    services.melding_afwijzen(
                        melding, request.user, afwijzen.cleaned_data["notitie"]
                    )
                    self.message_user(request, _g("De melding is afgewezen."), messages.SUCCESS)
                    return self._naar_lijst()
            except services.Geweigerd as fout:
                self.message_user(request, str(fout), messages.ERROR)
                return HttpResponseRedirect(request.path)
        organisatie = (
            Organisatie.objects.met_details()
            .select_related("gepubliceerd_door")
            .get(pk=melding.organisatie_id)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _g("Melding over %(organisatie)s") % {"organisatie": organisatie},
            "opts": self.model._meta,
            "melding": melding,
            "organisatie": organisatie,
            "afwijzen": afwijzen,
            "bewerken_url": reverse("admin:organisaties_organisatie_change", args=[organisatie.pk])
            + f"?melding={melding.pk}",
            "media": self.media,
        }
        return TemplateResponse(
            request, "admin/organisaties/wijzigingsvoorstel/beoordelen.html", context
        )

    def _naar_lijst(self):
        return HttpResponseRedirect(
            reverse("admin:organisaties_wijzigingsvoorstel_changelist") + "?status__exact=nieuw"
        )
