"""/api/v1/: the HSDS paths without a trailing slash, as HSDS writes them (one is accepted)."""

from django.urls import path, re_path

from organisaties.api import export, views

app_name = "open_data"


def _pad(naam, view, url_naam):
    return re_path(rf"^{naam}/?$", view, name=url_naam)


urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("sociale-kaart.csv", export.download, name="csv"),
    _pad("services", views.services, "services"),
    _pad(r"services/(?P<id>[^/]+)", views.service, "service"),
    _pad("organizations", views.organizations, "organizations"),
    _pad(r"organizations/(?P<id>[^/]+)", views.organization, "organization"),
    _pad("taxonomies", views.taxonomies, "taxonomies"),
    _pad(r"taxonomies/(?P<id>[^/]+)", views.taxonomy, "taxonomy"),
    _pad("taxonomy_terms", views.taxonomy_terms, "taxonomy_terms"),
    _pad(r"taxonomy_terms/(?P<id>[^/]+)", views.taxonomy_term, "taxonomy_term"),
    _pad("service_at_locations", views.service_at_locations, "service_at_locations"),
    _pad(r"service_at_locations/(?P<id>[^/]+)", views.service_at_location, "service_at_location"),
    re_path(r"^(?P<pad>.*)$", views.niet_gevonden),
]
