"""The error hierarchy: statuses, messages, per-instance overrides, and errors that survive pickling."""

from __future__ import annotations

import pickle

import pytest

from hashwire.errors import (
    BadRequest,
    ConfigError,
    FeedParseError,
    FetchError,
    HashwireError,
    NotAnArticle,
    NotFound,
    StoreError,
)


@pytest.mark.parametrize(("cls", "status"), [
    (HashwireError, 500), (ConfigError, 500), (NotFound, 404), (BadRequest, 400), (StoreError, 503),
    (FeedParseError, 422)])
def test_each_error_carries_its_http_status(cls: type[HashwireError], status: int) -> None:
    err = cls("something")
    assert isinstance(err, HashwireError) and err.status == status and str(err) == "something"


def test_status_override_belongs_to_the_instance() -> None:
    teapot = NotFound("gone fishing", status=410)
    assert teapot.status == 410
    assert NotFound("plain").status == 404 and NotFound.status == 404  # the class keeps its default
    assert HashwireError().status == 500 and str(HashwireError()) == ""


def test_fetch_error_kind_message_and_retry_after() -> None:
    bare = FetchError("timeout")
    assert (bare.kind, str(bare), bare.retry_after, bare.status) == ("timeout", "timeout", None, 502)
    limited = FetchError("http_429", "too many requests", retry_after=120.0)
    assert (limited.kind, str(limited), limited.retry_after) == ("http_429", "too many requests", 120.0)


def test_not_an_article_reason_and_detail() -> None:
    listing = NotAnArticle("section_front", "42 links, 0 paragraphs")
    assert (listing.reason, listing.detail, listing.status) == ("section_front", "42 links, 0 paragraphs", 422)
    assert str(listing) == "section_front: 42 links, 0 paragraphs"
    assert str(NotAnArticle("empty")) == "empty" and NotAnArticle("empty").detail == ""


@pytest.mark.parametrize("err", [
    NotFound("no such story", status=410),
    FetchError("http_429", "too many requests", retry_after=30.0),
    FetchError("dns"),
    NotAnArticle("video_index", "no text"),
    StoreError("disk full"),
])
def test_errors_survive_pickling_with_their_fields(err: HashwireError) -> None:
    """Errors cross process boundaries (worker pools, multiprocessing queues) by pickle: the copy must
    keep its kind, reason, retry_after and status, not just a message."""
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is type(err) and str(copy) == str(err) and copy.status == err.status
    assert vars(copy) == vars(err)
