"""The signaalpunt's configuration in the admin: which wijkteam serves which wijk, who works in
which team, and the trail read-only.

The signals themselves are not in the admin: their own pages (/signalen/beheer/) ask the team,
log every view and are never cached. The trail shows who did what and when, without notes; no
one, not even a superuser, adds, changes or deletes a row of it here.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from signalen.models import SignaalGebeurtenis, Teamlid, Wijkroute


@admin.register(Wijkroute)
class WijkrouteAdmin(admin.ModelAdmin):
    list_display = ["wijk", "team", "postcodes_kort"]
    list_select_related = ["wijk", "team"]
    search_fields = ["wijk__naam", "team__naam"]

    @admin.display(description=_("postcodes"))
    def postcodes_kort(self, obj):
        return ", ".join(obj.postcodes) or "—"


@admin.register(Teamlid)
class TeamlidAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "team"]
    list_filter = ["team"]
    list_select_related = ["gebruiker", "team"]
    search_fields = ["gebruiker__username", "gebruiker__first_name", "gebruiker__last_name"]


@admin.register(SignaalGebeurtenis)
class SignaalGebeurtenisAdmin(admin.ModelAdmin):
    list_display = ["wanneer", "signaal", "soort", "omschrijving_kort", "wie"]
    list_filter = ["soort"]
    list_select_related = ["signaal", "wie"]
    search_fields = ["signaal__referentie"]
    fields = ["wanneer", "signaal", "soort", "omschrijving", "wie"]
    readonly_fields = fields

    @admin.display(description=_("omschrijving"))
    def omschrijving_kort(self, obj):
        return obj.omschrijving if obj.soort != SignaalGebeurtenis.Soort.NOTITIE else "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
