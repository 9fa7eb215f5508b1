from pathlib import Path

import pytest

from hashwire.config import SETTINGS, Config, settings_markdown
from hashwire.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_and_precedence(tmp_path: Path) -> None:
    cfg_file = tmp_path / "hashwire.toml"
    cfg_file.write_text('port = 9000\nsite_name = "Wire"\n', encoding="utf-8")
    env = {"HASHWIRE_PORT": "9100"}
    cfg = Config(file=cfg_file, environ=env)
    assert cfg.port == 9100  # environment beats the file
    assert cfg.site_name == "Wire"  # file beats the default
    assert cfg.max_redirects == 5
    assert Config({"port": 9200}, file=cfg_file, environ=env).port == 9200  # explicit values win


def test_casts_and_errors(tmp_path: Path) -> None:
    assert Config(environ={"HASHWIRE_ALLOW_PRIVATE_NETWORKS": "yes"}).allow_private_networks is True
    assert Config(environ={"HASHWIRE_FETCH_TIMEOUT": "2.5"}).fetch_timeout == 2.5
    with pytest.raises(ConfigError, match="port"):
        Config(environ={"HASHWIRE_PORT": "eighty"})
    bad = tmp_path / "bad.toml"
    bad.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        Config(file=bad, environ={})


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert settings_markdown() in doc, "docs/configuration.md is stale: run `python -m hashwire.docs_config`"
    for s in SETTINGS:
        assert f"HASHWIRE_{s.name.upper()}" in doc
