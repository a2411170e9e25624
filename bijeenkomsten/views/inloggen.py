"""Where a coordinator lands after logging in.

The admin's login page sends everyone to the admin index unless a ``next`` says otherwise
(and a login without any ``next`` to settings.LOGIN_REDIRECT_URL, a page that does not exist
here: that too becomes the start page). A coordinator without other staff roles has nothing
to do in the admin on the day of a meeting, so their start page is /coordinatie/. A ``next``
in the address (they followed a link to a page that needed a login, /admin/ included) is
kept. The second factor still
applies: the middleware of netwerk.tweestapsverificatie stands between them and
/coordinatie/ as it does before /admin/.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import resolve_url
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from bijeenkomsten.rechten import begint_bij_coordinatie


@sensitive_post_parameters()
@csrf_protect
@never_cache
def inloggen(request):
    response = admin.site.login(request)
    standaard = {reverse("admin:index"), resolve_url(settings.LOGIN_REDIRECT_URL)}
    if (
        request.method == "POST"
        and response.status_code == 302
        and response["Location"] in standaard
        and request.user.is_authenticated
        and not request.GET.get(REDIRECT_FIELD_NAME)
    ):
        response["Location"] = reverse(
            "bijeenkomsten:coordinatie" if begint_bij_coordinatie(request.user) else "admin:index"
        )
    return response
