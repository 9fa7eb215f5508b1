"""Every setting in one table: HASHWIRE_<NAME> environment > config file (TOML) > default."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///hashwire.db", "Store URL: sqlite:///path.db (default) or postgresql://user@host/db."),
    Setting("host", "127.0.0.1", "Address the web server listens on."),
    Setting("port", 8000, "Port the web server listens on."),
    Setting("base_url", "http://127.0.0.1:8000", "Public URL of the site, used in canonical links, feeds and sitemaps."),
    Setting("site_name", "hashwire", "Name shown in the site header and feeds."),
    Setting("noindex", False, "Mark every page noindex (for staging sites)."),
    Setting("user_agent_contact", "https://github.com/hashwire/hashwire", "Contact URL put in the User-Agent header."),
    Setting("allow_private_networks", False, "Allow fetching loopback/private addresses (only for a local newsroom or intranet feeds)."),
    Setting("fetch_timeout", 20.0, "Overall deadline of one fetch in seconds, body included."),
    Setting("max_body_bytes", 10 * 1024 * 1024, "Largest decoded body accepted, in bytes."),
    Setting("max_redirects", 5, "Redirects followed before a fetch is refused."),
    Setting("per_host_concurrency", 2, "Requests in flight at once to one host."),
    Setting("per_host_delay", 0.0, "Seconds between two requests to one host."),
    Setting("concurrency", 32, "Requests in flight at once in a crawl."),
    Setting("min_interval", 300, "Shortest poll interval of a source in seconds."),
    Setting("max_interval", 86400, "Longest poll interval of a source in seconds."),
    Setting("disable_after_failures", 10, "Consecutive failures after which a source is disabled."),
    Setting("story_window_hours", 72, "How long a story stays open to new articles."),
    Setting("story_embeddings", False, "Add sentence embeddings to story similarity (English articles; "
            "needs the optional extra: pip install -e '.[embeddings]')."),
    Setting("retention_days", 0, "Prune article bodies older than this many days (0 keeps them for ever)."),
    Setting("api_rate_limit", 20.0, "API requests per second allowed to one client IP (0 turns the limit off)."),
    Setting("api_burst", 120, "API requests one client may make in a burst before the rate limit applies."),
    Setting("trusted_proxies", "127.0.0.1", "Addresses of reverse proxies or load balancers whose "
            "X-Forwarded-For / X-Forwarded-Proto headers are believed (comma-separated, or * for any); "
            "the client address they give is the one rate limits apply to."),
    Setting("log_format", "text", "Log format: text or json."),
    Setting("log_level", "INFO", "Log level."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _cast(setting: Setting, raw: Any) -> Any:
    kind = type(setting.default)
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(text)
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
    except ValueError as exc:
        raise ConfigError(f"setting {setting.name}: cannot read {raw!r} as {kind.__name__}") from exc
    return text


class Config:
    """Resolved settings; attribute access by setting name (config.db, config.port...)."""

    def __init__(self, values: dict[str, Any] | None = None, *, file: str | Path | None = None,
                 environ: dict[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        resolved = {s.name: s.default for s in SETTINGS}
        path = file or env.get("HASHWIRE_CONFIG")
        if path:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"config file {path}: {exc}") from exc
            for key, raw in data.items():
                if key not in _BY_NAME:
                    raise ConfigError(f"config file {path}: unknown setting {key!r}")
                resolved[key] = _cast(_BY_NAME[key], raw)
        for s in SETTINGS:
            raw_env = env.get("HASHWIRE_" + s.name.upper())
            if raw_env is not None:
                resolved[s.name] = _cast(s, raw_env)
        for key, raw in (values or {}).items():
            if key not in _BY_NAME:
                raise ConfigError(f"unknown setting {key!r}")
            if raw is not None:
                resolved[key] = _cast(_BY_NAME[key], raw)
        self._values = resolved

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)


def settings_markdown() -> str:
    """The settings table for docs/configuration.md (a test keeps the doc in step)."""
    lines = ["| setting | environment | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        lines.append(f"| `{s.name}` | `HASHWIRE_{s.name.upper()}` | `{s.default}` | {s.help} |")
    return "\n".join(lines) + "\n"
