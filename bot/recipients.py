"""Whom the goods are for, said after what is bought (买条腊肠送同事, 来条围巾送闺蜜, 买块手工皂给我妈): the person
names no product, nor a thing heard like one (闺蜜 is not 蜂蜜). Only a person word right after 送/给 (给我妈,
送给老师), at the end of the message or before a particle, is set aside: 给我来两瓶 and 送到… are untouched."""
from __future__ import annotations

import re

from bot import health_talk
from bot.phrasing import AUDIENCES

PEOPLE = (*AUDIENCES, "妈", "爸", "老妈", "老爸", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "婆婆", "公公",
          "岳父", "岳母", "丈母娘", "老丈人", "闺蜜", "兄弟", "哥们", "哥们儿", "姐妹", "哥哥", "姐姐", "弟弟", "妹妹",
          "哥", "姐", "老师", "邻居", "同学", "对象", "媳妇", "媳妇儿", "女友", "男友", "亲家", "闺女", "儿子",
          "女儿", "老板",
          "舅舅", "舅妈", "姑姑", "阿姨", "叔叔", "伯伯", "婶婶", "师傅", "战友", "室友", "老乡", "家里人", "老人家")
# A person, and whose (我妈, 我们家老人, 咱爷爷奶奶): one pattern for every rule that reads whom the goods are for.
PERSON = "|".join(sorted((re.escape(p) for p in (*PEOPLE, "公婆", "爷爷奶奶", "外公外婆")), key=len, reverse=True))
MINE = r"(?:我|我的|我们|咱|咱们|俺)?(?:家)?"
# For a person, said before a verb (给我妈买, 帮我爸挑, 替老人选; bot/talk_kinds.py reads 给婆婆买点啥好 with it).
FOR_PERSON = rf"(?:送给|给|帮|替|为){MINE}(?:{PERSON})(?:们)?"
_RECIPIENT = re.compile(rf"(?:送给|送|给){MINE}(?:{PERSON})(?:们)?(?=(?:的|吃|用|喝|尝尝|当礼物)?"
                        r"(?:吧|呀|啊|哈|呢|了)?$)")


# Whom for, said before a verb of buying (我想给我妈买点东西, 帮我爸挑点, 替老人选些): the person names no product.
_BEFORE = re.compile(FOR_PERSON + r"(?=(?:买|挑|选|带|准备|整|弄|备)(?:点|些|个|一些|一点)?"
                                  r"(?:东西|啥|什么|礼物|年货)?)")
# A person's health said beside it (她血糖有点高, 他牙口不好, 老人肠胃弱): no goods named, and no health advice given
# (the goods are recommended as for anyone of that age).
_CONDITION = re.compile(r"(?:她|他|老人家?|我妈|我爸|俩老|老两口)?(?:的)?(?:血糖|血压|血脂|尿酸|胆固醇)(?:有点|有些"
                        r"|比较|偏|太|很)?(?:高|低)|(?:她|他|老人家?|我妈|我爸)?(?:牙口|牙齿|牙|肠胃|胃|睡眠|身体)(?:有点|有些"
                        r"|比较|也|都)?(?:不好|不太好|弱|差|不行)")


# Who is buying, said first (我们是县医院食堂, 我是村支书, 我们这边是学校): a buyer, no goods.
_BUYER = re.compile(r"(?:我们|我|俺们|俺|咱们|咱)(?:这边|这里)?是[\u4e00-\u9fff]{0,10}?"
                    r"(?:食堂|医院|学校|单位|公司|工会|村委会|村委|支书|书记|主任|老师|经理|采购员?|工厂|部门|社区|幼儿园"
                    r"|中学|小学|大学|机关|餐厅|饭店|酒店|超市|合作社|养老院|敬老院|部队)")


# A business stocking up (酒店自助早餐要备货, 饭店后厨要进货, 民宿采购): the buyer, no hotel booked and no goods named.
_STOCKING = re.compile(r"(?:酒店|宾馆|民宿|饭店|餐厅|农家乐|食堂)(?:的)?(?:自助)?(?:早餐|早饭|午餐|晚餐|厨房|后厨)?"
                       r"(?:要|需要|想|得|准备)?(?:备货|进货|采购|囤货|备点)")


def stocking_spans(compact: str) -> list[tuple[int, int]]:
    """酒店自助早餐要备货: where a business that buys for its guests is said."""
    return [m.span() for m in _STOCKING.finditer(compact)]


def recipient_spans(compact: str) -> list[tuple[int, int]]:
    """Where the message says whom the goods are for, who buys them, or how that person's health is (see the
    module)."""
    return [m.span() for m in (*_RECIPIENT.finditer(compact), *_BEFORE.finditer(compact),
                               *_CONDITION.finditer(compact), *_BUYER.finditer(compact))] + health_talk.spans(compact) \
        + stocking_spans(compact)


# Goods sent to another person (给我妈寄两箱…, 寄给我爸, 送到我外婆家): their address is the one to use, not mine.
_SENT_TO = re.compile(rf"{FOR_PERSON}\S{{0,12}}?(?:寄|发|邮|送)|(?:寄|发|邮|送)(?:给|到){MINE}(?:{PERSON})")


def sent_to_someone(compact: str) -> bool:
    """给我妈寄两箱琼中绿橙 / 寄给我爸 / 送到我外婆家: the goods go to another person (see _SENT_TO)."""
    return _SENT_TO.search(compact) is not None


def for_someone(compact: str) -> bool:
    """Whether the message says whom the goods are for (给我妈买点东西, 买点啥送老师)."""
    return _BEFORE.search(compact) is not None or _RECIPIENT.search(compact) is not None


# Said when the person's health was said (她血糖有点高): the advice is no health advice.
HEALTH_NOTE = "\n家里人饮食上有讲究的（比如血糖、血压高），下单前请看看商品资料里的配料，听医生的建议。"


def health_said(compact: str) -> bool:
    """Whether the message says how the person's health is (她血糖有点高, 他牙口不好)."""
    return _CONDITION.search(compact) is not None
