"""The site's two languages: Dutch (the default) and English.

Only the visitor's own choice switches the language: the cookie that Django's ``set_language``
view sets when they press the switcher in the header. A browser that asks for English in its
Accept-Language header still gets Dutch, as the gemeente's site does not guess; every page
offers the switch, and the choice is remembered for a year.
"""

from django.conf import settings
from django.db import models
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language


def taalveld(help_text):
    """The language a person used the site in, stored so that e-mails to them (also those that
    staff start later) go out in that language."""
    return models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=help_text,
    )


def gekozen_taal(request):
    """The language of the cookie if it names one of LANGUAGES, otherwise Dutch."""
    gekozen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if gekozen in dict(settings.LANGUAGES):
        return gekozen
    return settings.LANGUAGE_CODE


class TaalMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing by the cookie alone (never Accept-Language)."""

    def process_request(self, request):
        translation.activate(gekozen_taal(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # A page differs by the cookie, not by Accept-Language. Stylesheets, files and the
        # API's JSON are the same in both languages and stay cacheable for everyone.
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


# The switcher sits on every page, also on pages served from the page cache
# (netwerk.paginacache), which cannot carry a visitor's own CSRF token. Choosing a language
# changes nothing but the language cookie, and set_language only redirects within this site,
# so it takes a POST without a token.
taal_kiezen = csrf_exempt(set_language)
