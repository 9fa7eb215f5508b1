"""Security headers on every response: a strict Content-Security-Policy (no inline script, no
third-party script), no sniffing, no framing, a tight referrer policy; noindex for staging sites."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _frame_hosts() -> str:
    """The video hosts the sanitizer lets through (sandboxed iframes); nothing else may be framed."""
    try:
        from ..sanitize import IFRAME_HOSTS
    except ImportError:
        return "'none'"
    return " ".join(f"https://{host}" for host in sorted(IFRAME_HOSTS))


CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "media-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    f"frame-src {_frame_hosts()}",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
))

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
# JSON, feeds, text and static files are never pages: nothing in them may load or run anything, and the
# document-only headers (opener, permissions, framing) have nothing to act on.
DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DATA_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", DATA_CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
)
STATIC_HEADERS: tuple[tuple[bytes, bytes], ...] = DATA_HEADERS[1:]  # CSS and JS take the policy of their page


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response: the full set (strict CSP) on HTML documents, a
    deny-everything policy on data, plus X-Robots-Tag when the site is noindex."""

    def __init__(self, app: ASGIApp, *, noindex: bool = False) -> None:
        self.app = app
        robots = ((b"x-robots-tag", b"noindex, nofollow"),) if noindex else ()
        self.document = SECURITY_HEADERS + robots
        self.data = DATA_HEADERS + robots
        self.static = STATIC_HEADERS + robots

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                kind = b""
                present = set()
                for name, value in headers:
                    name = name.lower()
                    present.add(name)
                    if name == b"content-type":
                        kind = value
                if kind.startswith(b"text/html"):
                    extra = self.document
                elif kind.startswith((b"text/css", b"text/javascript", b"application/javascript", b"image/")):
                    extra = self.static
                else:
                    extra = self.data
                message["headers"] = headers + [(k, v) for k, v in extra if k not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def local_path(target: str, default: str = "/") -> str:
    """`target` when it is a path on this site, else `default`: redirects never leave the site."""
    if not target.startswith("/") or target.startswith(("//", "/\\")) or any(c in target for c in "\r\n\t"):
        return default
    return target


def web_url(url: str) -> str:
    """`url` when it is an absolute http(s) URL, else "" (stored URLs are never trusted into an href)."""
    text = url.strip()
    lowered = text[:8].lower()
    if lowered.startswith(("https://", "http://")) and not any(c in text for c in "\r\n\t\x00"):
        return text
    return ""
