"""An address no address here can take, said as one (寄去香港九龍旺角彌敦道XX號，收件人陳生; 北京市朝阳区XX大厦1201
行政部刘女士 010-8888-6666): the shopper is told why, never answered 没有找到「…」 nor shown their orders.

* Beyond the mainland's divisions (香港, 澳门, 台湾, abroad): the goods cannot be sent there (bot.delivery_asked).
* A landline and no mobile: the receiver's phone must be a mobile (the courier calls and texts it).
"""
from __future__ import annotations

import re

from bot import delivery_asked
from models.places.address_parser import PHONE
from models.search.characters import simplified

# Said as an address: a receiver, a street and number, a building, or sending there (not a question whether it can).
_ADDRESS = re.compile(r"收件人|收货人|联系人|地址|(?:寄|送|发)(?:去|到|往)|[道路街巷]\S{0,8}?[号號]|大厦|大廈|"
                      r"\d+\s*(?:号|號|楼|樓|室|栋|棟)")
_ASKED = re.compile(r"[吗嗎么麼嘛？?]|能不能|可不可以|能否|可以吗|行不行|几天|多久")
_LANDLINE = re.compile(r"(?<![\d-])0\d{2,3}[- ]?\d{3,4}[- ]?\d{4}(?![\d-])")
_REGION = re.compile(r"省|自治区|市|区|县|旗")
LANDLINE = ("收货电话要留手机号（快递员要打电话、发短信联系），座机号不行。请把地址、收货人和手机号一起再发一次，"
            "比如“北京市朝阳区建国路88号 李四 13900139000”。")


def reply(raw: str) -> str:
    """The answer to an address that cannot be taken (see the module), or ""."""
    text = simplified(raw)  # 澳門, 台灣 as 澳门, 台湾
    if _ASKED.search(text) or not _ADDRESS.search(text):
        return ""
    if delivery_asked.beyond(text):
        return delivery_asked.BEYOND
    if _LANDLINE.search(text) and not PHONE.search(text) and _REGION.search(text):
        return LANDLINE
    return ""
