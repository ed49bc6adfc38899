"""A card's code typed first and the claim word after it (AX2.5HK9P3M7 领取, K9X2-77QP 兑换一下, HJ64T8N2 帮我激活):
a claim as much as 领取 AX2.5HK9P3M7 is; the code is the card's, never a size (2.5) nor a count."""
from __future__ import annotations

import re

# Letters and digits both (a word or a size alone is no code), six or more, then a claim word.
CODE_FIRST = re.compile(r"(?<![A-Za-z0-9.-])(?P<code>(?=[A-Za-z0-9.-]*\d)(?=[A-Za-z0-9.-]*[A-Za-z])"
                        r"[A-Za-z0-9][A-Za-z0-9.-]{4,}[A-Za-z0-9])(?![A-Za-z0-9])\s*[,，:：]?\s*"
                        r"(?:帮我|请|麻烦)?(?:领取|领卡|领一下|兑换|激活|绑定|绑卡|claim|redeem)", re.IGNORECASE)
