"""Whether a 卡 in a message is the shop's love card (消费扶贫爱心卡) or some other card or word.

The shop sells one kind of card. A 卡 is that card when it stands as a word of its own — after nothing, a love-card
qualifier (爱心, 消费扶贫, 扶贫), a particle, a pronoun, a numeral or a verb of buying and using it (我的卡, 买张卡,
卡里还有多少) — and not when it is the head of another noun (SD卡, 京东E卡, 蛋糕卡, 会员卡, 医保卡, 贺卡,
页面卡了) or the first character of another word (卡片, 卡牌, 卡西欧, 卡皮巴拉, 卡住了). Those never start a card
purchase, a balance or a claim; the reply says honestly that the shop sells love cards only.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot import programme_uses
from bot.product_words import CUE_WORDS

# Somebody else's card (京东卡, 星巴克礼品卡, 话费卡): it names no product and starts no love-card action.
OTHER_CARDS = re.compile(
    r"(?:超市|京东|天猫|淘宝|拼多多|星巴克|瑞幸|麦当劳|肯德基|话费|电话|手机|银行|信用|储蓄|公交|地铁|加油|油|游戏|点|显|网|"
    r"流量|sim|电影|视频|医保|社保|身份证|学生|饭|校园|健身|美容|理发|洗车|steam|苹果|itunes|app\s?store|e)"
    r"(?:礼品|购物|充值|会员|储值|电子)?卡")

LOVE_QUALIFIERS = ("消费扶贫", "爱心助农", "爱心", "扶贫", "消费", "助农")
# What may stand right before a love card's 卡: particles, pronouns, numerals and measure words, verbs of buying,
# giving and using it (买卡, 领卡, 查卡, 送张卡, 把卡, 用卡, 转赠卡).
_BEFORE = frozenset("的张我你他她咱俺这那哪该此每各其您买领用查送赠把办给拿换下个些几两俩仨一二三四五六七八九十百千万"
                    "元块0123456789 卡")  # 爱心卡 卡号…: the spaces go, and the card's 卡号 follows its 卡
# Words that begin with 卡 and still talk about the card itself (卡里的钱, 卡号, 卡密, 我的卡券).
_CARD_WORDS = frozenset({"卡里", "卡上", "卡内", "卡中", "卡号", "卡密", "卡券", "卡面", "卡值", "卡余额"})
# What may follow a bare 卡 that is the love card: particles, verbs and numerals (卡里, 卡还剩, 卡送人, 卡两张);
# any other character makes 卡 the start of another word (卡牌, 卡组, 卡套, 卡皮巴拉).
_AFTER = frozenset("里上内中号密券面值余的还能要来送给帮买卖怎是有没剩可都和跟被在付支结用多吗呢吧"
                   "啊呀么嘛张不也就再又已过咋怎啥几两俩仨一二三四五六七八九十百千万"
                   "绑办丢冻刷激充查注销补换开借"  # verbs done to a card: 卡绑不上, 卡丢了, 卡充值
                   "当作做每"  # 买张卡当新年礼物, 两张卡 每张200: what the card is for, what each is worth
                   "总全")  # 那20张卡总共还剩多少额度, 卡全用完了: all the cards' value together
_ENGLISH = re.compile(r"([a-z]*)\s*cards?")
_ENGLISH_OTHER = ("gift", "steam", "sim", "sd", "memory", "credit", "debit", "bank", "member", "vip", "prepaid",
                  "phone", "game", "xbox", "psn", "itunes", "apple", "google", "amazon", "starbucks", "business",
                  "birthday", "greeting", "playing", "trading", "pokemon", "graphics", "video", "sound", "network",
                  "micro", "tf", "cf", "store", "shopping", "jd")
_CARD_KINDS = frozenset("片牌组套包贴")  # 卡片, 卡牌, 卡组, 卡套 are cards too


def love_card_said(text: str, words: Mapping[str, int]) -> bool:
    """True when some 卡 (or English card) in the normalised text is the love card; `words` is the language's
    dictionary (a word → frequency mapping), which tells whether 卡 begins another word."""
    for m in _ENGLISH.finditer(text):
        if not m.group(1).endswith(_ENGLISH_OTHER):
            return True  # card, my card, claim card, a love card (the text may have lost its spaces: mycard)
    return any(_is_love_card(text, i, words) for i, ch in enumerate(text) if ch == "卡")


def other_card(text: str, words: Mapping[str, int]) -> bool:
    """True when the text speaks of some card (SD卡, 会员卡, 卡牌, gift card: 卡 ends the word, or begins a word for
    a card) and none of its cards is the love card. 卡西欧 and 卡皮巴拉 are no cards at all."""
    said = _ENGLISH.search(text) is not None or any(ch == "卡" and not energy(text, i) and (
        text[i + 1:i + 2] in _CARD_KINDS or not text[i + 1:i + 2].isalpha() or text[i + 1:i + 2] in _AFTER)
        for i, ch in enumerate(text)) or _VOUCHER.search(text) is not None
    return said and not love_card_said(text, words)


# A voucher for goods or a service (提货券, 月饼券, 蛋糕券, 代金券): 券 heading a noun, not the love card's 卡券.
_VOUCHER = re.compile(r"[\u4e00-\u9fff](?<!卡)券")
# The name of a card or a voucher: the characters glued before its 卡 or 券 (好利来蛋糕卡, 月饼券).
_CARD_NAME = re.compile(r"[\u4e00-\u9fffa-z0-9]{1,8}?(?:卡|券)")


# Cards that are goods, not a value or an account: 内存卡, SD卡, 显卡, 卡片, 卡牌, 卡套.
_GOODS_CARD = re.compile(r"(?:内存|存储|sd|tf|cf|显|网|声|读)卡|卡[片牌组套包贴]")


def goods_card(text: str) -> bool:
    return _GOODS_CARD.search(text) is not None


# Points, or another card's value, turned into goods (超市积分卡能换核桃不, 会员卡积分兑换大米, 购物卡抵扣): the
# goods are what that card would give, not asked of this shop.
_EXCHANGED = re.compile(r"积分|(?:卡|券)\S{0,4}(?:兑换|兑|换|抵扣|抵)")


def exchanged(text: str) -> bool:
    return _EXCHANGED.search(text) is not None


def goods_beside(text: str, product_words: list[str]) -> bool:
    """Some product word stands outside every card's or voucher's name (两袋大米 用购物卡付: the rice is asked for;
    月饼券: the 月饼 only names the voucher); a catalogue word that ends in 卡 (唐卡) is goods itself."""
    names = [m.span() for m in _CARD_NAME.finditer(text)]
    if any(w.endswith(("卡", "券")) for w in product_words):
        return True  # 热贡唐卡还有几幅: the catalogue's own goods end in 卡 (唐卡), no card of another's
    return any(not any(a <= m.start() and m.end() <= b for a, b in names)
               for w in product_words for m in re.finditer(re.escape(w), text))


# Who issues a card, said before 的卡 (大润发的卡, 单位发的卡, 别家的卡): that issuer's card, not the love card.
_ISSUED_BY = re.compile(r"(?:超市|商场|商店|百货|便利店|银行|公司|单位|工会|政府|学校|医院|药店|食堂|别家|别的店|"
                        r"其他店|家乐福|沃尔玛|大润发|永辉|盒马|物美|华润|万家|麦德龙|山姆|联华|苏宁|国美|京东|天猫|淘宝|美团|"
                        r"支付宝|拼多多|移动|联通|电信|星巴克|瑞幸|麦当劳|肯德基)(?:发|办|给|送|充)?的$")


# A 爱心卡 of another programme, named by the people it serves or the public service it pays (老年人爱心卡, 敬老爱心卡,
# 残疾人爱心卡, 公交爱心卡, 医疗爱心卡): issued by local government or transport, not the shop's love card. Not when
# the people are whom the card is for (送老人爱心卡, 给学生买爱心卡).
_SERVICE_PROGRAMME = r"公交|地铁|乘车|交通|医疗|医保|医院|就医|看病"
_PROGRAMME = re.compile(rf"(?<![送给帮替为])(?:老年人?|老人|长者|敬老|尊老|助老|高龄|残疾人?|残障|残联|学生|儿童|低保|"
                        rf"困难群众|环卫|退役军人|军人|优抚|{_SERVICE_PROGRAMME})爱心卡")


def programme_card(text: str) -> str:
    """老年人爱心卡 when the text names another programme's 爱心卡 (see _PROGRAMME), else ""."""
    m = _PROGRAMME.search(text)
    return m.group() if m is not None else programme_uses.used_for(text)[1]  # 爱心卡坐公交刷不了


