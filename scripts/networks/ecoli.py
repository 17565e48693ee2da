#!/usr/bin/env python3
"""Make `networks/ecoli.txt`, the E. coli transcription network of Shen-Orr et al. (2002), and its
entry in `networks/networks.json` (inserted or replaced; the other entries are left as they are).

Not needed to run nnmotifs or its tests; kept so that the shipped file can be remade and checked.

    python3 scripts/networks/ecoli.py networks/sources/coliInterNoAutoRegVec.txt networks

The source is the Alon lab's ColiNet-1.1 file `coliInterNoAutoRegVec.txt` (519 interactions, the
578 of `coliInterFullVec.txt` without the 59 auto-regulations), byte for byte as committed to the
public GitHub repository bsulyok/networktools at commit e76214b81895fe21f7c9a7aee3c2a029cf618415
(a later commit of that repository only converted it to CRLF line ends). Each line is
`operon tf 1`: the operon number, the number of the transcription factor that regulates it, and 1
(the file is unsigned: ColiNet's signs, 1 activator, 2 repressor, 3 dual, are only in the full
file, which we have not found). Operons are numbered 1..423 as in `coliInterFullNames.txt`.

Derivation: one arc per line, from the transcription factor to the operon it regulates (column 2 ->
column 1; the regulator is the source, as statnet's `ecoli1` documents its arcs), node
ids shifted to 0-based (id - 1), so that 423 nodes result, 5 of them without arcs (statnet's `ecoli1`,
the same 423-node, 519-arc network, describes those as the operons that only regulate themselves). Nothing else is dropped or merged: the file has no self-loops,
no repeated and no mutual arcs (checked below).

The independent count: every weakly connected k-node set is enumerated by a plain ESU written here
(Wernicke 2006; no code shared with nnmotifs), and the induced subgraph of each is classified by
brute force over the k! relabellings; this gives the totals at k = 3 and 4 and the numbers of
feed-forward loops and bi-fans.
"""
import hashlib, itertools, json, os, sys

SOURCE_REPO = "bsulyok/networktools"
SOURCE_COMMIT = "e76214b81895fe21f7c9a7aee3c2a029cf618415"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_arcs(path):
    arcs = []
    for n, line in enumerate(open(path)):
        if not line.strip():
            continue
        operon, tf, kind = line.split()
        assert kind == "1", "line %d: expected the unsigned file (third column 1)" % (n + 1)
        arcs.append((int(tf) - 1, int(operon) - 1))
    assert len(set(arcs)) == len(arcs), "repeated arcs"
    assert all(a != b for a, b in arcs), "self-loops"
    assert not any((b, a) in set(arcs) for a, b in arcs), "mutual arcs"
    return arcs


def connected_sets(n, arcs, k):
    """Every weakly connected k-node set exactly once (ESU)."""
    nbr = [set() for _ in range(n)]
    for a, b in arcs:
        nbr[a].add(b)
        nbr[b].add(a)

    def extend(sub, ext, v, excl):
        if len(sub) == k:
            yield sub
            return
        ext = set(ext)
        while ext:
            w = ext.pop()
            new_ext = ext | {u for u in nbr[w] if u > v and u not in excl}
            yield from extend(sub + [w], new_ext, v, excl | nbr[w])

    for v in range(n):
        yield from extend([v], {u for u in nbr[v] if u > v}, v, nbr[v] | {v})


def canonical(nodes, arcset):
    k = len(nodes)
    best = None
    for p in itertools.permutations(range(k)):
        bits = tuple(
            1 if (nodes[p[i]], nodes[p[j]]) in arcset else 0 for i in range(k) for j in range(k)
        )
        if best is None or bits > best:
            best = bits
    return best


def pattern(k, edges):
    return canonical(list(range(k)), set(edges))


FFL = pattern(3, [(0, 1), (0, 2), (1, 2)])
BI_FAN = pattern(4, [(0, 2), (0, 3), (1, 2), (1, 3)])


def main(source, out_dir):
    arcs = read_arcs(source)
    n = max(max(a, b) for a, b in arcs) + 1
    arcset = set(arcs)
    counts = {}
    for k in (3, 4):
        classes = {}
        for s in connected_sets(n, arcs, k):
            c = canonical(s, arcset)
            classes[c] = classes.get(c, 0) + 1
        counts[k] = classes
    out = os.path.join(out_dir, "ecoli.txt")
    with open(out, "w") as f:
        for a, b in arcs:
            f.write("%d %d\n" % (a, b))
    entry = dict(
        name="ecoli",
        file="ecoli.txt",
        description="E. coli transcription network: transcription factor -> regulated operon, "
        "auto-regulation dropped (Shen-Orr et al. 2002; Milo et al. 2002)",
        directed=True,
        nodes=n,
        arcs=len(arcs),
        source=dict(
            package="GitHub %s at commit %s (the Alon lab's ColiNet-1.1 data set)"
            % (SOURCE_REPO, SOURCE_COMMIT),
            path="coliInterNoAutoRegVec.txt",
            sha256=sha256(source),
        ),
        derivation="one arc per line from column 2 (transcription factor) to column 1 (operon); "
        "node ids shifted to 0-based: 423 nodes, 5 of them without arcs (in statnet's ecoli1, the "
        "same 423-node, 519-arc network, those are the operons that only regulate themselves); "
        "the source already has the auto-regulations (59 of ColiNet's 578 interactions) removed "
        "and is unsigned; no repeated, mutual or self arcs",
        licence="No licence is stated by the Alon lab or by the repository it was taken from; "
        "the data were published for research with Shen-Orr et al. (2002) and are redistributed "
        "unchanged in content; statnet's R package redistributes a network of the same source and size (ecoli1: 423 nodes, 519 arcs)",
        citation="S. S. Shen-Orr, R. Milo, S. Mangan and U. Alon, Nature Genetics 31, 64-68 "
        "(2002); data: ColiNet-1.1, U. Alon lab, Weizmann Institute (RegulonDB 3.2 + literature)",
        sha256=sha256(out),
        subgraphs=dict(
            counter="scripts/networks/ecoli.py (plain ESU + brute-force classes, Python)",
            k3=sum(counts[3].values()),
            k4=sum(counts[4].values()),
        ),
    )
    index = os.path.join(out_dir, "networks.json")
    doc = json.load(open(index))
    doc["networks"] = [x for x in doc["networks"] if x["name"] != "ecoli"] + [entry]
    with open(index, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(
        "ecoli: %d nodes, %d arcs, k3 %d, k4 %d, feed-forward loops %d, bi-fans %d"
        % (n, len(arcs), entry["subgraphs"]["k3"], entry["subgraphs"]["k4"],
           counts[3].get(FFL, 0), counts[4].get(BI_FAN, 0))
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
