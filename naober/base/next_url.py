"""Where a form may send the visitor next: only a path of this site.

A `next` value comes from the client. Anything but a local path ("/c/demo/...") is ignored in
favour of the view's own fallback: "abc" would otherwise be read as a URL name by
`django.shortcuts.redirect` and fail with a 500, and "//evil.example" or "javascript:" would
lead away from the site.
"""

from django.utils.http import url_has_allowed_host_and_scheme

from naober.base.text import UNSTORABLE


def local_next(request, fallback: str) -> str:
    """The posted (or queried) `next` when it is a path of this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if is_local_path(request, target) else fallback


def is_local_path(request, target: str) -> bool:
    return (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and len(target) <= 2000
        and not UNSTORABLE.search(target)
        and not any(ord(char) < 32 for char in target)
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )
