#!/usr/bin/env python3
"""Train the tiny word-level model (Llama-shaped) on Assets/data/corpus.txt, reproducibly, on
the CPU.

Dependencies (scripts/requirements-train.txt): numpy and autograd==1.9.1 (the one autodiff
package; pip install -r scripts/requirements-train.txt). Run from the repository root:

    python3 scripts/train_tiny_gpt.py

Writes Assets/data/tiny-gpt.bin (a llama2.c checkpoint; see scripts/tiny_gpt_model.py), the manifest
Assets/data/tiny-gpt.json, and Tests/JourneyCoreTests/Data/tiny-gpt-vectors.json (the
reference forward pass on the float32 weights as written, for the Swift parity tests).
Fixed seeds: the same corpus gives the same split, batches and initial weights.

Training reads streams of TRAIN["sequence"] tokens (longer than the attention window) under
the band mask, so the model learns exactly the computation a ring-buffer cache performs once
a long run slides past the window. `--steps N --lr X --dry-run` try other settings without
writing anything.
"""

import argparse
import hashlib
import importlib.metadata
import json
import math
import os
import pathlib
import time

# One BLAS thread: the sums then run in one order, so the weights are the same on every run.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"

import autograd.numpy as anp
import numpy as np
from autograd import value_and_grad

from tiny_gpt_model import TRAINED, forward, read_weights, tensor_shapes, unembed, write_weights

AUTOGRAD_VERSION = "1.9.1"
ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Assets" / "data"
VECTORS = ROOT / "Tests" / "JourneyCoreTests" / "Data" / "tiny-gpt-vectors.json"
SEED = 1234
HELDOUT_FRACTION = 0.1
ARCH = dict(layers=2, heads=2, d_model=64, d_mlp=172, window=32, norm_eps=1e-5,
            rope_theta=10000.0, norm="rms", mlp="swiglu", tied_unembedding=False)
TRAIN = dict(steps=600, batch=16, sequence=64, lr=3e-3, warmup=50, weight_decay=0.1,
             dropout=0.2, betas=(0.9, 0.99))
BIGRAM_ALPHAS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]


def load_corpus():
    text = (DATA / "corpus.txt").read_text(encoding="utf-8")
    lines = [line.split() for line in text.splitlines() if line.strip()]
    vocab = ["."] + sorted({t for line in lines for t in line} - {"."})
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(lines))
    n_held = int(len(lines) * HELDOUT_FRACTION)
    held, train = order[:n_held], order[n_held:]
    index = {t: i for i, t in enumerate(vocab)}
    # Each split is one stream that begins with "." so its first word has a predecessor.
    stream = lambda rows: np.array([0] + [index[t] for r in rows for t in lines[r]])
    return text, len(lines), vocab, stream(sorted(train)), stream(sorted(held))


def bigram_loss(train, evaluated, vocab_size, alpha):
    """Mean NLL (nats) of log-count bigram logits, add-alpha smoothed so unseen pairs stay finite."""
    counts = np.zeros((vocab_size, vocab_size))
    np.add.at(counts, (train[:-1], train[1:]), 1.0)
    logp = np.log(counts + alpha) - np.log((counts + alpha).sum(axis=1, keepdims=True))
    return float(-logp[evaluated[:-1], evaluated[1:]].mean())


def windows(stream, context):
    """Consecutive windows covering every next-token target once (x, y: [n, context])."""
    n = (len(stream) - 1) // context
    x = stream[:n * context].reshape(n, context)
    y = stream[1:n * context + 1].reshape(n, context)
    return x, y


def nll(params, x, y, dropout=None):
    logits = forward(params, ARCH, x, dropout=dropout)
    z = logits - anp.max(logits, axis=-1, keepdims=True)
    logp = z - anp.log(anp.sum(anp.exp(z), axis=-1, keepdims=True))
    n_b, n_t = y.shape
    return -anp.mean(logp[np.arange(n_b)[:, None], np.arange(n_t)[None, :], y])


def init_params(rng):
    params = {}
    for name, shape in tensor_shapes(ARCH):
        if name not in TRAINED:
            continue
        if name.startswith("rms"):
            params[name] = np.ones(shape)
        else:
            std = 0.02 / math.sqrt(2 * ARCH["layers"]) if name in ("wo", "w2") else 0.02
            params[name] = rng.normal(0.0, std, shape)
    return params


