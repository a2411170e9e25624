from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from netwerk.privacy import privacy_uitleg
from netwerk.validators import een_regel_zonder_webadres
from organisaties.models import Wijzigingsvoorstel


class WijzigingsvoorstelForm(forms.ModelForm):
    """'Klopt er iets niet?': a resident reports an error on an organisation's page."""

    # Honeypot: hidden from people by CSS and aria-hidden, filled in by spam robots.
    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Wijzigingsvoorstel
        fields = ["toelichting", "naam", "email"]
        labels = {
            "toelichting": _("Wat klopt er niet?"),
            "naam": _("Uw naam (niet verplicht)"),
            "email": _("Uw e-mailadres (niet verplicht)"),
        }
        # The model's help texts speak to staff in the admin; residents get these, or none.
        help_texts = {
            "toelichting": _("Bijvoorbeeld een ander telefoonnummer of andere openingstijden."),
            "naam": "",
        }
        error_messages = {
            "toelichting": {
                "required": _("Schrijf op wat er niet klopt."),
                "max_length": _("Uw melding is te lang: gebruik maximaal %(limit_value)d tekens."),
            },
            "email": {"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
        }
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["naam"].widget.attrs["autocomplete"] = "name"
        self.fields["naam"].validators.append(een_regel_zonder_webadres)
        self.fields["email"].help_text = privacy_uitleg(
            _("Alleen als wij u een vraag mogen stellen over uw melding."), "melden"
        )
        self.helper = FormHelper()
        self.helper.form_id = "melden-formulier"
        # Without JavaScript an invalid form reloads the page: land on the form, not the top.
        self.helper.form_action = "#melden"
        self.helper.layout = Layout(
            Field("toelichting"),
            Field("naam"),
            Field("email"),
            Field("website", wrapper_class="honeypot"),
            Submit("verstuur", _("Melding versturen")),
        )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
