"""A 爱心卡 said with the public service it is used for after it (我的爱心卡坐公交刷不了, 爱心卡乘地铁免费吗,
爱心卡看病能报销吗, 爱心卡在医院能用吗): a card of another programme (a bus company's, the local government's), as
公交爱心卡 is when the service comes first (bot.other_cards.programme_card). The shop's love card pays for its own
goods only, so nobody rides a bus or sees a doctor with it; the message is answered as another programme's card.

Not a use: what is bought with it (爱心卡买大米), the card's own money (爱心卡余额), or the shop's invoice said alone
(爱心卡能报销吗: bot.holder_questions answers it).
"""
from __future__ import annotations

import re

# The service, after 爱心卡 and at most a few words (在, 去, 能, 可以, 不能): riding, a hospital, a chemist's.
_TRANSPORT = r"(?:坐|乘|搭|刷)(?:公交|地铁|公车|巴士|车|大巴|轻轨|轮渡)|公交|地铁"
_MEDICAL = r"看病|就医|就诊|住院|挂号|医院|诊所|门诊|药店|药房|医保"
_USED_FOR = re.compile(rf"爱心卡(?P<gap>[^\s，。,.!?！？]{{0,6}}?)(?P<use>{_TRANSPORT}|{_MEDICAL})")


def used_for(text: str) -> tuple[int, str]:
    """(where the 爱心卡 said starts, the name to say it by: 坐公交用的爱心卡), or (-1, "") when no service follows."""
    m = _USED_FOR.search(text)
    if m is None or re.search(r"买|来|要|订|送给|给", m.group("gap")):
        return -1, ""  # 爱心卡买点药材: goods bought; 爱心卡送给看病的人: a gift
    use = m.group("use")
    at = "在" if use.endswith(("院", "所", "诊", "店", "房")) else ""  # 在医院用的爱心卡
    return m.start(), f"{at}{use}用的爱心卡"


def transport(name: str) -> bool:
    return re.search(_TRANSPORT, name) is not None
