#!/usr/bin/env python3
"""Benchmark (not a test): the tiny model's Swift forward pass against a fair numpy one.

    python3 scripts/bench_tiny_gpt.py [REPEATS]

Builds the package's TinyGPTBench driver in release (scripts/bench/TinyGPTBench, linked
against JourneyCore itself), times it, then times scripts/tiny_gpt_numpy.py on the same
float32 weights and contexts. The numpy pass is written for inference, not training: 2-D
matrix products through BLAS, float32, and the same ring-buffer key/value cache as the Swift
model. Before timing, it is checked against the parity vectors the Swift tests use
(Tests/JourneyCoreTests/Data/tiny-gpt-vectors.json, within their tolerance).
  step          one generation step at every position 0..window-1, averaged (both extend
                their key/value cache by one position)
  full window   a whole window from scratch (Swift: a fresh Journey pass over it, one
                position at a time; numpy: every row at once under the band mask)
  sliding step  one step of a long run past the window: the ring buffer overwrites its
                oldest row, so it costs what a step does (no recompute)
"""

import json
import os
import pathlib
import subprocess
import sys
import time

# One thread for numpy's BLAS too, as for the Swift pass (set before numpy loads).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from tiny_gpt_model import read_weights  # noqa: E402
from tiny_gpt_numpy import NumpyTinyGPT  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Assets" / "data"
VECTORS = ROOT / "Tests" / "JourneyCoreTests" / "Data" / "tiny-gpt-vectors.json"


def swift_times(repeats):
    subprocess.run(["swift", "build", "-c", "release", "--product", "TinyGPTBench",
                    "--package-path", str(ROOT)], check=True, stdout=sys.stderr)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path",
                             "--package-path", str(ROOT)], check=True, capture_output=True,
                            text=True).stdout.strip()
    out = subprocess.run([str(pathlib.Path(binary) / "TinyGPTBench"), str(DATA / "tiny-gpt.bin"),
                          str(DATA / "tiny-gpt.json"), str(repeats)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def check_reference(params, arch):
    """The numpy pass must be the same model: logits and attention against the vectors."""
    vectors = json.loads(VECTORS.read_text())
    worst = 0.0
    for v in vectors["vectors"]:
        logits, attention = NumpyTinyGPT(params, arch).window(v["context"])
        worst = max(worst, float(np.abs(logits - np.array(v["logits"])).max()))
        for got, want in zip(attention, v["attention"]):
            worst = max(worst, float(np.abs(np.array(got) - np.array(want)).max()))
    if worst > vectors["tolerance"]:
        sys.exit(f"bench_tiny_gpt.py: the numpy pass is off the reference by {worst:.2e}")
    return worst


def numpy_times(params, arch, repeats):
    window = arch["window"]
    stream = [(i * 37 + 11) % arch["vocab_size"] for i in range(window + repeats * window)]
    model = NumpyTinyGPT(params, arch)
    start = time.perf_counter()
    for _ in range(repeats):
        model.length = 0
        for token in stream[:window]:
            model.extend(token)[0]
    step = (time.perf_counter() - start) / (repeats * window)
    start = time.perf_counter()
    for _ in range(repeats):
        model.window(stream[:window])[0][0]
    full = (time.perf_counter() - start) / repeats
    model.length = 0
    for token in stream[:window]:
        model.extend(token)
    start = time.perf_counter()
    for token in stream[window:]:
        model.extend(token)[0]
    sliding = (time.perf_counter() - start) / (repeats * window)
    return {"cached_step_us": step * 1e6, "full_window_us": full * 1e6,
            "sliding_step_us": sliding * 1e6}


def blas():
    try:
        info = np.__config__.CONFIG["Build Dependencies"]["blas"]
        return f"{info['name']} {info['version']}"
    except (AttributeError, KeyError, TypeError):
        return "unknown BLAS"


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    manifest = json.loads((DATA / "tiny-gpt.json").read_text())
    arch = manifest["architecture"]
    params = read_weights(DATA / "tiny-gpt.bin", arch)
    worst = check_reference(params, arch)
    swift, numpy_ = swift_times(repeats), numpy_times(params, arch, repeats)
    print(f"tiny model forward, one thread, {repeats} repeats; numpy {np.__version__} float32 "
          f"({blas()}), its logits and attention within {worst:.1e} of the reference")
    print(f"{'measure':<14}{'swift µs':>12}{'numpy µs':>12}{'numpy/swift':>13}")
    for key, label in [("cached_step_us", "step"), ("full_window_us", "full window"),
                       ("sliding_step_us", "sliding step")]:
        s, n = swift[key], numpy_[key]
        print(f"{label:<14}{s:>12.1f}{n:>12.1f}{n / s:>12.2f}×")
    print("(numpy/swift above 1 means Swift is faster)")


if __name__ == "__main__":
    main()
