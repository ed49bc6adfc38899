from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field

from api.schemas.common import Strict
from bot.reply import Reply

MAX_MESSAGE_CHARS = 1000


class ChatIn(Strict):
    # The length is the message as sent, spaces included (what the document's maxLength says); stripped after.
    model_config = ConfigDict(str_strip_whitespace=False)

    message: Annotated[str, Field(max_length=MAX_MESSAGE_CHARS), AfterValidator(str.strip)]


# The reply's shape is the assistant's own contract (bot.reply), not a second description of it.
ChatOut = Reply
