"""A yes and a hello said with more words than the word itself.

* A yes with clauses that only take the summary as it stands is still a yes: that is all (对对对 就是这些 下单),
  placing said again (要得 就下单嘛, 得嘞 提交吧), the default address kept (确定 地址就用默认的那个,
  确认 送店里默认地址就行, 好的 地址还是原来那个). Any other clause (a product, a count, a new address, a
  question) makes it more than a yes.
* 确认 typed with a character of the same or a near sound (却认, 缺认, 确仁, 确忍, 雀认) is 确认; 却认为 (but thinks),
  认识, 认可, 认真, 认证 stay.
* Politeness around a yes (核对无误，请您下单。辛苦了，祝您生活愉快！ / 确认，麻烦下单，谢谢): placing asked for
  wins over thanks and wishes; a clause of praise (太好了, 嫽咋咧) beside a yes is still a yes.
* Politeness alone (您好，冒昧打扰，祝您工作顺利 / 谢谢 祝您生意兴隆): a greeting (thanks answered 不客气); thanks
  alone at length (谢谢 辛苦了) stays talk that closes (bot.talk_kinds).
* A greeting with "it is my first time here" (您好 我第一次用这个小程序, 你好 第一次来, 哈喽 我是新来的) is a greeting;
  a how-to asked beside it (您好 第一次用 怎么下单) is help. The greeting may come last and be said about itself
  (额是头一回用这个，先打个招呼).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import lexicon, thanks_praise
from bot.cues import leading

if TYPE_CHECKING:
    from bot.understanding import Understanding

# 确认 mistyped: 确 or a character sounding like it (que: 却 缺 雀 鹊 阙 榷 悫) with 认 or one sounding near
# (ren: 仁 忍 任 韧 刃 妊); not 确认 itself nor 却认为 (but thinks), 认识, 认可, 认真, 认证, 认定, 认购, 认出, 认得.
# 确人 (人 is ren too: ok 确人👌) only where no word holds it: 的确人很多, 准确人数, 明确人选 stay.
_CONFIRM_TYPO = re.compile(r"(?:[却缺雀鹊阙榷悫][认仁忍任韧刃妊]|确[仁忍任韧刃妊]"
                           r"|(?<![的准精正明])确人(?![数员选口家们工群士物]))(?![为识可真证定购出得错领])")
# Said beside a yes, a clause that only takes the summary as it is: that is all (就是这些, 就这些了, 没别的了),
# placing said again (就下单嘛, 提交吧, 直接付款), the way it stands (就这样, 就这么办).
_TAKEN = (
    "就是这些", "就是这个", "就这些", "就这个", "就这样", "就这么办", "就这么定", "这些", "这样", "没别的", "没有别的",
    # the way it stands in dialect (就这么弄, 就这么整, 就这么着, 就酱) and sending it off (送出, 送出订单, 发出去)
    "就这么弄", "就这么整", "就这么着", "就这样弄", "就这样整", "这么弄", "这么整", "就酱", "整吧", "弄吧", "送出去",
    "送出", "发出去", "订单", "无误",
    "不要别的", "就这么多", "就要这些", "只要这些", "都对", "没问题", "那就", "就", "直接", "现在", "赶紧", "快",
    "帮我", "给我", "下单", "提交", "付款", "落单", "结算", "确认", "确定", "吧", "嘛", "呗", "了", "啊", "哈",
    "呀", "咯", "啦", "哦", "的", "嗯", "好",
)
# The address already on the summary kept (地址就用默认的那个, 送店里默认地址就行, 地址不用改, 还是原来那个地址):
# a word saying it is the same one, and nothing but these words around it (a new address names places).
_KEPT = re.compile(r"默认|原来|原先|之前|上次|老地址|不变|没变|不用改|不改|不用换|照旧|一样|还是那个")
_ADDRESS_WORDS = (
    "收货地址", "收件地址", "地址", "默认", "原来", "原先", "之前", "上次", "老", "不变", "没变", "不用改", "不改",
    "不用换", "照旧", "一样", "还是", "那个", "这个", "就", "用", "寄", "送", "发", "到", "填", "写", "店里",
    "家里", "我家", "公司", "单位", "的", "就行", "就好", "就可以", "行", "好", "可以", "吧", "呗", "嘛", "啊", "了",
    "都", "也", "给", "我", "那", "里",
)
_CLAUSES = re.compile(r"\s+")
# A part of the summary said to be right (地址没问题, 数量对的, 信息都没错): the summary taken as it is.
_CHECKED = re.compile(r"^(?:核对|核实|检查|看过|看了|确认过|核对过|我看了|我核对了)?"
                      r"(?:地址|收货地址|收件地址|电话|手机号?|收件人|收货人|数量|价格|金额|规格|东西|商品|信息|订单)?"
                      r"(?:也|都|全)*(?:没问题|没毛病|对|对的|没错|正确|无误|ok|OK)(?:的|了|啊|呀|哈)?$")
# Something the shopper will send later, said beside the yes (开票抬头后面再发你, 发票信息稍后给你): nothing to
# change now.
_LATER = re.compile(r"^(?:开票|发票|抬头|税号|开票信息|发票信息|发票抬头|地址|收货信息)?\S{0,6}?"
                    r"(?:后面|稍后|回头|晚点|晚些|等会儿?|待会儿?|之后|过后|明天)再?(?:发|给|说|补|提供|告诉|填)\S{0,3}$")


# Politeness said around a yes or a greeting: thanks (谢谢, 辛苦了), a wish (祝您生活愉快, 祝你工作顺利), sorry to
# bother (冒昧打扰, 打扰了), praise (太好了, 真不错); "please" before placing asked for (请您下单, 麻烦提交).
_THANKED = re.compile(r"^(?:谢谢|多谢|感谢|谢啦|谢了|辛苦(?:你|您)?了|辛苦|麻烦(?:你|您)?了|费心了|感恩)"
                      r"(?:你|您|你们|您们|老板)?(?:啦|了|啊|呀|哈|哦)*$")
_WISHED = re.compile(r"^(?:也|再次)?(?:祝|愿)(?:您|你|你们|您们|大家|老板)?\S{0,6}?"
                     r"(?:愉快|顺利|健康|快乐|如意|开心|平安|幸福|顺心|兴隆|发财|吉祥|安康|美满|多多)(?:哦|啊|呀|哈)*$")
_BOTHERED = re.compile(r"^(?:冒昧|不好意思)?(?:打扰(?:了|一下|您了|你了)?|冒昧(?:了|一下)?|不好意思)(?:哈|啊|呀)?$")
_PRAISED = re.compile(r"^(?:太|真|很|非常|挺)?(?:好|棒|不错|赞|给力)(?:了|啊|呀|的|哈)*$")
_PLEASE = re.compile(r"^(?:请|麻烦|劳驾)(?:您|你)?(?:帮我)?")


def polite(clause: str) -> bool:
    """谢谢 / 辛苦了 / 祝您生活愉快 / 冒昧打扰: a clause of politeness, asking nothing."""
    return any(p.match(clause) for p in (_THANKED, _WISHED, _BOTHERED))


def mended(text: str) -> str:
    """却认 下单 → 确认 下单: 确认 typed with characters of a near sound."""
    return _CONFIRM_TYPO.sub("确认", text) if any(ch in text for ch in "却缺雀鹊阙榷悫确") else text


def says_yes(spaced: str) -> bool:
    """Every clause is a yes, takes the summary as it is or keeps its address, and one at least says yes or places
    it (对对对 就是这些 下单 / 要得 就下单嘛 / 确认 送店里默认地址就行 / 好嘞就这些下单)."""
    clauses = [c for c in _CLAUSES.split(spaced.strip()) if c]
    said = False
    for clause in clauses:
        asked = _PLEASE.sub("", clause)  # 请您下单 / 麻烦提交: placing asked for politely
        taken = leading(clause, _TAKEN) or (asked != clause and leading(asked, _TAKEN))
        if _yes(clause) or (taken and _places(asked)):
            said = True
        elif not (taken or _keeps_address(clause) or _CHECKED.match(clause) or _LATER.match(clause)
                  or polite(clause) or _PRAISED.match(clause)):
            return False
    return said


def _yes(clause: str) -> bool:
    """要得 / 对对对就是这些: a yes word first, then only yes words and words taking the summary as it is."""
    return any(clause.startswith(w) for w in lexicon.YES) and leading(clause, (*lexicon.YES, *_TAKEN))


def _places(clause: str) -> bool:
    return any(w in clause for w in ("下单", "提交", "付款", "落单", "结算", "确认", "确定", "送出"))


def _keeps_address(clause: str) -> bool:
    return _KEPT.search(clause) is not None and leading(clause, _ADDRESS_WORDS)


# Being new here (第一次用这个小程序, 头一回来, 我是新来的, 新用户, 刚注册): said beside a greeting, it is part of it.
_NEW_HERE = re.compile(r"^(?:我|俺)?(?:是|还是)?(?:新来的|新人|新用户|新手|刚来的)?"
                       r"(?:(?:第一次|头一次|头一回|首次|刚刚?|才)(?:用|来|使用|买|下载|注册|关注|进来|打开|玩)"
                       r"(?:这个|咱们|你们|您们)?(?:小程序|程序|平台|商城|app|APP|这里|这儿|这边|这)?)?"
                       r"(?:哦|哈|呀|啊|呢|的|了)*$")
_HELLO = re.compile(r"^(?:你好|您好|哈喽|哈啰|嗨|hello|hi|hey|老板好|亲|在吗|早上好|上午好|下午好|晚上好"
                    r"|(?:先|来|过来|特意|就是)?(?:打个招呼|打声招呼|问个好|问声好|报个到))"
                    r"(?:呀|啊|哦|哈|了|啦)?$", re.IGNORECASE)


def new_here(text: str) -> bool:
    """第一次用这个小程序 / 我是新来的 / 新人第一次买: only that the shopper is new here, nothing asked."""
    said = text.replace(" ", "")
    return _NEW_HERE.match(said) is not None and said.strip("我俺是还哦哈呀啊呢的了") != ""


def revise(u: Understanding) -> None:
    """对对对 就是这些 下单 / 确认 送店里默认地址就行: a yes, nothing named (its words name no goods);
    您好 我第一次用这个小程序 / 老板好 新人第一次买: a greeting and being new here is a greeting."""
    clauses = [c for c in _CLAUSES.split(u.spaced.strip()) if c]
    if clauses and not u.quantity and not u.pick and says_yes(u.spaced):
        u.intent = "confirm"
        u.cues.add("yes")
        u.product_words, u.product_text, u.origin, u.generic = [], "", None, False
    elif (len(clauses) >= 2 and any(_HELLO.match(c) for c in clauses)
          and all(_HELLO.match(c) or new_here(c) for c in clauses)) or (
            not u.product_words and not u.quantity and (thanks_praise.said(u.spaced) or _courtesy(clauses))):
        u.intent, u.product_text, u.generic = "greet", "", False
        u.cues.add("thanks" if thanks_praise.thanked(u.text) else "greet")  # 谢谢啊 上回买的东西收到了: 不客气


def _courtesy(clauses: list[str]) -> bool:
    """您好 冒昧打扰 祝您工作顺利 / 谢谢 祝您生意兴隆: greetings, thanks and wishes only, one at least no thanks (谢谢
    辛苦了 alone is thanks at length: bot.talk_kinds)."""
    return all(polite(c) or _HELLO.match(c) for c in clauses) and not all(_THANKED.match(c) for c in clauses)
