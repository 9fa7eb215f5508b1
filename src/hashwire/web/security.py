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


class SecurityHeadersMiddleware:
    """Adds SECURITY_HEADERS (and X-Robots-Tag when the site is noindex) to every HTTP response."""

    def __init__(self, app: ASGIApp, *, noindex: bool = False) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS + (((b"x-robots-tag", b"noindex, nofollow"),) if noindex else ())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.headers

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in present
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def local_path(target: str, default: str = "/") -> str:
    """`target` when it is a path on this site, else `default`: redirects never leave the site."""
    if not target.startswith("/") or target.startswith(("//", "/\\")) or any(c in target for c in "\r\n\t"):
        return default
    return target
