"""How young people type on a phone: English, pinyin and filler around what they mean, read before anything else.

Each rule is general (no product of any catalogue is named here):

* Filler typed as letters (emmm, hmm, umm, lol, hhh, haha) and hesitations at the start (额, / 呃 / 啊这 / 等等， /
  对了，) say nothing:
  dropped, so that "emmm 改成4袋吧" is the change it says and never a search for 「emmm」.
* A greeting or a how-to typed in English alone (hi there, hello~, how to order?, how does this work) is the same
  greeting or help question said in Chinese (你好, 怎么下单).
* A yes typed short (okk, okkk, ok了) or in pinyin before Chinese (dui 就这样, en 确认, hao 下单吧) is that yes.
* 爱心卡 typed in pinyin inside other words (aixinka 200的来一张, aixin卡 两张): the love card.
* The count changed with the word 数量 (数量改成3, 改个数量 2, 数量改一下 4) or with a bare number after 改成 (改成3吧):
  that many packs (改成3份), the pack being the line's own; someone else also wanting it (室友也要) is left out.
* Shop slang for looking (蹲一个猕猴桃, 求个红茶链接, 有脐橙的链接吗): a question whether it is sold (有没有…),
  never an order of one; "I have ordered" said as 拍了 / 已拍 / 拍下了 before a question about shipping: my order.
* Internet slang beside a request (救命 蜂蜜好好喝) is left out; slang and life talk alone are talk (`revise`).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import english_questions, english_talk
from bot.cues import is_only
from bot.lexicon import UNITS, YES
from bot.recipients import PEOPLE

if TYPE_CHECKING:
    from bot.understanding import Understanding

_NUM = r"[\d一二两三四五六七八九十俩仨]"
# Letters that only hesitate or laugh (emmm, hmm, umm, uh, lol, hhh, hahaha), standing alone as a word.
_LATIN_FILLER = re.compile(r"(?<![A-Za-z])(?:e+m{2,}|e+m+(?=\s)|h+m{2,}|hm|u+m{2,}|um|u+h+|e+r+m+|lo+l+|lmao+|h{3,}"
                           r"|(?:ha){2,}h?|(?:he){2,}|(?:hia){2,})(?![A-Za-z])", re.IGNORECASE)
# Hesitations before what is said (额，/ 呃呃 / 啊这): 额 only with a pause after it (额度 is a word).
_PAUSE = r"[\s，,。.…~～、！!]"
_HESITATION = re.compile(rf"^(?:啊这|呃+|额+(?={_PAUSE})|emm+|害(?={_PAUSE})|诶+(?={_PAUSE})"
                         rf"|(?:等等|等一下|等一等|等下|稍等|慢着|且慢|哦对了|噢对了|对了)(?={_PAUSE})){_PAUSE}*(?=\S)")
_GREETING = re.compile(r"^(?:hi+|hello+|hel+o+|hey+|hiya|hallo|halo|yo|howdy|good\s+(?:morning|afternoon|evening))"
                       r"(?:\s+(?:there|guys|all|everyone|everybody|boss))?[\s~～!！.。,，?？]*$", re.IGNORECASE)
_HOW = re.compile(r"^(?:so\s+|um\s+)?how\s+(?:to|do\s+i|can\s+i|do\s+we|should\s+i|does\s+(?:this|it|one)|do\s+you)\s+"
                  r"(?P<verb>place\s+an?\s+order|order|buy|purchase|shop|work|use|pay|check\s*out)"
                  r"(?:\s+(?:here|this|it|things|stuff|from\s+you|on\s+here|with\s+you))?[\s?？!！.。~～]*$",
                  re.IGNORECASE)
_HOW_SAID = {"work": "怎么用", "use": "怎么用", "pay": "怎么付款", "checkout": "怎么付款", "check out": "怎么付款"}
_HOW_BUY = re.compile(r"^zen\s*me\s*(?:mai|xia\s*dan)[\s?？!！.。~～]*$", re.IGNORECASE)
_OK = re.compile(r"(?<![A-Za-z])(?:o+k+(?:o+k+)+|ok{2,}|o{2,}k+|okie|okey)(?![A-Za-z])", re.IGNORECASE)
# A pinyin yes before Chinese (dui 就这样, en 确认, haode 下单): the Chinese yes it spells.
_PINYIN_YES = {"dui": "对", "duide": "对的", "en": "嗯", "enen": "嗯嗯", "hao": "好", "haode": "好的", "xing": "行",
               "keyi": "可以", "shide": "是的", "shi": "是", "mei wenti": "没问题", "meiwenti": "没问题"}
_YES_BEFORE_HAN = re.compile(r"^(?P<yes>" + "|".join(sorted((w.replace(" ", r"\s*") for w in _PINYIN_YES),
                                                            key=len, reverse=True))
                             + r")(?![A-Za-z])[\s,，~～!！]*(?=[\u4e00-\u9fff])", re.IGNORECASE)
_LOVE_CARD = re.compile(r"(?<![A-Za-z])ai\s*xin\s*(?:ka|card|卡)(?![A-Za-z])", re.IGNORECASE)
# The count changed by name (数量改成3, 把数量改为5, 改个数量 2, 数量改一下 4, 数量要3) or a bare number after a
# word of change (改成3吧, and typed tersely: 改2, 改个5, 换个3): 改成N份, which counts the line's own packs.
_COUNT_CHANGED = re.compile(
    r"(?:把)?数量(?:给我|帮我)?(?:改|换|调|变|更改|修改)(?:一下|下)?(?:成|为|到)?[\s,，:：]*(?=" + _NUM + ")"
    r"|^数量(?:要|就)?[\s,，:：]*(?=" + _NUM + ")"  # 数量 3 said alone; not 面值一百，数量12张 (a card's count)
    r"|(?:改|换|调|修改|更改)(?:个|一下|下)?数量(?:成|为|到)?[\s,，:：]*(?=" + _NUM + ")")
_BARE_CHANGE = re.compile(r"(?P<verb>改成|改为|换成|调成|改到|调到|改个|换个|改)\s*(?P<num>" + _NUM + r"{1,3})"
                          r"(?!\.\d)(?=$|[，,。.!！~～]|\s+(?!\d)|吧|啊|呀|哈|呗|了|就)")  # not 改成0.01
_TERSE = {"改": "改成", "改个": "改成", "换个": "换成"}
# A change of the address, the receiver or the phone (电话改成159 1234 5678) is no count.
_CONTACT = re.compile(r"电话|手机|号码|地址|收件|收货|联系|门牌|邮编|单元|楼")
# Looking said as shop slang: 蹲一个X / 蹲个X (waiting for one), 求X链接 / 求个X的链接 / 有X的链接吗 (a link to it).
_WAITING_FOR = re.compile(r"^(?:在)?蹲(?:一个|一波|一下|个)\s*(?=[^\s个])")  # not 蹲坑
_LINK_ASKED = re.compile(r"^(?:求|要|发|给|来)(?:个|一个|一下|下)?(?:链接)?\s*(?P<what>.*?)\s*(?:的)?(?:链接|link)"
                         r"(?:呗|吧|谢谢|呀|啊)?[\s?？!！~～]*$|^求链接\s*(?P<after>.+)$", re.IGNORECASE)
_LINK_AFTER = re.compile(r"^(?P<what>.+?)\s*(?:求|要|发|给)(?:个|一个|一下|下)?链接(?:呗|吧|谢谢|呀|啊)?"
                         r"[\s?？!！~～]*$")
# 求 (please give) before advice asked (求推荐, 求安利个茶叶): the advice.
_BEGGED = re.compile(r"^求(?:个|一个|一下|大佬|各位)?(?=推荐|安利|介绍)")
_LINK_OF = re.compile(r"^有(?P<what>.+?)的?链接(?:吗|嘛|么|没|没有)[\s?？!！~～]*$")
# "I have ordered" (拍了, 已拍, 拍下了, 刚拍的) before a question about shipping: the order placed is asked after.
_ORDERED = re.compile(r"^(?:我)?(?:已经|刚|刚刚|刚才|昨天|今天)?(?:拍了|已拍|拍下了?|拍好了|拍完了|拍过了)(?:的)?"
                      r"[\s，,。.!！~～]*(?=\S*(?:什么时候|啥时候|几时|多久|哪天|发货|发了|发吗|发没|寄|到))")


# A number said twice while dictating (五 五公斤的, 两 两袋, 3 3箱): said once (it was "没有五五公斤装的").
# The number said again must be followed by its measure word (1.张 红枣×2 2.王 …: a list's numbers are no stutter).
_STUTTERED = re.compile(r"(?<![\d一二两三四五六七八九十百千万.])([一二两三四五六七八九十]+|\d+)[\s,，、…]+"
                        rf"(?=\1\s*(?:{'|'.join(sorted(map(re.escape, UNITS), key=len, reverse=True))}))")


# A verb of buying said twice (下 下单, 买 买点, 要 要两箱): said once.
_VERB_STUTTERED = re.compile(r"([买要来下订拿])[\s,，、…]+(?=\1)")
# A request said twice in a row, hurried (改地址，改地址，送到我女儿家): said once, so what follows it is its object.
# Not a count (来一箱，来一箱 may be two) nor thanks (谢谢，谢谢 closes the talk).
_SAID_TWICE = re.compile(r"(?:^|(?<=[\s，,。.!！~～]))([^\s，,。.!！?？~～\d一二两三四五六七八九十谢]{3,12})"
                         r"[\s，,。.!！~～]+(?=\1(?:$|[\s，,。.!！?？~～]))")


def plain(message: str) -> str:
    """The message as it would be typed in plain Chinese (see the module); unchanged when none of it applies."""
    text = _LATIN_FILLER.sub(" ", message).strip() if re.search("[A-Za-z]", message) else message.strip()
    if not text:
        return message
    text = _SAID_TWICE.sub("", _VERB_STUTTERED.sub("", _STUTTERED.sub("", _HESITATION.sub("", text))))
    text = _OK.sub("ok", text)
    if re.search(r"[\u4e00-\u9fff]", text):  # all in pinyin (ai xin ka hai sheng duo shao), bot.pinyin_words reads it
        text = _LOVE_CARD.sub("爱心卡", text)
    if _GREETING.match(text):
        return "你好"
    how = _HOW.match(text)
    if how is not None:
        verb = re.sub(r"\s+", " ", how.group("verb").lower())
        return _HOW_SAID.get(verb, "怎么下单")
    if _HOW_BUY.match(text):
        return "怎么买"  # zenme mai alone: how to buy here (with a product, fengmi zenme mai, it asks the price)
    text = english_questions.read(english_talk.read(text))  # which one is best seller? / make it 3
    # english_talk: where's my parcel? / Yes, place the order. / add 2 bags of … / Ship to 上海市…
    yes = _YES_BEFORE_HAN.match(text)
    if yes is not None and is_only(re.sub(r"[\s，,。.!！~～]", "", text[yes.end():]), YES):  # not hao 多少钱
        text = _PINYIN_YES[re.sub(r"\s+", " ", yes.group("yes").lower())] + text[yes.end():]
    text = _COUNT_CHANGED.sub("改成", text)
    if not _CONTACT.search(text):
        text = _BARE_CHANGE.sub(lambda m: f"{_TERSE.get(m.group('verb'), m.group('verb'))}{m.group('num')}份", text)
    also = _ALSO_WANTS.sub(" ", text).strip()
    return _looking(_without_slang(also or text))


def _looking(text: str) -> str:
    """蹲一个猕猴桃 / 求个红茶链接 / 蹲一个芒果 求链接 → 有没有…; 求推荐 → 推荐; 已拍 什么时候发 → 我的订单
    什么时候发."""
    text = _BEGGED.sub("", text)
    asked = False
    link = _LINK_ASKED.match(text) or _LINK_OF.match(text) or _LINK_AFTER.match(text)
    if link is not None:
        what = (link.groupdict().get("what") or link.groupdict().get("after") or "").strip()
        text, asked = (what, True) if what else (text, False)
    waiting = _WAITING_FOR.match(text)
    if waiting is not None:
        text, asked = text[waiting.end():], True
    if asked:
        return "有没有" + text
    ordered = _ORDERED.match(text)
    if ordered is not None:
        return "我的订单" + text[ordered.end():]
    return text


# Someone else also wants it, said beside a count (改成4袋吧 室友也要, 同事也想要): why more, no goods named; left out
# when it ends a clause (not 我妈也要一瓶, which asks for one more).
_ALSO_WANTS = re.compile(r"(?:我|我的|我们|我家|咱|俺)?(?:家)?(?:" + "|".join(sorted(
    (re.escape(p) for p in (*PEOPLE, "舍友", "对象", "同学们", "家里")), key=len, reverse=True))
    + r")(?:们)?(?:也|都|还)(?:要|想要|需要|想吃|要吃|要喝|要用|馋)(?:了|的|呢|啊|呀|哈|吧)*(?=$|[\s，,。.!！~～])")


# Internet slang that asks for nothing (绝绝子, 今天又emo了, 笑死 我室友又翻车了, 破防了): no part of a product's name.
# Not 裂开 or 麻了, also said of goods (石榴裂开了吗, 花椒吃着麻了).
_SLANG = (
    "绝绝子", "yyds", "emo", "破大防", "破防", "笑死我了", "笑死", "xswl", "awsl", "翻车", "家人们", "谁懂", "无语子",
    "无语", "好家伙", "打工人", "打工魂", "摸鱼", "蚌埠住", "绷不住", "芭比q", "栓q", "离谱", "躺平",
    "内卷", "社死", "真的会谢", "会谢", "拿捏", "摆烂", "服了", "泰裤辣", "尊嘟假嘟", "哭死", "救命", "咱就是说",
    "就是说", "不是吧", "啊啊啊", "哈哈哈", "呜呜呜", "哈哈", "呜呜", "心态崩了", "人麻了", "开摆", "又双叒叕",
)
# Life talk (上班好累, 考试好难): no goods by itself, but its words may begin a name (上班族), so never left out.
_LIFE = ("太难了", "好难", "累死", "好累", "太累", "困死", "好困", "好烦", "烦死", "加班", "上班", "下班", "上课",
         "下课", "考试", "挂科", "熬夜", "失眠", "通宵", "哭了", "晕了", "醉了", "无聊", "崩溃", "自闭", "裂开", "麻了",
         # how one feels (我心情不好, 今天好开心, 有点难过)
         "心情不好", "心情很好", "心情差", "心情好", "不开心", "好开心", "很开心", "难过", "伤心", "郁闷", "想哭",
         "烦躁", "焦虑", "孤单", "寂寞")
# What may stand between slang words in such talk: who, when, how much, and particles.
_TALK_GLUE = re.compile(r"^(?:我|你|他|她|又|都|也|真|真的|太|好|就|直接|了|啊|呀|吧|呢|哦|嘛|中|的|是|个|一|今天|"
                        r"昨天|最近|这几天|天天|每天|刚|刚刚|还|在|被|给|整|简直|有点|有些|好像|感觉|今天又|"
                        r"每次|居然|竟然|突然|又是|一个|要|想|不|没|得|啦|哇|嗷|诶|唉|哎|害|" + "|".join(
                            re.escape(p) for p in sorted((*PEOPLE, "舍友", "同学们", "家里"), key=len, reverse=True))
                        + r")*$")


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words, a latin one never inside a longer latin word (emo, not demo or lemon)."""
    return re.compile("|".join(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" if w.isascii() else re.escape(w)
                               for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


_SLANG_WORD = _words(_SLANG)
_TALK_WORD = _words((*_SLANG, *_LIFE))
_ASKING = frozenset({"buy", "strong_buy", "price", "search", "status", "card", "balance", "help", "yes", "no", "cancel",
                     "add", "correct"})


def revise(u: Understanding) -> None:
    """Slang and life talk with no goods (`_SLANG`, `_LIFE`): `fallback`, nothing looked up (never
    没有找到「绝绝子」)."""
    if u.intent not in ("search", "fallback", "order", "ask_info") or u.about_products or u.cues & _ASKING:
        return
    if not _only_talk(u.text):
        return
    u.intent, u.product_text, u.product_words, u.foreign, u.instead = "fallback", "", [], "", ""
    u.quantity, u.quantities, u.unrelated = None, [], ""


def _only_talk(text: str) -> bool:
    """Nothing but slang, life talk and the words between them (see `_TALK_GLUE`)."""
    words = re.sub(r"[\W_]+", "", text)
    return _TALK_WORD.search(words) is not None and _TALK_GLUE.match(_TALK_WORD.sub("", words)) is not None


def _without_slang(text: str) -> str:
    """救命 蜂蜜好好喝 → 蜂蜜好好喝: slang beside a request is left out; slang alone stays, to be read as talk."""
    rest = _SLANG_WORD.sub(" ", text).strip()
    return text if _only_talk(text) or not rest else rest
