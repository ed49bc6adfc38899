"""WeChat message push bodies: XML or JSON (the mini program's "数据格式" option), parsed into one model;
and the customer-service text message we send back.

The body's first non-blank byte tells the format (WeChat's content types are not reliable). XML goes through
defusedxml (no entities, no DTDs), so a hostile body is a 400, never an expansion bomb.
"""
from __future__ import annotations

import json
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from models.errors import BadRequest

TEXT = "text"
EVENT = "event"


class PushMessage(BaseModel):
    """One pushed message (or event) as WeChat names its fields."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore", frozen=True)

    to_user: str = Field(alias="ToUserName", max_length=128)
    openid: str = Field(alias="FromUserName", pattern=r"^[A-Za-z0-9_-]{1,128}$")
    create_time: int = Field(alias="CreateTime", ge=0)
    msg_type: str = Field(alias="MsgType", pattern=r"^[a-z_]{1,32}$")
    content: str = Field(default="", alias="Content")
    msg_id: str | None = Field(default=None, alias="MsgId", pattern=r"^[0-9]{1,32}$")

    @field_validator("msg_id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        """JSON pushes carry MsgId as a number, XML as text; an empty one is absent."""
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return str(value)
        return value or None

    @property
    def dedupe_key(self) -> str:
        """MsgId; without one (events), WeChat's advice is FromUserName + CreateTime."""
        return self.msg_id or f"{self.openid}:{self.create_time}"


def parse_fields(body: bytes) -> dict[str, Any]:
    """The top-level fields of an XML (`<xml><Field>…</Field>…</xml>`) or JSON object body."""
    head = body.lstrip()[:1]
    if head == b"{":
        return _json_fields(body)
    if head == b"<":
        return _xml_fields(body)
    raise malformed()


def parse_message(fields: dict[str, Any]) -> PushMessage:
    try:
        return PushMessage.model_validate(fields)
    except ValidationError:
        raise malformed() from None


def encrypted_text(fields: dict[str, Any]) -> str:
    """The `Encrypt` field of a safe-mode envelope."""
    value = fields.get("Encrypt")
    if not isinstance(value, str) or not value:
        raise malformed()
    return value


def custom_text(openid: str, content: str) -> dict[str, Any]:
    """A customer-service text message (客服消息) to `openid`."""
    return {"touser": openid, "msgtype": "text", "text": {"content": content}}


def malformed() -> BadRequest:
    return BadRequest("wechat_push_malformed", "消息格式不正确")


def _json_fields(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise malformed() from None
    if not isinstance(data, dict):
        raise malformed()
    return data


def _xml_fields(body: bytes) -> dict[str, Any]:
    try:
        root = ElementTree.fromstring(body, forbid_dtd=True)
    except (ParseError, DefusedXmlException, UnicodeDecodeError, ValueError):
        raise malformed() from None
    if root.tag != "xml":
        raise malformed()
    return {child.tag: child.text or "" for child in root}
