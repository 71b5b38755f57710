#!/usr/bin/env python3
"""Greedy decoding speed of a llama2.c checkpoint: the Swift forward pass against the numpy
reference (scripts/llama_reference.py) in the same run, one thread each.

Both fill the whole context: position 0 to the last, the argmax fed back each time (BOS is
not treated as the end), so the attention at the end reads every cached position. The Swift
side is scripts/bench/llama_main.swift compiled with `swiftc -O -wmo` together with
Sources/JourneyCore; it reports wall-clock and thread CPU time (CPU time is what other
processes on a shared machine inflate least). numpy is timed on its best pass.

    python3 scripts/bench/llama_bench.py [--checkpoint FILE --tokenizer FILE]
        [--repeats N] [--runc PATH]

--runc PATH also times a run.c you built yourself (`gcc -Ofast -o run run.c -lm` from
karpathy/llama2.c), given as `PATH CHECKPOINT -z TOKENIZER -t 0 -n 0`; it stops at the first
BOS, so its figure covers fewer positions. Defaults: ../shared/models/stories260K.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

import llama_reference as ref  # noqa: E402

MODELS = ROOT.parent / "shared" / "models" / "stories260K"


def swift_times(checkpoint, tokenizer, repeats):
    core = ROOT / "Sources" / "JourneyCore"
    sources = [p for p in sorted(core.glob("*.swift")) if "import Assets" not in p.read_text()]
    with tempfile.TemporaryDirectory() as tmp:
        main = pathlib.Path(tmp) / "main.swift"
        shutil.copy(ROOT / "scripts" / "bench" / "llama_main.swift", main)
        exe = pathlib.Path(tmp) / "llama-bench"
        subprocess.run(
            ["swiftc", "-O", "-wmo", "-module-name", "LlamaBench", "-o", str(exe)]
            + [str(p) for p in sources] + [str(main)], check=True)
        out = subprocess.run(
            [str(exe), checkpoint, tokenizer, str(repeats)], check=True, capture_output=True,
            text=True).stdout
    return json.loads(out)


def numpy_times(checkpoint, tokenizer, repeats):
    m = ref.Checkpoint(checkpoint)
    best, tokens = float("inf"), []
    for _ in range(repeats):
        stepper = ref.Stepper(m)
        token, picked = ref.BOS, []
        start = time.perf_counter()
        for pos in range(m.ctx):
            token = int(np.argmax(stepper.step(token, pos)))
            picked.append(token)
        best = min(best, (time.perf_counter() - start) / m.ctx * 1e6)
        tokens = picked
    return {"best_us": best, "tokens": tokens[:64], "positions": m.ctx}


def runc_time(runc, checkpoint, tokenizer):
    r = subprocess.run([runc, checkpoint, "-z", tokenizer, "-t", "0", "-n", "0"],
                       capture_output=True, text=True)
    found = re.search(r"achieved tok/s: ([0-9.]+)", r.stderr)
    return float(found.group(1)) if found else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", default=str(MODELS / "stories260K.bin"))
    ap.add_argument("--tokenizer", default=str(MODELS / "tok512.bin"))
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--runc")
    a = ap.parse_args()
    for path in (a.checkpoint, a.tokenizer):
        if not os.path.isfile(path):
            print(f"llama_bench: {path} not found", file=sys.stderr)
            return 2
    swift = swift_times(a.checkpoint, a.tokenizer, a.repeats)
    numpy_ = numpy_times(a.checkpoint, a.tokenizer, max(1, a.repeats // 10))
    agree = swift["tokens"] == numpy_["tokens"]
    print(f"checkpoint: {pathlib.Path(a.checkpoint).name}, greedy over all "
          f"{swift['positions']} positions, one thread")
    print(f"{'measure':<34}{'µs a token':>12}{'tok/s':>10}")
    rows = [
        ("Swift, best pass (wall clock)", swift["best_us"]),
        ("Swift, median pass (wall clock)", swift["median_us"]),
        ("Swift, best pass (thread CPU)", swift["cpu_best_us"]),
        ("Swift, median pass (thread CPU)", swift["cpu_median_us"]),
        ("numpy reference, best pass", numpy_["best_us"]),
    ]
    for name, us in rows:
        print(f"{name:<34}{us:>12.1f}{1e6 / us:>10.0f}")
    if a.runc:
        tps = runc_time(a.runc, a.checkpoint, a.tokenizer)
        if tps:
            print(f"{'run.c (to its first BOS)':<34}{1e6 / tps:>12.1f}{tps:>10.0f}")
    print(f"numpy / Swift (best wall clock): {numpy_['best_us'] / swift['best_us']:.1f}×")
    print(f"first 64 greedy tokens agree: {'yes' if agree else 'NO'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
