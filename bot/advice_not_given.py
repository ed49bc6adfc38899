"""Asks the shop cannot answer with goods: what medicine to take, and money lent.

* an illness or a symptom with what medicine to take (我头疼 该吃啥药, 我有高血压 吃什么药好, 感冒了用什么药, 咳嗽
  怎么治, 感冒了吃什么好得快), which department to see (腰疼挂什么科), or whether a medicine may be taken
  (这个药孕妇能吃吗, 这药小孩可以吃吗; never 山药): a doctor's or a pharmacist's question, never a search for goods
  (a medicinal herb sold here is no advice);
* money asked as a loan (借我两千块 下个月还, 能借点钱吗, 借500应急): the shop lends nothing.

Both are answered short and honestly (the reply says what the shop is), nothing offered and nothing drafted. Medicinal
goods asked for by name (三七粉, 天麻 药材, 药食同源的有啥) stay goods. The lists are kinds of question, not sentences.
"""
from __future__ import annotations

import re

# What medicine to take (吃啥药, 该用什么药, 哪种药好使, 药吃哪个): the drug itself asked, never a 药材 or a 药膳.
_MEDICINE = re.compile(r"(?:啥|什么|哪种|哪样|哪个|哪些|啥子|么子)(?:药(?![材膳食酒])|偏方)"
                       r"|(?:吃|用|开|买)(?:点|些|一点|个)?药(?![材膳食酒])"
                       r"|药(?![材膳食酒])\S{0,2}(?:推荐|管用|好使|有效)"
                       r"|(?<![山芍])药(?![材膳食酒])\S{0,6}(?:能|可以|能不能|可不可以)(?:吃|用|喝|一起吃)")
# An illness or a symptom said with a question how to cure it (咳嗽怎么治, 失眠怎么办).
_ILLNESS = re.compile(r"头疼|头痛|发烧|发热|感冒|咳嗽|拉肚子|腹泻|胃疼|胃痛|牙疼|牙痛|失眠|过敏|高血压|血压高|糖尿病|"
                      r"血糖高|便秘|嗓子疼|喉咙痛|喉咙疼|肚子疼|肚子痛|生病|病了|中暑|晕车|关节疼|腰疼|痛风|湿疹")
_CURE = re.compile(r"怎么治|咋治|如何治|怎么办|咋办|怎么缓解|能治|治好|好得快|快点好|好得快点|恢复快|才能好")
# Which department of a hospital to see (腰疼挂什么科, 看哪个科): a doctor's question, whatever the ailment.
_DEPARTMENT = re.compile(r"(?:挂|看|去)(?:什么|啥|哪个|哪一个|哪)科")
# Money asked as a loan: 借 with me and money or an amount (借我两千, 借点钱, 能借500吗), a loan said so.
_DIGITS = "一二两三四五六七八九十几"
_AMOUNT = rf"(?:\d+|[{_DIGITS}]*[百千万][{_DIGITS}百千万]*|[{_DIGITS}]+(?:块|元))"
_LOAN = re.compile(rf"借(?:给我|给俺|我|俺|咱)?(?:点|些|一点|一些|一下)?(?:钱|{_AMOUNT})|借款|网贷|放贷|贷点钱")

REPLIES = {
    "medicine": ("抱歉，吃什么药、怎么治病我答不了，请问医生或药师；身体不舒服请及时就医。"
                 "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
    "loan": "抱歉，借钱、贷款这类事我们办不了。这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。",
}


def kind(text: str) -> str:
    """"medicine" or "loan" for such an ask in the compact message (see the module), else ""."""
    if _MEDICINE.search(text) or (_ILLNESS.search(text) and _CURE.search(text)) or _DEPARTMENT.search(text):
        return "medicine"
    if _LOAN.search(text):
        return "loan"
    return ""
