"""Benchmark of the in-memory product search (models/search) on generated catalogues.

    python bench/search_bench.py [--sizes 1000,10000,100000] [--queries 200] [--seed 7]

Each size runs in a fresh subprocess, so the resident memory it reports belongs to that size alone.
Per size: rebuild time, RSS after the build, warm query latency (p50/p99 over the query set, timed
over several passes), the same queries through a naive substring scan of the names, and the cost
of upserts (replacing existing products) with the query latency after them. Targets at 100,000
products: query p99 <= 5 ms, rebuild <= 10 s, RSS after build <= 400 MB.
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.search import CatalogTokenizer, SearchDoc, SearchIndex, region_short_forms

TARGET_SIZE = 100_000
TARGET_P99_MS, TARGET_BUILD_S, TARGET_RSS_MB = 5.0, 10.0, 400.0
TIMED_PASSES = 3

# (category, kinds); a kind may carry aliases after a colon: 土豆:马铃薯/洋芋
KINDS_BY_CATEGORY = {
    "粮油": "大米 香米 糯米:江米 黑米 小米 玉米:苞谷 玉米糁 燕麦米 荞麦面 挂面 手工面 米粉 土豆粉 红薯粉条 粉丝 "
            "葛粉:葛根粉 "
            "菜籽油:菜油 山茶油:茶油 花生油 核桃油 亚麻籽油 芝麻油 黄豆:大豆 绿豆 红豆 黑豆 蚕豆:胡豆 薏米 高粱米",
    "禽蛋": "土鸡蛋:笨鸡蛋/柴鸡蛋 鸡蛋 鸭蛋 咸鸭蛋:咸蛋 皮蛋:松花蛋 鹅蛋 鹌鹑蛋 乌鸡蛋",
    "蜂产品": "蜂蜜 土蜂蜜 百花蜜 荔枝蜜 龙眼蜜 槐花蜜 椴树蜜 枣花蜜 蜂巢蜜 蜂王浆 蜂花粉",
    "水果": "苹果 脐橙 沃柑 砂糖橘 金桔:金橘 柚子 蜜柚 猕猴桃:奇异果 红心猕猴桃 百香果 芒果 荔枝 龙眼:桂圆 火龙果 "
            "菠萝:凤梨 香蕉 葡萄 梨 雪梨 水蜜桃 黄桃 李子 杨梅 樱桃:车厘子 石榴 柿子 蓝莓 草莓 枇杷 哈密瓜 西瓜",
    "蔬菜": "土豆:马铃薯/洋芋 红薯:地瓜/番薯 紫薯 山药:淮山 芋头:芋艿 莲藕 竹笋 冬笋 辣椒:海椒 生姜 大蒜 洋葱 "
            "南瓜 番茄:西红柿 黄花菜:金针菜 魔芋 蕨菜 萝卜 白菜",
    "菌菇": "香菇 木耳:黑木耳 银耳:白木耳 猴头菇 茶树菇 竹荪 松茸 羊肚菌 鸡枞菌 牛肝菌 平菇 金针菇 灵芝",
    "茶叶": "茶叶 绿茶 红茶 白茶 黑茶 普洱茶 乌龙茶 毛尖 铁观音 单丛 六堡茶 茯砖茶 苦丁茶 菊花茶 野菊花",
    "干货": "红枣:大枣 核桃:胡桃 板栗:栗子 花生:落花生 枸杞:枸杞子 葵花籽:葵瓜子 松子 榛子 腰果 桂圆干 葡萄干 "
            "柿饼 笋干 干辣椒 花椒 八角 桂皮 陈皮 莲子 百合干 黄精 天麻 党参 当归",
    "肉类": "腊肉 腊肠 香肠 火腿 牛肉干 风干牛肉 猪肉 黑猪肉 土鸡:笨鸡/柴鸡 乌鸡 麻鸭 老鸭 鹅 羊肉 腊鸭 熏肉",
    "水产": "鲫鱼 草鱼 鳙鱼 小龙虾 大闸蟹 泥鳅 黄鳝 鱼干 虾干 紫菜 海带 甲鱼",
    "调味品": "辣椒酱 豆瓣酱 腐乳 米醋 酱油 红糖 冰糖 黑糖 山茶籽 剁辣椒 豆豉 泡菜 酸菜 霉豆腐",
    "酒水": "米酒 黄酒 杨梅酒 苹果醋 沙棘汁 刺梨汁 椰汁 酸枣汁",
    "零食": "红薯干 地瓜干 芒果干 猪肉脯 牛轧糖 米花糖 麻花 锅巴 糍粑 年糕 月饼 桃酥",
}

REGIONS = [  # (province, city, county): real places, recycled across the catalogue
    ("广东省", "清远市", "佛冈县"), ("广东省", "清远市", "连州市"), ("广东省", "梅州市", "平远县"),
    ("广东省", "河源市", "紫金县"), ("广西壮族自治区", "百色市", "田东县"),
    ("广西壮族自治区", "河池市", "巴马瑶族自治县"), ("广西壮族自治区", "梧州市", "藤县"),
    ("贵州省", "黔东南苗族侗族自治州", "雷山县"), ("贵州省", "遵义市", "湄潭县"),
    ("贵州省", "毕节市", "威宁彝族回族苗族自治县"), ("贵州省", "六盘水市", "水城区"), ("云南省", "昭通市", "镇雄县"),
    ("云南省", "普洱市", "澜沧拉祜族自治县"), ("云南省", "文山壮族苗族自治州", "丘北县"),
    ("四川省", "凉山彝族自治州", "昭觉县"), ("四川省", "广元市", "苍溪县"), ("四川省", "巴中市", "通江县"),
    ("重庆市", "", "石柱土家族自治县"), ("重庆市", "", "城口县"), ("湖北省", "恩施土家族苗族自治州", "利川市"),
    ("湖北省", "恩施土家族苗族自治州", "恩施市"), ("湖北省", "十堰市", "房县"),
    ("湖南省", "湘西土家族苗族自治州", "花垣县"), ("湖南省", "怀化市", "麻阳苗族自治县"),
    ("江西省", "赣州市", "寻乌县"), ("江西省", "吉安市", "井冈山市"), ("甘肃省", "陇南市", "礼县"),
    ("甘肃省", "定西市", "安定区"), ("甘肃省", "临夏回族自治州", "东乡族自治县"),
    ("宁夏回族自治区", "固原市", "西吉县"), ("陕西省", "延安市", "延川县"), ("陕西省", "安康市", "平利县"),
    ("河北省", "保定市", "阜平县"), ("河北省", "张家口市", "张北县"), ("山西省", "吕梁市", "临县"),
    ("内蒙古自治区", "兴安盟", "科尔沁右翼前旗"), ("新疆维吾尔自治区", "和田地区", "和田县"),
    ("西藏自治区", "林芝市", "墨脱县"), ("青海省", "海东市", "互助土族自治县"), ("黑龙江省", "绥化市", "兰西县"),
    ("河南省", "信阳市", "光山县"), ("安徽省", "六安市", "金寨县"), ("吉林省", "延边朝鲜族自治州", "汪清县"),
]

BRAND_SYLLABLES = list("恒丰禾源农谷山川田园绿野青云福瑞康泰金穗香满溪林润和嘉盛乡情"
                       "鲜尚品优佳美味真纯裕隆兴旺茂德昌益寿安宁")
PREFIXES = ["", "", "", "农家", "高山", "有机", "新鲜", "正宗", "特级", "散养", "手工", "野生", "生态", "精选"]
TAGS = ["扶贫", "助农", "地理标志", "有机", "绿色食品", "包邮", "送礼", "土特产", "农家", "新鲜", "现摘", "手工",
        "野生", "散养", "富硒"]
SIZES = ["500g", "250g", "1kg", "2.5kg", "5kg", "5斤装", "10斤装", "3斤", "30枚", "60枚", "1箱", "2盒", "礼盒装", "6瓶"]
MISSES = ["量子计算机", "手机壳", "蓝牙耳机", "xyzzy", "洗衣机", "显卡", "篮球鞋", "机械键盘", "游泳圈", "电动牙刷"]


def kinds() -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind, category, aliases) for every base product kind."""
    out = []
    for category, spec in KINDS_BY_CATEGORY.items():
        for item in spec.split():
            kind, _, aliases = item.partition(":")
            out.append((kind, category, tuple(a for a in aliases.split("/") if a)))
    return out


