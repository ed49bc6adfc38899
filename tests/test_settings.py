"""Settings: every field from its variable, old names still read, bad values refused at start one line each,
docs/configuration.md made from the fields, and keyword-built settings (the tests') never read the environment."""
from __future__ import annotations

import base64
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from api import settings_doc
from api.settings import CARD_FACE_VALUES_YUAN, ConfigurationError, Settings, variable_names

ROOT = Path(__file__).resolve().parent.parent
AES_KEY = base64.b64encode(b"k" * 32).decode().rstrip("=")


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """os.environ without any of the settings' variables (whatever the shell or CI set)."""
    for name in list(os.environ):
        if name.upper() in _all_variables():
            monkeypatch.delenv(name)
    return monkeypatch


def _all_variables() -> set[str]:
    return {name for field in Settings.model_fields for name in variable_names(field)} | {CARD_FACE_VALUES_YUAN}


def _sample(name: str, default: Any, tmp_path: Path) -> tuple[str, Any]:
    """A valid value other than the default, as the variable's text and as the field's value."""
    special: dict[str, tuple[str, Any]] = {
        "log_level": ("debug", "DEBUG"), "wechat_encoding_aes_key": (AES_KEY, AES_KEY), "log_format": ("json", "json"),
        "var_dir": (str(tmp_path / "vardir"), tmp_path / "vardir"),
        "card_face_values_fen": ("1000, 2000", (1000, 2000)),
        "trusted_proxies": ("10.0.0.1, 10.0.0.2", ("10.0.0.1", "10.0.0.2")),
    }
    if name in special:
        return special[name]
    if isinstance(default, bool):
        return ("0", False) if default else ("yes", True)
    if isinstance(default, int):
        return str(default + 7), default + 7
    if isinstance(default, float):
        return str(default + 0.5), default + 0.5
    if isinstance(default, str) or name == "secret_key":
        return f"value-of-{name}", f"value-of-{name}"
    raise AssertionError(f"no sample value for Settings.{name}: add one to _sample")


def test_every_field_is_read_from_its_variable(environ, tmp_path):
    expected = {}
    for name, field in Settings.model_fields.items():
        text, value = _sample(name, field.default, tmp_path)
        environ.setenv(name.upper(), text)
        expected[name] = value
    settings = Settings.from_env()
    assert {name: getattr(settings, name) for name in expected} == expected
    # CARD_SWEEP_SECONDS was not read at all, ORDER_PAY_TIMEOUT_SECONDS was named ORDER_PAY_TIMEOUT
    assert settings.card_sweep_seconds == 300.5
    assert settings.order_pay_timeout_seconds == 1807


def test_old_names_still_read_with_a_warning(environ, tmp_path, caplog):
    environ.setenv("SECRET_KEY", "s" * 20)
    environ.setenv("DATABASE_URL", f"sqlite://{tmp_path}/x.sqlite3")
    environ.setenv("ORDER_PAY_TIMEOUT", "600")
    environ.setenv("CARD_FACE_VALUES", "50,100")  # yuan
    with caplog.at_level(logging.WARNING, logger="api.settings"):
        settings = Settings.from_env()
    assert settings.order_pay_timeout_seconds == 600
    assert settings.card_face_values_fen == (5000, 10000)
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "ORDER_PAY_TIMEOUT is deprecated: set ORDER_PAY_TIMEOUT_SECONDS" in warned
    assert "CARD_FACE_VALUES is deprecated: set CARD_FACE_VALUES_FEN" in warned
    # the new name wins
    environ.setenv("ORDER_PAY_TIMEOUT_SECONDS", "900")
    environ.setenv("CARD_FACE_VALUES_FEN", "300")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="api.settings"):
        settings = Settings.from_env()
    assert settings.order_pay_timeout_seconds == 900
    assert settings.card_face_values_fen == (300,)
    assert "ORDER_PAY_TIMEOUT is ignored: ORDER_PAY_TIMEOUT_SECONDS is set" in caplog.text


