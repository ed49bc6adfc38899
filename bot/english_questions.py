"""Questions and changes typed in English, read as the Chinese they say (after bot/english_talk.py's whole messages).
Each rule is general: nothing here names a product of any catalogue.

* which one is best seller? / what's your best seller / which sells best / what's most popular → 哪个卖得最好
  (advice);
* is X certified poverty-relief? / is X certified? → X是认定的扶贫产品吗 (a product's certification asked);
* certification / certificate / certified as a noun beside Chinese (你们的 tea 有 certification 吗) → 认证, and
  poverty-relief / poverty alleviation → 扶贫;
* make it 3 / make that 3 cans / change it to 3 → 改成3 / 改成3罐 (a count changed; the line under way is read by
  bot/turns);
* balance beside Chinese is 余额 (balance 查一下), cancel opening it 取消 and order after 我的 / my its noun 订单
  (cancel 我的 order → 取消我的订单); order as a verb (帮我 order 两箱 apple) stays;
* 100 yuan / 100 rmb → 100元 (a face value: love card 100 yuan x 4 buys four cards of 100 元); 100 kuai is pinyin,
  read with the rest of the pinyin (mai aixinka 100 kuai liang zhang: bot.pinyin_words).
"""
from __future__ import annotations

import re

_END = r"[\s?？!！.。,，~～]*$"
_BEST = re.compile(r"^(?:(?:hi|hello|hey|ok|okay|so)[\s,，!！.]*)?(?:which|what)(?:\s+one|\s+ones|'s|’s|\s+is|\s+are)?"
                   r"(?:\s+(?:is|are))?\s+(?:the\s+|your\s+)?(?:best[\s-]*sell(?:er|ers|ing)(?:\s+ones?)?"
                   r"|most\s+popular(?:\s+ones?)?|sells?\s+(?:the\s+)?best|popular)" + _END, re.IGNORECASE)
_CERTIFIED = re.compile(r"^(?:(?:hi|hello|hey)[\s,，!！.]*)?(?:is|are)\s+(?:the\s+|this\s+|your\s+)?(?P<what>.+?)\s+"
                        r"(?:certified|certificated)(?:\s+(?:as\s+)?(?:an?\s+)?(?:poverty[\s-]*(?:relief|alleviation)"
                        r"|anti[\s-]*poverty)(?:\s+products?)?)?" + _END, re.IGNORECASE)
_WORDS = ((re.compile(r"\b(?:certifications?|certificates?|certified)\b", re.IGNORECASE), "认证"),
          (re.compile(r"\b(?:poverty[\s-]*(?:relief|alleviation)|anti[\s-]*poverty)\b", re.IGNORECASE), "扶贫"),
          # shop words beside Chinese: balance 查一下 (余额), cancel 我的 order (取消 … 订单); order as a verb
          # (帮我 order 两箱) is left to the buying words
          (re.compile(r"\b(?:balance|remaining\s+balance)\b", re.IGNORECASE), "余额"),
          (re.compile(r"^\s*(?:please\s+)?cancel\b", re.IGNORECASE), "取消"),
          (re.compile(r"(?:(?<=[的个单])|\b(?:my|the|this|that)\s+)\s*orders?\b(?!\s*[\u4e00-\u9fff\d])",
                      re.IGNORECASE), "订单"))
_COUNT = re.compile(r"^(?:(?:ok|okay|no|actually|sorry|hmm+)[\s,，!！.]*)*(?:please\s+)?(?:make|change)\s+"
                    r"(?:it|that|this|them)\s+(?:to\s+|into\s+)?(?P<n>\d+)\s*(?P<unit>(?!please|pls|instead|then)[A-Za-z]+)?"
                    r"(?:\s+(?:please|pls|instead|then))*" + _END, re.IGNORECASE)
_PACKS = {"can": "罐", "cans": "罐", "box": "箱", "boxes": "箱", "bag": "袋", "bags": "袋", "bottle": "瓶",
          "bottles": "瓶", "jar": "罐", "jars": "罐", "pack": "包", "packs": "包", "packet": "包", "packets": "包",
          "card": "张", "cards": "张"}
_YUAN = re.compile(r"(?<=\d)\s*(?:yuan|rmb)\b", re.IGNORECASE)


def read(text: str) -> str:
    """The message with its English questions and count changes in Chinese (see the module); else unchanged."""
    if not re.search(r"[A-Za-z]{2}", text):
        return text
    if _BEST.match(text):
        return "哪个卖得最好"
    count = _COUNT.match(text)
    if count is not None and (count.group("unit") is None or count.group("unit").lower() in _PACKS):
        return "改成" + count.group("n") + _PACKS.get((count.group("unit") or "").lower(), "")
    certified = _CERTIFIED.match(text)
    if certified is not None:
        return certified.group("what").strip() + "是认定的扶贫产品吗"
    if re.search(r"[\u4e00-\u9fff]", text):
        for pattern, chinese in _WORDS:
            text = pattern.sub(chinese, text)
    return _YUAN.sub("元", text)
