"""What a change of address says stays as it was (别的不变, 收件人勿变, 电话不用改, 地址不变, 收货人还是我): nothing
new to save, so it is dropped before the address is set apart; the parts not said are kept from the current address
anyway (bot/turns/address.py). Read only when the rest is a change of address (bot/addressing.py). 勿 and 莫
are the Wu and south-western 不 (收件人勿变 = 收件人不变)."""
from __future__ import annotations

import re

_WHAT = (r"(?:别的|其他的?|其它的?|其余的?|剩下的|其他信息|别的信息|收货人|收件人|联系人|名字|姓名"
         r"|电话号码|电话|手机号码|手机号|手机|号码|地址|门牌号?)")
_STAYS = (r"(?:都|也|还|就)?(?:不变|勿变|莫变|没变|不用变|不要变|不用改|不要改|不改|勿改|莫改|别改|不动|别动|勿动"
          r"|照旧|一样|保持不变|(?:和|跟)(?:原来|之前|以前)的?一样|还是(?:原来的|之前的|以前的|老的|那个|我自己|我本人|我)|用原来的)"
          r"(?:的|了|哈|啊|呀|吧|哦)?")
_KEPT = re.compile(rf"[，,。\s]*{_WHAT}{_STAYS}(?=$|[，,。.!！\s])")


def dropped(text: str) -> str:
    """The message without the words saying a part stays (地址换一下 改成…8号 收件人勿变 → 地址换一下 改成…8号);
    unchanged when those words are all it says (地址不变 alone is no change to read)."""
    rest = _KEPT.sub(" ", text).strip()
    return rest if rest and rest != text.strip() else text