def brands(rnd: random.Random, count: int = 300) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(rnd.choice(BRAND_SYLLABLES) for _ in range(rnd.choice((2, 2, 3, 3, 4))))] = None
    return list(found)


def short(name: str) -> str:
    return region_short_forms(name)[-1] if name else ""


def catalogue(size: int, seed: int) -> list[SearchDoc]:
    rnd = random.Random(seed)
    all_kinds, all_brands = kinds(), brands(rnd)
    docs = []
    for i in range(size):
        kind, category, kind_aliases = rnd.choice(all_kinds)
        brand = rnd.choice(all_brands)
        province, city, county = rnd.choice(REGIONS)
        place = short(county)
        name = f"{brand}{rnd.choice(PREFIXES)}{place}{kind} {rnd.choice(SIZES)}"
        aliases = kind_aliases + ((f"{place}{kind}",) if rnd.random() < 0.3 else ())
        docs.append(SearchDoc(
            sku=f"SKU{i:07d}", name=name, brand=brand, category=category, aliases=aliases,
            tags=tuple(rnd.sample(TAGS, rnd.randint(1, 4))), province=province, city=city, county=county,
        ))
    return docs


def queries(count: int, seed: int) -> list[tuple[str, str | None]]:
    """(q, province filter) pairs: kinds, brand+kind, origins, two words, aliases, filtered, misses."""
    rnd = random.Random(seed + 1)
    all_kinds, all_brands = kinds(), brands(random.Random(seed))
    aliases = [a for _, _, kind_aliases in all_kinds for a in kind_aliases]
    origin_words = [short(n) for region in REGIONS for n in region if n]

    def kind() -> str:
        return rnd.choice(all_kinds)[0]

    makers = [
        (30, lambda: (kind(), None)),
        (15, lambda: (f"{rnd.choice(all_brands)}{rnd.choice(('', ' '))}{kind()}", None)),
        (15, lambda: (rnd.choice(origin_words), None)),
        (15, lambda: (f"{rnd.choice([*origin_words, kind()])} {kind()}", None)),
        (10, lambda: (rnd.choice(aliases), None)),
        (5, lambda: (kind(), short(rnd.choice(REGIONS)[0]))),
        (10, lambda: (rnd.choice(MISSES), None)),
    ]
    weights = [w for w, _ in makers]
    return [rnd.choices(makers, weights)[0][1]() for _ in range(count)]


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: peak RSS is the best there is

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_queries(index: SearchIndex, qs: list[tuple[str, str | None]], passes: int) -> tuple[list[float], list[int]]:
    for q, province in qs:  # warm: token cache, lazy merges, SKU order
        index.search(q, province=province)
    samples, totals = [], []
    for _ in range(passes):
        for q, province in qs:
            started = time.perf_counter()
            result = index.search(q, province=province)
            samples.append((time.perf_counter() - started) * 1000)
            totals.append(result.total)
    return samples, totals


