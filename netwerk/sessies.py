"""Staff sessions end after a working day, and after an hour without activity.

Django's SESSION_COOKIE_AGE counts from the last time the session was saved, so a session in
use would live on forever. Here the session holds the time of login and of the last request,
and the middleware logs out when either is too long ago (settings STAF_SESSIE_MAX_UREN and
STAF_SESSIE_INACTIEF_MINUTEN). The last activity is written at most once a minute: a session
saved on every request would cost a database write per page.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

INGELOGD_OM = "netwerk_ingelogd_om"
LAATST_ACTIEF = "netwerk_laatst_actief"
# Seconds between two writes of the last activity.
SCHRIJF_INTERVAL = 60


class StafSessieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sessie = request.session
        # Without a session cookie nobody is logged in; reading the session would only add
        # "Vary: Cookie" to every anonymous page.
        sleutel_voor = sessie.session_key
        gebruiker_voor = sessie.get(SESSION_KEY) if sleutel_voor else None
        nu = timezone.now().timestamp()
        if gebruiker_voor is not None and request.user.is_authenticated:
            reden = self._verlopen(sessie, nu)
            if reden:
                return self._uitloggen(request, reden)
        response = self.get_response(request)
        if not sessie.accessed or not sessie.get(SESSION_KEY):
            return response
        # A login during this request gives a new session key (django.contrib.auth.login).
        if sessie.session_key != sleutel_voor or sessie.get(SESSION_KEY) != gebruiker_voor:
            sessie[INGELOGD_OM] = sessie[LAATST_ACTIEF] = nu
        elif nu - sessie.get(LAATST_ACTIEF, 0) >= SCHRIJF_INTERVAL:
            sessie[LAATST_ACTIEF] = nu
            # A session from before this middleware counts from now.
            sessie.setdefault(INGELOGD_OM, nu)
        return response

    def _verlopen(self, sessie, nu):
        ingelogd_om = sessie.get(INGELOGD_OM)
        laatst_actief = sessie.get(LAATST_ACTIEF)
        if ingelogd_om is None or laatst_actief is None:
            return None
        if nu - ingelogd_om > timedelta(hours=settings.STAF_SESSIE_MAX_UREN).total_seconds():
            return _(
                "U bent uitgelogd, omdat u langer dan %(uren)s uur geleden inlogde. "
                "Log opnieuw in om verder te werken."
            ) % {"uren": settings.STAF_SESSIE_MAX_UREN}
        if (
            nu - laatst_actief
            > timedelta(minutes=settings.STAF_SESSIE_INACTIEF_MINUTEN).total_seconds()
        ):
            return _(
                "U bent uitgelogd, omdat u %(minuten)s minuten niets deed op de site. "
                "Log opnieuw in om verder te werken."
            ) % {"minuten": settings.STAF_SESSIE_INACTIEF_MINUTEN}
        return None

    def _uitloggen(self, request, reden):
        logout(request)
        messages.warning(request, reden)
        volgende = request.get_full_path() if request.method == "GET" else None
        return redirect_to_login(volgende or reverse("admin:index"))
