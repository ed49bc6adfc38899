"""The in-memory search engine on a small hand-made catalogue (no database)."""
from __future__ import annotations

import random
import time

import jieba
import pytest

from models.search import (
    CatalogTokenizer,
    SearchDoc,
    SearchIndex,
    SearchResult,
    expand,
    new_jieba_tokenizer,
    region_short_forms,
)

FOGANG = {"province": "广东省", "city": "清远市", "county": "佛冈县"}
CATALOGUE = [
    SearchDoc("EGG-1", "农家散养鸡蛋 30枚", brand="山里红", category="禽蛋", aliases=("笨鸡蛋",), tags=("散养",),
              province="河北省", city="保定市", county="阜平县"),
    SearchDoc("EGG-2", "广生源鸡蛋 20枚", brand="广生源", category="禽蛋", **FOGANG),
    SearchDoc("HONEY-1", "佛冈百花蜂蜜 500g", brand="恒丰", category="蜂产品", tags=("土特产",), **FOGANG),
    SearchDoc("TEA-1", "英德红茶 250g", brand="英红", category="茶叶", tags=("蜂蜜", "送礼"),
              province="广东省", city="清远市", county="英德市"),
    SearchDoc("KIWI-1", "苍溪红心猕猴桃 5斤装", brand="苍溪", category="水果",
              province="四川省", city="广元市", county="苍溪县"),
    SearchDoc("KUDZU-1", "葛根粉 500g", brand="恒丰", category="粮油", aliases=("葛粉",),
              province="广西壮族自治区", city="梧州市", county="藤县"),
    SearchDoc("APPLE-1", "礼县苹果 10斤", brand="陇上", category="水果",
              province="甘肃省", city="陇南市", county="礼县"),
]


@pytest.fixture(scope="module")
def tokenizer() -> CatalogTokenizer:
    return CatalogTokenizer()


@pytest.fixture
def index(tokenizer: CatalogTokenizer) -> SearchIndex:
    built = SearchIndex(tokenizer)
    built.rebuild(CATALOGUE)
    return built


def skus(index: SearchIndex, q: str, **kwargs: object) -> list[str]:
    return index.search(q, **kwargs).skus


def test_alias_finds_the_product(index: SearchIndex) -> None:
    assert skus(index, "笨鸡蛋")[0] == "EGG-1"


def test_synonym_of_the_alias_finds_it_too(index: SearchIndex) -> None:
    assert "土鸡蛋" in expand("笨鸡蛋")
    assert skus(index, "土鸡蛋")[0] == "EGG-1"
    assert "KUDZU-1" in skus(index, "葛粉")
    assert "KUDZU-1" in skus(index, "葛根粉")
    assert skus(index, "奇异果") == ["KIWI-1"]


def test_a_word_inside_a_long_user_word(index: SearchIndex) -> None:
    assert set(skus(index, "鸡蛋")) == {"EGG-1", "EGG-2"}
    assert skus(index, "广生源") == ["EGG-2"]
    assert skus(index, "广生源鸡蛋")[0] == "EGG-2"
    own = CatalogTokenizer()
    own.add_words(["广生源", "广生源鸡蛋 30枚"])
    assert own.cut("广生源鸡蛋") == ["广生源鸡蛋"]
    assert own.index_terms("广生源鸡蛋") == ["广生源鸡蛋", "生源", "鸡蛋", "广生源"]


def test_name_words_option(tokenizer: CatalogTokenizer) -> None:
    index = SearchIndex(CatalogTokenizer(), name_words=True)
    index.rebuild(CATALOGUE)
    assert skus(index, "广生源鸡蛋")[0] == "EGG-2"
    assert set(skus(index, "鸡蛋")) == {"EGG-1", "EGG-2"}


def test_origin_short_forms(index: SearchIndex) -> None:
    assert set(skus(index, "佛冈")) == {"EGG-2", "HONEY-1"}
    assert skus(index, "广西") == ["KUDZU-1"]
    assert skus(index, "礼县") == ["APPLE-1"]


def test_province_filter_takes_full_or_short_name(index: SearchIndex) -> None:
    guangdong = {"EGG-2", "HONEY-1", "TEA-1"}
    assert set(skus(index, "", province="广东")) == guangdong
    assert set(skus(index, "", province="广东省")) == guangdong
    assert skus(index, "鸡蛋", province="广东") == ["EGG-2"]
    assert index.search("鸡蛋", province="西藏") == SearchResult([], 0)


