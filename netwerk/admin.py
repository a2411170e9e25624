from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.rechten import is_beheerder
from netwerk.email import verstuur
from netwerk.models import UitgaandeEmail


@admin.register(UitgaandeEmail)
class UitgaandeEmailAdmin(admin.ModelAdmin):
    """The outbox, for beheerders only: e-mails hold attendees' names and addresses."""

    list_display = ["onderwerp", "aan", "status", "pogingen", "aangemaakt", "verzonden_op"]
    list_filter = ["status"]
    search_fields = ["aan", "onderwerp"]
    readonly_fields = [f.name for f in UitgaandeEmail._meta.fields]
    actions = ["nu_versturen"]

    def has_module_permission(self, request):
        return is_beheerder(request.user)

    def has_view_permission(self, request, obj=None):
        return is_beheerder(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return is_beheerder(request.user)

    @admin.action(description=_("Nu opnieuw proberen te versturen"))
    def nu_versturen(self, request, queryset):
        for email in queryset.filter(status=UitgaandeEmail.Status.WACHTEND):
            verstuur(email.pk)
