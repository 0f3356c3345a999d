"""Who the client is: the one answer for rate limits, lockouts (django-axes) and the access log.

Only a connection from a trusted proxy (settings.TRUSTED_PROXIES) may name another address.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """The real client address.

    Only a connection from a trusted proxy may name another address: then X-Forwarded-For is read
    from the right (each proxy appends the address it saw) and the first hop that is not itself a
    trusted proxy is the client. Whatever a client writes into the header itself stays to the left
    of that hop, so a forged header neither hides nor changes who is counted.
    """
    # A request built in code (Django's force_login in tests) has no address: name it with a valid
    # placeholder, since axes stores the address in an IP column that PostgreSQL checks.
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 (an address, not a bind)
    if not is_trusted_proxy(remote):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not is_trusted_proxy(hop):
            return hop[:64]
    return remote
