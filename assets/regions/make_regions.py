#!/usr/bin/env python3
"""Regenerate assets/regions/regions.csv and former.csv from the shared input data.

Usage: python3 assets/regions/make_regions.py [SHARED_DIR]

SHARED_DIR defaults to ../shared relative to the repository root. Only the
standard library is used and the output is deterministic (rows sorted by code).
A matching report for the 832 national poverty counties is printed to stdout.
former.csv maps the former names and codes of county-level areas (since 1981) to today's code.
Runtime code never runs this script; it only reads regions.csv and former.csv.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "regions.csv")
HEADER = ["code", "name", "level", "parent_code", "poverty_county"]
FORMER_OUT = os.path.join(HERE, "former.csv")
FORMER_HEADER = ["former_code", "former_name", "former_province", "former_city", "code", "until"]

# City rows that are not real prefecture-level cities: the 市辖区/县 placeholders of
# the four municipalities and the 省直辖县级行政区划 groupings. They are skipped and
# their county-level areas hang directly under the province.
PLACEHOLDER_CITY = re.compile(r"^(市辖区|县|(省|自治区)直辖县级行政区划)$")

# Administrative suffixes, longest first, for name matching of renamed counties.
SUFFIXES = sorted(
    ["行政委员会", "行委", "自治县", "自治旗", "特区", "林区", "县", "市", "区", "旗"],
    key=len, reverse=True,
)

# List entries whose code cannot be trusted and whose name no longer exists, decided by
# hand: list code -> (list name, 2023 code). 冷湖行委 is listed under 630104, which is
# 西宁市城西区; it was merged with 茫崖行委 into 茫崖市 (632803) in 2018.
OVERRIDES = {"630104": ("冷湖行委", "632803")}


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def norm_name(name):
    """County name without its administrative suffix (and ethnic qualifiers)."""
    name = name.strip()
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    # 'XX彝族自治县' -> 'XX彝族' -> 'XX'; keep at least two characters.
    m = re.match(r"^(.{2,}?)([\u4e00-\u9fff]{1,6}族)+$", name)
    if m:
        name = m.group(1)
    return name


def _year(text):
    return int(text) if text else 9999


def _successors(row):
    """The codes that took a retired or changed area over (a `[year]` suffix is a part handed over earlier)."""
    return [c for c in row["新代码"].split(";") if c and "[" not in c]


def _row_at(history, code, year, before):
    """The row of `code` in force in `year` other than `before` (a code may be used again for another area)."""
    cands = [r for r in history.get(code, []) if r is not before
             and _year(r["启用时间"]) <= year <= _year(r["变更/弃用时间"])]
    cands.sort(key=lambda r: (_year(r["变更/弃用时间"]) > year, _year(r["启用时间"])))
    return cands[-1] if cands else None


def _today(history, row, current, depth=0):
    """The set of today's county codes a history row ended up as; None when the trail is lost."""
    if row["状态"] == "在用":
        return {row["代码"]} if current.get(row["代码"]) == "county" else None
    succ = _successors(row)
    if not succ or depth > 20:
        return None
    found = set()
    for code in succ:
        nxt = _row_at(history, code, _year(row["变更/弃用时间"]), row)
        hit = _today(history, nxt, current, depth + 1) if nxt else None
        if hit is None:
            return None
        found |= hit
    return found


def former_names(history_rows, rows):
    """Rows of former.csv: every county-level name or code no longer in use that went whole into one area of today
    (a renaming, a new code, a county become a city or a district), sorted by former code and name."""
    current = {code: r[2] for code, r in rows.items()}
    history = {}
    for r in history_rows:
        history.setdefault(r["代码"], []).append(r)
    out, ambiguous = set(), 0
    for r in history_rows:
        if r["级别"] != "县级" or r["状态"] == "在用":
            continue
        today = _today(history, r, current)
        if not today or len(today) != 1:
            ambiguous += 1
            continue
        code = today.pop()
        if (r["代码"], r["名称"]) == (code, rows[code][1]):
            continue
        city = "" if r["二级行政区"] == "直辖" else r["二级行政区"]
        out.add((r["代码"], r["名称"], r["一级行政区"], city, code, r["变更/弃用时间"]))
    return sorted(out), ambiguous


