"""WeChat Pay API v3 cryptography: RSA-SHA256 signatures, the Authorization header, AES-256-GCM resources.

Everything here is pure (no I/O) and follows the official v3 rules:

* every signed string ("签名串" / "验签串") is a list of lines, each ended by "\\n" — including the last,
  so a body that itself ends with a newline stays distinguishable from one that does not;
* signatures are RSA PKCS#1 v1.5 over SHA-256, base64-encoded;
* notification resources are AEAD_AES_256_GCM with the 32-byte APIv3 key, a 12-character nonce and
  the associated data sent alongside; the ciphertext is base64(ciphertext || 16-byte tag).
"""
from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
import secrets
import string
import time
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

AUTH_SCHEMA = "WECHATPAY2-SHA256-RSA2048"
AEAD_ALGORITHM = "AEAD_AES_256_GCM"
NOTIFICATION_HEADERS = ("Wechatpay-Signature", "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial")
_ALNUM = string.ascii_letters + string.digits
_AUTH_PARAM = re.compile(r'\s*([A-Za-z_]+)="([^"]*)"\s*')
_AUTH_FIELDS = ("mchid", "nonce_str", "signature", "timestamp", "serial_no")


class ResourceDecryptError(ValueError):
    """An encrypted resource could not be opened: wrong key, tampered data or a malformed resource.

    Not an AppError (models/errors.py): the notification handler answers it in WeChat's {"code": "FAIL"} shape."""