def train(train_stream, held_stream):
    rng = np.random.default_rng(SEED)
    params = init_params(rng)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    s = {k: np.zeros_like(v) for k, v in params.items()}
    step_fn = value_and_grad(nll)
    c, (b1, b2) = TRAIN["sequence"], TRAIN["betas"]
    for step in range(1, TRAIN["steps"] + 1):
        starts = rng.integers(0, len(train_stream) - c - 1, TRAIN["batch"])
        x = np.stack([train_stream[i:i + c] for i in starts])
        y = np.stack([train_stream[i + 1:i + c + 1] for i in starts])
        dropout = (TRAIN["dropout"], rng) if TRAIN["dropout"] > 0 else None
        loss, grads = step_fn(params, x, y, dropout)
        warm = min(1.0, step / TRAIN["warmup"])
        lr = TRAIN["lr"] * warm * 0.5 * (1 + math.cos(math.pi * step / TRAIN["steps"]))
        for k in params:
            m[k] = b1 * m[k] + (1 - b1) * grads[k]
            s[k] = b2 * s[k] + (1 - b2) * grads[k] ** 2
            update = (m[k] / (1 - b1 ** step)) / (np.sqrt(s[k] / (1 - b2 ** step)) + 1e-8)
            decay = 0.0 if k.startswith("rms") else TRAIN["weight_decay"] * params[k]
            params[k] = params[k] - lr * (update + decay)
        if step % 100 == 0:
            held = mean_nll(params, held_stream) if step % 200 == 0 else float("nan")
            print(f"step {step:5d}  batch loss {loss:.4f}  held-out {held:.4f}", flush=True)
    return params


def mean_nll(params, stream):
    """Mean NLL over consecutive windows of 32 tokens, each read from scratch: the same
    next-token targets the bigram is scored on, and the measure the previous (GPT-2-shaped)
    model reported, so the two compare."""
    x, y = windows(stream, ARCH["window"])
    total = sum(nll(params, x[i:i + 64], y[i:i + 64]) * len(x[i:i + 64])
                for i in range(0, len(x), 64))
    return float(total / len(x))


def streaming_nll(params, stream):
    """Mean NLL over the stream read as the app reads it: every next-token target after the
    full window of predecessors it can see (the first window's targets after fewer). Chunks of
    two windows, stride one window; each scores its second half (its first chunk, all)."""
    w = ARCH["window"]
    total, count = 0.0, 0
    for start in range(0, len(stream) - 1, w):
        begin = max(0, start - w)
        x = stream[begin:start + w][None, :]
        y = stream[begin + 1:start + w + 1][None, :]
        n = y.shape[1]
        x, keep = x[:, :n], start - begin
        logits = forward(params, ARCH, x)
        z = logits - np.max(logits, axis=-1, keepdims=True)
        logp = z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))
        picked = logp[0, np.arange(n), y[0]][keep:]
        total, count = total - float(picked.sum()), count + len(picked)
    return total / count


