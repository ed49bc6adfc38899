"""Regional function words (Cantonese, Wu, south-western, northern and north-western speech) read as Mandarin.

People write the way they speak: 系 确认 (是), 好额 就这样伐 (好的 就这样吧), 对着哩 (对着呢 = 对的), 啥子 / 么子 / 咩
(什么), 侬 (你), 阿拉 (我 / 我们), 额 (Wu 的, north-western 我: 给额来两袋), 边度 / 啱啱 (哪里 / 刚刚),
几钿 (多少钱), 啥辰光 (什么时候), 啥地方 (哪里), 嘛价儿 (Tianjin 什么价), 点样 (怎样), 落单 (下单),
埋单 / 俾钱 (付钱), 推介 (推荐), 一百蚊 (一百块),
勿要 / 莫买 / 不整了 / 算球了 / 拉倒 (不要 / 不买 / 算了),
在不 / 在伐 / 在没得 (在吗), 早晨 (Cantonese good morning), 算咧 / 不要咧 (算了 / 不要了), 咥 (吃), 恁这 (你这),
嫽咋咧 (太好了: praise, a yes only beside one). Read so before anything else reads the message, these
words are the cue words they stand for and never a product's name (没有找到「对着哩」). Each rule keeps the
Mandarin words that share a character: 余额 / 金额 / 额度, 采伐 / 步伐, 阿拉善 / 阿拉伯, 关系 / 系列, 早晨发货.
"""
from __future__ import annotations

import re

# A clause ends at the message's end, a space or punctuation.
_END = r"(?=$|[\s，,。.!！?？~～…])"
_START = r"(?:^|(?<=[\s，,。.!！?？~～…]))"

