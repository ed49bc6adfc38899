"""Health and diet said with goods: answered honestly from the data, never a product offered as a remedy.

* a food asked as a cure, none of the shop's named (吃苦瓜能降糖吗, 喝什么能降血压): a doctor's question, `fallback`
  ("cure": the pages state no health effect);
* a health fact asked of a named product (藜麦含糖高不高, 算无糖的吗, 升糖快不快, 有没有加糖, 孕妇能吃吗, 糖尿病能吃吗,
  适合老人喝吗): `ask_info` about it, answered with what its page says and that it states no such figure;
* advice asked for a condition or a health goal (我爸有糖尿病 送他点啥合适, 有没有适合糖尿病人吃的, 想买点养胃的,
  补血吃什么好, 孕妇能吃什么): `recommend`, never sweets for a sugar condition, with the note that the pages state no
  health effects and a doctor's advice.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.understanding import Understanding

_WHO = r"(?:我|我的|我们家?|咱|俺|家里)?(?:爸|妈|老爸|老妈|爷爷|奶奶|外公|外婆|老伴|老公|老婆|老人家?|父母|爸妈)?"
# A condition a shopper says of themself or of someone (我有糖尿病, 我爸血糖高, 孕妇, 胃不好): no goods named.
_SUGAR = r"糖尿病人?|血糖(?:有点|有些|比较|偏|太|很)?(?:高|低)?|高血糖|控糖|戒糖|三高"
_CONDITION = re.compile(rf"{_WHO}(?:有|得了|患了|患有|是)?(?:{_SUGAR}|高血压|血压(?:有点|偏|比较)?高|高血脂"
                        r"|尿酸(?:有点|偏)?高|痛风|贫血|胃不好|肠胃不好|胃病|孕妇(?!装|奶粉|服|鞋|枕|用品|裤|袜)|孕期|怀孕了?|哺乳期)(?:的)?(?:人)?")
# An effect on health (降糖, 升糖, 含糖, 无糖, 养胃, 补血): what is asked of food.
_EFFECT = (r"降血?糖|控糖|升糖(?:指数)?|含糖(?:量)?|无糖|加糖|低糖|糖分|降血?压|降血?脂|降尿酸|养胃|护胃|暖胃|补血"
           r"|补气血|补钙|补肾|壮阳|抗癌|防癌|调理|补身体|补身子|补补身子")
_EFFECT_RE = re.compile(_EFFECT)
# The effect asked as a cure or a fact (能降糖吗, 降不降糖, 含糖高不高, 升糖快不快, 算无糖的吗, 有没有加糖, 管用吗).
_ASKED = re.compile(rf"(?:能|可以|会|能不能|可不可以)(?:{_EFFECT}|治)"
                    rf"|({_EFFECT})\S{{0,2}}(?:吗|嘛|么|不|没|高不高|快不快|多少|怎么样|如何)|(?:有没有|是不是|算不算|算)(?:加糖|含糖|无糖|低糖)|(?:能|可以)(?:吃|喝|用)(?:吗|嘛|么|不)"
                    r"|(?:能不能|可不可以)(?:吃|喝|用)|(?:能|可以)(?:吃|喝|用)\S{0,8}(?:吗|嘛|么)$|适合\S{0,6}(?:吃|喝|用)?(?:吗|嘛|么|不)$")
# Who or what the question is for, so a product's fitness is asked (孕妇能吃吗, 糖尿病能喝吗, 适合老人喝吗).
# (an animal too: 猫能吃蓝莓吗 asks the same of a pet, answered with a vet's advice)
_PETS = r"猫咪?|小猫|狗狗?|小狗|宠物|兔子|仓鼠|鹦鹉|金毛|泰迪|柯基|布偶"
_FOR_WHOM = re.compile(rf"{_CONDITION.pattern}|老人|老年人|小孩|孩子|宝宝|长辈|(?:{_PETS})(?=\S{{0,3}}(?:能|可以))")
# Advice asked (送他点啥合适, 吃什么好, 适合…的, 推荐, 想买点养胃的).
_ADVICE = re.compile(r"什么|啥|哪些|哪种|哪款|推荐|合适|适合|买点|买些|来点|整点")
# A food asked as a cure (能降糖吗, 能治…吗) when none of the shop's goods is named.
_CURE = re.compile(rf"(?:能|可以|会)(?:{_EFFECT}|治)|(?:降不降|治不治)")
# Sweets, never offered for a sugar condition.
_SWEET = re.compile(r"糖|蜜|膏|甜|糕|酥|饼|果脯|蜜饯|果干|饮料|汁|枣|桂圆|龙眼|葡萄干|柿饼")
_SPAN = re.compile(rf"{_CONDITION.pattern}|(?:{_EFFECT})(?![药片仪器茶酒粉丸胶液贴])(?:高不高|快不快|的|吗|不)?"
                   r"|(?:有没有|是不是|算不算|算)(?:加糖|含糖|无糖|低糖)(?:的)?")

CURE_REPLY = ("抱歉，哪种食物能降糖、降压或者治病，我们答不了：商品页上只写了产地、规格和标签，没有写也不能承诺功效。"
              "身体的事请听医生的建议。这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。")
# Said with the person's condition (她血糖有点高: bot.recipients.HEALTH_NOTE follows it).
NO_EFFECTS = "\n商品页上没有写这些产品的含糖量、功效这类健康信息，上面只是按分类和标签挑的，不是治疗或保健的建议。"
NOTE = (NO_EFFECTS.removesuffix("。") + "；"
        "饮食上有讲究的（血糖、血压、孕期等）请先看包装上的配料和营养成分表，听医生的建议。")


def said(compact: str) -> bool:
    """Whether the message says a condition or a health effect (我有糖尿病, 养胃, 无糖)."""
    return _CONDITION.search(compact) is not None or _EFFECT_RE.search(compact) is not None


def sugar(compact: str) -> bool:
    """A sugar condition or sugar asked (糖尿病, 血糖高, 无糖, 控糖): sweets are never offered."""
    return re.search(rf"{_SUGAR}|无糖|低糖|升糖|降血?糖|含糖", compact) is not None


def spans(compact: str) -> list[tuple[int, int]]:
    """我爸有糖尿病 / 含糖高不高 / 算无糖的: the condition and the effect asked name no product."""
    return [m.span() for m in _SPAN.finditer(compact)  # 补身体 is a purpose (bot.phrasing); 血糖仪 a thing
            if not m.group().startswith(("补身", "补补")) and not _THING.match(compact, m.end())]


# A thing whose name a health word begins (血糖仪, 血糖试纸, 降压药): no condition said.
_THING = re.compile("[药片仪器茶酒粉丸胶液贴]|试纸")


def kind(u: Understanding) -> str:
    """"cure", "facts" or "advice" for a message about health (see the module), else ""."""
    text = u.text
    if (u.product_words and _diet_asked(text)) or _CURE_OF_FOOD.search(text):
        return "cure"  # 糖尿病能不能吃红枣, 天麻能治头疼吗, 红枣补血是真的吗: a doctor's question, nothing offered
    if not u.product_words and _FOR_WHOM.search(text) and _ASKED.search(text) and not _ADVICE.search(text) \
            and not _CURE.search(text):
        return "facts"  # 孕妇能吃吗 / 老人能吃吗 after a product is shown: of "this one" (bot/holder_actions.py)
    if not said(text) and not (_FOR_WHOM.search(text) and _ASKED.search(text) and u.product_words):
        return ""
    if _CURE.search(text) and not u.product_words:
        return "cure"
    if not u.product_words:  # 燕窝 即食 孕妇 滋补, 血糖仪, 降糖的保健品 你们有吗: a thing looked for, no advice
        return "advice" if _ADVICE.search(text) and not _WHETHER_SOLD.search(text) else ""
    if _ASKED.search(text) and not _ADVICE_ONLY.search(text):
        return "facts"
    return "advice" if _ADVICE_ONLY.search(text) or "适合" in text else ""


# An illness, an operation or a body's trouble a food is asked of (术后, 咳嗽, 胃不好), besides the conditions above.
_ILL = re.compile(r"术后|手术|开刀|做完手术|坐月子|月子里|生病|病了|感冒|发烧|发热|咳嗽|拉肚子|腹泻|便秘|过敏|上火"
                  r"|胃疼|胃痛|胃溃疡|胃炎|肝病|肾病|肾不好|心脏病|冠心病|结石|甲亢|湿疹|化疗|肿瘤|癌")
_MAY_EAT = re.compile(r"(?:能|可以|能不能|可不可以|敢)(?:吃|喝)")
# A food's effect asked as a cure (能降血脂吗, 能治头疼吗, 补血是真的吗, 降压管用吗); what it holds (含糖, 无糖) is
# a fact of the product, asked of its page.
_CURE_OF_FOOD = re.compile(r"(?:能|可以|会|能不能)(?:降血?糖|降血?压|降血?脂|降尿酸|治)|(?:降不降|治不治)"
                           rf"|(?:{_EFFECT})\S{{0,2}}(?:是真的|真的假的|有用|管用|有效|有没有用|效果)")


def _diet_asked(text: str) -> bool:
    """糖尿病能不能吃红枣, 我老伴术后能吃羊肉吗, 天麻能治头疼吗, 红枣补血是真的吗: whether someone ill may eat a
    food, or a food asked as a cure."""
    return bool(_MAY_EAT.search(text) and (_CONDITION.search(text) or _ILL.search(text))) \
        or _CURE_OF_FOOD.search(text) is not None


# Whether a thing is sold (…降血糖的 你们有吗): a search for it, not advice.
_WHETHER_SOLD = re.compile(r"(?:你们|这里|这儿|店里)?有(?:卖|卖的)?(?:吗|嘛|么|没有|没)$")
# Advice asked even though a kind of goods is named (送他点啥合适, 推荐点杂粮): not a question about one product.
_ADVICE_ONLY = re.compile(r"推荐|啥合适|什么合适|送\S{0,3}(?:啥|什么)|买(?:点|些)?(?:啥|什么)|哪些|哪种|哪款")


def revise(u: Understanding) -> None:
    """The intent of a message about health (see the module); other messages are left as they were."""
    if u.unrelated in ("medicine", "loan", "money") or u.intent not in (
            "search", "fallback", "recommend", "order", "ask_info") or u.quantity is not None:
        return
    found = kind(u)
    if found == "cure":
        u.unrelated, u.intent, u.product_text, u.foreign, u.instead = "cure", "fallback", "", "", ""
        u.product_words, u.origin, u.generic = [], None, False
    elif found == "facts":
        u.intent = "ask_info"
    elif found == "advice" and u.intent != "ask_info":
        u.intent, u.foreign, u.instead, u.unrelated = "recommend", "", "", ""


# What is not offered for a pregnancy (孕妇能吃什么): tea, coffee, alcohol, herbs and tonics (滋补养生), cured meat,
# and what is not food at all (手工艺品) — the pages state nothing of who may take them.
_PREGNANCY = re.compile(r"孕妇|孕期|怀孕|备孕|哺乳")
_NOT_IN_PREGNANCY = re.compile(r"茶|咖啡|酒|滋补|养生|药|参|芪|归|连|艾|三七|天麻|石斛|虫草|灵芝|茯苓|腊|腌|熏"
                               r"|手工|工艺")


def pregnancy(compact: str) -> bool:
    """A pregnancy said (孕妇能吃什么, 怀孕了 买点啥): no tea, alcohol, herbs or tonics are offered."""
    return _PREGNANCY.search(compact) is not None


def fitting_pregnancy(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The goods advised for a pregnancy: plain food (see `_NOT_IN_PREGNANCY`), each once."""
    return _without(items, _NOT_IN_PREGNANCY)


