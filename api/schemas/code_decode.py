"""What the counter's photo decoder answers."""
from __future__ import annotations

from pydantic import BaseModel, Field


class DecodeOut(BaseModel):
    text: str = Field(description="the text of the QR code found (for a love card: AX1.… or AX2.…)")
