"""Security headers, CSP, no open redirects, and hostile third-party HTML served harmless."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from hashwire.config import Config
from hashwire.models import Article, Source
from hashwire.store import Store, open_store
from hashwire.web.app import create_app
from hashwire.web.security import local_path, web_url
from web_corpus import NOW, SANITIZE_CASES, Client, hostile_articles, open_seeded

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "poster", "cite", "data", "lowsrc",
                  "dynsrc", "codebase", "longdesc", "usemap", "xlink:href", "srcset", "ping", "manifest"}
FORBIDDEN_TAGS = {"script", "style", "object", "embed", "applet", "form", "base", "frame", "frameset", "svg",
                  "math", "textarea", "select", "input", "template", "noscript", "xml", "isindex"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("sec")) / "sec.db")
    yield store, info
    store.close()


def test_security_headers_on_every_kind_of_response(seeded: Any) -> None:
    client = Client(create_app(seeded[0], Config(environ={})))
    for url in ("/", "/en/hashtag/PortStrike", "/en/article/" + "0" * 32, "/api/docs", "/ar/search?q=x"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "img-src 'self' https: data:",
                          "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
            assert directive in csp, (url, directive)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cross-origin-opener-policy"] == "same-origin"
    for url in ("/api/v1/sources", "/api/v1/nothing", "/en/hashtag/PortStrike/feed.xml", "/robots.txt",
                "/sitemap.xml", "/metrics"):
        headers = client.get(url).headers
        assert headers["content-security-policy"].startswith("default-src 'none'"), url
        assert headers["x-content-type-options"] == "nosniff"
    for url in ("/static/site.css", "/static/site.js"):
        assert client.get(url).headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(seeded: Any) -> None:
    client = Client(create_app(seeded[0], Config(environ={})))
    for url in ("/", "/en/article/" + seeded[1]["port"][0].id, "/en/story/s-port", "/en/search?q=strike",
                "/api/docs", "/ar/"):
        page = lxml_html.fromstring(client.get(url).text)
        for script in page.iter("script"):
            assert script.get("src", "").startswith("/static/") and not (script.text or "").strip()
        assert not page.xpath("//style | //*[@style]")
        assert not [a for a in page.xpath("//@*") if a.attrname.startswith("on")]


def test_no_open_redirects(seeded: Any) -> None:
    client = Client(create_app(seeded[0], Config(environ={})))
    for url in ("//evil.example/", "/\\evil.example/", "//evil.example/en/", "/en//evil.example"):
        response = client.get(url, follow_redirects=False)
        location = response.headers.get("location", "")
        assert not location.startswith(("//", "/\\")) and "evil.example" not in location.split("/")[2:3], url
        if location.startswith("http"):
            assert location.startswith("http://testserver/"), (url, location)
    assert local_path("https://evil.example/") == "/"
    assert local_path("//evil.example") == "/" and local_path("/\\evil") == "/"
    assert local_path("/en/hashtag/X") == "/en/hashtag/X"
    assert web_url("javascript:alert(1)") == "" and web_url(" JavaScript:x") == "" and web_url("//evil") == ""
    assert web_url("https://a.example/x") == "https://a.example/x" and web_url("data:text/html,x") == ""


def dangerous(page_html: str) -> list[str]:
    """Constructs in a served page that could run script, load a foreign document or steal a click."""
    found = []
    page = lxml_html.fromstring(page_html)
    body = page.find("body")
    assert body is not None
    for form in body.xpath("//form"):  # the site's own search forms
        if re.fullmatch(r"/[a-z]{2}/search", form.get("action", "")) and form.get("class") in ("search", "filters"):
            form.drop_tree()
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in FORBIDDEN_TAGS or tag == "meta" or tag == "link":
            found.append(f"<{tag}>")
        if tag == "iframe" and (el.get("sandbox") is None or not el.get("src", "https://").startswith("https://")):
            found.append("unsandboxed iframe")
        for name, value in el.attrib.items():
            name = name.lower()
            plain = re.sub(r"[\x00-\x20]+", "", value).lower()
            if name.startswith("on") or name in ("srcdoc", "style", "formaction"):
                found.append(f"{tag}@{name}")
            if name in URL_ATTRIBUTES and re.match(r"(javascript|vbscript|livescript|mocha):", plain):
                found.append(f"{tag}@{name}={value[:40]}")
            if name in URL_ATTRIBUTES and plain.startswith("data:") and not (
                    tag == "img" and name == "src" and plain.startswith("data:image/") and "svg" not in plain):
                found.append(f"{tag}@{name}=data:")
            if tag == "a" and el.get("target") and "noopener" not in (el.get("rel") or ""):
                found.append("target without noopener")
    head_scripts = [s.get("src") for s in page.iter("script")]
    if head_scripts != ["/static/site.js"]:
        found.append(f"scripts {head_scripts}")
    return found


@pytest.mark.skipif(not SANITIZE_CASES.is_dir(), reason="../shared/data sanitizer cases are absent")
def test_hostile_content_is_served_harmless(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'hostile.db'}")
    try:
        source = store.add_source(Source(url="https://hostile.example/feed", title='Hostile <b>"Outlet"</b>',
                                         slug="hostile"))
        articles = hostile_articles(source)
        assert len(articles) == 745
        articles.append(Article(url="javascript:alert(document.domain)//", title="A link that runs", text="x",
                                language="en", source_id=source.id, hashtags=["Hostile1"], published=NOW))
        store.save_articles(articles)
        client = Client(create_app(store, Config(environ={}), rate_limit=None))
        problems: dict[str, list[str]] = {}
        for article in articles:
            response = client.get(f"/en/article/{article.id}")
            assert response.status_code == 200, article.url
            bad = dangerous(response.text)
            if bad:
                problems[article.url] = bad
        cursor, listed = "", 0
        while True:
            page = client.get(f"/en/source/{source.slug}" + (f"?before={cursor}" if cursor else ""))
            if bad := dangerous(page.text):
                problems[f"listing {cursor}"] = bad
            listed += len(lxml_html.fromstring(page.text).cssselect(".primary .card"))
            found = re.search(r'rel="next" href="[^"]*before=([^"&]+)', page.text)
            if not found:
                break
            cursor = found.group(1)
        assert listed == 746
        for url in ("/en/search?q=script", "/en/search?q=onclick", "/"):
            if bad := dangerous(client.get(url).text):
                problems[url] = bad
        assert not problems, dict(list(problems.items())[:10])
    finally:
        store.close()


# ---- the header middleware on its own ---------------------------------------------------------------

def headers_for(content_type: bytes | None, *, noindex: bool = False,
                own: list[tuple[bytes, bytes]] | None = None) -> list[tuple[bytes, bytes]]:
    """The headers SecurityHeadersMiddleware sends for one response of `content_type`."""
    import asyncio

    from hashwire.web.security import SecurityHeadersMiddleware

    async def app(scope: Any, receive: Any, send: Any) -> None:
        headers = list(own or [])
        if content_type is not None:
            headers.append((b"content-type", content_type))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"x"})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    asyncio.run(SecurityHeadersMiddleware(app, noindex=noindex)({"type": "http", "path": "/"}, receive, send))
    return list(sent[0]["headers"])


def test_header_sets_by_content_type() -> None:
    from hashwire.web.security import CSP, DATA_CSP

    def csp(kind: bytes | None) -> str | None:
        found = [v.decode() for k, v in headers_for(kind) if k == b"content-security-policy"]
        assert len(found) <= 1
        return found[0] if found else None

    assert csp(b"text/html; charset=utf-8") == CSP
    for data in (b"application/json", b"application/rss+xml", b"application/xml", b"text/plain; charset=utf-8",
                 b"application/feed+json", None):
        assert csp(data) == DATA_CSP, data
    for static in (b"text/css", b"text/javascript; charset=utf-8", b"application/javascript", b"image/png"):
        assert csp(static) is None, static  # a stylesheet or script takes its page's policy
        assert (b"x-content-type-options", b"nosniff") in headers_for(static)
    assert (b"x-frame-options", b"DENY") in headers_for(b"text/html")
    assert not any(k == b"x-frame-options" for k, _ in headers_for(b"application/json"))


def test_headers_a_handler_set_are_kept_and_not_repeated() -> None:
    own = [(b"Content-Security-Policy", b"default-src 'self' https://docs.example"),
           (b"Referrer-Policy", b"no-referrer")]
    headers = headers_for(b"text/html", own=own)
    names = [k.lower() for k, _ in headers]
    assert names.count(b"content-security-policy") == 1 and names.count(b"referrer-policy") == 1
    assert (b"Content-Security-Policy", b"default-src 'self' https://docs.example") in headers
    assert (b"x-content-type-options", b"nosniff") in headers  # the rest are still added


def test_noindex_marks_every_kind_of_response() -> None:
    for kind in (b"text/html", b"application/json", b"text/css", b"image/svg+xml", None):
        assert (b"x-robots-tag", b"noindex, nofollow") in headers_for(kind, noindex=True), kind
        assert not any(k == b"x-robots-tag" for k, _ in headers_for(kind)), kind


def test_frames_only_from_the_sanitizer_video_hosts() -> None:
    from hashwire.sanitize import IFRAME_HOSTS
    from hashwire.web.security import CSP

    frame_src = next(d for d in CSP.split("; ") if d.startswith("frame-src "))
    assert sorted(frame_src.split()[1:]) == sorted(f"https://{h}" for h in IFRAME_HOSTS)


@pytest.mark.parametrize("target", [
    "", "en/", "https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
    "/en/\r\nSet-Cookie: a=b", "/en/\tx", "javascript:alert(1)", "/\\/evil"])
def test_local_path_refuses_anything_that_leaves_the_site(target: str) -> None:
    assert local_path(target, "/en/") == "/en/"


@pytest.mark.parametrize("target", ["/", "/en/hashtag/%2F%2Fevil", "/ar/story/abc?x=//evil", "/en/search?q=a\\b"])
def test_local_path_keeps_paths_on_the_site(target: str) -> None:
    assert local_path(target) == target


@pytest.mark.parametrize(("url", "expected"), [
    ("  https://a.example/x  ", "https://a.example/x"), ("HTTP://A.example/", "HTTP://A.example/"),
    ("https://a.example/\x00x", ""), ("https://a.example/x\ny", ""), ("ftp://a.example/", ""),
    ("https:/a.example", ""), ("/relative/path", ""), ("", ""), ("vbscript:msgbox(1)", "")])
def test_web_url_edge_cases(url: str, expected: str) -> None:
    assert web_url(url) == expected