# Whole words, longest first (no Mandarin word holds them), by where they are said.
_WORDS = {
    # Cantonese: 系 (是), 咩 / 乜嘢 (什么), 点解 (为什么), 落单 / 埋单 / 俾钱, 推介, 唔识 (不会), 唔使 (不用), 睇 (看),
    # 咁 (这么 / 这样), 嘢 (东西), 佢 (它), 咗 (了)
    "系唔系": "是不是", "系咪": "是不是", "系咩": "是吗", "系嘅": "是的", "系呀": "是呀", "系啊": "是啊",
    "系咁": "是这样", "就咁样": "就这样", "就咁": "就这样",
    "咁样": "这样", "咁": "这么", "乜嘢": "什么", "咩嘢": "什么", "做乜": "做什么",
    "点解": "为什么", "落单": "下单", "埋单": "买单", "俾钱": "付钱", "畀钱": "付钱", "推介": "推荐", "唔识": "不会",
    "平啲": "便宜点", "找数": "结账", "唔使": "不用", "唔洗": "不用", "唔整喇": "不要了", "睇": "看", "嘢": "东西",
    "佢哋": "他们", "佢": "它", "咗": "了", "呢个": "这个", "呢啲": "这些", "呢度": "这里", "㗎": "呀",
    # 啱啱 (刚刚), 系边度 / 系边个 (是哪里 / 是哪个), 落嘅单 / 落咗单 (下的单 / 下了单: an order placed)
    "啱啱": "刚刚", "系边度": "是哪里", "系边个": "是哪个", "系边款": "是哪款", "边个": "哪个", "边款": "哪款",
    "落嘅单": "下的单", "落咗单": "下了单", "落咗嘅单": "下了的单",
    # Wu: 几钿 (多少钱), 啥辰光 (什么时候), 侬 (你), 迭个 (这个), 迭能 (这样), 哪能 (怎么), 勿要 / 覅 (不要)
    "几钿": "多少钱", "多少钿": "多少钱", "啥辰光": "什么时候", "辰光": "时候", "侬": "你", "迭个": "这个",
    "迭能": "这样", "哪能用": "怎么用", "哪能买": "怎么买", "晓得伐": "知道吗", "勿要": "不要", "覅": "不要",
    # south-western and Xiang: 啥子 / 么子 (什么), 啷个 / 咋个 (怎么), 莫 (不), 算球 (算了)
    "啥子": "什么", "么子": "什么", "做啥子": "做什么", "做啥": "做什么", "啷个": "怎么", "咋个": "怎么",
    "咋个用法": "怎么用", "莫要": "不要", "莫买": "不买", "莫整": "不要", "莫搞": "不要",
    # Xiang (Hunan): 咋搞 (怎么弄), 搞不清白 (搞不清楚), 咯样 / 咯个 (这样 / 这个), 不搞哒 (不要了), 算哒 (算了)
    "咋搞": "怎么弄", "搞不清白": "搞不清楚", "弄不清白": "弄不清楚", "咯样": "这样", "咯个": "这个",
    "不搞哒": "不要了", "算哒": "算了",
    # Cantonese 喺度 / 喺 (在): 有冇人喺度 is 有没有人在
    "喺度": "在", "喺": "在",
    "算球了": "算了", "算逑了": "算了", "算毬了": "算了", "算球": "算了", "算逑": "算了", "算毬": "算了",
    # northern and north-western: 嘎哈 (干什么), 几时, 怎么个用法, 拉倒 (算了), 不整了 (不要了), 嫑, 对着哩 (对的)
    "咋整": "怎么弄", "嘎哈": "干什么", "干哈": "干什么", "几时": "什么时候", "怎么个用法": "怎么用", "拉倒": "算了",
    "不整了": "不要了", "不搞了": "不要了", "不弄了": "不要了", "嫑": "不要",
    # Henan 恁 (您 / 你们): 恁好 is 您好, 恁们 is 你们; 整啥 / 弄啥 / 啥玩意儿 (做什么, 什么东西): 你都能整啥玩意儿
    "恁好": "您好", "恁们": "你们", "能整啥": "能干啥", "会整啥": "会干啥", "能弄啥": "能干啥", "会弄啥": "会干啥",
    "啥玩意儿": "什么", "啥玩意": "什么",
    # Tianjin 嘛 (什么) before a price (嘛价儿, 嘛价钱: 什么价), 介个 (这个); Wu 啥地方 (哪里: 货到啥地方了)
    "嘛价儿": "什么价", "嘛价钱": "什么价钱", "嘛价": "什么价", "啥地方": "哪里", "介个": "这个", "介是": "这是",
    "对着哩": "对的", "对着呢": "对的", "好着哩": "好的", "妥妥的": "妥了",
    # 瞅 / 瞄 (看): 俺想瞅瞅核桃 is 看看 (jieba cuts 瞅/瞅, which read as a thing not sold)
    "瞅瞅": "看看", "瞅一瞅": "看一看", "瞅一下": "看一下", "瞅一眼": "看一眼", "瞄瞄": "看看", "瞄一眼": "看一眼",
    # Shaanxi: 嫽咋咧 / 嘹咋咧 / 嫽得很 (great: praise, a yes only beside one), 咥 (吃: 额想咥羊肉卷 is 我想吃羊肉卷)
    "嫽咋咧": "太好了", "嘹咋咧": "太好了", "嫽扎咧": "太好了", "嘹扎咧": "太好了", "嫽得很": "太好了",
    "嘹得很": "太好了", "咥": "吃",
}
_WORD = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
# 阿拉 is Wu for 我 / 我们 (阿拉要两瓶); not in 阿拉善 (a league in Inner Mongolia), 阿拉伯, 阿拉斯加, 阿拉山口.
_WE = re.compile(r"阿拉(?!善|伯|斯加|山口|尔|丁|比卡|木图|巴马)")
# 额 is the Wu 的 ending a clause or after a person (好额, 我额蜂蜜) and, opening a clause, the north-western 我
# (额要两瓶) or after 给 / 帮 before a verb (给额来两袋5公斤的);
# not in 余额, 金额, 额度, 名额, 面额, 额外, 成交额 or any other word the amount 额 makes, nor in the
# places 额尔古纳, 额济纳, 额敏.
_AMOUNT = "余金名限面数总差定超份配税全巨高实减免增业易销售交票款"
_I = re.compile(_START + r"额(?=[要想买来也就们在都还是的])|^额(?![度外头定尔济敏])"
               r"|(?<=[给帮让跟叫替])额(?=[来要买拿寄发送弄整装称选挑找看查])")
_OF = re.compile(rf"(?<=[\u4e00-\u9fff])(?<![{_AMOUNT}])额" + _END
                 + r"|(?<=[我你他她侬伊])额(?![度外头定尔济敏])(?=[\u4e00-\u9fff])")
