"""The map's vendored files survive collectstatic's manifest: leaflet.css's images and the
scripts' source maps exist under their hashed names, so production serves the marker icons."""

import re

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command


def test_leaflet_overleeft_collectstatic_met_manifest(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    # Django builds staticfiles_storage again when these settings change (setting_changed).
    call_command("collectstatic", interactive=False, verbosity=0)
    css = staticfiles_storage.url("vendor/leaflet/leaflet.css")
    assert re.search(r"leaflet\.[0-9a-f]{12}\.css$", css)
    inhoud = (tmp_path / css.removeprefix(settings.STATIC_URL)).read_text()
    for plaatje in re.findall(r'url\("?(images/[^")]+)"?\)', inhoud):
        assert re.search(r"\.[0-9a-f]{12}\.png$", plaatje), plaatje
        assert (tmp_path / "vendor/leaflet" / plaatje).exists()
    for icoon in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
        assert re.search(
            r"\.[0-9a-f]{12}\.png$", staticfiles_storage.url(f"vendor/leaflet/images/{icoon}")
        )
