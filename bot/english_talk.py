"""Shop talk typed in English, read as the Chinese it says before anything else reads the message (a twenty-fourth
round's kind). Each rule is general: nothing here names a product of any catalogue.

Whole messages:
* a greeting alone, one or more (hi there，good morning, hello everyone, good evening) is 你好;
* someone asked for (anyone around?, hi there, is anybody here?) is 有人吗, a greeting;
* a yes to the summary (yes, place the order / confirm please / ok go ahead / submit my order) is 确认下单;
* dropping what is under way (never mind, forget it, cancel that) is 不要了 算了;
* where the goods are (where's my parcel?, where is my order, has my package shipped?) is 我的快递到哪了;
* a service that is not goods (can you book me a hotel in Lhasa?, call me a taxi) is that service asked in Chinese
  (帮我订个酒店), which the reader answers as not sold, never a search for the place said with it;
* whether the shop sends abroad (can you ship to Canada?, do you deliver overseas?) is 能寄到加拿大吗 / 能寄到国外吗,
  the Chinese said after it kept.

Words opening a message, the rest left to the readers of English goods (bot/english_sizes.py, bot/everyday.py):
* looking for X / I'm looking for X / do you sell X → 有没有 X (a search);
* add X / please add X / put X in my cart → 再来 X (an order; a line more at a summary);
* ship to / send it to / deliver to <address> → address: <address>, the English label (bot/address_labels.py reads
  it, and a latin name beside the phone as the receiver: Ship to 上海市…, Tom Wang, 136 0000 7777).
"""
from __future__ import annotations

import re

_END = r"[\s?？!！.。,，~～]*$"
_YES = r"(?:yes|yeah|yep|yup|ok|okay|sure|alright|all\s+right|right|fine|great|good|perfect)"
_THANKS = r"(?:\s*[,，]?\s*(?:now|please|pls|plz|then|thanks|thank\s+you|thx))*"
_HELLO = r"(?:hi+|hello+|hey+|howdy|greetings|good\s+(?:morning|afternoon|evening|day)|morning|evening)"
_WHOLE = (
    (re.compile(rf"^(?:{_HELLO}(?:\s+(?:there|all|everyone|everybody|guys|boss))?[\s,，!！.~～]*)+$",
                re.IGNORECASE), "你好"),
    (re.compile(r"^(?:(?:hi+|hello+|hey+)(?:\s+there)?[\s,，!！.~]*)?(?:is\s+|are\s+)?(?:any\s*one|any\s*body"
                r"|some\s*one|some\s*body|you)\s+(?:around|here|there|in|home|online|available|awake)" + _END,
                re.IGNORECASE), "有人吗"),
    (re.compile(rf"^(?:{_YES}[\s,，!！.]*)*(?:please\s+|pls\s+)?(?:(?:place|submit|confirm|make|send|put\s+in)\s+"
                r"(?:the|my|this|that|an?)?\s*order|confirm(?:ed)?|go\s+ahead|proceed|check\s*out|do\s+it"
                rf"|let'?s\s+do\s+it|that\s+works){_THANKS}{_END}", re.IGNORECASE), "确认下单"),
    (re.compile(rf"^(?:no[\s,，!！.]*)*(?:never\s*mind|forget\s+(?:it|that)|cancel(?:\s+(?:it|that|this))?"
                rf"|i\s+don'?t\s+want\s+(?:it|that|them)(?:\s+any\s*more)?){_THANKS}{_END}", re.IGNORECASE),
     "不要了 算了"),
    (re.compile(r"^(?:(?:hi|hello|hey)[\s,，!！.]*)?(?:where(?:'|’)?s|where\s+is|where\s+are|has|have|did|when\s+will)"
                r"\s+(?:my|our|the)\s+(?:parcel|package|order|delivery|shipment|stuff|goods|things)s?"
                r"(?:\s+(?:now|shipped|been\s+shipped|arrive|come|get\s+here|left|at))*" + _END, re.IGNORECASE),
     "我的快递到哪了"),
)
# A service asked in English (book me a hotel, reserve a table, call me a taxi): the service in Chinese alone.
_SERVICES = {"hotel": "酒店", "room": "酒店", "flight": "机票", "plane": "机票", "ticket": "车票", "train": "火车票",
             "taxi": "出租车", "cab": "出租车", "table": "餐位", "restaurant": "餐位"}
