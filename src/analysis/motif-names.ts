/**
 * Names for motif topologies (SPEC §9: feed-forward loop, chain, diamond, bi-fan, dense 2-3 and
 * 1-3-1 blocks…), recognised from a class's adjacency rows by uncoloured isomorphism.
 *
 * The check is a brute-force canonical form: the lexicographically largest row-by-row string over
 * all k! simultaneous row/column permutations. It is independent of the motif engine's canonical
 * labelling on purpose (a cross-check, and no dependence on its internals); k ≤ 6 costs ≤ 720
 * permutations per class, and results are cached.
 */

/** A k×k adjacency matrix; entry [i][j] is the colour of edge i→j, 0 for none. */
export type Adjacency = readonly (readonly number[])[];

/**
 * Parses a class's adjacency as the census writes it: k strings of k digits (FANMOD's rows), or a
 * single string of k*k digits.
 */
export function parseAdjacency(rows: readonly string[] | string): number[][] {
  const text = typeof rows === "string" ? rows : rows.join("");
  const k = Math.round(Math.sqrt(text.length));
  if (k * k !== text.length || !/^[0-9]*$/.test(text)) {
    throw new RangeError(`parseAdjacency: expected k rows of k digits, got "${text}"`);
  }
  const m: number[][] = [];
  for (let i = 0; i < k; i++) {
    m.push([...text.slice(i * k, (i + 1) * k)].map(Number));
  }
  return m;
}

function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(k - 1)) {
    for (let pos = 0; pos <= p.length; pos++)
      out.push([...p.slice(0, pos), k - 1, ...p.slice(pos)]);
  }
  return out;
}
const permutationCache = new Map<number, number[][]>();

/** The canonical row-by-row key of a matrix (colours kept, or every edge mapped to 1). */
export function canonicalKey(m: Adjacency, colours = true): string {
  const k = m.length;
  let perms = permutationCache.get(k);
  if (!perms) {
    perms = permutations(k);
    permutationCache.set(k, perms);
  }
  let best = "";
  for (const p of perms) {
    let s = "";
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const c = m[p[i]][p[j]];
        s += colours ? c : c > 0 ? 1 : 0;
      }
    }
    if (s > best) best = s;
  }
  return best;
}

const topologyCache = new Map<string, string>();
const colouredCache = new Map<string, string>();

/** Canonical key of `rows`, memoised per text: the analyses ask for the same classes many times. */
function cachedKey(rows: readonly string[] | string, coloured: boolean): string {
  const text = typeof rows === "string" ? rows : rows.join("");
  const cache = coloured ? colouredCache : topologyCache;
  let key = cache.get(text);
  if (key === undefined) {
    key = canonicalKey(parseAdjacency(text), coloured);
    cache.set(text, key);
  }
  return key;
}

/** Canonical key of the uncoloured topology of a class (every colour mapped to 1). */
export function topologyKey(rows: readonly string[] | string): string {
  return cachedKey(rows, false);
}

/** Canonical key of the coloured class (colours preserved), to match classes across censuses. */
export function colouredKey(rows: readonly string[] | string): string {
  return cachedKey(rows, true);
}

/** Builds an adjacency from an edge list. */
export function fromEdges(k: number, edges: readonly (readonly [number, number])[]): number[][] {
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [a, b] of edges) m[a][b] = 1;
  return m;
}

