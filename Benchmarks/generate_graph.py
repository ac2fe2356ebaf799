"""Writes a synthetic knowledge graph as N-Triples: Chinese labels, a few
predicates, hub-heavy degrees (a few organizations take most edges).

Usage: python3 Benchmarks/generate_graph.py TRIPLES OUT.nt
"""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261127)
DG = "https://w3id.org/docgraph/ontology#"
ID = "https://w3id.org/docgraph/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
places = "北京 上海 苏州 无锡 杭州 宁波 合肥 芜湖 武汉 孝感 汕头 深圳 广州 成都 重庆 西安".split()
bodies = "市人大常委会 市人民政府 市委 市中级人民法院 市人民检察院 市财政局 市教育局 区人民政府".split()
heads = "条例 办法 规定 决定 意见 方案 规划 细则".split()
topics = "安全生产 慈善促进 排水管理 大气污染防治 基层法治建设 数字经济 乡村振兴 养老服务 文明行为 河湖保护".split()
surnames = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
given = ["小涛", "庆", "文", "建国", "志明", "丽华", "海峰", "晓东", "红梅", "伟强"]
rels = ["enacted", "inspected", "oversees", "reportsTo", "leads", "collaboratedWith", "holdsPosition"]

orgs = [f"{p}{b}" for p in places for b in bodies]
count = 0
with open(out, "w", encoding="utf-8") as f:
    def t(s, p, o):
        global count
        f.write(f"{s} {p} {o} .\n")
        count += 1
    k = 0
    while count < n:
        k += 1
        cls = rng.choice(["Organization", "Regulation", "Person"])
        if cls == "Organization":
            name = rng.choice(orgs) + (f"第{k}办公室" if k > len(orgs) else "")
        elif cls == "Regulation":
            name = f"《{rng.choice(places)}市{rng.choice(topics)}{rng.choice(heads)}（第{k}号）》"
        else:
            name = rng.choice(surnames) + rng.choice(given) + str(k)
        s = f"<{ID}{cls.lower()}/{name}>"
        t(s, RDF_TYPE, f"<{DG}{cls}>")
        t(s, PREF, f'"{name}"@zh-Hans')
        if rng.random() < 0.5:
            t(s, ALT, f'"{name[2:]}"@zh-Hans')
        # Hub-heavy: targets drawn from a Zipf-like distribution over the first organizations.
        for _ in range(rng.randint(1, 4)):
            hub = orgs[min(int(rng.paretovariate(1.2)) - 1, len(orgs) - 1)]
            t(s, f"<{DG}{rng.choice(rels)}>", f"<{ID}organization/{hub}>")
print(f"{count} triples -> {out}", file=sys.stderr)
