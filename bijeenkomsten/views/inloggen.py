"""Where a coordinator lands after logging in.

The admin's login page sends everyone to the admin index unless a ``next`` says otherwise.
A coordinator without other staff roles has nothing to do there on the day of a meeting, so
their default destination becomes /coordinatie/. A ``next`` of their own (a link they
followed to the login page) is kept. The second factor still applies: the middleware of
netwerk.tweestapsverificatie stands between them and /coordinatie/ as it does before /admin/.
"""

from django.contrib import admin
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
    standaard = reverse("admin:index")
    if (
        request.method == "POST"
        and response.status_code == 302
        and response["Location"] == standaard
        and begint_bij_coordinatie(request.user)
    ):
        response["Location"] = reverse("bijeenkomsten:coordinatie")
    return response
