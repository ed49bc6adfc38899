"""Query strings WeChat's message push sends. Every field is optional here: a missing one fails the signature
check (403), like a wrong one."""
from __future__ import annotations

from pydantic import BaseModel, Field


class PushVerifyQuery(BaseModel):
    signature: str = Field("", description="SHA-1 of the sorted token, timestamp and nonce")
    timestamp: str = ""
    nonce: str = ""
    echostr: str = Field("", description="echoed back as text/plain when the signature is right")


class PushQuery(BaseModel):
    signature: str = Field("", description="plaintext mode: SHA-1 of the sorted token, timestamp and nonce")
    timestamp: str = ""
    nonce: str = ""
    openid: str = ""
    encrypt_type: str = Field("", description="`aes` in safe mode")
    msg_signature: str = Field("", description="safe mode: SHA-1 of the sorted token, timestamp, nonce and Encrypt")
