"""Whom the goods are for, said after what is bought (买条腊肠送同事, 来条围巾送闺蜜, 买块手工皂给我妈): the person
names no product, nor a thing heard like one (闺蜜 is not 蜂蜜). Only a person word right after 送/给 (给我妈,
送给老师), at the end of the message or before a particle, is set aside: 给我来两瓶 and 送到… are untouched."""
from __future__ import annotations

import re

from bot.phrasing import AUDIENCES

PEOPLE = (*AUDIENCES, "妈", "爸", "老妈", "老爸", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "婆婆", "公公",
          "岳父", "岳母", "丈母娘", "老丈人", "闺蜜", "兄弟", "哥们", "哥们儿", "姐妹", "哥哥", "姐姐", "弟弟", "妹妹",
          "哥", "姐", "老师", "邻居", "同学", "对象", "媳妇", "媳妇儿", "女友", "男友", "亲家", "闺女", "儿子",
          "女儿", "老板",
          "舅舅", "舅妈", "姑姑", "阿姨", "叔叔", "伯伯", "婶婶", "师傅", "战友", "室友", "老乡", "家里人", "老人家")
_RECIPIENT = re.compile(r"(?:送给|送|给)(?:我|我的|我们|咱|咱们|俺)?(?:家)?(?:" + "|".join(
    sorted((re.escape(p) for p in PEOPLE), key=len, reverse=True)) + r")(?:们)?(?=(?:的|吃|用|喝|尝尝|当礼物)?"
    r"(?:吧|呀|啊|哈|呢|了)?$)")


def recipient_spans(compact: str) -> list[tuple[int, int]]:
    """Where the message says whom the goods are for (see the module); [] when it does not."""
    return [m.span() for m in _RECIPIENT.finditer(compact)]
