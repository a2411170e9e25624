"""The link from a form to the privacy statement (templates/pagina/privacy.html)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _


def privacy_uitleg(tekst, anker=""):
    """A field's help text followed by a link to the privacy statement (at ``anker``).

    The link opens in a new tab, so that what the visitor typed in the form stays put.
    """
    return format_html(
        '{} <a class="utrecht-link utrecht-link--html-a" href="{}{}" target="_blank" '
        'rel="noopener">{}</a>',
        tekst,
        reverse("privacy"),
        f"#{anker}" if anker else "",
        _("Lees de privacyverklaring (opent in een nieuw tabblad)."),
    )
