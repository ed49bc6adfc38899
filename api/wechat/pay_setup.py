"""WeChat Pay configuration: the real service from settings, or the embedded sandbox with generated keys."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from api.settings import ConfigurationError, Settings
from api.wechat.pay_crypto import generate_keypair, load_private_key, load_public_key
from api.wechat.pay_sandbox import create_sandbox_app, ensure_sandbox_keys, public_key_serial

SANDBOX_PREFIX = "/sandbox/wechatpay"


@dataclass(frozen=True)
class WeChatPayConfig:
    api_base: str  # empty: the sandbox mounted on this server
    appid: str
    mchid: str
    apiv3_key: bytes
    platform_public_key: rsa.RSAPublicKey
    platform_serial: str
    merchant_private_key: rsa.RSAPrivateKey
    merchant_serial: str
    notify_url: str

    def api_base_for(self, request: web.Request) -> str:
        return self.api_base or str(request.url.origin()) + SANDBOX_PREFIX

    def notify_url_for(self, request: web.Request) -> str:
        return self.notify_url or str(request.url.origin()) + "/api/v1/payments/wechat/notify"


def real_config(settings: Settings) -> WeChatPayConfig:
    return WeChatPayConfig(
        api_base=settings.wechatpay_api_base, appid=settings.wechat_appid, mchid=settings.wechatpay_mchid,
        apiv3_key=settings.wechatpay_apiv3_key.encode(),
        platform_public_key=load_public_key(Path(settings.wechatpay_platform_public_key).read_bytes()),
        platform_serial=settings.wechatpay_platform_serial,
        merchant_private_key=load_private_key(Path(settings.wechatpay_merchant_private_key).read_bytes()),
        merchant_serial=settings.wechatpay_merchant_serial, notify_url=settings.wechatpay_notify_url,
    )


def check_sandbox_allowed(settings: Settings) -> None:
    """The sandbox takes no money: with real users (a WeChat secret) it must be asked for explicitly."""
    if settings.wechatpay_api_base or settings.dev_login_enabled or settings.wechatpay_sandbox:
        return
    raise ConfigurationError(
        "WECHAT_SECRET is set (real users) but WECHATPAY_API_BASE is not: payments would go to the sandbox, "
        "which takes no money. Configure WeChat Pay, or set WECHATPAY_SANDBOX=1 for a staging server."
    )


def sandbox(settings: Settings) -> tuple[WeChatPayConfig, web.Application]:
    """Keys kept in var/wechatpay-sandbox (made on first run) and the sandbox app to mount."""
    keys_dir = settings.var_dir / "wechatpay-sandbox"
    keys = ensure_sandbox_keys(keys_dir)
    merchant_pem = keys_dir / "merchant_private_key.pem"
    if not merchant_pem.exists():
        merchant_pem.touch(mode=0o600)
        merchant_pem.write_bytes(generate_keypair()[0])
    merchant_key = load_private_key(merchant_pem.read_bytes(), made_here=True)  # generated above, on first run
    config = WeChatPayConfig(
        api_base="", appid=settings.wechat_appid or "wx-sandbox-appid", mchid=settings.wechatpay_mchid,
        apiv3_key=keys.apiv3_key, platform_public_key=load_public_key(keys.public_key_path.read_bytes()),
        platform_serial=keys.serial, merchant_private_key=merchant_key,
        merchant_serial=public_key_serial(merchant_key.public_key()), notify_url=settings.wechatpay_notify_url,
    )
    app = create_sandbox_app(
        mchid=config.mchid, apiv3_key=keys.apiv3_key, platform_private_key=keys.platform_private_key,
        platform_serial=keys.serial, merchant_public_key=merchant_key.public_key(),
        auto_pay=settings.wechatpay_sandbox_auto_pay,
    )
    return config, app
