"""Government and legal matters asked with words that look like shopping: never goods, never the shop's help.

The shop sells certified farm products and its love card. A message about one of these, with no goods named, is a
`fallback` answered short and honestly with where such a matter is taken (nothing offered, nothing drafted):

* the government's business (户口迁移要什么材料, 孩子上学转户口怎么弄, 结婚证在哪里领, 身份证丢了怎么补办,
  农机购置补贴怎么申请, 危房改造补贴能申请吗, 低保怎么办, 社保怎么交): papers, registrations and public aid are the
  local government service centre's (政务服务中心, 12345);
* the law (劳动合同纠纷找谁, 交通事故对方不赔钱怎么办, 遗产继承要走什么程序, 网购被骗了怎么立案, 打官司, 拖欠工资):
  a dispute, an accident, an inheritance, a fraud reported — legal aid (12348), the police (110, 派出所).

The lists are words of each domain, not sentences: 补贴 is public aid only with whose it is or a way of getting it
(农机购置补贴, 补贴怎么申请; 运费补贴 is the shop's), and 证 only with a paper's name (结婚证, 身份证; 认证 and 证书 of
goods are the shop's certificates).
"""
from __future__ import annotations

import re

# Papers, registrations and public aid.
_PAPERS = (r"户口|户籍|落户|迁户|结婚证|离婚证|出生证明|准生证|居住证|暂住证|身份证(?:\S{0,2}(?:补办|丢|掉|过期|换|办))"
           r"|低保|五保|残疾证")  # 社保, 医保, 公积金: bot.money_services' records
_AID = (r"(?:农机|购置|购机|危房|改造|种粮|耕地|良种|退耕|养老|高龄|残疾|生育|住房|租房|创业|就业|农业|生态|养殖|种植"
        r"|政府|国家)\S{0,3}补[贴助]|补[贴助]\S{0,3}(?:申请|申报|怎么领|领取|发放|到账|标准|政策)")
_PUBLIC = re.compile(rf"{_PAPERS}|{_AID}|营业执照|房产证|不动产证|政务")
# Disputes, accidents, inheritances, fraud reported, lawsuits.
_LEGAL = re.compile(r"纠纷|官司|起诉|上诉|仲裁|律师|法院|判决|遗产|继承|遗嘱|立案|报案|报警|交通事故|车祸|工伤"
                    r"|拖欠工资|欠薪|讨薪|劳动合同|抚养权|离婚")
_SHOP = re.compile(r"运费|邮费|本店|爱心卡|订单|下单")  # 运费补贴, 订单纠纷: the shop's own matters

REPLIES = {
    "public": ("抱歉，户口、证件、补贴这类政务上的事我们办不了，请咨询当地政务服务中心，或拨打12345政务服务热线。"
               "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
    "legal": ("抱歉，纠纷、事故、继承这类法律上的事我们帮不上，可以拨打12348法律援助热线或咨询律师；"
              "被骗了请尽快到当地派出所报案，或拨打110。"
              "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
}


def kind(compact: str) -> str:
    """"public" or "legal" for such a message (see the module), else ""."""
    if _SHOP.search(compact):
        return ""
    if _LEGAL.search(compact):
        return "legal"
    return "public" if _PUBLIC.search(compact) else ""
