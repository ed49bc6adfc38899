"""Minnan (Hokkien, Taiwanese) and Hakka words of shopping chat, read as Mandarin before anything else reads the
message (after the traditional characters are simplified: 偌濟錢 is 偌济钱 here).

汝 (你: 汝好 is 你好), 阮 (我 / 我们: 阮的卡), 欲 (要: 我欲一公升的), 毋免 / 免啦 (不用了), 毋通 / 毋爱 / 毋要 (不要),
按呢 / 安呢 (这样: 好，按呢下单; 就安呢), 偌济 / 偌多 (多少: 偌济钱), 犹有 / 犹剩 (还有 / 还剩: 阮的卡犹有偌济钱), and
有X无 (有X吗: 有茶油无), the 公升 of a volume (一公升 is 1升, 1L). Hakka: 𠊎 (我: 𠊎来看下), 唔爱 (不要:
𠊎唔爱了，全部唔爱), 爱 after 𠊎 (要: 𠊎爱买两包 is 我要买两包).
Each rule keeps the Mandarin words that share a character: 汝城 / 汝州 / 汝窑,
阮老师 (a surname), 欲望 / 食欲 / 随心所欲, 犹豫 / 犹如, 按时 / 按摩, 安全 / 平安, 免费 / 免运费.
"""
from __future__ import annotations

import re

# Whole words, longest first: no Mandarin word holds them.
_WORDS = {
    "毋免": "不用", "毋使": "不用", "毋通": "不要", "毋爱": "不要", "毋要": "不要", "按呢": "这样", "安呢": "这样",
    "𠊎爱": "我要", "𠊎": "我", "唔爱": "不要",
    "偌济钱": "多少钱", "偌济": "多少", "偌多钱": "多少钱", "偌多": "多少", "犹有": "还有", "犹剩": "还剩",
}
_WORD = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
# 汝 is 你 before 好 or a verb (汝好, 汝要, 汝遮有); the places 汝城, 汝州, 汝阳, 汝南 and 汝窑 stay.
_YOU = re.compile(r"汝(?=好|要|欲|遮|敢|有|卖|的|们|兜)")
# 阮 is 我 / 我们 before 的, a wish or a home (阮的卡, 阮欲, 阮兜); 阮老师 (a surname) stays.
_WE = re.compile(r"阮(?=的|欲|要|想|兜|厝|爱|遮|卡)")
# 欲 is 要 after a person or opening a clause (我欲一公升的, 欲两罐); 欲望, 食欲, 随心所欲 stay.
_WANT = re.compile(r"(?:(?<=[我你他她咱俺])|^|(?<=[\s，,。.!！?？~～]))欲(?!望|言|哭|速|盖)")
# 免啦 / 免了 said alone: no need (不用了); 免费, 免运费 stay.
_NO_NEED = re.compile(r"(?:^|(?<=[\s，,。.!！?？~～]))免(?:啦|了|啊)(?=$|[\s，,。.!！?？~～])")
# 有X无 at a clause's end asks whether there is X (有茶油无 = 有茶油吗); 有无库存 (Mandarin 有没有) stays.
_HAVE_ASKED = re.compile(r"(有\S{0,8}?)无(?=$|[\s，,。.!！?？~～])")
# 一公升 is 一升 (1L); the reader knows 升.
_LITRE = re.compile(r"(?<=[\d零〇一二两三四五六七八九十百半几])\s*公升")
_MARKS = "毋按安偌犹汝阮欲免公无𠊎爱"


def plain(text: str) -> str:
    """The message with Minnan and Hakka words read as Mandarin (unchanged when it holds none)."""
    if not any(ch in text for ch in _MARKS):
        return text
    text = _WORD.sub(lambda m: _WORDS[m.group()], text)
    text = _YOU.sub("你", text)
    text = _WE.sub("我", text)
    text = _WANT.sub("要", text)
    text = _NO_NEED.sub("不用了", _HAVE_ASKED.sub(r"\1吗", text))
    return _LITRE.sub("升", text)
