"""Configuration: one immutable object.

Tests build it from keyword arguments and nothing else: the environment is never read then (see
`settings_customise_sources`), so a developer's or CI's variables cannot change a test. The CLI builds it with
`Settings.from_env()`: every field from the variable of the same name in capitals (`port` <- `PORT`), the few
old names that differed still read with a logged warning, every value validated before anything starts, and
bad values reported one line per variable (`ConfigurationError`). docs/configuration.md is generated from the
field descriptions (`python -m api.settings_doc`).
"""
from __future__ import annotations

import base64
import binascii
import ipaddress
import logging
import os
import secrets
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

log = logging.getLogger(__name__)

WECHAT_PUBLIC_API = "https://api.weixin.qq.com"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# The old CARD_FACE_VALUES was in yuan: still read (with a warning), multiplied by 100.
CARD_FACE_VALUES_YUAN = "CARD_FACE_VALUES"
# Values never repeated in an error message (they are secrets, or may hold a password).
SECRET_FIELDS = frozenset({"database_url", "secret_key", "wechat_secret", "wechat_push_token",
                           "wechat_encoding_aes_key", "wechatpay_apiv3_key", "metrics_token"})


class ConfigurationError(ValueError):
    """Settings that cannot work together; the CLI reports it (one line per problem) and exits 2.

    Not an AppError (models/errors.py): it is raised before any request, and never reaches HTTP."""


def _deprecated(field: str, *old_names: str) -> AliasChoices:
    """The field's own name first (keyword arguments, its variable), then the old variable names still read."""
    return AliasChoices(field, *old_names)


