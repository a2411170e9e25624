"""Logging out wipes what this site kept in the browser: caches, storage, service workers.

The door mode (bijeenkomsten.views.deur) keeps a meeting's attendee list on the phone for
offline check-in. A phone at the door is passed around, so logging out, through whichever
view, must remove that list too. Django's ``user_logged_out`` signal marks the request; the
middleware then adds ``Clear-Site-Data`` to that request's response.
"""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

WIS_SITE_GEGEVENS = '"cache", "storage"'


@receiver(user_logged_out, dispatch_uid="netwerk.uitloggen.markeer")
def _markeer_uitgelogd(sender, request, **kwargs):
    if request is not None:
        request.netwerk_uitgelogd = True


class WisSiteGegevensMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "netwerk_uitgelogd", False):
            response.headers["Clear-Site-Data"] = WIS_SITE_GEGEVENS
        return response
