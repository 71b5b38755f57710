#!/usr/bin/env python3
"""Benchmark (not a test): the tiny GPT's Swift step against the numpy reference forward pass.

    python3 scripts/bench_tiny_gpt.py [REPEATS]

Builds the Swift forward pass optimized (swiftc -O -wmo over Sources/JourneyCore's
LanguageModel.swift and TinyGPT*.swift, minus the bundle loader, plus scripts/bench/main.swift),
times it on this CPU, times scripts/tiny_gpt_model.forward on the same float32 weights and
contexts, and prints a table with the ratios.
  step         one generation step at every context length 1..context, averaged:
               Swift extends its KV cache by one position; numpy (no cache) reruns the context.
  full window  the whole context window recomputed from scratch by both.
"""

import json
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np

import tiny_gpt_model
from tiny_gpt_model import forward, read_weights

# Time plain numpy, not autograd's wrappers around it: the model module looks `np` up at
# call time, so this swaps every array operation of `forward` to numpy itself.
tiny_gpt_model.np = np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Assets" / "data"


def swift_times(repeats):
    sources = [p for p in sorted((ROOT / "Sources" / "JourneyCore").glob("TinyGPT*.swift"))
               if "Bundled" not in p.name]
    sources += [ROOT / "Sources" / "JourneyCore" / "LanguageModel.swift",
                ROOT / "Sources" / "JourneyCore" / "Kernels.swift",
                ROOT / "scripts" / "bench" / "main.swift"]
    with tempfile.TemporaryDirectory() as tmp:
        exe = pathlib.Path(tmp) / "tiny-gpt-bench"
        subprocess.run(["swiftc", "-O", "-wmo", "-module-name", "TinyGPTBench", "-o", str(exe)]
                       + [str(s) for s in sources], check=True)
        out = subprocess.run([str(exe), str(DATA / "tiny-gpt.bin"), str(DATA / "tiny-gpt.json"),
                              str(repeats)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def numpy_times(repeats):
    manifest = json.loads((DATA / "tiny-gpt.json").read_text())
    arch = manifest["architecture"]
    params = read_weights(DATA / "tiny-gpt.bin", arch)
    window = arch["context"]
    tokens = np.array([(i * 37 + 11) % arch["vocab_size"] for i in range(window)])
    start = time.perf_counter()
    for _ in range(repeats):
        for n in range(1, window + 1):
            forward(params, arch, tokens[None, :n])[0, -1]
    step = (time.perf_counter() - start) / (repeats * window)
    start = time.perf_counter()
    for _ in range(repeats):
        forward(params, arch, tokens[None, :])[0, -1]
    full = (time.perf_counter() - start) / repeats
    return {"cached_step_us": step * 1e6, "full_window_us": full * 1e6}


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    swift, numpy_ = swift_times(repeats), numpy_times(repeats)
    print(f"tiny GPT forward, {repeats} repeats, numpy {np.__version__} (float32)")
    print(f"{'measure':<14}{'swift µs':>12}{'numpy µs':>12}{'numpy/swift':>13}")
    for key, label in [("cached_step_us", "step"), ("full_window_us", "full window")]:
        s, n = swift[key], numpy_[key]
        print(f"{label:<14}{s:>12.1f}{n:>12.1f}{n / s:>12.1f}×")


if __name__ == "__main__":
    main()
