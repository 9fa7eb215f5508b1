"""Which network addresses a fetch may reach: the server-side request forgery guard.

A feed URL is user input, and so is every redirect it answers with; both may point at the
machine's own services or at a cloud metadata endpoint. Every address a host name resolves to
is checked here before any connection, and the fetch then connects to the checked address.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_BENCHMARKING = ipaddress.ip_network("198.18.0.0/15")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_TEREDO = ipaddress.ip_network("2001::/32")
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")

ALLOWED_SCHEMES = ("http", "https")


def address_problem(address: str | IPAddress) -> str:
    """Why `address` may not be fetched ("" when it may): loopback, private, link_local..."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return "not_an_address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return "ipv4_mapped"
        if ip.sixtofour is not None or ip in _SIX_TO_FOUR:
            return "6to4"
        if ip in _TEREDO:
            return "teredo"
        if ip in _NAT64:
            return "nat64"
        if ip.scope_id:
            return "scoped"
        if ip.is_site_local:
            return "private"  # fec0::/10, deprecated but still routed inside sites; ipaddress calls it global
    # order matters: 127/8 is also "private" in the ipaddress module's view
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link_local"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "cgnat"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _BENCHMARKING:
        return "reserved"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "reserved"
    return ""


# what allow_private_networks opens: a local newsroom, an intranet feed. Never the link-local
# range (cloud metadata at 169.254.169.254), "any" (0.0.0.0 reaches the machine itself), multicast
# or odd encodings of other addresses.
OPENED_BY_ALLOW_PRIVATE = frozenset({"loopback", "private", "cgnat"})


def check_address(address: str, *, allow_private: bool = False) -> None:
    """Raise FetchError("blocked_address") when `address` is not a public unicast address
    (or, with allow_private, a loopback, private or CGNAT one)."""
    problem = address_problem(address)
    if problem == "not_an_address":
        raise FetchError("dns", f"resolver returned {address!r}, not an address")
    if problem and not (allow_private and problem in OPENED_BY_ALLOW_PRIVATE):
        raise FetchError("blocked_address", f"{address} is not a public address ({problem})")


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a fetchable URL; raises FetchError("bad_scheme") otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError("bad_scheme", f"not a valid URL: {url!r}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError("bad_scheme", f"only http and https are fetched, not {scheme or 'a relative URL'!r}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError("bad_scheme", f"no host in {url!r}")
    if parts.username or parts.password:
        raise FetchError("bad_scheme", "credentials in URLs are not sent")
    return scheme, host, port or (443 if scheme == "https" else 80)


def literal_address(host: str) -> IPAddress | None:
    """The address when `host` is an IP literal (including legacy forms such as 0x7f.1 or 2130706433)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    # inet_aton-style shorthands that some resolvers accept: decimal, hex and octal parts
    parts = host.split(".")
    if not host or len(parts) > 4 or not all(parts):
        return None
    try:
        nums = [int(p, 0) if not (p.startswith("0") and p[1:].isdigit()) else int(p, 8) for p in parts]
    except ValueError:
        return None
    if any(n < 0 for n in nums):
        return None
    value = 0
    for n in nums[:-1]:
        if n > 255:
            return None
        value = (value << 8) | n
    tail_bits = 8 * (5 - len(parts))
    if nums[-1] >= 1 << tail_bits:
        return None
    value = (value << tail_bits) | nums[-1]
    return ipaddress.IPv4Address(value)
