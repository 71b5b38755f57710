"""A fair numpy forward pass of the tiny GPT for one sequence, for the benchmark.

`tiny_gpt_model.forward` is written for training: batched 3-D arrays through autograd, where
`np.dot` on 3-D arrays skips BLAS and `x ** 3` is a slow power. This module does the same
arithmetic the way a numpy programmer would for inference: 2-D matrix products (BLAS),
`x * x * x`, float32 throughout, and an optional key/value cache so that extending the
context by one token costs one row of work, as the Swift model does.
"""

import numpy as np

GELU_C = np.float32(0.7978845608028654)


def layer_norm(x, g, b, eps):
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=-1, keepdims=True)
    return xc / np.sqrt(var + eps) * g + b


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(GELU_C * (x + np.float32(0.044715) * (x * x * x))))


class NumpyTinyGPT:
    """float32 weights from `tiny_gpt_model.read_weights`; arch from the manifest."""

    def __init__(self, params, arch):
        self.p, self.arch = params, arch
        self.d, self.h = arch["d_model"], arch["heads"]
        self.hd = self.d // self.h
        self.eps = np.float32(arch["layer_norm_eps"])
        self.scale = np.float32(1 / np.sqrt(self.hd))
        c = arch["context"]
        self.keys = [np.zeros((c, self.d), np.float32) for _ in range(arch["layers"])]
        self.values = [np.zeros((c, self.d), np.float32) for _ in range(arch["layers"])]
        self.length = 0

    def _layer(self, i, x, start):
        """Runs rows x [n, d] at positions start..start+n-1 through layer i, caching their
        keys and values; attention reads the cache up to each row's own position."""
        p = lambda name: self.p[f"h{i}.{name}"]
        d, n = self.d, x.shape[0]
        qkv = layer_norm(x, p("ln1.g"), p("ln1.b"), self.eps) @ p("attn.wqkv") + p("attn.bqkv")
        end = start + n
        self.keys[i][start:end] = qkv[:, d:2 * d]
        self.values[i][start:end] = qkv[:, 2 * d:]
        keys, values = self.keys[i][:end], self.values[i][:end]
        mixed = np.empty((n, d), np.float32)
        causal = np.arange(end)[None, :] > (start + np.arange(n))[:, None]
        attention = []
        for head in range(self.h):
            s = slice(head * self.hd, (head + 1) * self.hd)
            scores = (qkv[:, s] @ keys[:, s].T) * self.scale
            scores[causal] = -np.inf
            e = np.exp(scores - scores.max(axis=1, keepdims=True))
            w = e / e.sum(axis=1, keepdims=True)
            mixed[:, s] = w @ values[:, s]
            attention.append(w[-1])
        x = x + mixed @ p("attn.wo") + p("attn.bo")
        hidden = gelu(layer_norm(x, p("ln2.g"), p("ln2.b"), self.eps) @ p("mlp.w1") + p("mlp.b1"))
        return x + hidden @ p("mlp.w2") + p("mlp.b2"), attention

    def _run(self, ids, start):
        x = self.p["wte"][ids] + self.p["wpe"][start:start + len(ids)]
        attention = []
        for i in range(self.arch["layers"]):
            x, heads = self._layer(i, x, start)
            attention.append(heads)
        last = layer_norm(x[-1], self.p["lnf.g"], self.p["lnf.b"], self.eps)
        return last @ self.p["wu"], attention

    def window(self, ids):
        """Logits and last-row attention for a whole window, recomputed from position 0."""
        ids = np.asarray(ids)[-self.arch["context"]:]
        out = self._run(ids, 0)
        self.length = len(ids)
        return out

    def extend(self, token):
        """Logits after appending one token to the cached context (which must not be full)."""
        out = self._run(np.array([token]), self.length)
        self.length += 1
        return out
