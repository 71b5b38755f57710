#!/usr/bin/env python3
"""Writes Tests/JourneyCoreTests/Data/numpy-vectors.json: reference outputs of numpy's
default_rng stream (SeedSequence -> PCG64), Generator.random(), Generator.choice(p=...) and
the seed's toy bigram generation loop, for the Swift parity tests in JourneyCoreTests.

Run from the repository root:  python3 scripts/make_numpy_vectors.py
Needs numpy (pip install numpy). Integers and doubles are written as decimal strings so no
JSON reader can round them.

With --check-cli BINARY it instead runs `BINARY journey --model seed-toy --prompt the
--temperature T --seed S --tokens 15` for every recorded generate vector and compares the last
line of its output with numpy's sentence (exit status 1 on any mismatch).
"""
import json
import pathlib
import subprocess
import sys

import numpy as np

# The seed document's toy bigram table (section C.3), in its order: previous word, then its
# successors with the scores the seed uses directly as logits.
TOY = [
    ("the", [("robot", 2.2), ("cat", 1.6), ("gradient", 1.0), ("moon", 0.4)]),
    ("robot", [("picked", 2.0), ("saw", 1.0), ("dropped", 0.6)]),
    ("cat", [("saw", 1.8), ("chased", 1.2)]),
    ("gradient", [("exploded", 1.5), ("vanished", 1.5)]),
    ("moon", [("rose", 1.5)]),
    ("picked", [("up", 2.5)]),
    ("up", [("the", 2.0)]),
    ("saw", [("the", 2.0)]),
    ("chased", [("the", 2.0)]),
    ("dropped", [("the", 2.0)]),
    ("rose", [("and", 1.5)]),
    ("exploded", [("and", 1.5)]),
    ("vanished", [("and", 1.5)]),
    ("and", [("the", 2.0)]),
]
TABLE = {prev: dict(row) for prev, row in TOY}

SEEDS = [0, 1, 2, 3, 7, 42, 1234, 99991, 2**32 - 1, 2**32 + 5, 2**63 + 11]


def toy_generate(tau, seed, steps=15):
    """The seed's loop: softmax(z / tau) without max subtraction, one choice per step."""
    rng = np.random.default_rng(seed)
    words = ["the"]
    for _ in range(steps):
        successors = TABLE[words[-1]]
        names = list(successors)
        weights = np.exp(np.array(list(successors.values())) / tau)
        weights /= weights.sum()
        words.append(str(rng.choice(names, p=weights)))
    return " ".join(words)


def raw_vectors():
    return [
        {"seed": str(s), "raw": [str(int(x)) for x in np.random.PCG64(s).random_raw(6)]}
        for s in SEEDS
    ]


def random_vectors():
    return [
        {"seed": str(s), "doubles": [repr(float(x)) for x in np.random.default_rng(s).random(6)]}
        for s in SEEDS
    ]


def choice_vectors():
    cases = [
        [0.5, 0.5],
        [0.1, 0.2, 0.3, 0.4],
        [0.0, 0.25, 0.0, 0.75],
        [1.0],
        [0.7, 0.1, 0.1, 0.05, 0.05],
    ]
    out = []
    for s in SEEDS[:6]:
        for p in cases:
            rng = np.random.default_rng(s)
            picks = [int(rng.choice(len(p), p=p)) for _ in range(12)]
            out.append({"seed": str(s), "p": [repr(x) for x in p], "picks": picks})
    return out


def generate_vectors():
    out = []
    for tenths in range(1, 26):
        tau = tenths / 10
        for seed in range(8):
            out.append({"temperature": repr(tau), "seed": str(seed),
                        "text": toy_generate(tau, seed)})
    for seed in [42, 1234, 2**32 + 5]:
        for tau in [0.3, 1.5]:
            out.append({"temperature": repr(tau), "seed": str(seed),
                        "text": toy_generate(tau, seed)})
    return out


VECTORS = pathlib.Path("Tests/JourneyCoreTests/Data/numpy-vectors.json")


def check_cli(binary):
    vectors = json.loads(VECTORS.read_text())["generate"]
    mismatches = 0
    for v in vectors:
        args = [binary, "journey", "--model", "seed-toy", "--prompt", "the",
                "--temperature", v["temperature"], "--seed", v["seed"], "--tokens", "15"]
        out = subprocess.run(args, capture_output=True, text=True).stdout.strip()
        last = out.split("\n")[-1]
        if last != v["text"]:
            mismatches += 1
            print(f"T={v['temperature']} S={v['seed']}: got {last!r}, numpy {v['text']!r}")
    print(f"{len(vectors)} vectors, {mismatches} mismatches")
    return 1 if mismatches else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check-cli":
        sys.exit(check_cli(sys.argv[2]))
    data = {
        "numpy": np.__version__,
        "toyTable": [
            {"previous": prev, "next": [n for n, _ in row], "scores": [repr(z) for _, z in row]}
            for prev, row in TOY
        ],
        "pcg64Raw": raw_vectors(),
        "random": random_vectors(),
        "choice": choice_vectors(),
        "generate": generate_vectors(),
    }
    path = VECTORS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {path} ({len(data['generate'])} generate vectors, numpy {np.__version__})")


if __name__ == "__main__":
    main()
