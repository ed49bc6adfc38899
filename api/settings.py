"""Configuration: one immutable object, read from the environment by the CLI."""
from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
from pathlib import Path
from typing import Mapping

from pydantic import BaseModel, ConfigDict, Field, model_validator

log = logging.getLogger(__name__)

WECHAT_PUBLIC_API = "https://api.weixin.qq.com"


class ConfigurationError(ValueError):
    """Settings that cannot work together; the CLI reports it and exits 2."""


class Settings(BaseModel):
    """Everything the app factory needs. Tests build one directly; `from_env` serves the CLI."""

    model_config = ConfigDict(frozen=True)

    database_url: str = "sqlite://var/aixin.sqlite3"
    host: str = "127.0.0.1"
    port: int = 8080
    secret_key: str = Field(min_length=16)
    wechat_appid: str = ""
    wechat_secret: str = ""
    wechat_api_base: str = WECHAT_PUBLIC_API
    wechat_timeout_seconds: float = 5.0
    # WeChat message push (消息推送): /wechat/push answers only when the token is set; the AES key enables safe mode.
    # Pushes whose timestamp is further than max_skew from now are refused (0: no check).
    wechat_push_token: str = ""
    wechat_encoding_aes_key: str = ""
    wechat_push_max_skew_seconds: int = 300
    demo: bool = False
    log_level: str = "INFO"
    token_ttl_seconds: int = 7 * 24 * 3600
    max_body_bytes: int = 8 * 1024 * 1024
    search_refresh_seconds: float = 2.0
    db_pool_size: int = 10
    order_pay_timeout_seconds: int = 30 * 60
    var_dir: Path = Path("var")
    # WeChat Pay v3. With no WECHATPAY_API_BASE the embedded sandbox is mounted at /sandbox/wechatpay
    # and every key below is generated into var/wechatpay-sandbox on first run.
    wechatpay_api_base: str = ""
    wechatpay_mchid: str = "1900000001"
    wechatpay_apiv3_key: str = ""
    wechatpay_platform_public_key: str = ""
    wechatpay_platform_serial: str = ""
    wechatpay_merchant_private_key: str = ""
    wechatpay_merchant_serial: str = ""
    wechatpay_notify_url: str = ""
    wechatpay_sandbox_auto_pay: bool = True  # the sandbox "pays" right after each prepay
    # The sandbox takes no money, so with real WeChat login configured it must be asked for explicitly.
    wechatpay_sandbox: bool = False
    card_face_values_fen: tuple[int, ...] = (5000, 10000, 20000, 50000, 100000)
    order_sweep_seconds: float = 15.0
    card_sweep_seconds: float = 300.0
    # How often each worker tries to bring the statistics rollup up to date (one worker at a time does the work).
    stats_rollup_seconds: float = Field(default=30.0, gt=0)
    chat_understood_kept: int = 4096  # distinct chat messages whose understanding each worker remembers
    # Chat turns a worker works on at once (api/admission.py); later ones wait in arrival order.
    chat_concurrency: int = Field(default=8, ge=1)
    # Abuse limits (docs/throttling.md), counted in the database so every worker and host shares them.
    # Staff login: failures per account and per client address within the window lock it for lockout seconds,
    # doubled with each lock in a row up to the max.
    login_account_max_failures: int = Field(default=5, ge=1)
    login_address_max_failures: int = Field(default=20, ge=1)
    login_failure_window_seconds: float = Field(default=900.0, gt=0)
    login_lockout_seconds: float = Field(default=60.0, gt=0)
    login_lockout_max_seconds: float = Field(default=3600.0, gt=0)
    # Rates: a burst, then a sustained rate (per minute or per second); a rate of 0 turns that limit off.
    claim_burst: int = Field(default=10, ge=1)
    claim_per_minute: float = Field(default=10.0, ge=0)
    claim_address_burst: int = Field(default=30, ge=1)
    claim_address_per_minute: float = Field(default=30.0, ge=0)
    decode_burst: int = Field(default=10, ge=1)
    decode_per_minute: float = Field(default=30.0, ge=0)
    chat_burst: int = Field(default=30, ge=1)
    chat_per_second: float = Field(default=20.0, ge=0)
    dev_login_burst: int = Field(default=30, ge=1)
    dev_login_per_minute: float = Field(default=0.0, ge=0)  # development logins per address; 0: unlimited
    # Addresses of reverse proxies whose X-Forwarded-For names the client (its last entry); empty: the peer.
    trusted_proxies: tuple[str, ...] = ()
    token_purge_seconds: float = Field(default=3600.0, gt=0)  # expired tokens and stale limit rows are deleted

    @model_validator(mode="after")
    def _check_wechat_push(self) -> "Settings":
        """Message push replies through the customer-service API (needs the AppID and secret); safe mode
        needs a well-formed EncodingAESKey."""
        if self.wechat_push_token and not (self.wechat_appid and self.wechat_secret):
            raise ValueError("WECHAT_PUSH_TOKEN needs WECHAT_APPID and WECHAT_SECRET (replies go through the customer-service API)")
        if self.wechat_encoding_aes_key and not valid_encoding_aes_key(self.wechat_encoding_aes_key):
            raise ValueError("WECHAT_ENCODING_AES_KEY must be the 43-character key from the mini program's console")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def dev_login_enabled(self) -> bool:
        """`dev:<name>` codes are accepted only while no WeChat secret is configured."""
        return not self.wechat_secret

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, var_dir: Path = Path("var")) -> "Settings":
        env = os.environ if env is None else env
        values: dict[str, object] = {
            "secret_key": env.get("SECRET_KEY") or _persistent_secret(var_dir),
        }
        names = {
            "DATABASE_URL": "database_url", "HOST": "host", "PORT": "port",
            "WECHAT_APPID": "wechat_appid", "WECHAT_SECRET": "wechat_secret",
            "WECHAT_API_BASE": "wechat_api_base", "LOG_LEVEL": "log_level",
            "WECHAT_PUSH_TOKEN": "wechat_push_token", "WECHAT_ENCODING_AES_KEY": "wechat_encoding_aes_key",
            "WECHAT_PUSH_MAX_SKEW_SECONDS": "wechat_push_max_skew_seconds",
            "TOKEN_TTL_SECONDS": "token_ttl_seconds", "MAX_BODY_BYTES": "max_body_bytes",
            "SEARCH_REFRESH_SECONDS": "search_refresh_seconds", "DB_POOL_SIZE": "db_pool_size",
            "ORDER_PAY_TIMEOUT": "order_pay_timeout_seconds", "ORDER_SWEEP_SECONDS": "order_sweep_seconds",
            "STATS_ROLLUP_SECONDS": "stats_rollup_seconds",
            "CHAT_UNDERSTOOD_KEPT": "chat_understood_kept", "CHAT_CONCURRENCY": "chat_concurrency",
            "LOGIN_ACCOUNT_MAX_FAILURES": "login_account_max_failures",
            "LOGIN_ADDRESS_MAX_FAILURES": "login_address_max_failures",
            "LOGIN_FAILURE_WINDOW_SECONDS": "login_failure_window_seconds",
            "LOGIN_LOCKOUT_SECONDS": "login_lockout_seconds", "LOGIN_LOCKOUT_MAX_SECONDS": "login_lockout_max_seconds",
            "CLAIM_BURST": "claim_burst", "CLAIM_PER_MINUTE": "claim_per_minute",
            "CLAIM_ADDRESS_BURST": "claim_address_burst", "CLAIM_ADDRESS_PER_MINUTE": "claim_address_per_minute",
            "DECODE_BURST": "decode_burst", "DECODE_PER_MINUTE": "decode_per_minute",
            "CHAT_BURST": "chat_burst", "CHAT_PER_SECOND": "chat_per_second",
            "DEV_LOGIN_BURST": "dev_login_burst", "DEV_LOGIN_PER_MINUTE": "dev_login_per_minute",
            "TOKEN_PURGE_SECONDS": "token_purge_seconds",
            "WECHATPAY_API_BASE": "wechatpay_api_base", "WECHATPAY_MCHID": "wechatpay_mchid",
            "WECHATPAY_APIV3_KEY": "wechatpay_apiv3_key", "WECHATPAY_PLATFORM_PUBLIC_KEY": "wechatpay_platform_public_key",
            "WECHATPAY_PLATFORM_SERIAL": "wechatpay_platform_serial",
            "WECHATPAY_MERCHANT_PRIVATE_KEY": "wechatpay_merchant_private_key",
            "WECHATPAY_MERCHANT_SERIAL": "wechatpay_merchant_serial", "WECHATPAY_NOTIFY_URL": "wechatpay_notify_url",
        }
        values.update({field: env[name] for name, field in names.items() if env.get(name)})
        values["demo"] = env.get("DEMO", "0").lower() in {"1", "true", "yes", "on"}
        values["var_dir"] = var_dir
        if env.get("CARD_FACE_VALUES"):  # in yuan: "50,100,200"
            values["card_face_values_fen"] = tuple(int(v) * 100 for v in env["CARD_FACE_VALUES"].split(","))
        if env.get("WECHATPAY_SANDBOX"):
            values["wechatpay_sandbox"] = env["WECHATPAY_SANDBOX"].lower() in {"1", "true", "yes", "on"}
        if env.get("TRUSTED_PROXIES"):  # comma-separated addresses
            values["trusted_proxies"] = tuple(a.strip() for a in env["TRUSTED_PROXIES"].split(",") if a.strip())
        if env.get("WECHATPAY_SANDBOX_AUTO_PAY"):
            values["wechatpay_sandbox_auto_pay"] = env["WECHATPAY_SANDBOX_AUTO_PAY"].lower() in {"1", "true", "yes", "on"}
        if "database_url" not in values:
            var_dir.mkdir(parents=True, exist_ok=True)
            values["database_url"] = f"sqlite://{var_dir / 'aixin.sqlite3'}"
        return cls.model_validate(values)


def valid_encoding_aes_key(key: str) -> bool:
    """WeChat's EncodingAESKey: 43 base64 characters that decode (with a trailing '=') to a 32-byte AES key."""
    if len(key) != 43:
        return False
    try:
        return len(base64.b64decode(key + "=", validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


def _persistent_secret(var_dir: Path) -> str:
    """Generate the signing key on first run and keep it, so restarts keep tokens and QR codes valid."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key + "\n")
    path.chmod(0o600)
    log.warning("SECRET_KEY is not set: generated one and stored it in %s. Set SECRET_KEY in production.", path)
    return key
