from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.forms import FOUTEN
from bijeenkomsten.models import Aanmelding
from netwerk.privacy import privacy_uitleg
from netwerk.validators import een_regel_zonder_webadres


class AanmeldForm(forms.ModelForm):
    """A resident signs up for one time of an activity: name, e-mail and what they need.

    Fewer questions than a professional's registration for a meeting; the registration itself
    is the same (bijeenkomsten.services.aanmelden).
    """

    privacy = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages={"required": _("Geef toestemming om uw gegevens te gebruiken.")},
    )
    # Honeypot: hidden from people by CSS, filled in by spam robots.
    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Aanmelding
        fields = ["naam", "email", "toegankelijkheidsbehoeften"]
        labels = {
            "naam": _("Naam"),
            "email": _("E-mailadres"),
            "toegankelijkheidsbehoeften": _("Wat heeft u nodig om goed mee te kunnen doen?"),
        }
        help_texts = {
            "naam": "",
            "email": _("Hier sturen wij de bevestiging naartoe."),
            "toegankelijkheidsbehoeften": _("Bijvoorbeeld een rolstoelplek. Mag leeg blijven."),
        }
        error_messages = FOUTEN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naam"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["naam"].validators.append(een_regel_zonder_webadres)
        self.fields["privacy"].help_text = privacy_uitleg(
            _("Wij gebruiken uw gegevens alleen voor deze activiteit en verwijderen ze daarna."),
            "aanmelden",
        )
        self.helper = FormHelper()
        self.helper.form_id = "aanmeld-formulier"
        self.helper.layout = Layout(
            Field("naam"),
            Field("email"),
            Field("toegankelijkheidsbehoeften"),
            Field("privacy"),
            Field("website", wrapper_class="honeypot"),
            Submit("aanmelden", _("Aanmelden")),
        )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def service_gegevens(self):
        data = self.cleaned_data
        return {
            "naam": data["naam"],
            "email": data["email"],
            "toegankelijkheidsbehoeften": data.get("toegankelijkheidsbehoeften", ""),
        }