def fitting(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The goods advised for a sugar concern: no sweets, each once."""
    return _without(items, _SWEET)


def _without(items: list[dict[str, Any]], unfit: re.Pattern[str]) -> list[dict[str, Any]]:
    """The items whose name, category and tags say nothing `unfit` matches, each once."""
    def said(card: Mapping[str, Any]) -> bool:
        words = [card["name"], card.get("category") or "", *card.get("tags", ())]
        return any(unfit.search(w) for w in words if w)
    return list({c["sku"]: c for c in items if not said(c)}.values())


def answer(card: Mapping[str, Any], compact: str = "") -> str:
    """藜麦含糖高不高: what the page says, that it states no such figure, and a doctor's advice (a vet's for a pet:
    猫能吃蓝莓吗)."""
    origin = card.get("origin", {})
    place = f"{origin.get('province', '')}{origin.get('city', '')}{origin.get('county', '')}"
    tags = "、".join(card.get("tags", ()))
    facts = "，".join(p for p in (f"分类：{card.get('category') or ''}", f"标签：{tags}" if tags else "",
                                 f"产自{place}" if place else "") if p)
    return (f"{card['name']}的商品资料写着：{facts}。商品页没有写含糖量、升糖指数、有没有加糖，也没有写适合哪些人群、"
            "有什么功效；配料和营养成分表请看包装上的说明，拿不准可以联系商家确认。"
            + (_FOR_PETS if re.search(rf"(?:{_PETS})\S{{0,3}}(?:能|可以)", compact) else
               "有糖尿病、血压高或在孕期的，能不能吃、吃多少请听医生的建议。"))


_FOR_PETS = "这里卖的是给人吃的农产品，猫狗等宠物能不能吃、吃多少，请问宠物医生。"
