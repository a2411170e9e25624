"""The postcode table in the admin, with an upload of open data (organisaties.postcodes).

The upload is read in the web request, so it is capped: a file of the PC4 areas (about 4,000
lines) fits easily. The full PC6 file (about 460,000 lines) goes through
``manage.py importeer_postcodes``, which streams it in batches.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from organisaties.models import Postcode
from organisaties.postcodes import ImportFout, als_tekst, importeer

MAX_UPLOAD = 2 * 1024 * 1024  # about 60,000 lines: a second or two


class PostcodeUploadForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Met de kolommen postcode, latitude en longitude, bijvoorbeeld "
            "3142,51.9165,4.2503 of 3142AB;51,9160;4,2500. Tot 2 MB; een groter bestand "
            "(alle PC6-postcodes) leest de technisch beheerder in met "
            "manage.py importeer_postcodes."
        ),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("Dit bestand is groter dan 2 MB. Laat het inlezen met importeer_postcodes.")
            )
        return bestand


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ["postcode", "latitude", "longitude", "bron", "bijgewerkt"]
    list_filter = ["bron"]
    search_fields = ["postcode"]
    readonly_fields = ["bijgewerkt"]
    change_list_template = "admin/organisaties/postcode/change_list.html"

    def get_urls(self):
        return [
            path(
                "importeren/",
                self.admin_site.admin_view(self.importeren_view),
                name="organisaties_postcode_importeren",
            ),
            *super().get_urls(),
        ]

    def importeren_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = PostcodeUploadForm(request.POST or None, request.FILES or None)
        verslag = None
        if request.method == "POST" and form.is_valid():
            try:
                verslag = importeer(als_tekst(form.cleaned_data["bestand"].file))
            except ImportFout as fout:
                form.add_error("bestand", str(fout))
            else:
                if not verslag.aantal_fouten:
                    self.message_user(request, verslag.samenvatting(), messages.SUCCESS)
                    return HttpResponseRedirect(reverse("admin:organisaties_postcode_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _g("Postcodes importeren"),
            "opts": self.model._meta,
            "form": form,
            "verslag": verslag,
        }
        return TemplateResponse(request, "admin/organisaties/postcode/importeren.html", context)
