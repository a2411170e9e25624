"""The second factor for staff: a code from an authenticator app (TOTP, django-otp).

When settings.TWEE_FACTOR_VERPLICHT is on, a staff member who logged in with a password only
reaches neither /admin/, /coordinatie/ nor /signalen/beheer/ until they gave a code: the
middleware sends them to ``controleren``, or to ``instellen`` when they have no app set up
yet. django-otp keeps the verified device in the session (OTPMiddleware) and slows down wrong
codes (throttling).
"""

import base64
import io
import re
from base64 import b32encode
from functools import wraps

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice


def _is_staf(gebruiker):
    return gebruiker.is_authenticated and (gebruiker.is_staff or gebruiker.is_superuser)


class TweestapsverificatieMiddleware:
    """Sends staff without a verified second factor from the staff areas to the code page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TWEE_FACTOR_VERPLICHT and self._moet_code_geven(request):
            volgende = request.get_full_path() if request.method == "GET" else request.path
            return redirect(f"{reverse('tweestapsverificatie')}?{urlencode({'next': volgende})}")
        return self.get_response(request)

    def _moet_code_geven(self, request):
        pad = request.path
        beschermd = (
            reverse("admin:index"),
            reverse("bijeenkomsten:coordinatie"),
            reverse("signalen:werkvoorraad"),
        )
        # Logging out, and logging in as someone else, need no code.
        vrij = (reverse("admin:logout"), reverse("admin:login"))
        if not pad.startswith(beschermd) or pad in vrij:
            return False
        return _is_staf(request.user) and not request.user.is_verified()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code uit de app"),
        help_text=gettext_lazy("De 6 cijfers die de app nu toont."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 8,
            }
        ),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Vul de 6 cijfers in die de app nu toont."))
        return code


def _volgende(request):
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("admin:index")


def _controleer_code(request, apparaat, form):
    """True when the form's code is right for ``apparaat``; else the reason is on the form."""
    toegestaan, gegevens = apparaat.verify_is_allowed()
    if not toegestaan:
        tot = (gegevens or {}).get("locked_until")
        if tot:
            melding = _("U heeft te vaak een verkeerde code ingevuld. Probeer het na %(tijd)s.") % {
                "tijd": time_format(timezone.localtime(tot), "H:i:s")
            }
        else:
            melding = _("U heeft te vaak een verkeerde code ingevuld. Probeer het zo opnieuw.")
        form.add_error("code", melding)
        return False
    if not apparaat.verify_token(form.cleaned_data["code"]):
        form.add_error(
            "code",
            _(
                "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat en vul de "
                "nieuwste code in."
            ),
        )
        return False
    return True


def _inloggen(request, apparaat):
    """Marks the session as verified with ``apparaat``; a new session key, as at any login."""
    request.session.cycle_key()
    django_otp.login(request, apparaat)


def _context(request, **extra):
    return {
        **admin.site.each_context(request),
        # The look of the login page: no menu of the admin yet.
        "has_permission": False,
        "next": _volgende(request),
        **extra,
    }


def _alleen_als_verplicht(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.TWEE_FACTOR_VERPLICHT:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@_alleen_als_verplicht
@staff_member_required
@never_cache
def controleren(request):
    """Asks the code of the app the staff member set up before."""
    if request.user.is_verified():
        return redirect(_volgende(request))
    apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if apparaat is None:
        return redirect(f"{reverse('tweestapsverificatie_instellen')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _controleer_code(request, apparaat, form):
        _inloggen(request, apparaat)
        return redirect(_volgende(request))
    return render(
        request,
        "registration/tweestapsverificatie.html",
        _context(request, form=form, uitgever=settings.OTP_TOTP_ISSUER),
    )


@_alleen_als_verplicht
@staff_member_required
@never_cache
def instellen(request):
    """Sets up the authenticator app: a QR code and the key, confirmed with a first code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(f"{reverse('tweestapsverificatie')}?{request.GET.urlencode()}")
    # The same key on every visit until it is confirmed, so that a reload does not break the
    # app the staff member just scanned it into.
    apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("pk").first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(
            user=request.user, name=_("Authenticator-app"), confirmed=False
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _controleer_code(request, apparaat, form):
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        _inloggen(request, apparaat)
        messages.success(
            request,
            _("Tweestapsverificatie staat aan. Voortaan vraagt de site na uw wachtwoord een code."),
        )
        return redirect(_volgende(request))
    sleutel = b32encode(apparaat.bin_key).decode()
    return render(
        request,
        "registration/tweestapsverificatie_instellen.html",
        _context(
            request,
            form=form,
            qr_code=_qr_code(apparaat.config_url),
            # In groups of four, easier to type over.
            sleutel=" ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4)),
        ),
    )


def _qr_code(inhoud):
    """The QR code as a data: URL of an SVG image (the Content-Security-Policy allows data:
    images, and no inline styles), black on white so that it scans in dark mode too."""
    afbeelding = qrcode.make(inhoud, image_factory=qrcode.image.svg.SvgPathFillImage)
    uitvoer = io.BytesIO()
    afbeelding.save(uitvoer)
    return "data:image/svg+xml;base64," + base64.b64encode(uitvoer.getvalue()).decode()