# Cantonese 边度 is 哪里 (蜜柚系边度产嘅); 海边度假, 周边度假 stay.
_WHERE = re.compile(r"边度(?!假)")
# Cantonese 系 alone as the answer (系 确认, 系呀) is 是; 关系, 系列, 联系 stay.
_YES_IS = re.compile(_START + "系" + _END)
# Wu 伐 ends a question (在伐 = 在吗, 有伐 = 有吗); after a yes it asks for agreement (好伐, 就这样伐 = 就这样吧).
# 采伐, 步伐, 讨伐 stay.
_AGREED_BA = re.compile(r"(好|行|可以|就这样|就这么定|这样|对|要得)伐" + _END)
_BA = re.compile(r"(?<![采砍步讨征杀挞])伐" + _END)
# 咩 is 什么 before a word (有咩好介绍) and 吗 at a clause's end (有货咩).
_WHAT = re.compile(r"咩(?=[\u4e00-\u9fff])")
_PARTICLE = re.compile(r"咩" + _END)
# Sentence-final particles: Cantonese 喇 (唔要喇 = 不要了), north-western 哩 and 咧 (= 呢); 喇叭, 咖喱 stay.
_LA = re.compile(r"喇(?!叭|嘛)")
_NE = re.compile(r"(?<=[\u4e00-\u9fff])[哩咧]" + _END)
# North-western 咧 after a verb or a yes is 了 (算咧 = 算了, 不要咧 = 不要了, 不买咧, 好咧, 行咧); 你咧 stays 你呢.
_DONE = re.compile(r"(?<=[算要买订整下好行成对够完])咧" + _END)
# Henan and Shandong 恁 is 你 before 这, 那, 家, 店 (恁这有几种 = 你这有几种, 恁家卖啥); 恁地 (so) stays.
_YOU = re.compile(r"恁(?=[这那家店])")
# Someone is there?: 在不 (northern), 在没得 (south-western), 在冇 / 有人冇 (Cantonese), 在伐 (Wu): 在吗 / 有人吗.
_THERE = re.compile(r"(?<![现正还存所实自内外健好潜])(在|有人)(?:不|没得|没有|没|冇|伐|否)" + _END)
# 早晨 is the Cantonese good morning when it is the whole clause (早晨 / 早晨老板); 早晨发货 stays a time.
_MORNING = re.compile(_START + r"早晨好?(?=$|[\s，,。.!！~～]|[啊呀哦喔]|老板|亲|你好|靓)")
# Forms of address from around China (老铁, 妹儿, 靓女, 老乡 …) opening or closing a message: the online shops' 亲,
# a form of address the reader knows (亲 在吗 is a greeting; 亲 来两瓶蜂蜜 an order naming no product 老铁).
_ADDRESS = re.compile(_START + r"(?:老铁们?|妹儿|幺妹儿?|妹子|老妹儿?|靓女|靓仔|老乡|老表|兄弟|哥们儿?|姐们儿?|大兄弟"
                      r"|大妹子|老板儿|老细|阿姨|伙计|小老弟|老哥|老姐)" + r"(?=$|[\s，,。.!！~～]|在|好|早)")
