"""The tiny model's forward pass and weight file format, shared by training, test vectors and
the benchmark. Written against `autograd.numpy` so training differentiates the very code
the reference forward pass runs (on plain arrays it behaves exactly like numpy).

The shape is Llama's: RMSNorm, rotary positions on interleaved pairs (base 10,000), a SwiGLU
MLP, no biases, a final RMSNorm and an unshared classifier. Attention is causal and limited to
a sliding window of `arch["window"]` positions: each token attends to itself and the
previous window - 1 tokens. Rotary positions make a score depend only on how far apart two
tokens are, so a model run with a ring-buffer key/value cache of `window` rows computes
exactly this forward pass over a stream of any length: nothing is ever recomputed.

Weight file (Assets/data/tiny-gpt.bin): a legacy (version 0) llama2.c checkpoint, the format
llama2.c's run.c reads, so the app runs it through the same loader and forward pass as a real
Llama. All little-endian: seven int32 (dim, hidden_dim, n_layers, n_heads, n_kv_heads,
-vocab_size (negative: the classifier is not the embedding), seq_len = window), then float32
tensors in `tensor_shapes` order, matrices [out, in] (PyTorch's Linear layout: W @ x), the
layers stacked. The two freq_cis tables run.c's format carries are written (cos and sin of
the angles for positions 0..window-1) though no reader needs them.
"""

import struct

import autograd.numpy as np

HEADER = struct.Struct("<7i")


def tensor_shapes(arch):
    """(name, shape) of every tensor in file order, derived from the architecture."""
    v, d, m, n_l = arch["vocab_size"], arch["d_model"], arch["d_mlp"], arch["layers"]
    hd = d // arch["heads"]
    return [
        ("token_embedding", (v, d)), ("rms_att", (n_l, d)),
        ("wq", (n_l, d, d)), ("wk", (n_l, d, d)), ("wv", (n_l, d, d)), ("wo", (n_l, d, d)),
        ("rms_ffn", (n_l, d)), ("w1", (n_l, m, d)), ("w2", (n_l, d, m)), ("w3", (n_l, m, d)),
        ("rms_final", (d,)),
        ("freq_cis_real", (arch["window"], hd // 2)), ("freq_cis_imag", (arch["window"], hd // 2)),
        ("wcls", (v, d)),
    ]


TRAINED = ["token_embedding", "rms_att", "wq", "wk", "wv", "wo", "rms_ffn", "w1", "w2", "w3",
           "rms_final", "wcls"]


def rms_norm(x, g, eps):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * g


def silu(x):
    return x / (1.0 + np.exp(-x))


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def rotation(arch, n_t, start=0):
    """cos and sin [time, 1, head_size/2] of position * 10000^(-2i/head_size)."""
    import numpy
    hd = arch["d_model"] // arch["heads"]
    freq = 1.0 / arch["rope_theta"] ** (numpy.arange(0, hd, 2) / hd)
    angles = numpy.arange(start, start + n_t)[:, None] * freq[None, :]
    return numpy.cos(angles)[:, None, :], numpy.sin(angles)[:, None, :]


def rotate(x, cos, sin):
    """Rotary embedding on interleaved pairs (x[2i], x[2i+1]) of x [batch, time, head, hd]."""
    n_b, n_t, n_h, hd = x.shape
    pairs = np.reshape(x, (n_b, n_t, n_h, hd // 2, 2))
    a, b = pairs[..., 0], pairs[..., 1]
    return np.reshape(np.stack([a * cos - b * sin, a * sin + b * cos], axis=-1), x.shape)


def band_mask(n_t, window):
    """True where query i may read key j: j <= i and i - j < window."""
    import numpy
    i, j = numpy.arange(n_t)[:, None], numpy.arange(n_t)[None, :]
    return (j <= i) & (i - j < window)


def forward(params, arch, ids, trace=None, dropout=None):
    """Logits [batch, time, vocab] for token ids [batch, time] at positions 0..time-1 (any
    length: attention reads at most the last `window` positions).

    With `trace` (a dict), also records per layer the attention [batch, head, time, time]
    and the residual stream after the layer [batch, time, d_model]. With `dropout` (rate, a
    numpy Generator), training only: each sublayer's output is dropped at that rate."""
    def drop(a):
        if dropout is None:
            return a
        rate, rng = dropout
        return a * ((rng.random(a.shape) >= rate) / (1.0 - rate))

    n_b, n_t = ids.shape
    d, n_h, eps = arch["d_model"], arch["heads"], arch["norm_eps"]
    hd = d // n_h
    cos, sin = rotation(arch, n_t)
    allowed = band_mask(n_t, arch["window"])
    x = np.reshape(params["token_embedding"][ids], (n_b * n_t, d))
    for i in range(arch["layers"]):
        w = lambda name: params[name][i]
        h = rms_norm(x, w("rms_att"), eps)
        split = lambda m: np.reshape(np.dot(h, w(m).T), (n_b, n_t, n_h, hd))
        q = np.transpose(rotate(split("wq"), cos, sin), (0, 2, 1, 3))
        k = np.transpose(rotate(split("wk"), cos, sin), (0, 2, 1, 3))
        v = np.transpose(split("wv"), (0, 2, 1, 3))
        scores = np.matmul(q, np.transpose(k, (0, 1, 3, 2))) / np.sqrt(hd)
        att = softmax(np.where(allowed, scores, -1e30))
        mixed = np.reshape(np.transpose(np.matmul(att, v), (0, 2, 1, 3)), (n_b * n_t, d))
        x = x + drop(np.dot(mixed, w("wo").T))
        h = rms_norm(x, w("rms_ffn"), eps)
        x = x + drop(np.dot(silu(np.dot(h, w("w1").T)) * np.dot(h, w("w3").T), w("w2").T))
        if trace is not None:
            trace.setdefault("attention", []).append(att)
            trace.setdefault("residual", []).append(np.reshape(x, (n_b, n_t, d)))
    return np.reshape(unembed(params, arch, x), (n_b, n_t, arch["vocab_size"]))


def unembed(params, arch, x):
    """Final RMSNorm, then the classifier: residual stream -> logits."""
    return np.dot(rms_norm(x, params["rms_final"], arch["norm_eps"]), params["wcls"].T)


def write_weights(path, params, arch):
    import numpy
    cos, sin = rotation(arch, arch["window"])
    tables = {"freq_cis_real": cos[:, 0, :], "freq_cis_imag": sin[:, 0, :]}
    header = HEADER.pack(arch["d_model"], arch["d_mlp"], arch["layers"], arch["heads"],
                         arch["heads"], -arch["vocab_size"], arch["window"])
    with open(path, "wb") as f:
        f.write(header)
        for name, shape in tensor_shapes(arch):
            a = tables[name] if name in tables else params[name]
            assert a.shape == shape, (name, a.shape, shape)
            f.write(numpy.asarray(a, dtype="<f4").tobytes(order="C"))


def read_weights(path, arch):
    """Reads a weight file back as float32 arrays (the exact numbers the app loads)."""
    import numpy
    data = open(path, "rb").read()
    header = HEADER.unpack_from(data)
    assert header == (arch["d_model"], arch["d_mlp"], arch["layers"], arch["heads"],
                      arch["heads"], -arch["vocab_size"], arch["window"]), header
    flat = numpy.frombuffer(data, dtype="<f4", offset=HEADER.size)
    params, at = {}, 0
    for name, shape in tensor_shapes(arch):
        n = int(numpy.prod(shape))
        params[name] = flat[at:at + n].reshape(shape).astype(numpy.float32)
        at += n
    assert at == flat.size
    return params