class Settings(BaseSettings):
    """Everything the app factory needs. Tests build one directly; `from_env` serves the CLI."""

    model_config = SettingsConfigDict(frozen=True, extra="forbid", env_ignore_empty=True, validate_by_name=True,
                                      validate_by_alias=True)

    database_url: str = Field(
        "sqlite://var/aixin.sqlite3", description="`sqlite://PATH` (embedded, the default, kept in `VAR_DIR`) or "
        "`postgres://user:pass@host:port/db`")
    host: str = Field("127.0.0.1", description="address to listen on (`serve --host` overrides it)")
    port: int = Field(8080, ge=1, le=65535, description="port to listen on (`serve --port` overrides it)")
    secret_key: str = Field(
        min_length=16, description="signing key (tokens, QR codes), at least 16 characters. When unset, one is "
        "generated on first run, kept in `VAR_DIR/secret_key`, and a warning is logged. Set it in production, the "
        "same for every worker and host")
    wechat_appid: str = Field("", description="mini program AppID")
    wechat_secret: str = Field(
        "", description="mini program AppSecret. While unset, the development login (`dev:<name>`) is enabled and "
        "logged loudly; once set, it is refused")
    wechat_api_base: str = Field(WECHAT_PUBLIC_API, description="WeChat API host (tests point it at a local fake)")
    wechat_timeout_seconds: float = Field(5.0, gt=0, description="timeout of each call to the WeChat API")
    # WeChat message push (消息推送): /wechat/push answers only when the token is set; the AES key enables safe mode.
    wechat_push_token: str = Field(
        "", description="the message push Token from the mini program console. Unset: `/wechat/push` answers 404. "
        "Set: needs `WECHAT_APPID` and `WECHAT_SECRET` (replies go through the customer-service API)")
    wechat_encoding_aes_key: str = Field(
        "", description="the 43-character EncodingAESKey: enables safe mode (`encrypt_type=aes`); a malformed key "
        "refuses to start")
    wechat_push_max_skew_seconds: int = Field(
        300, ge=0, description="pushes whose `timestamp` is further than this from now are refused (plaintext mode "
        "signs no body); `0` turns the check off")
    demo: bool = Field(False, description="load the demo catalogue and demo accounts into an empty database "
                       "(`make serve` sets it)")
    log_level: str = Field("INFO", description="`DEBUG`, `INFO` (includes access logs), `WARNING`, `ERROR` or "
                           "`CRITICAL`")
    log_format: Literal["text", "json"] = Field(
        "text", description="`text` (one line per event, for a terminal) or `json` (one JSON object per line, for a "
        "log collector); each line of a request carries its id, user, role and route (docs/operations.md)")
    metrics_token: str = Field(
        "", description="bearer token that lets a non-loopback client read `GET /metrics` "
        "(`Authorization: Bearer …`); unset: `/metrics` answers loopback clients only")
    token_ttl_seconds: int = Field(7 * 24 * 3600, ge=1, description="bearer token lifetime")
    max_body_bytes: int = Field(8 * 1024 * 1024, ge=1, description="request bodies above this get 413")
    cert_document_max_bytes: int = Field(
        5 * 1024 * 1024, ge=1, description="largest supporting document (image or PDF) of a certification "
        "application; larger uploads get 413 `payload_too_large`")
    search_refresh_seconds: float = Field(2.0, gt=0, description="how often each worker's search index polls for "
                                          "catalogue changes")
    db_pool_size: int = Field(10, ge=1, description="PostgreSQL connections per worker process")
    order_pay_timeout_seconds: int = Field(
        30 * 60, ge=1, validation_alias=_deprecated("order_pay_timeout_seconds", "ORDER_PAY_TIMEOUT"),
        description="seconds an order may stay unpaid before it is cancelled and its stock released")
    var_dir: Path = Field(Path("var"), description="folder of the generated files: `secret_key`, the embedded "
                          "database (`aixin.sqlite3`) and the WeChat Pay sandbox keys (`wechatpay-sandbox/`)")
    # WeChat Pay v3. With no WECHATPAY_API_BASE the embedded sandbox is mounted at /sandbox/wechatpay
    # and every key below is generated into var/wechatpay-sandbox on first run.
    wechatpay_api_base: str = Field(
        "", description="WeChat Pay v3 host (`https://api.mch.weixin.qq.com`). Unset: the embedded sandbox, mounted "
        "at `/sandbox/wechatpay`, with keys generated into `VAR_DIR/wechatpay-sandbox/`")
    wechatpay_mchid: str = Field("1900000001", description="merchant id")
    wechatpay_apiv3_key: str = Field("", description="the 32-character APIv3 key (decrypts notifications)")
    wechatpay_platform_public_key: str = Field(
        "", description="path of WeChat Pay's platform public key (PEM): notifications are verified with it")
    wechatpay_platform_serial: str = Field("", description="serial of the platform public key")
    wechatpay_merchant_private_key: str = Field(
        "", description="path of the merchant API private key (PEM): requests and `paySign` are signed with it")
    wechatpay_merchant_serial: str = Field("", description="serial of the merchant API certificate")
    wechatpay_notify_url: str = Field(
        "", description="the public URL WeChat Pay posts notifications to. Unset: this server's "
        "`/api/v1/payments/wechat/notify`")
    wechatpay_sandbox_auto_pay: bool = Field(True, description="the sandbox \"pays\" right after each prepay and "
                                             "notifies")
    # The sandbox takes no money, so with real WeChat login configured it must be asked for explicitly.
    wechatpay_sandbox: bool = Field(
        False, description="the sandbox takes no money: once `WECHAT_SECRET` is set (real users), the server refuses "
        "to start without `WECHATPAY_API_BASE` unless this is `1` (a staging server)")
    card_face_values_fen: Annotated[tuple[Annotated[int, Field(gt=0)], ...], NoDecode] = Field(
        (5000, 10000, 20000, 50000, 100000), min_length=1,
        description="face values of the love cards on sale, in fen, comma-separated. The old `CARD_FACE_VALUES` "
        "(the same in yuan: `50,100,200`) is still read, with a warning")
    order_sweep_seconds: float = Field(15.0, gt=0, description="how often each worker looks for unpaid orders past "
                                       "their deadline")
    card_sweep_seconds: float = Field(300.0, gt=0, description="how often each worker expires love cards past their "
                                      "last valid day")
    stats_rollup_seconds: float = Field(
        default=30.0, gt=0, description="how often each worker tries to bring the statistics rollup up to date "
        "(one worker at a time does the work)")
    chat_understood_kept: int = Field(
        4096, ge=0, description="distinct chat messages whose understanding each worker remembers (`0`: none); "
        "forgotten when the catalogue changes")
    chat_concurrency: int = Field(
        default=8, ge=1, description="chat turns a worker works on at once; later turns wait in arrival order "
        "(keeps the slowest turns close to the median)")
    # Abuse limits (docs/throttling.md), counted in the database so every worker and host shares them.
    login_account_max_failures: int = Field(
        default=5, ge=1, description="staff login failures per account within the window that lock it")
    login_address_max_failures: int = Field(
        default=20, ge=1, description="staff login failures per client address within the window that lock it")
    login_failure_window_seconds: float = Field(default=900.0, gt=0, description="the window failures are counted in")
    login_lockout_seconds: float = Field(default=60.0, gt=0, description="the first lock; doubled with each lock in "
                                         "a row")
    login_lockout_max_seconds: float = Field(default=3600.0, gt=0, description="the longest lock")
    # Rates: a burst, then a sustained rate (per minute or per second); a rate of 0 turns that limit off.
    claim_burst: int = Field(default=10, ge=1, description="card claims per consumer in a burst")
    claim_per_minute: float = Field(default=10.0, ge=0, description="card claims per consumer a minute after the "
                                    "burst (`0`: unlimited)")
    claim_address_burst: int = Field(default=30, ge=1, description="card claims per client address in a burst")
    claim_address_per_minute: float = Field(default=30.0, ge=0, description="card claims per client address a minute "
                                            "after the burst (`0`: unlimited)")
    decode_burst: int = Field(default=10, ge=1, description="QR photo decodes per staff member in a burst")
    decode_per_minute: float = Field(default=30.0, ge=0, description="QR photo decodes per staff member a minute "
                                     "after the burst (`0`: unlimited)")
    chat_burst: int = Field(default=30, ge=1, description="chat turns per consumer in a burst")
    chat_per_second: float = Field(default=20.0, ge=0, description="chat turns per consumer a second after the burst "
                                   "(`0`: unlimited)")
    dev_login_burst: int = Field(default=30, ge=1, description="development logins per client address in a burst")
    dev_login_per_minute: float = Field(default=0.0, ge=0, description="development logins per client address a "
                                        "minute after the burst (`0`: unlimited)")
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = Field(
        (), description="comma-separated addresses or networks (`10.0.0.0/8`) of reverse proxies. Only a request "
        "from one of them has its `X-Forwarded-For`, `-Proto` and `-Host` honoured: the client is the last forwarded "
        "address that is not a proxy. Empty: the peer address is the client and `X-Forwarded-*` are ignored")
    token_purge_seconds: float = Field(default=3600.0, gt=0, description="how often expired tokens and stale limit "
                                       "rows are deleted")
    # Readiness, graceful shutdown and card batch leases (docs/deploy.md).
    ready_index_max_age_seconds: float = Field(
        default=60.0, gt=0, description="`/readyz` answers 503 while this worker's search index has not refreshed "
        "for longer than this")
    shutdown_drain_seconds: float = Field(
        default=0.0, ge=0, description="on SIGTERM a worker first answers `/readyz` 503 for this long while still "
        "serving (a load balancer takes it out), then stops accepting")
    shutdown_timeout_seconds: float = Field(
        default=30.0, gt=0, description="once a worker stops accepting, how long requests in flight may take to "
        "finish before they are cancelled and the worker closes")
    card_batch_lease_seconds: float = Field(
        default=60.0, gt=0, description="a card batch whose issuing worker has not written for this long is taken "
        "over by another worker or host; the same on every host")
    card_batch_resume_seconds: float = Field(
        default=30.0, gt=0, description="how often each worker looks for card batches to take over (stale lease)")

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Keyword arguments only: the environment is read by `from_env` alone."""
        return (init_settings,)

    @field_validator("card_face_values_fen", "trusted_proxies", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(item.strip() for item in value.split(",") if item.strip())
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses_or_networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"not an IP address or network: {item!r}") from None
        return value

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.strip().upper()

    @model_validator(mode="after")
    def _check_wechat_push(self) -> Settings:
        """Message push replies through the customer-service API (needs the AppID and secret); safe mode
        needs a well-formed EncodingAESKey."""
        if self.wechat_push_token and not (self.wechat_appid and self.wechat_secret):
            raise ValueError("WECHAT_PUSH_TOKEN needs WECHAT_APPID and WECHAT_SECRET "
                             "(replies go through the customer-service API)")
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
    def from_env(cls) -> Settings:
        """The CLI's settings, from os.environ. Raises ConfigurationError with one line per bad variable."""
        environ = {name.upper(): value for name, value in os.environ.items() if value}
        try:
            found = EnvSettingsSource(cls)()
        except SettingsError as exc:
            raise ConfigurationError(str(exc)) from None
        values = {_field_of(key): value for key, value in found.items()}
        read_from = {field: _variable_read(field, environ) for field in cls.model_fields}
        for canonical, *old_names in (variable_names(f) for f in cls.model_fields):
            for old in (name for name in old_names if name in environ):
                _warn_deprecated(old, canonical, canonical in environ)
        if CARD_FACE_VALUES_YUAN in environ:
            _warn_deprecated(CARD_FACE_VALUES_YUAN, "CARD_FACE_VALUES_FEN", "card_face_values_fen" in values,
                             "in fen: the old one is in yuan")
            if "card_face_values_fen" not in values:
                values["card_face_values_fen"] = _yuan_to_fen(environ[CARD_FACE_VALUES_YUAN])
                read_from["card_face_values_fen"] = CARD_FACE_VALUES_YUAN
        var_dir = Path(str(values.get("var_dir", cls.model_fields["var_dir"].default)))
        if "secret_key" not in values:
            values["secret_key"] = _persistent_secret(var_dir)
        if "database_url" not in values:
            var_dir.mkdir(parents=True, exist_ok=True)
            values["database_url"] = f"sqlite://{var_dir / 'aixin.sqlite3'}"
        try:
            return cls(**values)
        except ValidationError as exc:
            raise ConfigurationError("\n".join(_problems(exc, read_from))) from None