/** The named topologies: name, node count, edges. */
export const NAMED_TOPOLOGIES: readonly {
  readonly name: string;
  readonly k: number;
  readonly edges: readonly (readonly [number, number])[];
}[] = [
  {
    name: "chain",
    k: 3,
    edges: [
      [0, 1],
      [1, 2],
    ],
  },
  {
    name: "fan-out",
    k: 3,
    edges: [
      [0, 1],
      [0, 2],
    ],
  },
  {
    name: "fan-in",
    k: 3,
    edges: [
      [0, 2],
      [1, 2],
    ],
  },
  {
    name: "feed-forward loop",
    k: 3,
    edges: [
      [0, 1],
      [0, 2],
      [1, 2],
    ],
  },
  {
    name: "diamond",
    k: 4,
    edges: [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ],
  },
  {
    name: "bi-fan",
    k: 4,
    edges: [
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
    ],
  },
  {
    name: "4-chain",
    k: 4,
    edges: [
      [0, 1],
      [1, 2],
      [2, 3],
    ],
  },
  {
    name: "3-fan-out",
    k: 4,
    edges: [
      [0, 1],
      [0, 2],
      [0, 3],
    ],
  },
  {
    name: "3-fan-in",
    k: 4,
    edges: [
      [0, 3],
      [1, 3],
      [2, 3],
    ],
  },
  {
    name: "zig-zag",
    k: 4,
    edges: [
      [0, 2],
      [0, 3],
      [1, 3],
    ],
  },
  {
    name: "chain into fan-out",
    k: 4,
    edges: [
      [0, 1],
      [1, 2],
      [1, 3],
    ],
  },
  {
    name: "fan-in into chain",
    k: 4,
    edges: [
      [0, 2],
      [1, 2],
      [2, 3],
    ],
  },
  {
    name: "fan-out with tail",
    k: 4,
    edges: [
      [0, 1],
      [0, 2],
      [1, 3],
    ],
  },
  {
    name: "fan-in with tail",
    k: 4,
    edges: [
      [0, 1],
      [1, 3],
      [2, 3],
    ],
  },
  {
    name: "bi-parallel with shortcut",
    k: 4,
    edges: [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [0, 3],
    ],
  },
  {
    name: "dense 2-3 block",
    k: 5,
    edges: [
      [0, 2],
      [0, 3],
      [0, 4],
      [1, 2],
      [1, 3],
      [1, 4],
    ],
  },
  {
    name: "dense 3-2 block",
    k: 5,
    edges: [
      [0, 3],
      [0, 4],
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
    ],
  },
  {
    name: "1-3-1 block",
    k: 5,
    edges: [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 4],
      [2, 4],
      [3, 4],
    ],
  },
  {
    name: "5-chain",
    k: 5,
    edges: [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ],
  },
  {
    name: "4-fan-out",
    k: 5,
    edges: [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
    ],
  },
  {
    name: "4-fan-in",
    k: 5,
    edges: [
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ],
  },
];

let nameByKey: Map<string, string> | null = null;
function names(): Map<string, string> {
  if (!nameByKey) {
    nameByKey = new Map();
    for (const t of NAMED_TOPOLOGIES)
      nameByKey.set(canonicalKey(fromEdges(t.k, t.edges), false), t.name);
  }
  return nameByKey;
}

/** The name of a class's uncoloured topology, or null when it is not one of NAMED_TOPOLOGIES. */
export function motifName(rows: readonly string[] | string): string | null {
  return names().get(topologyKey(rows)) ?? null;
}

/** A readable label for any topology: its name, else "k-node, e edges #key". */
export function topologyLabel(rows: readonly string[] | string): string {
  const named = motifName(rows);
  if (named) return named;
  const key = topologyKey(rows);
  const k = Math.round(Math.sqrt(key.length));
  const edges = [...key].filter((c) => c !== "0").length;
  return `${k}-node, ${edges} edges #${key}`;
}

/** Canonical uncoloured key of a named topology (throws for an unknown name). */
export function namedTopologyKey(name: string): string {
  const t = NAMED_TOPOLOGIES.find((x) => x.name === name);
  if (!t) throw new RangeError(`namedTopologyKey: unknown topology "${name}"`);
  return canonicalKey(fromEdges(t.k, t.edges), false);
}

/** Splits a key back into k rows. */
export function keyRows(key: string): string[] {
  const k = Math.round(Math.sqrt(key.length));
  return Array.from({ length: k }, (_, i) => key.slice(i * k, (i + 1) * k));
}
