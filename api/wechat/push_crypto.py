"""WeChat message push cryptography: the SHA-1 signatures and safe mode's AES-256-CBC envelope.

Pure functions, no I/O. The rules (WeChat's 消息加解密 scheme, shared by official accounts and mini programs):

* a signature is the SHA-1 hex of the parts (token, timestamp, nonce, and in safe mode the `Encrypt` text)
  sorted as strings and concatenated without separators;
* the AES key is base64decode(EncodingAESKey + "="), 32 bytes; the IV is its first 16 bytes; CBC mode,
  PKCS#7 padding to 32-byte blocks;
* the plaintext is 16 random bytes, the message length as 4 bytes big-endian, the message, the AppID.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from models.errors import BadRequest, Forbidden

BLOCK = 32  # WeChat pads to 32 bytes, not to AES's 16
_RANDOM, _LENGTH = 16, 4


def signature(*parts: str) -> str:
    """SHA-1 hex of the parts sorted and concatenated (token, timestamp, nonce[, encrypt])."""
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def check_signature(given: str, *parts: str) -> None:
    """Compare in constant time; refuse with 403 `wechat_push_bad_signature`."""
    if not hmac.compare_digest(signature(*parts).encode(), given.strip().lower().encode()):
        raise Forbidden("wechat_push_bad_signature", "签名校验失败")


def aes_key(encoding_aes_key: str) -> bytes:
    """The 32-byte key behind the 43-character EncodingAESKey; ValueError when it is not one."""
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except binascii.Error:
        raise ValueError("EncodingAESKey is not base64") from None
    if len(encoding_aes_key) != 43 or len(key) != 32:
        raise ValueError("EncodingAESKey must be 43 characters (32 bytes once decoded)")
    return key


class PushCipher:
    """Opens safe-mode messages for one mini program (the AppID inside must be ours)."""

    def __init__(self, encoding_aes_key: str, appid: str) -> None:
        self._key = aes_key(encoding_aes_key)
        self._appid = appid.encode()

    def decrypt(self, encrypted: str) -> bytes:
        """The message inside `Encrypt`; 400 `wechat_push_decrypt_failed` or 403 `wechat_push_wrong_appid`."""
        plain = _unpad(self._aes_decrypt(encrypted))
        if len(plain) < _RANDOM + _LENGTH:
            raise _undecryptable()
        (length,) = struct.unpack(">I", plain[_RANDOM:_RANDOM + _LENGTH])
        start = _RANDOM + _LENGTH
        if start + length > len(plain):
            raise _undecryptable()
        message, appid = plain[start:start + length], plain[start + length:]
        if not hmac.compare_digest(appid, self._appid):
            raise Forbidden("wechat_push_wrong_appid", "消息不属于本小程序")
        return message

    def _aes_decrypt(self, encrypted: str) -> bytes:
        try:
            data = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError):
            raise _undecryptable() from None
        if not data or len(data) % 16:
            raise _undecryptable()
        decryptor = Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16])).decryptor()
        return decryptor.update(data) + decryptor.finalize()


def _unpad(data: bytes) -> bytes:
    pad = data[-1]
    if not 1 <= pad <= BLOCK or pad > len(data) or data[-pad:] != bytes([pad]) * pad:
        raise _undecryptable()
    return data[:-pad]


def _undecryptable() -> BadRequest:
    return BadRequest("wechat_push_decrypt_failed", "消息无法解密")
