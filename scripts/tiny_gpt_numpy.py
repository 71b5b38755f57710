"""A fair numpy forward pass of the tiny model for one sequence, for the benchmark.

`tiny_gpt_model.forward` is written for training: batched arrays through autograd, float64.
This module does the same arithmetic the way a numpy programmer would for inference: 2-D
matrix products (BLAS), float32 throughout, and the same ring-buffer key/value cache as the
Swift model, so that extending the stream by one token costs one row of work however long
the run has been.
"""

import numpy as np


def rms_norm(x, g, eps):
    return x / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps) * g


def silu(x):
    return x / (np.float32(1) + np.exp(-x))


class NumpyTinyGPT:
    """float32 weights from `tiny_gpt_model.read_weights`; arch from the manifest."""

    def __init__(self, params, arch):
        self.arch = arch
        self.d, self.h, self.w = arch["d_model"], arch["heads"], arch["window"]
        self.hd = self.d // self.h
        self.eps = np.float32(arch["norm_eps"])
        self.scale = np.float32(1 / np.sqrt(self.hd))
        t = lambda name: [np.ascontiguousarray(m.T) for m in params[name]]
        self.wq, self.wk, self.wv, self.wo = t("wq"), t("wk"), t("wv"), t("wo")
        self.w1, self.w2, self.w3 = t("w1"), t("w2"), t("w3")
        self.rms_att, self.rms_ffn = params["rms_att"], params["rms_ffn"]
        self.embedding, self.rms_final = params["token_embedding"], params["rms_final"]
        self.classifier = np.ascontiguousarray(params["wcls"].T)
        self.freq = 1.0 / arch["rope_theta"] ** (np.arange(0, self.hd, 2) / self.hd)
        n_l = arch["layers"]
        self.keys = [np.zeros((self.w, self.d), np.float32) for _ in range(n_l)]
        self.values = [np.zeros((self.w, self.d), np.float32) for _ in range(n_l)]
        self.length = 0

    def _rotate(self, x, positions):
        """Rotary embedding on interleaved pairs of every head of x [n, d]."""
        angles = positions[:, None] * self.freq[None, :]  # float64, as the Swift pass
        cos = np.tile(np.cos(angles).astype(np.float32), self.h)
        sin = np.tile(np.sin(angles).astype(np.float32), self.h)
        a, b = x[:, 0::2], x[:, 1::2]
        out = np.empty_like(x)
        out[:, 0::2] = a * cos - b * sin
        out[:, 1::2] = a * sin + b * cos
        return out

    def _mlp(self, i, x):
        h = rms_norm(x, self.rms_ffn[i], self.eps)
        return x + (silu(h @ self.w1[i]) * (h @ self.w3[i])) @ self.w2[i]

    def _logits(self, last):
        return rms_norm(last, self.rms_final, self.eps) @ self.classifier

    def window(self, ids):
        """Logits and last-row attention (over the positions it reads) for a whole context
        from scratch, every row at once under the band mask."""
        ids = np.asarray(ids)
        n = len(ids)
        positions = np.arange(n, dtype=np.float64)
        i, j = np.arange(n)[:, None], np.arange(n)[None, :]
        blocked = (j > i) | (i - j >= self.w)
        x = self.embedding[ids]
        attention = []
        for layer in range(self.arch["layers"]):
            h = rms_norm(x, self.rms_att[layer], self.eps)
            q = self._rotate(h @ self.wq[layer], positions)
            k = self._rotate(h @ self.wk[layer], positions)
            v = h @ self.wv[layer]
            mixed = np.empty_like(x)
            heads = []
            for head in range(self.h):
                s = slice(head * self.hd, (head + 1) * self.hd)
                scores = (q[:, s] @ k[:, s].T) * self.scale
                scores[blocked] = -np.inf
                e = np.exp(scores - scores.max(axis=1, keepdims=True))
                weights = e / e.sum(axis=1, keepdims=True)
                mixed[:, s] = weights @ v[:, s]
                heads.append(weights[-1, max(0, n - self.w):])
            x = self._mlp(layer, x + mixed @ self.wo[layer])
            attention.append(heads)
        return self._logits(x[-1]), attention

    def extend(self, token):
        """Logits after appending one token to the stream: its keys and values overwrite the
        oldest row of the ring buffer once it is full."""
        pos = self.length
        slot, n = pos % self.w, min(pos + 1, self.w)
        position = np.array([pos], dtype=np.float64)
        x = self.embedding[token][None, :]
        for layer in range(self.arch["layers"]):
            h = rms_norm(x, self.rms_att[layer], self.eps)
            q = self._rotate(h @ self.wq[layer], position)[0]
            self.keys[layer][slot] = self._rotate(h @ self.wk[layer], position)[0]
            self.values[layer][slot] = (h @ self.wv[layer])[0]
            keys, values = self.keys[layer][:n], self.values[layer][:n]
            mixed = np.empty(self.d, np.float32)
            for head in range(self.h):
                s = slice(head * self.hd, (head + 1) * self.hd)
                scores = (keys[:, s] @ q[s]) * self.scale
                e = np.exp(scores - scores.max())
                mixed[s] = (e / e.sum()) @ values[:, s]
            x = self._mlp(layer, x + mixed @ self.wo[layer])
        self.length += 1
        return self._logits(x[0])