def transport_programme(name: str) -> bool:
    return (re.match(_SERVICE_PROGRAMME, name) is not None and not name.startswith(("医", "就医", "看病"))) \
        or programme_uses.transport(name)


# 卡 as a unit of food energy, never a card: 0卡 / 0糖0卡 (no calories), 千卡, 大卡, and a number of 卡 in a message
# about energy (一瓶才10卡 热量低). 低卡 and 卡路里 are already other words (低 stands before no love card).
_ENERGY = re.compile(r"(?:(?<![0-9.])0|零|千|大|低|控)卡")  # 低卡的有推荐没: low in calories
_ENERGY_TALK = re.compile(r"热量|卡路里|大卡|千卡|低卡|[0零无]糖|[0零]脂|减肥|减脂|控卡")


def energy(text: str, i: int) -> bool:
    """The 卡 at `i` measures food energy (0糖0卡, 300千卡, 热量才10卡)."""
    if any(m.end() == i + 1 for m in _ENERGY.finditer(text, max(0, i - 3), i + 1)):
        return True
    return i > 0 and text[i - 1].isdigit() and _ENERGY_TALK.search(text) is not None


def _is_love_card(text: str, i: int, words: Mapping[str, int]) -> bool:
    before = text[:i]
    if energy(text, i):
        return False  # 元气森林 0糖0卡: calories, not a card
    if any(m.end() == i + 1 for m in _PROGRAMME.finditer(text)) or 0 <= programme_uses.used_for(text)[0] == i - 2:
        return False  # 公交爱心卡, 爱心卡坐公交: another programme's card
    qualified = before.endswith(LOVE_QUALIFIERS)
    if not qualified and _ISSUED_BY.search(before):
        return False
    if not qualified and any(_word(words, text[i - n:i + 1]) for n in (2, 3, 4) if i >= n):
        # 信用卡, 银行卡, 公交卡: a word of the language that ends in 卡 (用 alone may stand before one: 用卡)
        return False
    if not qualified and before and before[-1] not in _BEFORE and not _punctuation(before[-1]):
        return False  # SD卡, 蛋糕卡, 会员卡, 页面卡了: 卡 heads another noun
    nxt = text[i + 1:i + 2]
    if not qualified and nxt and nxt.isalpha() and nxt not in _AFTER:
        return False  # 卡牌, 卡组, 卡套, 卡车, 卡西欧: 卡 begins another word
    after = text[i:i + 4]
    if text.startswith(_ASKED_AFTER, i + 1):
        return True  # 爱心卡多少钱一张: a question follows (卡多 is a word of the dictionary)
    for n in (4, 3, 2):
        word = after[:n]
        if len(word) == n and word not in _CARD_WORDS and _word(words, word):
            return False  # 卡片, 卡牌, 卡西欧, 卡住: another word that begins with 卡
    return True


_ASKED_AFTER = ("多少", "怎么", "咋", "几")


def _word(words: Mapping[str, int], text: str) -> bool:
    """A word of the language, not one of the assistant's own cue words (我的卡, 查一下卡 are in its dictionary)."""
    return bool(words.get(text)) and text not in CUE_WORDS


def _punctuation(ch: str) -> bool:
    return not ch.isalnum()
