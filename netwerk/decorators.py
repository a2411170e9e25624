"""View decorators used by more than one app."""

from functools import wraps

from django.views.decorators.cache import never_cache


def persoonlijke_link(view):
    """For a page reached through a personal token: the URL itself is the key to someone's data.

    Browsers and proxies must not store it (never_cache sends ``Cache-Control: private,
    no-store``), and search engines must not index it, should the link ever be published.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapper)
