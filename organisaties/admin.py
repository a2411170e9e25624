from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from organisaties.models import (
    Aanbod,
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
class TaxonomieAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    list_editable = ["volgorde"]
    prepopulated_fields = {"slug": ["naam"]}
    search_fields = ["naam"]


@admin.register(Wijk)
class WijkAdmin(TaxonomieAdmin):
    list_display = ["naam", "slug", "cbs_code", "volgorde"]


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
        "volgorde",
    ]


class LocatieInline(admin.StackedInline):
    model = Locatie
    extra = 0
    fields = [
        "naam",
        "adres",
        ("postcode", "plaats"),
        ("latitude", "longitude"),
        "wijk",
        "rolstoeltoegankelijk",
        "toegankelijkheid",
    ]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "status", "laatst_geverifieerd", "gewijzigd"]
    list_filter = ["status", "soort", "themas", "wijken"]
    search_fields = ["naam", "omschrijving"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["themas", "wijken"]
    list_select_related = ["soort"]
    inlines = [LocatieInline, AanbodInline]
    date_hierarchy = "gewijzigd"
    fieldsets = [
        (None, {"fields": ["naam", "slug", "soort", "status", "omschrijving"]}),
        (_("Contact"), {"fields": ["website", "email", "telefoon"]}),
        (_("Indeling"), {"fields": ["themas", "wijken"]}),
        (_("Controle"), {"fields": ["laatst_geverifieerd"]}),
    ]


class OpeningstijdInline(admin.TabularInline):
    model = Openingstijd
    extra = 0


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisatie", "postcode", "plaats", "wijk"]
    list_filter = ["wijk", "rolstoeltoegankelijk"]
    search_fields = ["naam", "adres", "postcode", "organisatie__naam"]
    list_select_related = ["organisatie", "wijk"]
    autocomplete_fields = ["organisatie"]
    inlines = [OpeningstijdInline]


@admin.register(Wijzigingsvoorstel)
class WijzigingsvoorstelAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "aangemaakt", "status"]
    list_filter = ["status"]
    list_editable = ["status"]
    search_fields = ["organisatie__naam", "toelichting"]
    list_select_related = ["organisatie"]
    readonly_fields = ["organisatie", "toelichting", "naam", "email", "aangemaakt"]