_SERVICE = re.compile(r"\b(?:book|reserve|call|get|find)\s+(?:me\s+|us\s+)?(?:a|an|the|some)?\s*(?:cheap\s+|good\s+)?"
                      rf"(?P<what>{'|'.join(_SERVICES)})s?\b", re.IGNORECASE)
_OPENING = (
    (re.compile(r"^(?:hi|hello|hey)?[\s,，!！.]*(?:i'?m\s+|i\s+am\s+|we'?re\s+|we\s+are\s+)?(?:looking|searching)\s+for\s+"
                r"|^(?:do\s+you\s+(?:sell|have|carry)|have\s+you\s+got|got\s+any)\s+", re.IGNORECASE), "有没有 "),
    (re.compile(r"^(?:please\s+|pls\s+|plz\s+|can\s+you\s+|could\s+you\s+)?(?:add|put)\s+(?=\S)", re.IGNORECASE),
     "再来 "),
    (re.compile(r"^(?:please\s+)?(?:ship|send|deliver|post|mail)\s+(?:it\s+|them\s+|this\s+|my\s+order\s+)?to\s*[:：]?\s*"
                r"(?=[\u4e00-\u9fff])", re.IGNORECASE), "address: "),
)
# Whether the shop sends abroad, asked in English (can you ship to Canada?, do you deliver overseas?): asked in Chinese
# (能寄到加拿大吗), answered with where the shop sends (bot/delivery_asked.py). A place not listed is left as typed.
_ABROAD = {"canada": "加拿大", "usa": "美国", "us": "美国", "the us": "美国", "america": "美国", "the usa": "美国",
           "the states": "美国", "the united states": "美国", "uk": "英国", "the uk": "英国", "england": "英国",
           "britain": "英国", "australia": "澳大利亚", "japan": "日本", "korea": "韩国", "singapore": "新加坡",
           "malaysia": "马来西亚", "hong kong": "香港", "hongkong": "香港", "taiwan": "台湾", "macau": "澳门",
           "macao": "澳门", "germany": "德国", "france": "法国", "russia": "俄罗斯", "thailand": "泰国",
           "europe": "欧洲",
           "abroad": "国外", "overseas": "国外", "internationally": "国外", "other countries": "国外"}
_PLACES = "|".join(sorted(_ABROAD, key=len, reverse=True))
_SHIP_ASKED = re.compile(r"^(?:hi|hello|hey)?[\s,，!！.]*(?:can|could|do|will|would)\s+(?:you|u)\s+"
                         r"(?:ship|deliver|send|post|mail)"
                         r"(?:\s+(?:it|this|that|them|goods|things|stuff|orders?|products?))?"
                         rf"\s+(?:to\s+)?(?P<place>{_PLACES})\b[\s?？.!！,，]*", re.IGNORECASE)
# "… to my cart / to the order" after what is added says where, not what.
_TO_CART = re.compile(r"\s+(?:to|in|into)\s+(?:my|the)\s+(?:cart|basket|order|bag)\b", re.IGNORECASE)


def read(text: str) -> str:
    """The message with its English shop talk in Chinese (see the module); unchanged when it holds none."""
    if not re.search(r"[A-Za-z]{2}", text):
        return text
    for pattern, chinese in _WHOLE:
        if pattern.match(text):
            return chinese
    shipping = _SHIP_ASKED.match(text)
    if shipping is not None:  # can you ship to Canada? 我在国外读书 → 能寄到加拿大吗 我在国外读书
        return f"能寄到{_ABROAD[shipping.group('place').lower()]}吗 " + text[shipping.end():]
    service = _SERVICE.search(text)
    if service is not None and not re.search(r"[\u4e00-\u9fff]", text):
        return f"帮我订个{_SERVICES[service.group('what').lower()]}"
    for pattern, chinese in _OPENING:
        m = pattern.match(text)
        if m is not None:
            return chinese + _TO_CART.sub("", text[m.end():])
    return text
