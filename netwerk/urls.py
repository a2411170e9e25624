from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from bijeenkomsten.views import inloggen
from netwerk import gezondheid, taal, tweestapsverificatie, views
from organisaties import views as organisatie_views

admin.site.site_header = "netwerk"
admin.site.site_title = "netwerk beheer"

urlpatterns = [
    path("", organisatie_views.home, name="home"),
    path("over/", views.tekstpagina, {"pagina": "over"}, name="over"),
    path("privacy/", views.tekstpagina, {"pagina": "privacy"}, name="privacy"),
    path(
        "toegankelijkheid/",
        views.tekstpagina,
        {"pagina": "toegankelijkheid"},
        name="toegankelijkheid",
    ),
    path("basis/", views.basis, name="basis"),
    path("gezondheid/", gezondheid.gezondheid, name="gezondheid"),
    path("huisstijl.css", views.huisstijl, name="huisstijl"),
    # The language switcher in the header posts here (Django's set_language, netwerk.taal).
    path("i18n/setlang/", taal.taal_kiezen, name="set_language"),
    path("", include("organisaties.urls")),
    path("api/v1/", include("organisaties.api.urls")),
    path("", include("bijeenkomsten.urls")),
    path("", include("signalen.urls")),
    path("", include("activiteiten.urls")),
    path("tweestapsverificatie/", tweestapsverificatie.controleren, name="tweestapsverificatie"),
    path(
        "tweestapsverificatie/instellen/",
        tweestapsverificatie.instellen,
        name="tweestapsverificatie_instellen",
    ),
    # Before the admin's own login: coordinators then land on /coordinatie/.
    path("admin/login/", inloggen.inloggen),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
