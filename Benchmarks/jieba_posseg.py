"""Times jieba.posseg (part-of-speech segmentation) over the given files, on one core.

Usage: python3 Benchmarks/jieba_posseg.py FILE...   (prints seconds and MB/s)
"""
import sys
import time

import jieba
import jieba.posseg as pseg

jieba.setLogLevel(60)
jieba.initialize()  # load the dictionary before timing, as DocGraph loads its lexicons before reading
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
size = sum(len(t.encode("utf-8")) for t in texts)
start = time.perf_counter()
words = 0
for t in texts:
    for _ in pseg.cut(t):
        words += 1
seconds = time.perf_counter() - start
print(f"jieba.posseg: {size / 1e6:.1f} MB in {seconds:.2f} s = {size / 1e6 / seconds:.2f} MB/s ({words} words)")