def main(argv):
    shared = argv[1] if len(argv) > 1 else os.path.join(REPO_ROOT, "..", "shared")
    data = os.path.join(shared, "data")
    provinces = read_rows(os.path.join(data, "admin-divisions", "provinces.csv"))
    cities = read_rows(os.path.join(data, "admin-divisions", "cities.csv"))
    areas = read_rows(os.path.join(data, "admin-divisions", "areas.csv"))
    poverty = read_rows(os.path.join(data, "poverty-counties", "poverty_county_list.csv"))

    prov_by_name = {p["name"]: p["code"] for p in provinces}
    skipped_cities = {c["code"] for c in cities if PLACEHOLDER_CITY.match(c["name"])}

    rows = {}
    for p in provinces:
        rows[p["code"]] = [p["code"], p["name"], "province", "", "0"]
    for c in cities:
        if c["code"] in skipped_cities:
            continue
        rows[c["code"]] = [c["code"], c["name"], "city", c["provinceCode"], "0"]
    area_province = {}
    for a in areas:
        parent = a["provinceCode"] if a["cityCode"] in skipped_cities else a["cityCode"]
        rows[a["code"]] = [a["code"], a["name"], "county", parent, "0"]
        area_province[a["code"]] = a["provinceCode"]

    city_name = {c["code"]: c["name"] for c in cities}

    by_code, by_name, by_hand, unmatched = [], [], [], []
    for p in poverty:
        raw = p["行政区划代码"].strip()
        code = raw[:-2] if raw.endswith(".0") else raw
        name = p["县域名称"].strip()
        if OVERRIDES.get(code, ("", ""))[0] == name:
            hit = OVERRIDES[code][1]
            by_hand.append((code, name, hit))
        elif code in rows and rows[code][2] == "county":
            hit = code
            by_code.append((code, name, hit))
        else:
            prov = prov_by_name.get(p["所属省份"].strip())
            key = norm_name(name)
            cands = [
                c for c in rows
                if rows[c][2] == "county" and area_province.get(c) == prov
                and norm_name(rows[c][1]) == key
            ]
            if len(cands) > 1:  # prefer the exact name, then the same city
                cands = [c for c in cands if rows[c][1] == name] or cands
            if len(cands) > 1:
                cands = [c for c in cands
                         if city_name.get(c[:4]) == p["所属城市"].strip()] or cands
            if len(cands) == 1:
                hit = cands[0]
                by_name.append((code, name, hit))
            else:
                unmatched.append((code, name, p["所属省份"], p["所属城市"]))
                continue
        rows[hit][4] = "1"

    former, ambiguous = former_names(read_rows(os.path.join(data, "admin-divisions-history", "result.csv")), rows)
    with open(FORMER_OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(FORMER_HEADER)
        w.writerows(former)
    print(f"wrote {os.path.relpath(FORMER_OUT, REPO_ROOT)}: {len(former)} former names and codes of county-level "
          f"areas; {ambiguous} left out (split between several areas of today, or not a county-level area today)")

    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        # hierarchical order: province, then each city followed by its counties
        for code in sorted(rows, key=lambda c: (c.ljust(6, "0"), len(c))):
            w.writerow(rows[code])

    counts = {lvl: sum(1 for r in rows.values() if r[2] == lvl)
              for lvl in ("province", "city", "county")}
    print(f"wrote {os.path.relpath(OUT, REPO_ROOT)}: {counts}")
    print("skipped placeholder cities:", ", ".join(
        f"{c} {city_name[c]}" for c in sorted(skipped_cities)))
    flagged = sum(1 for r in rows.values() if r[4] == "1")
    print(f"poverty counties: {len(poverty)} listed, {len(by_code)} matched by code, {len(by_name)} by name, "
          f"{len(by_hand)} by hand, {len(unmatched)} unmatched; {flagged} distinct 2023 areas flagged")
    for old, name, hit in by_code:
        if rows[hit][1] != name:
            print(f"  by code, renamed: {old} {name} -> {rows[hit][1]}")
    for old, name, hit in by_name:
        print(f"  by name: {old} {name} -> {hit} {rows[hit][1]}")
    for old, name, hit in by_hand:
        print(f"  by hand: {old} {name} -> {hit} {rows[hit][1]}")
    for u in unmatched:
        print("  UNMATCHED: {} {} ({} {})".format(*u))
    return 1 if unmatched else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
