from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bijeenkomsten import inzage, services
from bijeenkomsten.models import (
    Aanmelding,
    Bijeenkomst,
    Inzage,
    Programmaonderdeel,
    Statuswijziging,
)
from bijeenkomsten.rechten import mag_aanmeldingen_zien
from netwerk.rollen import is_beheerder
from organisaties.geschiedenis import GeschiedenisAdmin


class ProgrammaInline(admin.TabularInline):
    model = Programmaonderdeel
    extra = 1


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(GeschiedenisAdmin):
    """Coordinators manage (and see the history of) their own meetings; beheerders all."""

    list_display = ["titel", "start", "status", "capaciteit"]
    list_filter = ["status"]
    search_fields = ["titel", "omschrijving"]
    prepopulated_fields = {"slug": ["titel"]}
    filter_horizontal = ["themas", "coordinatoren"]
    autocomplete_fields = ["locatie", "vervolg_op"]
    date_hierarchy = "start"
    inlines = [ProgrammaInline]
    actions = ["annuleer"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "status", "omschrijving", "themas", "vervolg_op"]}),
        (_("Wanneer en waar"), {"fields": ["start", "einde", "locatie", "locatie_naam", "adres"]}),
        (
            _("Aanmelden"),
            {"fields": ["capaciteit", "aanmelden_vanaf", "aanmelden_tot", "coordinatoren"]},
        ),
        (_("Wachtlijst"), {"fields": ["aanbod_uren", "direct_doorschuiven_uren"]}),
        (_("Na afloop"), {"fields": ["verslag"]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "coordinatoren":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "vervolg_op":
            # The autocomplete offers the user's own meetings; the form also accepts published
            # ones. Never another coordinator's concept: its title would show on this page.
            kwargs["queryset"] = Bijeenkomst.objects.filter(
                Q(pk__in=Bijeenkomst.objects.beheerbaar_door(request.user).values("pk"))
                | ~Q(status=Bijeenkomst.Status.CONCEPT)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        """Coordinators edit their own meetings; beheerders all of them."""
        queryset = super().get_queryset(request)
        if is_beheerder(request.user):
            return queryset
        return queryset.filter(coordinatoren=request.user)

    def verwijderde_geschiedenis_zichtbaar(self, request):
        # Whose a deleted meeting was, its history cannot tell: only beheerders see it.
        return is_beheerder(request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and not is_beheerder(request.user):
            form.instance.coordinatoren.add(request.user)  # who creates it, coordinates it

    def save_model(self, request, obj, form, change):
        annuleren = (
            change
            and "status" in form.changed_data
            and obj.status == Bijeenkomst.Status.GEANNULEERD
        )
        if annuleren:
            obj.status = form.initial["status"]  # the service sets it, and tells attendees
        super().save_model(request, obj, form, change)
        if annuleren:
            services.bijeenkomst_annuleren(obj)
            messages.info(
                request, _("De bijeenkomst is geannuleerd; de deelnemers krijgen een e-mail.")
            )
        elif change and "capaciteit" in form.changed_data:
            gepromoveerd = services.capaciteit_gewijzigd(obj)
            if gepromoveerd:
                messages.info(
                    request,
                    _(
                        "%(aantal)s personen van de wachtlijst hebben een plaats gekregen of "
                        "aangeboden gekregen."
                    )
                    % {"aantal": len(gepromoveerd)},
                )

    @admin.action(description=_("Geselecteerde bijeenkomsten annuleren en deelnemers mailen"))
    def annuleer(self, request, queryset):
        for bijeenkomst in queryset:
            services.bijeenkomst_annuleren(bijeenkomst)


class StatuswijzigingInline(admin.TabularInline):
    model = Statuswijziging
    extra = 0
    can_delete = False
    readonly_fields = ["van", "naar", "reden", "door", "op"]

    def has_add_permission(self, request, obj=None):
        return False


class EigenBijeenkomstenFilter(admin.RelatedFieldListFilter):
    """Offers only the meetings whose attendees this user may see.

    Django's own filter lists every meeting, which showed coordinators the titles of other
    coordinators' concept meetings.
    """

    def field_choices(self, field, request, model_admin):
        zichtbaar = Bijeenkomst.objects.beheerbaar_door(request.user).only("pk", "titel")
        return [(bijeenkomst.pk, str(bijeenkomst)) for bijeenkomst in zichtbaar]


@admin.register(Aanmelding)
class AanmeldingAdmin(admin.ModelAdmin):
    """Read-only: registrations change through the services (coordination pages).

    Every list or registration shown here is written to the access log (Inzage).
    """

    list_display = ["naam", "bijeenkomst", "organisatie_tekst", "status", "aangemaakt"]
    list_filter = ["status", ("bijeenkomst", EigenBijeenkomstenFilter)]
    search_fields = ["naam", "email", "organisatie_naam", "organisatie__naam"]
    list_select_related = ["bijeenkomst", "organisatie"]
    inlines = [StatuswijzigingInline]
    readonly_fields = [
        "bijeenkomst",
        "naam",
        "email",
        "organisatie",
        "organisatie_naam",
        "functie",
        "dieetwensen",
        "toegankelijkheidsbehoeften",
        "status",
        "aangemaakt",
        "wachtlijst_sinds",
        "aanbod_tot",
        "aanbod_verlopen_op",
        "geannuleerd_op",
        "aanwezig_op",
        "aangemeld_door",
        "privacy_akkoord_op",
        "herinnering_verstuurd_op",
        "wil_ontmoeten",
        "geanonimiseerd_op",
    ]
    exclude = ["token"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_beheerder(request.user):
            return queryset
        return queryset.filter(bijeenkomst__coordinatoren=request.user)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        lijst = (getattr(response, "context_data", None) or {}).get("cl")
        if response.status_code == 200 and lijst is not None:
            # One entry per meeting whose attendees are on this page of the list.
            getoond = {a.bijeenkomst_id: a.bijeenkomst for a in lijst.result_list}
            if getoond:
                inzage.vastleggen(request.user, Inzage.Actie.BEHEER_LIJST, list(getoond.values()))
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        aanmelding = (getattr(response, "context_data", None) or {}).get("original")
        if response.status_code == 200 and aanmelding is not None:
            inzage.vastleggen(
                request.user, Inzage.Actie.BEHEER_AANMELDING, aanmelding.bijeenkomst, aanmelding
            )
        return response

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        if obj is not None and not mag_aanmeldingen_zien(request.user, obj.bijeenkomst):
            return False
        return super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_beheerder(request.user)


@admin.register(Inzage)
class InzageAdmin(admin.ModelAdmin):
    """The access log: beheerders read it; nobody, not even a superuser, changes or deletes it."""

    list_display = ["op", "gebruikersnaam", "actie", "bijeenkomst_titel"]
    list_filter = ["actie"]
    search_fields = ["gebruikersnaam", "bijeenkomst_titel"]
    date_hierarchy = "op"
    fields = [
        "op",
        "gebruikersnaam",
        "gebruiker",
        "actie",
        "bijeenkomst_titel",
        "bijeenkomst",
        "aanmelding",
    ]
    readonly_fields = fields
    actions = None

    def has_module_permission(self, request):
        return is_beheerder(request.user)

    def has_view_permission(self, request, obj=None):
        return is_beheerder(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
