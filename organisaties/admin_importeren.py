"""Import and export in the admin: the pages around organisaties.importeren's resources.

``ImportExportBeheer`` is django-import-export's ImportExportMixin for this site: Dutch pages
(templates/admin/import_export/), the file format taken from the file's extension, an example
file per sheet, all or nothing, and the permissions of the model (import needs add and change,
export needs view).
"""

from pathlib import PurePath

import tablib
from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.exceptions import PermissionDenied
from django.forms import HiddenInput, Media
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm, ImportForm
from import_export.results import RowResult
from import_export.tmp_storages import CacheStorage

from netwerk.spreadsheets import veilige_cel
from organisaties.importeren import (
    FORMAAT_NAMEN,
    FORMATEN,
    VOLGORDE,
    LeesFout,
)

# Larger files are refused: split them. The rows are what one web request imports well within
# its time (about 20 seconds per 1,000 organisations on a small server).
MAX_BESTAND = 10 * 1024 * 1024
MAX_RIJEN = 1000


class ImportFormulier(ImportForm):
    """Only a file: its extension says whether it is Excel or CSV."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formaten = formats
        self.fields["format"].required = False
        self.fields["format"].widget = HiddenInput()
        bestand = self.fields["import_file"]
        bestand.label = _("Bestand")
        bestand.help_text = _("Een Excel-bestand (.xlsx) of een CSV-bestand (.csv), tot 10 MB.")
        bestand.error_messages["required"] = _("Kies een bestand.")
        bestand.widget.attrs.update({"accept": ".xlsx,.csv", "class": ""})

    @property
    def media(self):
        return Media()  # no script: the format follows from the file's extension

    def clean(self):
        data = super().clean()
        bestand = data.get("import_file")
        if bestand is None:
            return data
        extensie = PurePath(bestand.name).suffix.lower().lstrip(".")
        soort = next(
            (str(i) for i, f in enumerate(self.formaten) if f().get_extension() == extensie), None
        )
        if soort is None:
            self.add_error("import_file", _("Kies een bestand dat eindigt op .xlsx of .csv."))
        elif bestand.size > MAX_BESTAND:
            self.add_error(
                "import_file",
                _("Het bestand is groter dan 10 MB. Verdeel het over meer bestanden."),
            )
        else:
            data["format"] = soort
        return data


class ExportFormulier(ExportForm):
    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        veld = self.fields["format"]
        veld.label = _("Bestandsformaat")
        veld.choices = [
            (waarde, FORMAAT_NAMEN.get(str(naam), naam)) for waarde, naam in veld.choices
        ]
        veld.choices = [(w, n) for w, n in veld.choices if w != ""]
        veld.initial = "0"
        veld.error_messages["required"] = _("Kies een bestandsformaat.")


class ImportExportBeheer(ImportExportMixin):
    """Import and export in the admin, in Dutch, all or nothing, with an example file.

    Import needs the add and change permissions of the model; export the view permission.
    The uploaded file waits for the confirmation in the shared cache, so that any app
    process can finish the import.
    """

    formats = FORMATEN
    import_form_class = ImportFormulier
    export_form_class = ExportFormulier
    tmp_storage_class = CacheStorage
    import_template_name = "admin/import_export/import.html"
    export_template_name = "admin/import_export/export.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_resource_kwargs(self, request, **kwargs):
        return {**super().get_import_resource_kwargs(request, **kwargs), "max_rijen": MAX_RIJEN}

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        return kwargs

    def get_urls(self):
        info = self.get_model_info()
        return [
            path(
                "import/voorbeeld.<str:extensie>",
                self.admin_site.admin_view(self.voorbeeld_view),
                name="{}_{}_import_voorbeeld".format(*info),
            ),
            *super().get_urls(),
        ]

    def _formaat(self, extensie):
        for formaat in self.formats:
            if formaat().get_extension() == extensie:
                return formaat()
        raise Http404

    def voorbeeld_view(self, request, extensie):
        """A small file in the right shape, with rows that import on this site."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        formaat = self._formaat(extensie)
        resource = self.get_import_resource_classes(request)[0]
        kolommen = [naam for naam, _uitleg, _verplicht in resource.kolommen()]
        dataset = tablib.Dataset(headers=kolommen)
        for rij in resource.voorbeeld():
            dataset.append([veilige_cel(rij.get(kolom, "")) for kolom in kolommen])
        antwoord = HttpResponse(
            formaat.export_data(dataset), content_type=formaat.get_content_type()
        )
        naam = f"voorbeeld-{slugify(str(self.opts.verbose_name_plural))}.{extensie}"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord

    def get_import_context_data(self, **kwargs):
        info = self.get_model_info()
        resource = self.get_import_resource_classes(None)[0]
        stappen = []
        for model, _resource in VOLGORDE:
            try:
                url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
            except NoReverseMatch:  # a model without an import page
                url = ""
            stappen.append((model._meta.verbose_name_plural, url, model is self.model))
        return {
            "kolommen": resource.kolommen(),
            "voorbeelden": [
                (
                    FORMAAT_NAMEN[f().get_extension()],
                    reverse(
                        "admin:{}_{}_import_voorbeeld".format(*info), args=[f().get_extension()]
                    ),
                )
                for f in self.formats
            ],
            "stappen": stappen,
            "soortnamen": {
                RowResult.IMPORT_TYPE_NEW: _("Nieuw"),
                RowResult.IMPORT_TYPE_UPDATE: _("Gewijzigd"),
                RowResult.IMPORT_TYPE_SKIP: _("Al gelijk"),
            },
            **kwargs,
        }

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, LeesFout):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                _(
                    "Het bestand kon niet worden gelezen. Is het een .xlsx- of .csv-bestand "
                    "met de kolomnamen op de eerste regel?"
                ),
            )

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except LeesFout as fout:
            messages.error(request, _("Er is niets geïmporteerd. %(fout)s") % {"fout": fout})
            return HttpResponseRedirect(
                reverse("admin:{}_{}_import".format(*self.get_model_info()))
            )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between the dry run and the confirmation: nothing was saved.
            messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten."))
            context = {
                **self.admin_site.each_context(request),
                **self.get_import_context_data(),
                "title": _("Importeren"),
                "form": self.get_import_form_class(request)(
                    self.get_import_formats(), self.get_import_resource_classes(request)
                ),
                "opts": self.model._meta,
                "result": result,
            }
            return TemplateResponse(request, [self.import_template_name], context)
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        totalen = result.totals
        messages.success(
            request,
            _(
                "De import is klaar: %(nieuw)s nieuw, %(gewijzigd)s gewijzigd, "
                "%(gelijk)s waren al gelijk."
            )
            % {
                "nieuw": totalen[RowResult.IMPORT_TYPE_NEW],
                "gewijzigd": totalen[RowResult.IMPORT_TYPE_UPDATE],
                "gelijk": totalen[RowResult.IMPORT_TYPE_SKIP],
            },
        )

    def _create_log_entry(self, user_pk, rows, import_type, action_flag):
        if rows:
            LogEntry.objects.log_actions(
                user_pk,
                rows,
                action_flag,
                change_message=_("Geïmporteerd")
                if action_flag == ADDITION
                else _("Gewijzigd door een import"),
                single_object=len(rows) == 1,
            )

    def get_export_filename(self, request, queryset, file_format):
        datum = timezone.localdate().isoformat()
        naam = slugify(str(self.opts.verbose_name_plural))
        return f"{naam}-{datum}.{file_format.get_extension()}"