class NotificationRejected(Exception):
    """A payment notification failed verification; `code` says which check failed.

    Not an AppError (models/errors.py): the notification handler answers it in WeChat's {"code": "FAIL"} shape."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


# --- keys -----------------------------------------------------------------------------------------

def load_private_key(pem: bytes | str, *, made_here: bool = False) -> rsa.RSAPrivateKey:
    """Load an unencrypted PEM RSA private key (WeChat's apiclient_key.pem is PKCS#8).

    A key from configuration is validated (~50 ms: cryptography checks the RSA parameters). A key this program
    generated itself (`made_here`: the sandbox's, in var/) skips that check, as cryptography's
    `unsafe_skip_rsa_key_validation` allows for keys known to be valid; every app start loads two of them."""
    key = serialization.load_pem_private_key(_as_bytes(pem), password=None, unsafe_skip_rsa_key_validation=made_here)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key")
    return key


def load_public_key(pem: bytes | str) -> rsa.RSAPublicKey:
    """Load a PEM RSA public key (SubjectPublicKeyInfo, as in WeChat's pub_key.pem)."""
    key = serialization.load_pem_public_key(_as_bytes(pem))
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("not an RSA public key")
    return key


def generate_keypair() -> tuple[bytes, bytes]:
    """A fresh RSA-2048 key pair as (private PKCS#8 PEM, public SubjectPublicKeyInfo PEM)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return private_pem, public_key_pem(key.public_key())


def public_key_pem(public_key: rsa.RSAPublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


# --- signatures -----------------------------------------------------------------------------------

def sign(private_key: rsa.RSAPrivateKey, message: bytes) -> str:
    """SHA256withRSA (PKCS#1 v1.5) signature of `message`, base64-encoded."""
    raw = private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(raw).decode("ascii")


def verify(public_key: rsa.RSAPublicKey, message: bytes, signature_b64: str) -> bool:
    """True only for a valid signature; any malformed input (bad base64, wrong key type...) is False."""
    if not isinstance(public_key, rsa.RSAPublicKey) or not isinstance(signature_b64, str):
        return False
    try:
        raw = base64.b64decode(signature_b64, validate=True)
        public_key.verify(raw, message, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError, TypeError, binascii.Error):
        return False
    return True


def notification_message(timestamp: str, nonce: str, body: str) -> bytes:
    """The string WeChat signs for notifications and responses: timestamp, nonce and body, one per line.

    Every line ends with "\\n", the last one too; the body must be the raw body exactly as received.
    """
    return f"{timestamp}\n{nonce}\n{body}\n".encode()


def request_message(method: str, url_path_with_query: str, timestamp: str, nonce: str, body: str) -> bytes:
    """The string a merchant signs for an API request; `body` is "" for GET and the exact JSON sent otherwise."""
    return f"{method.upper()}\n{url_path_with_query}\n{timestamp}\n{nonce}\n{body}\n".encode()


def authorization_header(
    mchid: str, serial_no: str, private_key: rsa.RSAPrivateKey, method: str, path: str, body: str,
    timestamp: str | None = None, nonce: str | None = None,
) -> str:
    """The Authorization header of a v3 API request (`path` includes the query string)."""
    timestamp = timestamp or str(int(time.time()))
    nonce = nonce or random_nonce(32)
    signature = sign(private_key, request_message(method, path, timestamp, nonce, body))
    return (f'{AUTH_SCHEMA} mchid="{mchid}",nonce_str="{nonce}",signature="{signature}",'
            f'timestamp="{timestamp}",serial_no="{serial_no}"')


def parse_authorization(header: str) -> dict[str, str]:
    """The five fields of a v3 Authorization header; ValueError if it is not one."""
    schema, _, params = (header or "").strip().partition(" ")
    if schema != AUTH_SCHEMA:
        raise ValueError(f"authorization schema must be {AUTH_SCHEMA}")
    fields: dict[str, str] = {}
    for part in params.split(","):
        match = _AUTH_PARAM.fullmatch(part)
        if not match or match[1] in fields:
            raise ValueError("malformed authorization parameters")
        fields[match[1]] = match[2]
    missing = [name for name in _AUTH_FIELDS if not fields.get(name)]
    if missing:
        raise ValueError(f"authorization lacks {', '.join(missing)}")
    return fields


def random_nonce(length: int = 32) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


# --- encrypted resources --------------------------------------------------------------------------

def encrypt_resource(
    apiv3_key: bytes, plaintext: bytes, associated_data: str = "transaction", nonce: str | None = None,
) -> dict[str, str]:
    """Encrypt a notification resource the way WeChat does (AES-256-GCM, 12-character nonce)."""
    nonce = nonce or random_nonce(12)
    sealed = AESGCM(_check_key(apiv3_key)).encrypt(nonce.encode(), plaintext, associated_data.encode())
    return {
        "algorithm": AEAD_ALGORITHM, "ciphertext": base64.b64encode(sealed).decode("ascii"),
        "associated_data": associated_data, "nonce": nonce, "original_type": "transaction",
    }


def decrypt_resource(apiv3_key: bytes, resource: Mapping[str, Any]) -> bytes:
    """Open a notification resource; ResourceDecryptError on a bad key, tag, encoding or shape."""
    if not isinstance(resource, Mapping) or resource.get("algorithm") != AEAD_ALGORITHM:
        raise ResourceDecryptError("resource is not AEAD_AES_256_GCM")
    ciphertext, nonce = resource.get("ciphertext"), resource.get("nonce")
    associated_data = resource.get("associated_data") or ""
    if not (isinstance(ciphertext, str) and isinstance(nonce, str) and isinstance(associated_data, str)):
        raise ResourceDecryptError("resource ciphertext, nonce and associated_data must be strings")
    try:
        sealed = base64.b64decode(ciphertext, validate=True)
        return AESGCM(_check_key(apiv3_key)).decrypt(nonce.encode(), sealed, associated_data.encode())
    except (InvalidTag, ValueError, TypeError, binascii.Error) as exc:
        raise ResourceDecryptError(f"cannot decrypt resource: {type(exc).__name__}") from None


def decrypt_json_resource(apiv3_key: bytes, resource: Mapping[str, Any]) -> dict[str, Any]:
    """decrypt_resource, then parse the plaintext as a JSON object (ResourceDecryptError otherwise)."""
    try:
        data = json.loads(decrypt_resource(apiv3_key, resource))
    except ValueError as exc:
        if isinstance(exc, ResourceDecryptError):
            raise
        raise ResourceDecryptError("decrypted resource is not JSON") from None
    if not isinstance(data, dict):
        raise ResourceDecryptError("decrypted resource is not a JSON object")
    return data


def _check_key(apiv3_key: bytes) -> bytes:
    """The APIv3 key is the 32 ASCII characters set in the merchant platform, used as the raw AES key."""
    if not isinstance(apiv3_key, bytes) or len(apiv3_key) != 32:
        raise ValueError("the APIv3 key must be 32 bytes")
    return apiv3_key


# --- notifications and mini program payment -------------------------------------------------------

def verify_notification(
    headers: Mapping[str, str], body: str, platform_public_key: rsa.RSAPublicKey, platform_serial: str,
    now: float | None = None, max_skew_seconds: int = 300,
) -> None:
    """Check a notification's Wechatpay-* headers against its raw body; NotificationRejected if any fails.

    Checks, in order: headers present, serial is our platform key's, timestamp within
    `max_skew_seconds` of `now` (replay protection), signature valid. WeChat also sends probe
    notifications whose signature starts with "WECHATPAY/SIGNTEST/"; they fail as bad_signature.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    signature, timestamp, nonce, serial = (lowered.get(name.lower(), "") for name in NOTIFICATION_HEADERS)
    if not (signature and timestamp and nonce and serial):
        missing = [n for n in NOTIFICATION_HEADERS if not lowered.get(n.lower())]
        raise NotificationRejected("missing_headers", f"missing {', '.join(missing)}")
    if not hmac.compare_digest(serial.encode(), platform_serial.encode()):
        raise NotificationRejected("unknown_serial", f"unknown Wechatpay-Serial {serial[:64]!r}")
    now = time.time() if now is None else now
    if not re.fullmatch(r"[0-9]{1,12}", timestamp) or abs(now - int(timestamp)) > max_skew_seconds:
        raise NotificationRejected("stale_timestamp", f"Wechatpay-Timestamp {timestamp[:20]!r} is not current")
    signed = notification_message(timestamp, nonce, body)
    if (lowered.get("wechatpay-signature-type", AUTH_SCHEMA) != AUTH_SCHEMA
            or not verify(platform_public_key, signed, signature)):
        raise NotificationRejected("bad_signature", "Wechatpay-Signature does not verify")


def request_payment_params(
    appid: str, prepay_id: str, private_key: rsa.RSAPrivateKey,
    timestamp: str | None = None, nonce: str | None = None,
) -> dict[str, str]:
    """The object the mini program passes to `wx.requestPayment`, signed with the merchant key."""
    timestamp = timestamp or str(int(time.time()))
    nonce = nonce or random_nonce(32)
    package = f"prepay_id={prepay_id}"
    pay_sign = sign(private_key, f"{appid}\n{timestamp}\n{nonce}\n{package}\n".encode())
    return {"timeStamp": timestamp, "nonceStr": nonce, "package": package, "signType": "RSA", "paySign": pay_sign}


def _as_bytes(pem: bytes | str) -> bytes:
    return pem.encode() if isinstance(pem, str) else pem
