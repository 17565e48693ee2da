# Generates paper-binning.reference.json (numpy/scipy values the TypeScript float32 arithmetic must
# reproduce): python3 test/graph/paper-binning.reference.py > test/graph/paper-binning.reference.json
import json, sys
import numpy as np
from scipy.stats import norm
def weights(n, seed, scale):
    s = seed & 0xFFFFFFFF
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        acc = 0.0
        for _ in range(4):
            s = (1664525 * s + 1013904223) & 0xFFFFFFFF
            acc += s / 2**32
        out[i] = (acc - 2.0) * scale
    return out.astype(np.float32)
def edges_np1(w, c):
    w = np.sort(w)
    mu, sd = norm.fit(w)
    f = norm.pdf(w, mu, sd)
    T = c * f.max()
    rec = [w[i] for i in range(1, len(w)) if (f[i-1] < T <= f[i]) or (f[i-1] >= T > f[i])]
    a, b = float(rec[0]), float(rec[1])
    lo = 1.1 * float(w.min()); hi = 1.1 * float(w.max())
    return dict(mu=float(mu), sigma=float(sd), threshold=float(T), crossings=len(rec),
                binEdges=[lo, a + (lo - a) / 5, a, b, b + (hi - b) / 5, hi])
cases = []
for n, seed, scale, c in [(7, 1, 0.1, 0.55), (100, 2, 0.1, 0.55), (129, 3, 0.3, 0.55), (1000, 4, 0.05, 0.1),
                          (5850, 5, 0.1, 0.55), (20000, 6, 0.2, 0.3), (100000, 7, 0.1, 0.55)]:
    w = weights(n, seed, scale)
    d = dict(n=n, seed=seed, scale=scale, cutoff=c, sum=float(np.add.reduce(w)), mean=float(w.mean()))
    if n >= 100: d.update(edges_np1(w, c))
    cases.append(d)
json.dump({"generator": "numpy " + np.__version__ + ", scipy " + __import__("scipy").__version__, "cases": cases}, sys.stdout, indent=1)
