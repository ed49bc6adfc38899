"""A shopper who says who they are and only greets (您好，我是区农业局党支部的，先打个招呼; 我是村里的驻村书记,
来报个到; 你好，我是县医院食堂的采购): a greeting, answered with one, never taken for praise of the assistant
(哈哈，谢谢夸奖) or a thing to look up. How many eat there may be said with it (我是幼儿园食堂的，200个小朋友吃饭)."""
from __future__ import annotations

import re

# Saying hello in words: 打个招呼, 认识一下, 报个到.
_HELLO = re.compile(r"打个?招呼|打声招呼|认识一下|报个?到")
# 我是 / 我们是 + a unit or a post (…的, 书记, 老师 …): who is speaking, nothing asked.
_WHO = re.compile(r"^(?:您好|你好)?(?:我|我们|俺|俺们|咱|咱们)(?:这边|这里)?是\S{1,16}?"
                  r"(?:的|书记|主任|老师|会计|干部|工作人员|负责人|同志|员工|队长|村长|镇长|社长|经理|志愿者)"
                  # 我是县医院食堂的采购: the post said after the unit's 的
                  r"(?:采购员?|厨师长?|大厨|司机|出纳|管理员|老板|店长|职工|医生|护士|学生|家长|代表|主管|专员)?"
                  r"(?:同志|人)?$")


# How many the speaker feeds (200个小朋友吃饭, 三百来号工人吃饭): who they are, nothing asked yet.
_FED = re.compile(r"^(?:有|共|一共|大概|差不多)?[\d一二两三四五六七八九十百千几]+(?:来|多)?(?:个|名|位|号|口)?"
                  r"[\u4e00-\u9fff]{0,4}?(?:吃饭|就餐|用餐|吃)(?:的|呢|啊)?$")


def introduces(spaced: str) -> bool:
    """Every clause of the message (spaced: clauses apart) says hello or who speaks, and one says who or hello."""
    clauses = [c for c in spaced.split() if c]
    said = [c for c in clauses if _HELLO.search(c) or _WHO.match(c)]
    said += [c for c in clauses if said and c not in said and _FED.match(c)]
    rest = [c for c in clauses if c not in said and not re.fullmatch(r"(?:您好|你好|先|哈|呀|啊)+", c)]
    return bool(said) and not rest
