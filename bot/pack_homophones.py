"""Pack words heard wrong by voice input, beside a number only (来两带大米 5kg, 三待大米, 俩代蜂蜜, 来三想苹果,
两平蜂蜜, 来两和鸡蛋, 羊排来两分, 小米要十今的): 带/代/待 → 袋, 想/相 → 箱, 平/凭 → 瓶, 和 → 盒, 分 → 份, 今 → 斤;
when the goods named are sold by another pack (右玉羊肉卷给我来三想: by the bag), the slip is that pack: only the count
was heard for sure. The number must open the message or
follow a space, a punctuation mark or a buying word, and a catalogue word must follow the slip (or the message
must end with it while naming a catalogue word before, or a 的 of a size follow it after one: 小米要十今的, or the
slip ends a change of count: 改成三想, 改为两带, 换成四平): 我想, 一带一路, 这一带, 蜂蜜2和大米3 and 五十平的房子
stay as they are. 香/厢 are 箱 too (来3香), never inside a word (五香, 香菇, 香辣, 两厢); and a message that is only a
count and the slip (来3香, 要两带) is that pack of what was shown or drafted."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.numerals import NUM

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_HEARD = {"带": "袋", "代": "袋", "待": "袋", "想": "箱", "相": "箱", "香": "箱", "厢": "箱", "平": "瓶", "凭": "瓶",
          "和": "盒", "分": "份", "今": "斤"}
_IN_WORDS = frozenset("香厢")  # slips that begin or end common words (香菇, 香辣, 五香, 两厢): never read inside one
_ALONE = re.compile(r"\s*(?:再|还|给我|帮我)?(?:来|要|买|拿|订|整)?\s*")  # 来3香: the whole message is the count
_WEIGHTS = frozenset({"斤"})
_CHANGES = ("改成", "改为", "换成", "换为", "改到", "变成")
_SLIP = re.compile(r"(?:^|(?<=[\s,，.。!！?？、;；~])|(?<=[来要买拿订整再各共加])|(?<=给我)|(?<=帮我)"
                   + "".join(f"|(?<={w})" for w in _CHANGES) + ")"
                   rf"(?P<num>{NUM}|俩|仨)(?P<slip>[带代待想相香厢平凭和分今])(?![零〇一二两三四五六七八九十百千万俩仨\d])")
_END = re.compile(r"\s*(?:吧|呀|啊|哈|呢|了)?\s*$")


# 一斤滴蜂蜜 / 两瓶地蜂蜜 / 一斤嘅蜂蜜: 的 typed or heard as 滴/地/得 (Cantonese 嘅) between a quantity and goods.
_PARTICLE = re.compile(rf"(?P<qty>{NUM}\s*(?:公斤|千克|kg|斤|克|g|两|毫升|ml|升|l|袋|箱|瓶|盒|包|罐|个|只|樽))"
                       r"(?P<particle>[滴地得嘅])", re.IGNORECASE)


def _particles(message: str, vocab: Vocabulary) -> str:
    """The particle dropped when a catalogue word follows it and it begins none (一斤地瓜 stays)."""
    out, last = [], 0
    for m in _PARTICLE.finditer(message):
        rest, glued = message[m.end():m.end() + 8], message[m.start("particle"):m.end() + 7]
        if any(rest[:n] in vocab.words for n in range(2, len(rest) + 1)) \
                and not any(glued[:n] in vocab.words for n in range(2, len(glued) + 1)):
            out.append(message[last:m.end("qty")])
            last = m.end()
    return "".join(out) + message[last:] if out else message


def mend_pack_words(message: str, vocab: Vocabulary) -> str:
    """The message with each pack word heard wrong beside a number put right (see the module), and a 的 heard as
    滴/地/得/嘅 between a quantity and the goods dropped."""
    if any(ch in message for ch in "滴地得嘅"):
        message = _particles(message, vocab)
    if not any(ch in message for ch in _HEARD):
        return message
    out, last = [], 0
    for m in _SLIP.finditer(message):
        rest = message[m.end():m.end() + 8].lstrip()
        before = message[:m.start()]
        names_after = any(rest[:n] in vocab.words for n in range(2, len(rest) + 1))
        names_before = _END.fullmatch(message[m.end():]) is not None and any(
            before[i:j] in vocab.words for i in range(len(before)) for j in range(i + 2, min(len(before), i + 8) + 1))
        changed = before.endswith(_CHANGES) and _END.fullmatch(message[m.end():]) is not None  # 改成三想: the count
        sized = message[m.end():].startswith("的") and _names(before, vocab)  # 小米要十今的: a size said with 的
        alone = _ALONE.fullmatch(before) is not None and _END.fullmatch(message[m.end():]) is not None
        if m.group("slip") in _IN_WORDS and _in_a_word(message, m, vocab):
            continue
        if names_after or names_before or changed or sized or alone:
            out += [message[last:m.start("slip")], _pack(_HEARD[m.group("slip")], message, vocab)]
            last = m.end("slip")
    return "".join(out) + message[last:] if out else message


def _in_a_word(message: str, m: re.Match[str], vocab: Vocabulary) -> bool:
    """五香 / 香辣 / 香菇: the number and the slip, or the slip and what follows, are a word of the language or the
    catalogue (来五香瓜子 stays 五香)."""
    freq = vocab.tokenizer.jieba.FREQ
    slip = m.start("slip")
    pairs = (message[m.start("num"):m.end()], message[slip:slip + 2], message[slip:slip + 3])
    return any(len(w) > 1 and (freq.get(w) or w in vocab.words) for w in pairs)


def _names(text: str, vocab: Vocabulary) -> bool:
    return any(text[i:j] in vocab.words for i in range(len(text)) for j in range(i + 2, min(len(text), i + 8) + 1))


def _pack(heard: str, message: str, vocab: Vocabulary) -> str:
    """The pack word a slip stands for: the one it sounds like, or, when the goods named are sold by another pack
    (右玉羊肉卷给我来三想, the rolls sold by the bag), that pack: a word heard wrong says only the count. A weight
    (十今 → 十斤) stays a weight."""
    said = [(i, j) for i in range(len(message)) for j in range(i + 2, min(len(message), i + 8) + 1)
            if message[i:j] in vocab.words]
    if heard in _WEIGHTS or not said:
        return heard
    covered: dict[str, tuple[int, str]] = {}  # 右玉羊肉卷: the brand and 羊肉卷 both name the rolls
    for known, text in vocab.product_texts:
        spots = {at for i, j in said if message[i:j] in text for at in range(i, j)}
        covered[known.sku] = (len(spots), known.unit)
    most = max(n for n, _ in covered.values())
    units = {unit for n, unit in covered.values() if n == most}
    return units.pop() if most and len(units) == 1 else heard