def test_category_filter_is_exact(index: SearchIndex) -> None:
    assert skus(index, "", category="水果") == ["APPLE-1", "KIWI-1"]
    assert skus(index, "红心", category="水果") == ["KIWI-1"]
    assert index.search("", category="水").total == 0


def test_name_outranks_tag(index: SearchIndex) -> None:
    assert skus(index, "蜂蜜") == ["HONEY-1", "TEA-1"]


def test_more_matched_terms_rank_first(index: SearchIndex) -> None:
    ranked = skus(index, "佛冈 鸡蛋")
    assert ranked[0] == "EGG-2"
    assert set(ranked) == {"EGG-1", "EGG-2", "HONEY-1"}


def test_empty_query_lists_everything_in_sku_order(index: SearchIndex) -> None:
    result = index.search("")
    assert result.total == len(CATALOGUE)
    assert result.skus == sorted(doc.sku for doc in CATALOGUE)


def test_pagination_and_total(index: SearchIndex) -> None:
    everything = skus(index, "广东 鸡蛋 蜂蜜", limit=100)
    assert len(everything) == index.search("广东 鸡蛋 蜂蜜").total == 4
    pages = [index.search("广东 鸡蛋 蜂蜜", offset=offset, limit=2) for offset in (0, 2, 4)]
    assert [p.skus for p in pages] == [everything[:2], everything[2:4], []]
    assert all(p.total == 4 for p in pages)
    assert index.search("鸡蛋", limit=0) == SearchResult([], 2)


def test_nonsense_finds_nothing(index: SearchIndex) -> None:
    assert index.search("量子计算机") == SearchResult([], 0)
    assert index.search("xyzzy") == SearchResult([], 0)
    assert index.search("的了") == SearchResult([], 0)


def test_upsert_replaces_and_remove_removes(index: SearchIndex) -> None:
    index.upsert(SearchDoc("HONEY-1", "从化荔枝蜜 1kg", brand="恒丰", category="蜂产品",
                           province="广东省", city="广州市", county="从化区"))
    assert len(index) == len(CATALOGUE)
    assert "HONEY-1" in index
    assert "HONEY-1" not in skus(index, "百花")
    assert "HONEY-1" not in skus(index, "佛冈")
    assert skus(index, "荔枝蜜") == ["HONEY-1"]
    assert skus(index, "从化") == ["HONEY-1"]
    index.upsert(SearchDoc("RICE-1", "五常大米 10斤", brand="稻花香", category="粮油",
                           province="黑龙江省", city="哈尔滨市", county="五常市"))
    assert skus(index, "五常大米") == ["RICE-1"]
    assert len(index) == len(CATALOGUE) + 1
    index.remove("EGG-2")
    index.remove("NO-SUCH-SKU")
    assert "EGG-2" not in index
    assert skus(index, "鸡蛋") == ["EGG-1"]
    assert index.search("").skus == sorted({doc.sku for doc in CATALOGUE} - {"EGG-2"} | {"RICE-1"})


def test_many_updates_compact_and_stay_consistent(index: SearchIndex) -> None:
    for round_ in range(6):
        for doc in CATALOGUE:
            index.upsert(SearchDoc(doc.sku, f"{doc.name} 第{round_}批", brand=doc.brand, category=doc.category,
                                   aliases=doc.aliases, tags=doc.tags, province=doc.province, city=doc.city,
                                   county=doc.county))
    assert len(index) == len(CATALOGUE)
    assert set(skus(index, "鸡蛋")) == {"EGG-1", "EGG-2"}
    assert skus(index, "蜂蜜") == ["HONEY-1", "TEA-1"]
    assert index.search("").skus == sorted(doc.sku for doc in CATALOGUE)


def test_ties_break_by_sku(tokenizer: CatalogTokenizer) -> None:
    index = SearchIndex(tokenizer)
    index.rebuild([SearchDoc(f"S{i:02d}", "高山大米") for i in (5, 3, 9, 1)])
    assert skus(index, "大米") == ["S01", "S03", "S05", "S09"]
    assert skus(index, "大米", offset=1, limit=2) == ["S03", "S05"]


