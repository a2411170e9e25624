"""Lockout after repeated failed logins: the pieces of django-axes that netwerk sets itself.

The limits are in settings (AXES_*). Here: which address a login comes from, what a locked-out
person sees, and which failures a successful login clears.
"""

import ipaddress
import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render

from netwerk import ratelimit


def client_ip(request):
    """The address the rate limits count (``netwerk.ratelimit.client_ip``), or None.

    axes stores it in an address column: a header that is not an address (a proxy that
    forwards something odd) must count as unknown, not end in a database error.
    """
    adres = ratelimit.client_ip(request)
    try:
        return str(ipaddress.ip_address(adres))
    except ValueError:
        return None


def gebruikersnaam(request, credentials=None):
    """The account name axes counts, cut to the 255 characters its column holds.

    Django's login form does not limit the length of what it passes on; a longer name would
    end in a database error.
    """
    veld = settings.AXES_USERNAME_FORM_FIELD
    naam = credentials.get(veld) if credentials else request.POST.get(veld)
    return naam[:255] if isinstance(naam, str) else naam


class InlogpogingenHandler(AxesDatabaseHandler):
    """axes' database handler, but a successful login clears only its own failures.

    axes' own handler clears every failure that matches any lockout parameter: with
    parameters ["ip_address", "username"] a colleague who logs in to their own account
    would clear all failures from that address, also the guesses at someone else's.
    """

    def reset_user_attempts(self, request, credentials=None):
        aantal, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return aantal


def geblokkeerd(request, original_response=None, credentials=None):
    """The page for a login refused because of too many failed attempts (status 429)."""
    wachttijd = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        # The login page's look, without the links of a logged-in user.
        "has_permission": False,
        "minuten": math.ceil(wachttijd.total_seconds() / 60) if wachttijd else None,
    }
    return render(request, "registration/geblokkeerd.html", context, status=429)
