"""Settings for netwerk, read from the environment in this one place.

Every variable has a development default, so ``make run`` works without any configuration.
Production sets at least DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# --- Core -----------------------------------------------------------------------------------

# Development mode: verbose errors, console e-mail. Off in production.
DEBUG = env.bool("DEBUG", default=True)
# Signing key for sessions, personal links and tokens; production must set its own. The
# development key is in the repository, so the site refuses to start with it when DEBUG is off.
ONTWIKKELSLEUTEL = "ontwikkeling-niet-geheim-" + "x" * 40
SECRET_KEY = env.str("SECRET_KEY", default=ONTWIKKELSLEUTEL)
if not DEBUG and (not SECRET_KEY or SECRET_KEY == ONTWIKKELSLEUTEL):
    raise ImproperlyConfigured(
        "SECRET_KEY ontbreekt: zet een eigen, geheime SECRET_KEY in de omgeving als DEBUG "
        "uit staat (maak er een met: python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))')."
    )
# Host names this site answers to, comma separated.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
# Origins allowed to POST forms when behind a proxy with another host name.
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "crispy_forms",
    "solo",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "procrastinate.contrib.django",
    "simple_history",
    "import_export",
    "netwerk.apps.NetwerkConfig",
    "organisaties",
    "bijeenkomsten",
    "signalen",
    "activiteiten",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "netwerk.middleware.BeveiligingsheadersMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the path, after the headers above so that its 404 carries them.
    "netwerk.middleware.OngeldigAdresMiddleware",
    # Links with utm_*/fbclid/gclid redirect to the clean address (one page cache entry).
    "netwerk.middleware.VolgparametersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: Dutch unless the visitor chose English with the switcher (netwerk.taal).
    "netwerk.taal.TaalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made a change in the admin in the change history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "organisaties.geschiedenis.versie_per_verzoek",
    # Knows whether the logged-in user also gave the code of their second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Logging out also wipes what the door's service worker kept on the phone.
    "netwerk.uitloggen.WisSiteGegevensMiddleware",
    # Ends a staff session after a working day or an hour idle (netwerk/sessies.py).
    "netwerk.sessies.StafSessieMiddleware",
    # Staff without a verified second factor go to the code page first.
    "netwerk.tweestapsverificatie.TweestapsverificatieMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its Dutch page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "netwerk.urls"
WSGI_APPLICATION = "netwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netwerk.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

# postgres://user:password@host:port/name. Unset: an embedded PostgreSQL in .data/pg.
DATABASE_URL = env.str("DATABASE_URL", default="")
if not DATABASE_URL:
    from netwerk.database import embedded_database_url

    DATABASE_URL = embedded_database_url(BASE_DIR / ".data" / "pg")
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
# Keep connections open between requests; 0 closes them after each request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------

# redis://host:port/db. Needed when more than one app process serves the site, so that the
# page cache is invalidated for all of them and rate limits count across processes.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "netwerk.rediscache.RedisCache",  # one client per pool (see there)
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="netwerk"),
            # A Redis that hangs must not hang every page: give up after two seconds.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    # Without Redis the cache lives in PostgreSQL (the table is made by netwerk's migrations),
    # so that every process shares the page cache and the rate limits; a per-process memory
    # cache would let each gunicorn worker count its own limits.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "netwerk_cache",
        }
    }
# django-solo keeps SiteConfiguratie in the cache: no query per page for the site settings.
SOLO_CACHE = "default"
SOLO_CACHE_TIMEOUT = 300
# Seconds an anonymous directory page may be served from the cache. Any change to the
# directory invalidates all cached pages at once, so this only bounds memory use.
PAGINA_CACHE_SECONDEN = env.int("PAGINA_CACHE_SECONDEN", default=600)

# --- Authentication -------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# django-axes first: it refuses a locked-out account before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout after failed logins (django-axes). Failed logins before a lock:
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Minutes a lock lasts; every new try during the lock starts this period again.
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_BLOKKADE_MINUTEN", default=15))
# Counted per address (one address guessing many accounts) and per account name (many
# addresses guessing one account): either one reaching the limit locks.
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# A successful login clears the failures of that account from that address, and only those
# (netwerk.inlogblokkade.InlogpogingenHandler): logging in to one's own account never clears
# the count of guesses at someone else's.
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "netwerk.inlogblokkade.InlogpogingenHandler"
# The client's address as the rate limits see it (netwerk.ratelimit.client_ip): X-Forwarded-For
# counts only for AANTAL_PROXIES proxies, so a forged header cannot reset the count.
# (axes' AXES_IPWARE_* settings need django-ipware, which is not installed.)
AXES_CLIENT_IP_CALLABLE = "netwerk.inlogblokkade.client_ip"
# The account name as counted, cut to the length axes stores.
AXES_USERNAME_CALLABLE = "netwerk.inlogblokkade.gebruikersnaam"
# The Dutch page (status 429) that says the login is blocked for a while and whom to ask.
AXES_LOCKOUT_CALLABLE = "netwerk.inlogblokkade.geblokkeerd"

# Staff must give a code from an authenticator app (TOTP) after their password before they
# reach /admin/ or /coordinatie/. On by default outside development. This is the documented
# switch for a demo site whose visitors log in with shared demo accounts: set
# TWEE_FACTOR_VERPLICHT=false there, never on a site with real data.
TWEE_FACTOR_VERPLICHT = env.bool("TWEE_FACTOR_VERPLICHT", default=not DEBUG)
# The name the authenticator app shows next to the code.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="netwerk")
# The admin of django-otp never shows a device's secret or QR code, not even to superusers.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# A staff session ends this many hours after logging in, however active ...
STAF_SESSIE_MAX_UREN = env.int("STAF_SESSIE_MAX_UREN", default=8)
# ... and after this many minutes without a request.
STAF_SESSIE_INACTIEF_MINUTEN = env.int("STAF_SESSIE_INACTIEF_MINUTEN", default=60)

# --- Language and time ----------------------------------------------------------------------

LANGUAGE_CODE = "nl"
# Dutch is the default; English only for a visitor who chose it (netwerk.taal).
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
# The choice is remembered for a year, in a cookie that scripts cannot read.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static files ---------------------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
# Uploaded files (the municipality's logo).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".data" / "media")

# --- E-mail ---------------------------------------------------------------------------------

# smtp://user:password@host:587 (with ?tls=True), or consolemail:// in development.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Sender address of all e-mail the site sends.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="netwerk@gemeente.example")

# Seconds a worker waits for the mail server; the outbox retries what fails. Web requests
# never talk to the mail server (netwerk.email).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# The site's own address, for links and calendar entries in e-mail.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Registration for meetings ----------------------------------------------------------------

# Longest wait (ms) for another registration of the same meeting to finish; after that the
# visitor is asked to try again instead of waiting on.
AANMELDEN_LOCK_TIMEOUT_MS = env.int("AANMELDEN_LOCK_TIMEOUT_MS", default=5000)
# Registrations one IP address may send per hour through the public form.
AANMELDEN_LIMIET_PER_UUR = env.int("AANMELDEN_LIMIET_PER_UUR", default=20)
# Days before a meeting that attendees get their reminder (a periodic task, every hour).
HERINNERING_DAGEN = env.int("HERINNERING_DAGEN", default=2)
# Minutes before a meeting's start that check-in at the door opens (until the meeting ends).
INCHECKEN_MINUTEN_VOOR_START = env.int("INCHECKEN_MINUTEN_VOOR_START", default=120)
# The concurrency tests' switches (race window, lock off) exist only in tests/settings.py:
# no environment variable can weaken the registration lock.

# --- Forms ----------------------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = ["nlds"]
CRISPY_TEMPLATE_PACK = "nlds"
# A form that cannot render must fail loudly, never show an empty form.
CRISPY_FAIL_SILENTLY = False

# Change suggestions ("Klopt er iets niet?") one IP address may send per hour.
WIJZIGINGSVOORSTEL_LIMIET_PER_UUR = env.int("WIJZIGINGSVOORSTEL_LIMIET_PER_UUR", default=5)
# Number of proxies in front of the app that append to X-Forwarded-For; 0 trusts only
# REMOTE_ADDR. Used to find the client's address for rate limits.
AANTAL_PROXIES = env.int("AANTAL_PROXIES", default=0)

# --- Organisations keep their own listing current (organisaties.bijwerken) ----------------

# Days an organisation's personal link (to confirm or update its listing) keeps working.
ORGANISATIE_LINK_DAGEN = env.int("ORGANISATIE_LINK_DAGEN", default=30)
# Registrations through "Aanmelden als organisatie" one IP address may send per hour.
ORGANISATIE_AANMELDEN_LIMIET_PER_UUR = env.int("ORGANISATIE_AANMELDEN_LIMIET_PER_UUR", default=5)
# Signals ("Ik maak me zorgen om iemand") one client address may send per hour.
SIGNAAL_LIMIET_PER_UUR = env.int("SIGNAAL_LIMIET_PER_UUR", default=5)

# --- Coordinates of locations (organisaties.geocoderen) ---------------------------------------

# The free-text search of the PDOK Locatieserver (the government's address service): turns a
# location's address into coordinates for the map. Only the background worker calls it.
PDOK_LOCATIESERVER_URL = env.str(
    "PDOK_LOCATIESERVER_URL",
    default="https://api.pdok.nl/bzk/locatieserver/search/v3_1/free",
)
# Seconds the worker waits for PDOK; a slower answer counts as failed and is tried again later.
GEOCODEREN_TIMEOUT = env.float("GEOCODEREN_TIMEOUT", default=5.0)
# Attempts per address; after the last one the location stays in the work list for a person.
GEOCODEREN_MAX_POGINGEN = env.int("GEOCODEREN_MAX_POGINGEN", default=8)

# --- The regional kaart: other gemeenten's HSDS feeds (organisaties.federatie) --------------

# Seconds to wait for a feed to connect and for each read; a slower feed counts as down.
FEDERATIE_TIMEOUT = env.float("FEDERATIE_TIMEOUT", default=10.0)
# Seconds one feed may take in all per run; the rest waits for the next run.
FEDERATIE_TIJDSBUDGET = env.float("FEDERATIE_TIJDSBUDGET", default=600.0)
# Largest answer (bytes) read from a feed; a page of 100 full services is about 0.5 MB.
FEDERATIE_MAX_BYTES = env.int("FEDERATIE_MAX_BYTES", default=20_000_000)
# Pages and items per run: a feed that never ends is cut off here.
FEDERATIE_MAX_PAGINAS = env.int("FEDERATIE_MAX_PAGINAS", default=1000)
FEDERATIE_MAX_ITEMS = env.int("FEDERATIE_MAX_ITEMS", default=100_000)
# Services asked per page (our own API allows up to 200).
FEDERATIE_PER_PAGINA = env.int("FEDERATIE_PER_PAGINA", default=100)
# A full run (which also sees what disappeared) when the last one is this old; in between
# only changes are asked (modified_after).
FEDERATIE_VOLLEDIG_NA = timedelta(hours=env.float("FEDERATIE_VOLLEDIG_NA_UREN", default=24.0))
# --- The map (static/js/kaart.js) -----------------------------------------------------------

# Where the browser gets the map's tiles: a URL template with {z}/{x}/{y} (and optionally {s}).
# Default: the government's BRT-Achtergrondkaart from PDOK, free and without a key.
KAART_TEGELS_URL = env.str(
    "KAART_TEGELS_URL",
    default="https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
# The credit the tile provider asks for, shown in the map's corner as plain text.
KAART_TEGELS_ATTRIBUTIE = env.str("KAART_TEGELS_ATTRIBUTIE", default="Kaartgegevens © Kadaster")


def _tegelbron(url):
    """The tiles' origin for the Content-Security-Policy: "https://host", a "{s}" subdomain
    becoming "*"."""
    delen = urlsplit(url)
    return f"{delen.scheme}://{delen.netloc.replace('{s}', '*')}"


# --- Security in production -----------------------------------------------------------------

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page needs are switched off (netwerk.middleware).
PERMISSIONS_POLICY = "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)"

# Content-Security-Policy (django-csp) on every page, the admin included: only this site's
# own scripts, styles, fonts and images (and the map's tiles from their one host); no inline
# script or style, so injected markup cannot run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", _tegelbron(KAART_TEGELS_URL)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Health endpoint /gezondheid/ (netwerk.gezondheid) ---------------------------------------

# Secret the monitoring sends as "Authorization: Bearer <token>" to get each check's details.
# Empty: no token is accepted, and only logged-in staff see the details.
GEZONDHEID_TOKEN = env.str("GEZONDHEID_TOKEN", default="")
# Seconds the oldest due background job may wait unstarted before /gezondheid/ answers 503.
GEZONDHEID_MAX_WACHTTIJD_SECONDEN = env.int("GEZONDHEID_MAX_WACHTTIJD_SECONDEN", default=300)
