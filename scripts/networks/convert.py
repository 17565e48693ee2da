#!/usr/bin/env python3
"""Make the networks shipped in `networks/` from Debian packages, with their provenance.

Not needed to run nnmotifs or its tests; kept so that every shipped file can be remade and checked.

    apt-get download r-cran-igraph python3-graph-tool      # Debian 12 (bookworm)
    for d in *.deb; do dpkg-deb -x "$d" x; done
    apt-get install python3-igraph                          # the independent count (Debian's igraph 0.10)
    /usr/bin/python3 scripts/networks/convert.py x networks # Debian's python3, which sees python3-igraph

What it does, per network:
  * reads the source file (igraph's GML test file, or graph-tool's binary `.gt.gz` collection file,
    whose format is read here directly: magic, version, endianness, comment, directed flag, N, then
    each vertex's out-neighbours with the smallest unsigned index type that holds N);
  * derives the shipped graph: self-loops dropped, parallel arcs merged, nodes renumbered 0..n-1 in
    the order of their source ids (C. elegans: Milo et al. 2002 keep the synapses of weight >= 5);
  * writes `networks/<name>.txt` (or `.txt.gz` for large ones) as a FANMOD edge list `src trg`;
  * records sha256 of source and shipped file, nodes, arcs, and the number of weakly connected
    k-subgraphs at k = 3 and 4 counted by igraph's `motifs_randesu_no` (an implementation independent
    of nnmotifs), into `networks/networks.json`.
"""
import gzip, hashlib, json, math, os, re, struct, sys

PKG_IGRAPH = "r-cran-igraph 1.3.5-3 (Debian 12)"
PKG_GT = "python3-graph-tool 2.45+ds-10 (Debian 12)"
GML = "usr/share/doc/r-cran-igraph/tests/testthat/celegansneural.gml.gz"
GT = "usr/lib/python3/dist-packages/graph_tool/collection/{}.gt.gz"

NETWORKS = [
    dict(name="celegans", source=("gml", GML), min_weight=5, package=PKG_IGRAPH,
         licence="Package GPL-2+; data compiled by Watts & Strogatz (1998) from White et al. (1986), "
                 "redistributed from M. E. J. Newman's network data page with no separate licence",
         citation="D. J. Watts and S. H. Strogatz, Nature 393, 440-442 (1998); as used by "
                  "R. Milo et al., Science 298, 824-827 (2002)",
         description="C. elegans neuronal network, synapses of weight >= 5 (Milo et al. 2002)"),
    dict(name="celegans-all", source=("gml", GML), min_weight=1, package=PKG_IGRAPH,
         licence="as celegans", citation="D. J. Watts and S. H. Strogatz, Nature 393, 440-442 (1998)",
         description="C. elegans neuronal network, every synapse (parallel arcs merged)"),
    dict(name="serengeti-foodweb", source=("gt", "serengeti-foodweb"), package=PKG_GT,
         licence="Package LGPL-3+/GPL-3+; data of the cited publication (PLoS, CC BY 4.0)",
         citation="E. B. Baskerville et al., PLoS Comput Biol 7(12): e1002321 (2011)",
         description="Plant and mammal food web of the Serengeti (who eats whom)"),
    dict(name="polblogs", source=("gt", "polblogs"), package=PKG_GT,
         licence="Package LGPL-3+/GPL-3+; data of Adamic & Glance via M. E. J. Newman's network data page",
         citation="L. A. Adamic and N. Glance, WWW-2005 Workshop on the Weblogging Ecosystem (2005)",
         description="Hyperlinks between US political weblogs, 2005"),
    dict(name="pgp", source=("gt", "pgp-strong-2009"), package=PKG_GT, gzip=True, skip_k4=False,
         licence="Package LGPL-3+/GPL-3+; data of the cited publication (PLoS, CC BY 4.0)",
         citation="O. Richters and T. P. Peixoto, PLoS ONE 6(4): e18384 (2011)",
         description="PGP web of trust, strongly connected component, November 2009"),
]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_gml_celegans(path, min_weight):
    text = gzip.open(path, "rt").read()
    arcs = re.findall(r"edge\s*\[\s*source (\d+)\s*target (\d+)\s*value (\d+)\s*\]", text)
    assert len(arcs) == text.count("edge\n"), "unexpected GML layout"
    return [(int(a), int(b)) for a, b, w in arcs if int(w) >= min_weight], True


def read_gt(path):
    b = gzip.open(path, "rb").read()
    assert b[:6] == b"\xe2\x9b\xbe gt", "not a graph-tool file"
    e = ">" if b[7] else "<"
    p = 8
    (clen,) = struct.unpack_from(e + "Q", b, p)
    p += 8 + clen
    directed = bool(b[p])
    p += 1
    (n,) = struct.unpack_from(e + "Q", b, p)
    p += 8
    fmt, size = ("B", 1) if n < 2**8 else ("H", 2) if n < 2**16 else ("I", 4) if n < 2**32 else ("Q", 8)
    arcs = []
    for v in range(n):
        (k,) = struct.unpack_from(e + "Q", b, p)
        p += 8
        for u in struct.unpack_from(e + fmt * k, b, p):
            arcs.append((v, u))
        p += size * k
    return arcs, directed


def main(src_root, out_dir):
    import igraph

    records = []
    for net in NETWORKS:
        kind, ref = net["source"]
        src = os.path.join(src_root, ref if kind == "gml" else GT.format(ref))
        raw, directed = (read_gml_celegans(src, net["min_weight"]) if kind == "gml" else read_gt(src))
        arcs = sorted(set((a, b) for a, b in raw if a != b))
        nodes = sorted(set(x for arc in arcs for x in arc))
        index = {v: i for i, v in enumerate(nodes)}
        lines = "".join(f"{index[a]} {index[b]}\n" for a, b in arcs)
        file = net["name"] + (".txt.gz" if net.get("gzip") else ".txt")
        path = os.path.join(out_dir, file)
        if net.get("gzip"):
            with gzip.GzipFile(path, "wb", mtime=0) as f:
                f.write(lines.encode())
        else:
            with open(path, "w") as f:
                f.write(lines)
        g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in arcs], directed=directed)
        totals = {}
        for k in (3, 4):
            totals[f"k{k}"] = int(g.motifs_randesu_no(size=k))
            print(net["name"], k, totals[f"k{k}"], flush=True)
        records.append(dict(
            name=net["name"], file=file, description=net["description"], directed=directed,
            nodes=len(nodes), arcs=len(arcs),
            source=dict(package=net["package"], path="/" + (ref if kind == "gml" else GT.format(ref)),
                        sha256=sha256(src)),
            derivation=("arcs of weight >= %d; " % net["min_weight"] if kind == "gml" else "")
            + f"self-loops dropped ({sum(1 for a, b in raw if a == b)}), parallel arcs merged "
            + f"({len(raw) - len(set(raw))}), nodes renumbered 0..n-1 in source-id order",
            licence=net["licence"], citation=net["citation"], sha256=sha256(path),
            subgraphs=dict(counter="igraph %s motifs_randesu_no" % igraph.__version__, **totals),
        ))
    with open(os.path.join(out_dir, "networks.json"), "w") as f:
        json.dump(dict(format="nnmotifs-networks", version=1, networks=records), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
