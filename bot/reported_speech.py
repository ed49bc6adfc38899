"""What someone else said, passed on (我奶奶说行, 我妈说想喝点好茶, 领导说那单别要了): the shopper's own words.

A clause that is only another person's yes (我奶奶说行, 老伴说可以, 领导同意了) is 行; 我奶奶说 / 我妈讲 before the rest
of a clause is left out, so what was said is read as the request (想喝点好茶, 那单别要了). Only people of the family or
of work are read so: 我说 (the shopper), 说明书, 小说 and 听说 stay.
"""
from __future__ import annotations

import re

_WHO = (r"(?:我|我家|我们家|俺|俺家|咱家)?(?:奶奶|爷爷|姥姥|姥爷|外婆|外公|阿婆|阿公|老妈|老爸|妈妈|爸爸|妈|爸|老伴儿?|"
        r"老公|老婆|媳妇儿?|爱人|儿子|女儿|孙子|孙女|婆婆|公公|岳母|丈母娘|家里人|老人家|领导|书记|主任|老板|经理|"
        r"村长|支书|校长|会计|队长)")
_SAY = r"(?:说|讲|讲了|说了|也说|都说|觉得)"
_CLAUSE_END = r"(?=$|[\s，,。.!！?？~～…])"
_CLAUSE_START = r"(?:^|(?<=[\s，,。.!！?？~～…]))"
# 我奶奶说行 / 领导同意了: another's yes, the whole clause.
_THEIR_YES = re.compile(_CLAUSE_START + _WHO + rf"(?:{_SAY}(?:行|可以|好|没问题|中|要得|成|同意)|同意|点头)"
                        r"(?:的|了|啦|呀|啊)*" + _CLAUSE_END)
# 我奶奶说 before what was said (a clause of its own after it).
_THEY_SAID = re.compile(_CLAUSE_START + _WHO + r"(?:说|讲)(?![明法服话])")


def plain(text: str) -> str:
    """The message with another's words as the shopper's own (see the module); unchanged when it holds none."""
    if "说" not in text and "讲" not in text and "同意" not in text and "点头" not in text:
        return text
    return _THEY_SAID.sub("", _THEIR_YES.sub("行", text))
