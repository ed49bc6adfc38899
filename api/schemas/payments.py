"""What the WeChat Pay notification endpoint answers on failure: WeChat's own shape, not the API's ErrorBody."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class NotifyFail(BaseModel):
    """Any non-2xx answer with this body makes WeChat retry the notification later."""

    code: Literal["FAIL"]
    message: str
