"""What a counter's printed QR code says: `AXM.<merchant_id>.<key_version>.<mac>`.

The same scheme as the cards' printed QR (models/codes/card_codes.py): 80 bits of HMAC-SHA256, base32, under a
key derived from SECRET_KEY with its own label, so a card code can never pass for a counter code. The
signature is checked without a database read; the key version is then compared with the merchant's
current one, so rotating it (a lost or copied poster) makes every poster printed before worthless.
"""
from __future__ import annotations

import base64
import hashlib
import hmac

from models.errors import Invalid

PREFIX = "AXM"


def _mac(key: bytes, message: str, nbytes: int) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()[:nbytes]


class MerchantCodes:
    """Signing and checking counter codes with a key derived from the application's secret."""

    def __init__(self, secret_key: str) -> None:
        self._key = _mac(secret_key.encode(), "aixin/merchant-qr/v1", 32)

    def printed(self, merchant_id: int, key_version: int) -> str:
        mac = base64.b32encode(_mac(self._key, f"{merchant_id}.{key_version}", 10)).decode().rstrip("=")
        return f"{PREFIX}.{merchant_id}.{key_version}.{mac}"

    def read(self, code: str) -> tuple[int, int]:
        """(merchant_id, key_version) of a genuine counter code; 422 `qr_invalid` for anything else."""
        text = code.strip()
        parts = text.split(".")
        if len(parts) != 4 or parts[0] != PREFIX or not all(p.isascii() and p.isdigit() for p in parts[1:3]):
            raise Invalid("qr_invalid", "不是有效的受理点二维码")
        merchant_id, version = int(parts[1]), int(parts[2])
        if not hmac.compare_digest(self.printed(merchant_id, version), text):
            raise Invalid("qr_invalid", "不是有效的受理点二维码")
        return merchant_id, version
