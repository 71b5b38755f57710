"""The tiny GPT's forward pass and weight file format, shared by training, test vectors and
the benchmark. Written against `autograd.numpy` so training differentiates the very code
the reference forward pass runs (on plain arrays it behaves exactly like numpy).

Weight file (Assets/data/tiny-gpt.bin), all little-endian:
  bytes 0..3    magic b"TGPT"
  bytes 4..7    uint32 format version (1)
  bytes 8..11   uint32 number of tensors
  bytes 12..15  uint32 total number of float32 values that follow
  then every tensor of `tensor_shapes(arch)` in that order, float32, row-major (C order).
Matrices are stored [in, out]: a row vector x maps to x @ W.
"""

import struct

import autograd.numpy as np

MAGIC = b"TGPT"
VERSION = 1
HEADER = struct.Struct("<4sIII")


def tensor_shapes(arch):
    """(name, shape) of every tensor in file order, derived from the architecture."""
    v, d, c, m = arch["vocab_size"], arch["d_model"], arch["context"], arch["d_mlp"]
    shapes = [("wte", (v, d)), ("wpe", (c, d))]
    for i in range(arch["layers"]):
        p = f"h{i}."
        shapes += [
            (p + "ln1.g", (d,)), (p + "ln1.b", (d,)),
            (p + "attn.wqkv", (d, 3 * d)), (p + "attn.bqkv", (3 * d,)),
            (p + "attn.wo", (d, d)), (p + "attn.bo", (d,)),
            (p + "ln2.g", (d,)), (p + "ln2.b", (d,)),
            (p + "mlp.w1", (d, m)), (p + "mlp.b1", (m,)),
            (p + "mlp.w2", (m, d)), (p + "mlp.b2", (d,)),
        ]
    return shapes + [("lnf.g", (d,)), ("lnf.b", (d,)), ("wu", (d, v))]


def layer_norm(x, g, b, eps):
    mu = np.mean(x, axis=-1, keepdims=True)
    var = np.mean((x - mu) ** 2, axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def gelu(x):
    """GPT-2's tanh approximation."""
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def forward(params, arch, ids, trace=None):
    """Logits [batch, time, vocab] for token ids [batch, time] (time <= context).

    With `trace` (a dict), also records per layer the attention [batch, head, time, time]
    and the residual stream after the layer [batch, time, d_model]."""
    n_b, n_t = ids.shape
    d, n_h, eps = arch["d_model"], arch["heads"], arch["layer_norm_eps"]
    hd = d // n_h
    x = params["wte"][ids] + params["wpe"][:n_t]
    causal = np.tril(np.ones((n_t, n_t), dtype=bool))
    for i in range(arch["layers"]):
        p = lambda name: params[f"h{i}.{name}"]
        h = layer_norm(x, p("ln1.g"), p("ln1.b"), eps)
        qkv = np.dot(h, p("attn.wqkv")) + p("attn.bqkv")
        heads = lambda k: np.transpose(
            np.reshape(qkv[:, :, k * d:(k + 1) * d], (n_b, n_t, n_h, hd)), (0, 2, 1, 3))
        q, k, v = heads(0), heads(1), heads(2)
        scores = np.matmul(q, np.transpose(k, (0, 1, 3, 2))) / np.sqrt(hd)
        att = softmax(np.where(causal, scores, -1e30))
        mixed = np.reshape(np.transpose(np.matmul(att, v), (0, 2, 1, 3)), (n_b, n_t, d))
        x = x + np.dot(mixed, p("attn.wo")) + p("attn.bo")
        h = layer_norm(x, p("ln2.g"), p("ln2.b"), eps)
        x = x + np.dot(gelu(np.dot(h, p("mlp.w1")) + p("mlp.b1")), p("mlp.w2")) + p("mlp.b2")
        if trace is not None:
            trace.setdefault("attention", []).append(att)
            trace.setdefault("residual", []).append(x)
    return unembed(params, arch, x)


def unembed(params, arch, x):
    """Final LayerNorm, then the unembedding: residual stream -> logits."""
    h = layer_norm(x, params["lnf.g"], params["lnf.b"], arch["layer_norm_eps"])
    return np.dot(h, params["wu"])


def write_weights(path, params, arch):
    shapes = tensor_shapes(arch)
    total = sum(int(np.prod(s)) for _, s in shapes)
    with open(path, "wb") as f:
        f.write(HEADER.pack(MAGIC, VERSION, len(shapes), total))
        for name, shape in shapes:
            a = params[name]
            assert a.shape == shape, (name, a.shape, shape)
            f.write(np.asarray(a, dtype="<f4").tobytes(order="C"))


def read_weights(path, arch):
    """Reads a weight file back as float32 arrays (the exact numbers the app loads)."""
    import numpy
    data = open(path, "rb").read()
    magic, version, count, total = HEADER.unpack_from(data)
    shapes = tensor_shapes(arch)
    assert magic == MAGIC and version == VERSION and count == len(shapes)
    flat = numpy.frombuffer(data, dtype="<f4", offset=HEADER.size)
    assert flat.size == total
    params, at = {}, 0
    for name, shape in shapes:
        n = int(numpy.prod(shape))
        params[name] = flat[at:at + n].reshape(shape).astype(numpy.float32)
        at += n
    return params
