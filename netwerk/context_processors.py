from netwerk.models import SiteConfiguratie


def site(request):
    """The municipality's settings, on every page as ``site``."""
    return {"site": SiteConfiguratie.get_solo()}