def reference(params, context):
    """The reference forward pass for one context (float64 arithmetic on float32 weights)."""
    ids = np.array(context)[None, :]
    p64 = {k: v.astype(np.float64) for k, v in params.items()}
    trace = {}
    logits = forward(p64, ARCH, ids, trace)[0, -1]
    residuals = [r[0, -1] for r in trace["residual"]]
    return {
        "context": [int(t) for t in context],
        "logits": logits.tolist(),
        # The last row's weights over the window it reads (at most `window` positions).
        "attention": [a[0, :, -1, -ARCH["window"]:].tolist() for a in trace["attention"]],
        "residual_norms": [float(np.linalg.norm(r)) for r in residuals],
        "logit_lens": [int(np.argmax(unembed(p64, ARCH, r))) for r in residuals],
        "embedding": p64["token_embedding"][ids[0, -1]].tolist(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=TRAIN["steps"])
    parser.add_argument("--lr", type=float, default=TRAIN["lr"])
    parser.add_argument("--weight-decay", type=float, default=TRAIN["weight_decay"])
    parser.add_argument("--dropout", type=float, default=TRAIN["dropout"])
    parser.add_argument("--dry-run", action="store_true",
                        help="train and print the losses; write nothing")
    parser.add_argument("--from-weights", metavar="FILE",
                        help="skip training: write the manifest and vectors for this weight "
                             "file (one a run with the same settings wrote)")
    args = parser.parse_args()
    TRAIN["steps"], TRAIN["lr"] = args.steps, args.lr
    TRAIN["weight_decay"], TRAIN["dropout"] = args.weight_decay, args.dropout
    installed = importlib.metadata.version("autograd")
    if installed != AUTOGRAD_VERSION:
        raise SystemExit(f"train_tiny_gpt.py: autograd {installed} is installed, the pin is "
                         f"{AUTOGRAD_VERSION} (pip install -r scripts/requirements-train.txt)")
    text, n_lines, vocab, train_stream, held_stream = load_corpus()
    ARCH["vocab_size"] = len(vocab)
    t0 = time.time()
    if args.from_weights:
        params, seconds = read_weights(args.from_weights, ARCH), None
    else:
        params = train(train_stream, held_stream)
        seconds = round(time.time() - t0, 1)
    weights = DATA / "tiny-gpt.bin"
    if args.dry_run:
        weights = pathlib.Path(f"/tmp/tiny-gpt-dry-{os.getpid()}.bin")
        print(f"weights: {weights}")
    write_weights(weights, params, ARCH)
    params = read_weights(weights, ARCH)  # evaluate what ships: float32
    p64 = {k: v.astype(np.float64) for k, v in params.items()}
    alpha = min(BIGRAM_ALPHAS, key=lambda a: bigram_loss(train_stream, held_stream, len(vocab), a))
    losses = {
        "units": "mean next-token negative log-likelihood, nats",
        "transformer": {"train": mean_nll(p64, train_stream), "heldout": mean_nll(p64, held_stream),
                        "heldout_streaming": streaming_nll(p64, held_stream),
                        "note": "train, heldout: consecutive 32-token windows, each from "
                                "scratch; heldout_streaming: every target with up to 31 "
                                "predecessors, as a long run reads it"},
        "bigram": {"train": bigram_loss(train_stream, train_stream, len(vocab), alpha),
                   "heldout": bigram_loss(train_stream, held_stream, len(vocab), alpha),
                   "smoothing_alpha": alpha,
                   "note": "log-count logits, add-alpha; alpha is the grid value best on held-out"},
    }
    manifest = {
        "format": "tiny-gpt-v2",
        "weights": "tiny-gpt.bin",
        "architecture": ARCH,
        "tensors": [{"name": n, "shape": list(s)} for n, s in tensor_shapes(ARCH)],
        "vocabulary": vocab,
        "corpus": {"file": "corpus.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
                   "sentences": n_lines, "heldout_fraction": HELDOUT_FRACTION,
                   "train_tokens": len(train_stream), "heldout_tokens": len(held_stream)},
        "training": dict(TRAIN, seed=SEED, seconds=seconds,
                         autograd=AUTOGRAD_VERSION, numpy=np.__version__),
        "loss": losses,
    }
    if args.dry_run:
        print(json.dumps(losses, indent=1))
        print(f"trained {TRAIN['steps']} steps in {seconds} s (dry run: nothing written)")
        return
    (DATA / "tiny-gpt.json").write_text(json.dumps(manifest, indent=1) + "\n")
    contexts = [[vocab.index(w) for w in s.split()] for s in [
        "the", "the robots picked up the cats and then put",
        "the lecturer counted to five : one , two",
        ". when the gpu heats up , the",
    ]]
    # Longer than the window (it has slid by 13 and by 68 positions) and, the second, than
    # the 63-token receptive field of two layers.
    contexts.append([int(t) for t in held_stream[:45]])
    contexts.append([int(t) for t in held_stream[100:200]])
    vectors = {"tolerance": 1e-4, "vectors": [reference(params, c) for c in contexts]}
    VECTORS.parent.mkdir(parents=True, exist_ok=True)
    VECTORS.write_text(json.dumps(vectors) + "\n")
    print(json.dumps(losses, indent=1))
    print(f"trained {TRAIN['steps']} steps in {seconds} s")


if __name__ == "__main__":
    main()