def naive_scan(docs: list[SearchDoc], qs: list[tuple[str, str | None]]) -> list[float]:
    """The baseline: substring scan over names, any whitespace-separated query word, no ranking."""
    names = [doc.name for doc in docs]
    provinces = [doc.province for doc in docs]
    samples = []
    for q, province in qs:
        started = time.perf_counter()
        words = q.split()
        hits = [i for i, name in enumerate(names) if any(w in name for w in words)]
        if province:
            hits = [i for i in hits if provinces[i].startswith(province)]
        _ = sorted(hits)[:20]
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def worker(size: int, query_count: int, seed: int) -> dict[str, float]:
    docs = catalogue(size, seed)
    qs = queries(query_count, seed)
    started = time.perf_counter()
    tokenizer = CatalogTokenizer()
    tokenizer_s = time.perf_counter() - started
    gc.collect()
    rss_before = rss_mb()
    index = SearchIndex(tokenizer)
    started = time.perf_counter()
    index.rebuild(docs)
    build_s = time.perf_counter() - started
    gc.collect()
    rss_after = rss_mb()
    samples, totals = time_queries(index, qs, TIMED_PASSES)
    naive_qs = qs if size <= 10_000 else qs[: max(20, len(qs) // 4)]
    naive = naive_scan(docs, naive_qs)

    rnd = random.Random(seed + 2)
    replaced = [rnd.choice(docs) for _ in range(200)]
    started = time.perf_counter()
    for doc in replaced:
        index.upsert(SearchDoc(doc.sku, doc.name.replace(" ", "新品 "), doc.brand, doc.category, doc.aliases,
                               doc.tags, doc.province, doc.city, doc.county))
    upsert_ms = (time.perf_counter() - started) * 1000 / len(replaced)
    after_upserts, _ = time_queries(index, qs, 1)
    return {
        "size": size, "tokenizer_s": tokenizer_s, "build_s": build_s, "rss_before_mb": rss_before,
        "rss_mb": rss_after, "peak_mb": rss_mb("VmHWM"), "p50_ms": percentile(samples, 50),
        "p99_ms": percentile(samples, 99), "max_ms": max(samples), "mean_total": statistics.mean(totals),
        "zero_hits": sum(t == 0 for t in totals) / len(totals), "naive_queries": len(naive_qs),
        "naive_p50_ms": percentile(naive, 50), "naive_p99_ms": percentile(naive, 99),
        "upsert_ms": upsert_ms, "p99_after_upserts_ms": percentile(after_upserts, 99),
        "cache_size": tokenizer.cache_info().currsize, "docs_per_s": size / build_s,
    }


def report(row: dict[str, float]) -> None:
    print(f"--- {row['size']:,} products")
    print(f"  tokenizer init   {row['tokenizer_s']:.2f} s (jieba dictionary load, once per process)")
    print(f"  index build      {row['build_s']:.2f} s ({row['docs_per_s']:,.0f} docs/s)")
    print(f"  RSS after build  {row['rss_mb']:.0f} MB "
          f"(before build {row['rss_before_mb']:.0f} MB, peak {row['peak_mb']:.0f} MB)")
    print(f"  query latency    p50 {row['p50_ms']:.3f} ms, p99 {row['p99_ms']:.3f} ms, max {row['max_ms']:.3f} ms "
          f"(mean total {row['mean_total']:,.0f} hits, {row['zero_hits']:.0%} misses)")
    print(f"  naive scan       p50 {row['naive_p50_ms']:.3f} ms, p99 {row['naive_p99_ms']:.3f} ms over "
          f"{row['naive_queries']} queries (index p50 is {row['naive_p50_ms'] / row['p50_ms']:.0f}x faster)")
    print(f"  upsert           {row['upsert_ms']:.3f} ms each (200 replacements); "
          f"query p99 after them {row['p99_after_upserts_ms']:.3f} ms")


def verdict(rows: list[dict[str, float]]) -> bool:
    target = next((row for row in rows if row["size"] == TARGET_SIZE), None)
    if target is None:
        print(f"no {TARGET_SIZE:,} size in this run: no verdict")
        return True
    checks = [
        (f"query p99 {target['p99_ms']:.2f} ms <= {TARGET_P99_MS} ms", target["p99_ms"] <= TARGET_P99_MS),
        (f"rebuild {target['build_s']:.2f} s <= {TARGET_BUILD_S} s", target["build_s"] <= TARGET_BUILD_S),
        (f"RSS {target['rss_mb']:.0f} MB <= {TARGET_RSS_MB:.0f} MB", target["rss_mb"] <= TARGET_RSS_MB),
    ]
    ok = all(passed for _, passed in checks)
    print(("PASS" if ok else "FAIL") + f" at {TARGET_SIZE:,}: " + "; ".join(
        f"{text} {'ok' if passed else 'FAILED'}" for text, passed in checks))
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.queries, args.seed)))
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--worker", str(size), "--queries", str(args.queries),
                   "--seed", str(args.seed)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        report(rows[-1])
    return 0 if verdict(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
