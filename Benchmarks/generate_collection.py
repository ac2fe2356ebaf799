"""Writes a synthetic collection of N documents for the scale benchmark.

Each document is one of the project's own test documents (Tests/Fixtures/samples/own)
moved to another city and province of the gazetteer, with its people renamed,
so the collection holds many distinct organizations, people and documents.
Usage: generate_collection.py OUT_DIR N
"""
import glob, json, os, random, sys

out, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
places = [l.rstrip("\n").split("\t") for l in open("Ontology/lexicons/places.tsv", encoding="utf-8")
          if l.strip() and not l.startswith("#")]
provinces = {p[0] for p in places if p[1] == "province"}
cities = [(p[0], p[2]) for p in places if p[1] == "city" and p[2] in provinces and p[0].endswith("市")]
surnames = [l.strip() for l in open("Ontology/lexicons/surnames.txt", encoding="utf-8")
            if l.strip() and not l.startswith("#") and len(l.strip()) == 1]
given = "明强华军平伟敏静丽勇艳杰娟涛斌超霞刚桂英"

templates = []
for path in sorted(glob.glob("Tests/Fixtures/samples/own/*.txt")):
    gold = json.load(open(path.replace("samples", "gold").replace(".txt", ".json"), encoding="utf-8"))
    people = [e["name"] for e in gold["entities"] if e["type"] == "Person"]
    templates.append((open(path, encoding="utf-8").read(), people))
# The city and province each template is written about (its first 市 and 省 names).
own = {"05": ("宁波", "浙江"), "06": ("成都", "四川"), "07": ("绍兴", "浙江")}
keys = sorted(own)

os.makedirs(out, exist_ok=True)
total = 0
for n in range(count):
    text, people = templates[n % len(templates)]
    old_city, old_province = own[keys[n % len(keys)]]
    city, province = random.choice(cities)
    text = text.replace(old_city, city[:-1]).replace(old_province, province.rstrip("省"))
    for name in people:
        text = text.replace(name, random.choice(surnames) + "".join(random.sample(given, len(name) - 1)))
    folder = os.path.join(out, f"{n // 1000:02d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"doc{n:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    total += len(text.encode("utf-8"))
print(f"collection: {count} documents, {total / 1e6:.1f} MB")