def test_region_short_forms() -> None:
    assert region_short_forms("佛冈县") == ("佛冈县", "佛冈")
    assert region_short_forms("广东省") == ("广东省", "广东")
    assert region_short_forms("广西壮族自治区") == ("广西壮族自治区", "广西")
    assert region_short_forms("恩施土家族苗族自治州") == ("恩施土家族苗族自治州", "恩施")
    assert region_short_forms("凉山彝族自治州") == ("凉山彝族自治州", "凉山")
    assert region_short_forms("昭通市") == ("昭通市", "昭通")
    assert region_short_forms("石柱土家族自治县") == ("石柱土家族自治县", "石柱")
    assert region_short_forms("新疆维吾尔自治区") == ("新疆维吾尔自治区", "新疆")
    assert region_short_forms("礼县") == ("礼县",)


def test_tokenizer_normalises_and_drops_noise(tokenizer: CatalogTokenizer) -> None:
    assert tokenizer.query_terms("ＸＯ酱，5斤装！") == ["xo", "酱"]
    assert tokenizer.cut("佛冈 蜂蜜") == ["佛冈", "蜂蜜"]


def test_tokenizers_are_isolated(tokenizer: CatalogTokenizer) -> None:
    started = time.perf_counter()
    first, second = CatalogTokenizer(), CatalogTokenizer(new_jieba_tokenizer())
    assert time.perf_counter() - started < 0.5  # the base dictionary is loaded once per process
    before = second.cut("禾穗香稻米")
    first.add_words(["禾穗香"])
    assert "禾穗香" in first.cut("禾穗香稻米")
    assert second.cut("禾穗香稻米") == before
    assert "禾穗香" not in before
    assert "禾穗香" not in jieba.dt.FREQ


def test_incremental_changes_match_a_fresh_build(tokenizer: CatalogTokenizer) -> None:
    """Random upserts and removes (through several compactions) answer like a rebuild of the final state."""
    rnd = random.Random(3)
    variants = [
        SearchDoc(f"V{i:03d}", f"{rnd.choice(BRANDS)}{rnd.choice(KINDS)} {rnd.choice(SIZES)}", brand=rnd.choice(BRANDS),
                  category=rnd.choice(("禽蛋", "水果", "蜂产品")), tags=tuple(rnd.sample(("扶贫", "散养", "送礼"), 2)),
                  **rnd.choice(ORIGINS))
        for i in range(120)
    ]
    incremental = SearchIndex(tokenizer)
    incremental.rebuild(CATALOGUE + variants[:40])  # every word the later docs use is known from here on
    current = {doc.sku: doc for doc in CATALOGUE + variants[:40]}
    for _ in range(300):
        if rnd.random() < 0.7:
            base = rnd.choice(variants)
            doc = SearchDoc(f"V{rnd.randrange(60):03d}", base.name, base.brand, base.category, base.aliases, base.tags,
                            base.province, base.city, base.county)
            incremental.upsert(doc)
            current[doc.sku] = doc
        else:
            sku = rnd.choice(sorted(current))
            incremental.remove(sku)
            current.pop(sku)
    fresh = SearchIndex(tokenizer)
    fresh.rebuild(current.values())
    assert len(incremental) == len(fresh) == len(current)
    for q in ("鸡蛋", "蜂蜜 佛冈", "土鸡蛋", "猕猴桃", "扶贫", "送礼 水果", "恒丰", ""):
        for province in (None, "广东", "四川省"):
            for category in (None, "水果"):
                assert incremental.search(q, province=province, category=category, limit=50) == \
                    fresh.search(q, province=province, category=category, limit=50), (q, province, category)


BRANDS = ("恒丰", "广生源", "山里红", "苍溪", "英红")
KINDS = ("鸡蛋", "蜂蜜", "土鸡蛋", "猕猴桃", "红茶", "苹果")
SIZES = ("500g", "5斤装", "30枚")
ORIGINS = (FOGANG, {"province": "四川省", "city": "广元市", "county": "苍溪县"},
           {"province": "甘肃省", "city": "陇南市", "county": "礼县"})


def test_segmentation_is_jiebas_accurate_mode_without_hmm() -> None:
    """The tokenizer re-implements jieba's DAG route for speed: it must cut exactly like jieba."""
    ours = CatalogTokenizer()
    reference = ours.jieba  # same dictionary, user words included
    rnd = random.Random(11)
    alphabet = "恒丰佛冈蜂蜜鸡蛋大米广生源土豆粉猕猴桃高山有机特产新鲜农家散养红枣核桃木耳中华人民共和国ab12 "
    for _ in range(500):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
        expected = [w for w in reference.cut(text, HMM=False) if w.strip()]
        assert [w for block in jieba.re_han_default.findall(text) for w in ours._cut_block(block)] == [
            w for w in expected if jieba.re_han_default.fullmatch(w)
        ], text