def test_bad_values_one_line_per_variable(environ):
    environ.setenv("SECRET_KEY", "short")
    environ.setenv("PORT", "abc")
    environ.setenv("DB_POOL_SIZE", "0")
    environ.setenv("LOG_LEVEL", "loud")
    environ.setenv("DEMO", "maybe")
    environ.setenv("CARD_FACE_VALUES", "50,x")
    environ.setenv("DATABASE_URL", "sqlite://unused")
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env()
    lines = str(caught.value).splitlines()
    assert sorted(line.split(":")[0] for line in lines) == [
        "CARD_FACE_VALUES", "DB_POOL_SIZE", "DEMO", "LOG_LEVEL", "PORT", "SECRET_KEY"]
    assert "PORT: Input should be a valid integer, unable to parse string as an integer (got 'abc')" in lines
    assert "DB_POOL_SIZE: Input should be greater than or equal to 1 (got '0')" in lines
    assert any(line.startswith("LOG_LEVEL: must be one of DEBUG, INFO") for line in lines)
    assert any(line.startswith("CARD_FACE_VALUES: item 2: ") for line in lines)
    secret = next(line for line in lines if line.startswith("SECRET_KEY"))
    assert "short" not in secret
    assert "16 characters" in secret  # a secret is never repeated


def test_rules_across_variables_are_one_line(environ):
    environ.setenv("SECRET_KEY", "s" * 20)
    environ.setenv("DATABASE_URL", "sqlite://unused")
    environ.setenv("WECHAT_PUSH_TOKEN", "token")
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env()
    assert str(caught.value) == ("WECHAT_PUSH_TOKEN needs WECHAT_APPID and WECHAT_SECRET "
                                 "(replies go through the customer-service API)")


def test_unset_secret_key_is_generated_and_kept(environ, tmp_path, caplog):
    environ.setenv("VAR_DIR", str(tmp_path / "v"))
    with caplog.at_level(logging.WARNING, logger="api.settings"):
        first = Settings.from_env()
    assert "SECRET_KEY is not set" in caplog.text
    assert (tmp_path / "v" / "secret_key").read_text().strip() == first.secret_key
    assert first.database_url == f"sqlite://{tmp_path / 'v' / 'aixin.sqlite3'}"
    assert Settings.from_env().secret_key == first.secret_key


def test_keyword_settings_never_read_the_environment(environ):
    """Tests build Settings(...) (tests/conftest.py): a shell's or CI's variables must not change them."""
    environ.setenv("PORT", "1234")
    environ.setenv("WECHAT_SECRET", "from-the-shell")
    environ.setenv("DATABASE_URL", "postgres://somewhere/else")
    environ.setenv("LOG_LEVEL", "nonsense")
    settings = Settings(secret_key="k" * 20)
    assert (settings.port, settings.wechat_secret, settings.database_url, settings.log_level) == (
        8080, "", "sqlite://var/aixin.sqlite3", "INFO")
    assert settings.dev_login_enabled
    assert Settings(secret_key="k" * 20, order_pay_timeout_seconds=5).order_pay_timeout_seconds == 5


def test_configuration_doc_lists_every_variable():
    text = settings_doc.DOC.read_text()
    for name in Settings.model_fields:
        assert f"| `{name.upper()}` |" in text, f"docs/configuration.md misses {name.upper()}"
    assert text == settings_doc.rendered(text), "docs/configuration.md is out of date: python -m api.settings_doc"


def _cli_env(database_url: str, **extra: str) -> dict[str, str]:
    return {"PATH": os.environ["PATH"], "DATABASE_URL": database_url, "SECRET_KEY": "cli-test-secret-key-123", **extra}


def test_serve_refuses_bad_values_before_starting(database_url):
    result = subprocess.run([sys.executable, "main.py", "serve"], capture_output=True, text=True, cwd=ROOT,
                            env=_cli_env(database_url, PORT="abc", DB_POOL_SIZE="0", LOG_LEVEL="loud"), timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["PORT", "LOG_LEVEL", "DB_POOL_SIZE"], result.stderr
    assert all(line.startswith("配置错误: ") for line in lines)  # the CLI speaks Chinese (issue 16)
    assert "Traceback" not in result.stderr
    assert "validation error" not in result.stderr


def test_serve_uses_the_variables(database_url):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = _cli_env(database_url, PORT=str(port), DB_POOL_SIZE="2", LOG_LEVEL="warning", ORDER_PAY_TIMEOUT_SECONDS="60")
    server = subprocess.Popen([sys.executable, "main.py", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not answer on PORT"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)
