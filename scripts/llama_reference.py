#!/usr/bin/env python3
"""A numpy reference for llama2.c checkpoints, written from the architecture (not from the Swift).

float32 throughout, every matrix product a 2-D `@` (BLAS): the whole prompt at once for the
parity vectors, one position at a time with a key/value cache for generation and the benchmark.

    python3 scripts/llama_reference.py vectors CHECKPOINT TOKENIZER OUT.json
        writes Tests/JourneyCoreTests/Data/llama-vectors.json: for a few prompts (each with its
        greedy continuation) the token ids, and at several positions the logits and every
        layer's and head's attention weights. Derived numbers only, never the weights.
    python3 scripts/llama_reference.py greedy CHECKPOINT TOKENIZER N [PROMPT]
        prints what run.c prints for N greedy tokens after PROMPT.
"""
import json
import struct
import sys

import numpy as np

BOS = 1


class Checkpoint:
    def __init__(self, path):
        raw = np.fromfile(path, dtype=np.uint8)
        header = struct.unpack("<7i", raw[:28].tobytes())
        dim, hidden, layers, heads, kv_heads, vocab, ctx = header
        self.shared = vocab > 0
        vocab = abs(vocab)
        self.dim, self.hidden, self.layers, self.heads = dim, hidden, layers, heads
        self.kv_heads, self.vocab, self.ctx = kv_heads, vocab, ctx
        self.head_size = dim // heads
        kv_dim = kv_heads * self.head_size
        floats = raw[28:].view(np.float32)
        at = 0

        def take(*shape):
            nonlocal at
            n = int(np.prod(shape))
            out = floats[at:at + n].reshape(shape)
            at += n
            return out

        self.embedding = take(vocab, dim)
        self.rms_att = take(layers, dim)
        self.wq = take(layers, dim, dim)
        self.wk = take(layers, kv_dim, dim)
        self.wv = take(layers, kv_dim, dim)
        self.wo = take(layers, dim, dim)
        self.rms_ffn = take(layers, dim)
        self.w1 = take(layers, hidden, dim)
        self.w2 = take(layers, dim, hidden)
        self.w3 = take(layers, hidden, dim)
        self.rms_final = take(dim)
        take(ctx * self.head_size // 2)  # freq_cis_real, unused
        take(ctx * self.head_size // 2)  # freq_cis_imag, unused
        self.classifier = self.embedding if self.shared else take(vocab, dim)
        # Transposed copies so every product is activations @ matrix.
        self.wqT = [np.ascontiguousarray(w.T) for w in self.wq]
        self.wkT = [np.ascontiguousarray(w.T) for w in self.wk]
        self.wvT = [np.ascontiguousarray(w.T) for w in self.wv]
        self.woT = [np.ascontiguousarray(w.T) for w in self.wo]
        self.w1T = [np.ascontiguousarray(w.T) for w in self.w1]
        self.w2T = [np.ascontiguousarray(w.T) for w in self.w2]
        self.w3T = [np.ascontiguousarray(w.T) for w in self.w3]
        self.clsT = np.ascontiguousarray(self.classifier.T)
        # Rotation angles: position * 10000^(-2i/head_size), as float32.
        i = np.arange(0, self.head_size, 2, dtype=np.float32)
        freq = (np.float32(1.0) / np.power(np.float32(10000.0), i / np.float32(self.head_size))).astype(np.float32)
        angles = np.arange(ctx, dtype=np.float32)[:, None] * freq[None, :]
        self.cos = np.cos(angles).astype(np.float32)
        self.sin = np.sin(angles).astype(np.float32)


class Tokenizer:
    def __init__(self, path, vocab):
        data = open(path, "rb").read()
        at = 4
        self.pieces, self.scores = [], []
        for _ in range(vocab):
            score, n = struct.unpack("<fi", data[at:at + 8])
            at += 8
            self.pieces.append(data[at:at + n])
            self.scores.append(score)
            at += n
        self.ids = {}
        for i, p in enumerate(self.pieces):
            self.ids.setdefault(p, i)

    def encode(self, text):
        raw = text.encode("utf-8")
        tokens = [BOS]
        if raw:
            tokens.append(self.ids[b" "])
        i = 0
        while i < len(raw):
            j = i + 1
            while j < len(raw) and raw[j] & 0xC0 == 0x80 and j - i < 4:
                j += 1
            chunk = raw[i:j]
            if chunk in self.ids:
                tokens.append(self.ids[chunk])
            else:
                tokens.extend(b + 3 for b in chunk)
            i = j
        while True:
            best = (-1e10, -1, -1)
            for k in range(len(tokens) - 1):
                merged = self.ids.get(self.pieces[tokens[k]] + self.pieces[tokens[k + 1]])
                if merged is not None and self.scores[merged] > best[0]:
                    best = (self.scores[merged], merged, k)
            if best[2] < 0:
                return tokens
            tokens[best[2]:best[2] + 2] = [best[1]]

    def decode(self, previous, token):
        piece = self.pieces[token]
        if previous == BOS and piece.startswith(b" "):
            piece = piece[1:]
        if piece.startswith(b"<0x") and len(piece) == 6 and piece.endswith(b">"):
            piece = bytes([int(piece[3:5], 16)])
        piece = piece.split(b"\0")[0]
        if len(piece) == 1 and not (0x20 <= piece[0] <= 0x7E or 0x09 <= piece[0] <= 0x0D):
            return b""
        return piece


def rmsnorm(x, w):
    ss = np.mean(x * x, axis=-1, keepdims=True, dtype=np.float32) + np.float32(1e-5)
    return (w * (x / np.sqrt(ss))).astype(np.float32)


def rotate(x, cos, sin, head_size):
    """Rotates interleaved pairs of every head: x is (T, width), cos/sin are (T, head_size/2)."""
    t, width = x.shape
    pairs = x.reshape(t, width // head_size, head_size // 2, 2)
    c, s = cos[:, None, :], sin[:, None, :]
    x0, x1 = pairs[..., 0], pairs[..., 1]
    out = np.stack([x0 * c - x1 * s, x0 * s + x1 * c], axis=-1)
    return out.reshape(t, width).astype(np.float32)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


def silu(x):
    return x / (np.float32(1) + np.exp(-x))


def forward_all(m, tokens):
    """Logits (T, vocab) for every position and attention weights [layer] (heads, T, T)."""
    t = len(tokens)
    hs = m.head_size
    group = m.heads // m.kv_heads
    x = m.embedding[tokens].astype(np.float32)
    cos, sin = m.cos[:t], m.sin[:t]
    mask = np.triu(np.full((t, t), -np.inf, dtype=np.float32), 1)
    attention = []
    for l in range(m.layers):
        h = rmsnorm(x, m.rms_att[l])
        q = rotate(h @ m.wqT[l], cos, sin, hs)
        k = rotate(h @ m.wkT[l], cos, sin, hs)
        v = h @ m.wvT[l]
        mixed = np.empty_like(q)
        weights = np.empty((m.heads, t, t), dtype=np.float32)
        for head in range(m.heads):
            g = head // group
            qh = q[:, head * hs:(head + 1) * hs]
            kh = k[:, g * hs:(g + 1) * hs]
            vh = v[:, g * hs:(g + 1) * hs]
            a = softmax(qh @ kh.T / np.float32(np.sqrt(hs)) + mask)
            weights[head] = a
            mixed[:, head * hs:(head + 1) * hs] = a @ vh
        attention.append(weights)
        x = x + mixed @ m.woT[l]
        h = rmsnorm(x, m.rms_ffn[l])
        x = x + (silu(h @ m.w1T[l]) * (h @ m.w3T[l])) @ m.w2T[l]
    logits = rmsnorm(x, m.rms_final) @ m.clsT
    return logits, attention


class Stepper:
    """One position at a time with a key/value cache: what generation does."""

    def __init__(self, m):
        self.m = m
        kv_dim = m.kv_heads * m.head_size
        self.keys = np.zeros((m.layers, m.ctx, kv_dim), dtype=np.float32)
        self.values = np.zeros((m.layers, m.ctx, kv_dim), dtype=np.float32)

    def step(self, token, pos):
        m = self.m
        hs = m.head_size
        group = m.heads // m.kv_heads
        x = m.embedding[token:token + 1].astype(np.float32)
        cos, sin = m.cos[pos:pos + 1], m.sin[pos:pos + 1]
        scale = np.float32(1 / np.sqrt(hs))
        for l in range(m.layers):
            h = rmsnorm(x, m.rms_att[l])
            q = rotate(h @ m.wqT[l], cos, sin, hs)
            self.keys[l, pos] = rotate(h @ m.wkT[l], cos, sin, hs)[0]
            self.values[l, pos] = (h @ m.wvT[l])[0]
            keys = self.keys[l, :pos + 1].reshape(pos + 1, m.kv_heads, hs)
            values = self.values[l, :pos + 1].reshape(pos + 1, m.kv_heads, hs)
            qg = q.reshape(m.kv_heads, group, hs)
            # (kv_heads, group, hs) x (kv_heads, hs, T): a batch of small 2-D products.
            scores = np.matmul(qg, keys.transpose(1, 2, 0)) * scale
            a = softmax(scores)
            mixed = np.matmul(a, values.transpose(1, 0, 2)).reshape(1, m.dim)
            x = x + mixed @ m.woT[l]
            h = rmsnorm(x, m.rms_ffn[l])
            x = x + (silu(h @ m.w1T[l]) * (h @ m.w3T[l])) @ m.w2T[l]
        return (rmsnorm(x, m.rms_final) @ m.clsT)[0]


def greedy(m, tok, prompt, n):
    ids = tok.encode(prompt)
    stepper = Stepper(m)
    token, pos, made, out = ids[0], 0, 0, b""
    while made < n:
        logits = stepper.step(token, pos)
        if pos < len(ids) - 1:
            nxt = ids[pos + 1]
        else:
            nxt = int(np.argmax(logits))
            made += 1
        pos += 1
        if nxt == BOS:
            break
        out += tok.decode(token, nxt)
        token = nxt
    return out


def continuation(m, prompt_ids, n):
    """The prompt's ids followed by n greedy tokens (BOS allowed, the stream just goes on)."""
    stepper = Stepper(m)
    ids = list(prompt_ids)
    for pos in range(len(prompt_ids) - 1 + n):
        logits = stepper.step(ids[pos], pos)
        if pos + 1 >= len(ids):
            ids.append(int(np.argmax(logits)))
    return ids


def vectors(m, tok, out_path):
    cases = [
        ("", 120, [0, 1, 17, 40, 119]),
        ("Once upon a time", 60, [4, 30, 63]),
        ("Tom and Lily went to the park.", 24, [9, 31]),
        ("Zoë's café ☕ 🦄", 8, [9, 14]),
    ]
    # Attention rows grow with the position: kept where they are short enough to store.
    attention_up_to = 41
    out = {"tolerance": 1e-4, "cases": []}
    for prompt, extra, positions in cases:
        ids = continuation(m, tok.encode(prompt), extra)
        logits, attention = forward_all(m, ids)
        assert max(positions) < len(ids), (prompt, len(ids))
        out["cases"].append({
            "prompt": prompt,
            "tokens": ids,
            "positions": [{
                "position": p,
                "logits": [float(f"{v:.6g}") for v in logits[p]],
                "attention": [[[float(f"{w:.6g}") for w in attention[l][h, p, :p + 1]]
                               for h in range(m.heads)] for l in range(m.layers)]
                if p <= attention_up_to else None,
            } for p in positions],
        })
    with open(out_path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


def main(argv):
    if len(argv) >= 4 and argv[1] == "vectors":
        m = Checkpoint(argv[2])
        vectors(m, Tokenizer(argv[3], m.vocab), argv[4])
    elif len(argv) >= 5 and argv[1] == "greedy":
        m = Checkpoint(argv[2])
        text = greedy(m, Tokenizer(argv[3], m.vocab), argv[5] if len(argv) > 5 else "", int(argv[4]))
        sys.stdout.buffer.write(text + b"\n")
    else:
        print(__doc__)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
