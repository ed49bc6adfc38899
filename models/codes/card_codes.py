"""What a card's QR codes say, signed so they can be checked without a database read.

* The printed QR, for unclaimed (bearer) cards and for claiming: `AX1.<card_no>.<mac>` where the mac is
  80 bits of HMAC-SHA256 under a key derived from SECRET_KEY.
* The rotating pay code a holder shows: `AX2.<card_no>.<holder>.<counter>.<step>.<otp>`: an HMAC over the card,
  the holder it was issued to, a 10-second time step and the card's pay-code counter (like WeChat's and Alipay's
  payment codes), valid for 60 seconds. Where it is spent, each counter value spends once and only while the card
  is still held by that holder (docs/pay-codes.md).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

from models.errors import Conflict, Invalid

STEP_SECONDS = 10
PAY_CODE_STEPS = 6  # 60 seconds


def _mac(key: bytes, message: str, nbytes: int) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()[:nbytes]


def _invalid() -> Invalid:
    return Invalid("qr_invalid", "二维码无效或已被篡改")


@dataclass(frozen=True)
class PayCode:
    card_no: str
    counter: int
    code: str
    expires_at: datetime


@dataclass(frozen=True)
class Scanned:
    """What a scanned code names: the card, and for a pay code its counter and the holder it was issued to
    (both None for a printed QR)."""

    card_no: str
    counter: int | None = None
    holder_id: int | None = None


class CardCodes:
    """Signing and checking card codes with keys derived from the application's secret."""

    def __init__(self, secret_key: str) -> None:
        root = secret_key.encode()
        self._qr_key = _mac(root, "aixin/card-qr/v1", 32)
        self._pay_key = _mac(root, "aixin/card-pay/v1", 32)

    def printed(self, card_no: str) -> str:
        mac = base64.b32encode(_mac(self._qr_key, card_no, 10)).decode().rstrip("=")
        return f"AX1.{card_no}.{mac}"

    def read_printed(self, code: str) -> str:
        """The card number in a printed QR; `qr_invalid` for anything forged or altered."""
        parts = code.strip().split(".")
        if len(parts) != 3 or parts[0] != "AX1" or not hmac.compare_digest(self.printed(parts[1]), code.strip()):
            raise _invalid()
        return parts[1]

    def _otp(self, card_no: str, holder_id: int, counter: int, step: int) -> str:
        card_key = _mac(self._pay_key, card_no, 32)
        return f"{int.from_bytes(_mac(card_key, f'{holder_id}.{step}.{counter}', 4), 'big') % 10**8:08d}"

    def pay_code(self, card_no: str, holder_id: int, counter: int, now: datetime) -> PayCode:
        step = int(now.timestamp()) // STEP_SECONDS
        expires = datetime.fromtimestamp((step + PAY_CODE_STEPS) * STEP_SECONDS, tz=UTC)
        code = f"AX2.{card_no}.{holder_id}.{counter}.{step}.{self._otp(card_no, holder_id, counter, step)}"
        return PayCode(card_no, counter, code, expires)

    def read_pay_code(self, code: str, now: datetime) -> Scanned:
        """The card, holder and counter of a genuine pay code still within its 60 seconds."""
        parts = code.strip().split(".")
        if len(parts) != 6 or parts[0] != "AX2" or not all(p.isascii() and p.isdigit() for p in parts[2:5]):
            raise _invalid()
        card_no, holder_id, counter, step = parts[1], int(parts[2]), int(parts[3]), int(parts[4])
        if not hmac.compare_digest(self._otp(card_no, holder_id, counter, step), parts[5]):
            raise _invalid()
        age = int(now.timestamp()) // STEP_SECONDS - step
        if not 0 <= age < PAY_CODE_STEPS:
            raise Conflict("pay_code_expired", "付款码已过期，请刷新后重试")
        return Scanned(card_no, counter, holder_id)

    def read(self, code: str, now: datetime) -> Scanned:
        """Either kind of code: a pay code's card, counter and holder, or a printed QR's card alone."""
        if code.strip().startswith("AX2."):
            return self.read_pay_code(code, now)
        return Scanned(self.read_printed(code))