def variable_names(field: str) -> tuple[str, ...]:
    """The field's variable, then the old names still read for it (deprecated)."""
    alias = Settings.model_fields[field].validation_alias
    old = [str(choice) for choice in alias.choices[1:]] if isinstance(alias, AliasChoices) else []
    return (field.upper(), *old)


def _field_of(key: str) -> str:
    """A key from the environment source (a field name or one of its aliases) -> the field name."""
    for field in Settings.model_fields:
        if key.lower() in (name.lower() for name in (field, *variable_names(field))):
            return field
    return key


def _variable_read(field: str, environ: dict[str, str]) -> str:
    """The variable the field's value came from (the first of its names that is set), for error messages."""
    return next((name for name in variable_names(field) if name in environ), field.upper())


def _warn_deprecated(old: str, new: str, new_is_set: bool, note: str = "same value") -> None:
    if new_is_set:
        log.warning("%s is ignored: %s is set (%s is the old name)", old, new, old)
    else:
        log.warning("%s is deprecated: set %s instead (%s)", old, new, note)


def _yuan_to_fen(text: str) -> list[object]:
    """'50,100' -> [5000, 10000]; an item that is not a whole number is passed on for validation to refuse."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    return [int(item) * 100 if item.isdecimal() else item for item in items]


def _problems(exc: ValidationError, read_from: dict[str, str]) -> list[str]:
    """One line per variable: `PORT: Input should be a valid integer (got 'abc')`; rules across fields as they are."""
    by_variable: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False):
        message = error["msg"].removeprefix("Value error, ")
        if not error["loc"]:
            by_variable.setdefault(message, [])
            continue
        field = _field_of(str(error["loc"][0]))
        if len(error["loc"]) > 1:  # an item of a list
            message = f"item {int(error['loc'][1]) + 1}: {message}"
        if field not in SECRET_FIELDS and error["type"] != "missing":
            message += f" (got {error['input']!r})"
        by_variable.setdefault(read_from.get(field, field.upper()), []).append(message)
    return [f"{name}: {'; '.join(messages)}" if messages else name for name, messages in by_variable.items()]


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
