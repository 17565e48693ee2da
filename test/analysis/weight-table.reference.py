# Generates weight-table.reference.json: the authors' weight table (Zambra et al. 2020, their
# srcs/utils/train.py `weights_kdes` and srcs/utils/preprocess.py `t_test`) for the anchor's
# seed180112 normal models, computed with numpy/scipy as they did:
#   mean |w| = np.mean(np.abs(w)), sd = w.std() (population), p = ttest_ind(w_init, w, equal_var=False)
# on the signed weights, for all kernel weights and for the weights of the edges kept in the graph.
#
# h5py is not installed here, so the kernels come from a JSON dump that the golden test writes
# (test/analysis/weight-table.test.ts, from readKerasH5 of the .h5 files). The kept edges are NOT
# taken from nnmotifs: they are read from the authors' own published graph files (*_w_Graph.txt,
# "src trg colour" per kept edge, nodes numbered layer by layer from the inputs).
#
#   npx vitest run test/analysis/weight-table.test.ts   # writes the dump (see DUMP below)
#   python3 test/analysis/weight-table.reference.py [DUMP] [ANCHOR_RUN] > test/analysis/weight-table.reference.json
import json, os, sys, tempfile
import numpy as np
import scipy
from scipy.stats import ttest_ind

DUMP = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "nnmotifs-weight-table.kernels.json")
ANCHOR_RUN = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "anchor", "zambra2020", "seed180112-normal")

dump = json.load(open(DUMP))
nets = []
for d in dump["networks"]:
    sizes = d["layerSizes"]
    # float32 values as the .h5 holds them; statistics in float64 (differences from float32
    # arithmetic are ~1e-8, below the 6 decimals the authors printed).
    kernels = [np.array(k, dtype=np.float32).reshape(sizes[l], sizes[l + 1]) for l, k in enumerate(d["kernels"])]
    weights = np.concatenate([k.ravel() for k in kernels]).astype(np.float64)
    kept_pairs = set()
    with open(os.path.join(ANCHOR_RUN, d["graphFile"])) as f:
        for line in f:
            if line.strip():
                s, t, _c = map(int, line.split())
                kept_pairs.add((s, t))
    mask = []
    offset = 0
    for l in range(len(sizes) - 1):
        for i in range(sizes[l]):
            for j in range(sizes[l + 1]):
                mask.append((offset + i, offset + sizes[l] + j) in kept_pairs)
        offset += sizes[l]
    mask = np.array(mask)
    assert mask.sum() == len(kept_pairs), "every published edge must be a kernel weight"
    nets.append(dict(network=d["network"], all=weights, kept=weights[mask]))

rows = []
for which in ["all", "kept"]:
    w0 = nets[0][which]
    for k, net in enumerate(nets):
        w = net[which]
        p = None if k == 0 else float(ttest_ind(w0, w, equal_var=False).pvalue)
        rows.append(dict(network=net["network"], weights=which, n=int(w.size),
                         meanAbs=float(np.mean(np.abs(w))), sd=float(w.std()), p=p))
json.dump({"generator": "numpy " + np.__version__ + ", scipy " + scipy.__version__,
           "models": "seed180112-normal model_{init,tree,clus}.h5, paper binning c = 0.55",
           "rows": rows}, sys.stdout, indent=2)
sys.stdout.write("\n")
