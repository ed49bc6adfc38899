"""A grower, a co-operative or a firm asking how to sell its goods here (我想当供应商, 我们合作社的木耳想在你们这卖,
怎么入驻, 怎么申请认定扶贫产品, 我是农户 能供货吗): how certification and a supplier's account work, answered as a
shop question (`ask_info`), never a search for the goods they grow nor the errand answer (报名 is no exam here).
"""
from __future__ import annotations

import re

# Selling here said (想在你们这卖, 能供货吗, 入驻, 上架, 当供应商) or certification applied for (申请认定).
_ASKED = re.compile(r"(?:当|做|成为|申请)(?:你们的?)?(?:供应商|供货商|商家|卖家)|入驻|开店"
                    r"|(?:能|可以|想|要)(?:给你们)?供货"
                    r"|(?:想|要|能|可以|怎么)(?:在|放到?|拿到?)(?:你们|这里|这儿|平台|商城|店里)\S{0,4}(?:卖|上架|销售)"
                    r"|(?:怎么|如何|咋)\S{0,4}(?:上架|申请认定|认定扶贫产品|申请扶贫产品)|申请认定")

REPLY = ("想在这里卖货，产品要先认定为扶贫产品：供货商家（企业、合作社或农户）在供货商后台提交认定申请和材料，"
         "县里审核、市里复核、省里认定并发证书，认定后产品就在本店上架。供货商后台的账号由所在县（市、省）的"
         "扶贫主管部门或平台管理员开通，请先联系当地主管部门；开通后可以在后台查看申请进度、处理订单发货。")


def asked(text: str) -> bool:
    """Whether the compact message asks how to sell here (see the module)."""
    return _ASKED.search(text) is not None