# Money: 一百蚊 (Cantonese 蚊 = 块).
_DOLLARS = re.compile(r"(?<=[\d零〇一二两三四五六七八九十百千万几])蚊")
# 俾 / 畀 is Cantonese 给 (俾我两樽); 教下我 / 教吓我 is 教我一下.
_GIVE = re.compile("[俾畀]")
_TEACH = re.compile(r"教(?:下|吓|一下)我")
# 莫 (south-western) and 勿 (Wu) before a verb are don't (莫急, 莫买了, 勿买了); 莫干山, 莫斯科 stay.
_DONT = re.compile(r"[莫勿](?=[急慌买要订下整搞弄管])")
# 那张单 / 一笔单 (Cantonese 单 with a classifier) is an order already placed (那张订单), never the one under way.
_ORDER = re.compile(r"(?<=[张笔])单(?![价位据子])")
# A verb with 下 and nothing after is the verb 一下 (推介下 = 推荐一下, 睇下, 问下): 看下午, 查下单, 说下次 stay.
_A_BIT = re.compile(r"(推荐|介绍|看|试|问|查|教|讲|说|算)下(?=$|[\s，,。.!！?？~～…啊呀哦吧嘛啦了我])")
# South-western 整起 (走) said alone is go ahead (得咯 整起 = 好 整吧); 整起来 / 整起两箱 stay.
_GO = re.compile(r"整起(?:走)?" + _END)
# Cantonese 点样 is 怎么 before a verb (点样落单 = 怎么下单) and 怎么样 at a clause's end (蜂蜜点样).
_HOW = re.compile(r"点样(?=[\u4e00-\u9fff])")
_HOW_IS = re.compile(r"点样")
# Cantonese 点用 / 点买 (how to use, how to buy) opening a clause or after what is asked about (呢个点用㗎, 请问点买);
# 一点用都没有, 省点用, 早点买, 多点买 stay.
_HOW_DONE = re.compile(r"(?:^|(?<=[\s，,。.!！?？~～…])|(?<=这个|这里|请问|想问|问下|我想|你们|咁样))点(?=用|买)")
# Cantonese 点卖 is 怎么卖 (蜂蜜点卖); 来点卖 / 多点卖 stay.
_HOW_SOLD = re.compile(r"(?<![来要买多少早晚])点卖")
# 咯 after a yes is 了 (得咯, 好咯 = 好了).
_YES_LO = re.compile(r"(?<=[得好行中是对])咯")
# Cantonese 仲 is 还 before what is still left or wanted (张卡仲剩几多 = 那张卡还剩多少, 仲有冇, 仲要两樽); 杜仲, 伯仲,
# 仲裁, 仲夏 stay.
_STILL = re.compile(r"(?<![杜伯])仲(?=[剩有要未係系冇唔可得])")
# Xiang and south-western 哒 ending a clause is 了 (到哒, 买哒 = 到了, 买了); 么么哒, 萌萌哒 and the yes 好哒 stay.
_LE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![么萌好哒美])哒" + _END)
# Xiang 咯 ending a clause (下单咯, 搞三包咯) says nothing; after a yes it is 了 (_YES_LO); 咯咯 (a laugh) stays.
_LO = re.compile(r"(?<=[\u4e00-\u9fff\d])(?<!咯)咯(?!咯)" + _END)
# Xiang and south-western 好多钱 asked (好多钱咯, 好多钱一斤) is 多少钱; 花了好多钱 (a lot of money) stays.
_HOW_MUCH = re.compile(r"(?<![了花费赚挣存省])好多钱(?=$|[\s，,。.!！?？~～…咯啊呀哦嘛呢哈罗]|一)")
# 干点啥 / 做点什么: the 点 between the verb and the question word says nothing (都能干点啥 = 都能干啥).
_SOME_WHAT = re.compile(r"(干|做|帮)点(啥|什么)")


def mandarin(text: str) -> str:
    """The message with regional function words read as Mandarin (unchanged when it holds none)."""
    text = _WORD.sub(lambda m: _WORDS[m.group()], text)  # 系咪佛冈出的 → 是不是佛冈出的
    text = _WE.sub("我", text)  # 侬帮阿拉做啥 → 你帮我做啥
    text = _I.sub("我", text)
    text = _OF.sub("的", text)  # 好额 → 好的
    text = _YES_IS.sub("是", _WHERE.sub("哪里", text))  # 系 确认 → 是 确认
    text = _AGREED_BA.sub(r"\1吧", text)  # 就这样伐 → 就这样吧
    text = _THERE.sub(r"\1吗", text)  # 老铁 在不 → 老铁 在吗
    text = _BA.sub("吗", text)
    text = _WHAT.sub("什么", text)
    text = _PARTICLE.sub("吗", text)
    text = _LA.sub("了", text)
    text = _NE.sub("呢", _DONE.sub("了", _YOU.sub("你", text)))
    text = _MORNING.sub("早上好", text)
    text = _ADDRESS.sub("亲", text)
    text = _DOLLARS.sub("块", text)
    text = _TEACH.sub("教我一下", text)
    text = _GIVE.sub("给", text)
    text = _DONT.sub("不", text)
    text = _GO.sub("整吧", text)
    text = _HOW_DONE.sub("怎么", text)  # 点用㗎呢个 → 怎么用呀这个
    text = _HOW_IS.sub("怎么样", _HOW.sub("怎么", _HOW_SOLD.sub("怎么卖", text)))  # 点样落单 → 怎么下单
    text = _YES_LO.sub("了", text)
    text = _LO.sub("", _LE.sub("了", _HOW_MUCH.sub("多少钱", text)))  # 新晃黄牛肉 好多钱咯 → 新晃黄牛肉 多少钱
    text = _A_BIT.sub(r"\1一下", text)  # 推介下 → 推荐一下
    text = _STILL.sub("还", text)  # 仲剩几多 → 还剩几多
    text = _ORDER.sub("订单", text)  # 我嗰张单唔要喇 → 我嗰张订单唔要了
    return _SOME_WHAT.sub(r"\1\2", text)
