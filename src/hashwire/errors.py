"""A small error hierarchy; each error may carry the HTTP status the site answers with."""

from __future__ import annotations


class HashwireError(Exception):
    """Base of every error hashwire raises on purpose."""

    status: int = 500

    def __init__(self, message: str = "", *, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class ConfigError(HashwireError):
    """A setting has a value that cannot be used."""


class NotFound(HashwireError):
    status = 404


class BadRequest(HashwireError):
    status = 400


class StoreError(HashwireError):
    """The store could not complete an operation (locked, disk full, connection lost)."""

    status = 503


class FetchError(HashwireError):
    """A fetch failed; `kind` names the failure for metrics and the operator."""

    status = 502

    def __init__(self, kind: str, message: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(message or kind)
        self.kind = kind
        self.retry_after = retry_after


class FeedParseError(HashwireError):
    """Bytes that are not a feed we can read."""

    status = 422


class NotAnArticle(HashwireError):
    """A page that is not an article (section front, tag listing, video index, error page...)."""

    status = 422

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
