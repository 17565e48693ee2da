import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  biologicalComparison,
  ensembleBiologicalComparison,
  profileCorrelation,
  topologyProfile,
} from "../../src/analysis/biological-comparison.js";
import {
  biologyEnsembleFindings,
  biologyFindings,
} from "../../src/analysis/biological-findings.js";
import type { EnsembleResults } from "../../src/analysis/ensemble/replicates.js";
import { findingSentence } from "../../src/analysis/findings.js";
import type {
  CensusRecord,
  GraphRecord,
  MotifRecord,
  ReferenceCensus,
  StudyResults,
} from "../../src/analysis/study-results.js";
import { correlationMeanInterval, pairedComparison } from "../../src/stats/confidence.js";

const FAN_OUT = ["011", "000", "000"];
const FAN_IN = ["001", "001", "000"];
const CHAIN = ["000", "100", "010"];
const FFL = ["011", "001", "000"];
const CYCLE = ["010", "001", "100"];
const MUTUAL_OUT = ["011", "100", "000"];

function motif(adjacency: string[], zCount: number | null, constrained = false): MotifRecord {
  return {
    key: adjacency.join(""),
    adjacency,
    count: 10,
    frequency: 0.1,
    randomMean: 0.1,
    randomSd: 0.01,
    z: zCount === null ? null : -zCount, // the concentration Z must not be what the profile uses
    pOver: 0.5,
    pUnder: 0.5,
    shareOver: 0.5,
    shareUnder: 0.5,
    qOver: 0.5,
    qUnder: 0.5,
    constrained,
    significant: null,
    randomCountMean: 10,
    randomCountSd: 1,
    zCount,
    sp: null,
  };
}

function census(
  graphId: string,
  motifs: MotifRecord[],
  size = 3,
  nullModel = "switch",
): CensusRecord {
  return { graphId, size, nullModel, randomNetworks: 100, subgraphs: 100, motifs, seconds: 0 };
}

function graph(id: string, init: string, dataset: string | null): GraphRecord {
  return {
    id,
    init,
    stage: dataset === null ? "initial" : "trained",
    dataset,
    layerSizes: [2, 2],
    weights: [],
    weightColours: [],
    binEdges: null,
    fit: null,
    edgesPerColour: {},
  };
}

/** Z on counts of the reference: fan-out 1, fan-in 2, chain 3, FFL 4, and a cycle only it has. */
const reference: ReferenceCensus = {
  network: "@toy",
  name: "toy",
  description: "toy reference",
  nodes: 10,
  arcs: 20,
  census: census("@toy", [
    motif(FAN_OUT, 1),
    motif(FAN_IN, 2),
    motif(CHAIN, 3),
    motif(FFL, 4),
    motif(CYCLE, 7),
  ]),
};

/** A one-seed study whose trained graph has Z (2, 1, 4, 3) and initial graph (1, 3, 2, 4). */
function study(trainedZ = [2, 1, 4, 3], initialZ = [1, 3, 2, 4]): StudyResults {
  const profile = (z: number[]) => [
    motif(FAN_OUT, z[0]),
    motif(FAN_IN, z[1]),
    motif(CHAIN, z[2]),
    motif(FFL, z[3]),
    motif(MUTUAL_OUT, 5), // only in the study graph
    motif(CYCLE, null, true), // constrained: no Z, left out
  ];
  return {
    config: {},
    datasets: ["tree"],
    inits: ["normal"],
    sizes: [3],
    nullModels: ["switch"],
    trainings: [],
    graphs: [graph("normal-initial", "normal", null), graph("normal-tree", "normal", "tree")],
    censuses: [],
    timings: {},
    versions: {},
    topologyCensuses: [
      census("normal-initial", profile(initialZ)),
      census("normal-tree", profile(trainedZ)),
      census("normal-tree", profile(trainedZ), 3, "layered"), // another null: not compared
    ],
    references: [reference],
  };
}

describe("topologyProfile(census)", () => {
  it("is Z on counts over the classes with a defined Z, normalised to unit length", () => {
    const p = topologyProfile(study().topologyCensuses?.[1] ?? census("x", []));
    expect(p).toHaveLength(5); // the constrained class has no Z
    const norm = Math.sqrt(4 + 1 + 16 + 9 + 25);
    expect(p.map((e) => e.sp)).toEqual([2, 1, 4, 3, 5].map((z) => z / norm));
    expect(p.map((e) => e.z)).toEqual([2, 1, 4, 3, 5]);
  });
});

describe("profileCorrelation(a, b)", () => {
  it("equals the hand computation over the shared topologies (r = 0.6, Fisher-z over 4)", () => {
    const s = study();
    const c = profileCorrelation(
      topologyProfile(s.topologyCensuses?.[1] ?? census("x", [])),
      topologyProfile(reference.census),
    );
    expect(c.topologies).toBe(4);
    expect(c.r).toBeCloseTo(0.6, 12);
    // tanh(atanh(0.6) ∓ 1.959964 / sqrt(4 − 3))
    expect(c.lo).toBeCloseTo(-0.8529325646947181, 8);
    expect(c.hi).toBeCloseTo(0.9901277107996944, 8);
  });

  it("is NaN with fewer than 2 shared topologies", () => {
    const c = profileCorrelation(
      topologyProfile(census("a", [motif(FAN_OUT, 1)])),
      topologyProfile(census("b", [motif(FAN_OUT, 2), motif(FFL, 1)])),
    );
    expect(c.topologies).toBe(1);
    expect(Number.isNaN(c.r)).toBe(true);
  });

  it("is symmetric, in [−1, 1], and unchanged by scaling Z or reordering the census", () => {
    const tops = [FAN_OUT, FAN_IN, CHAIN, FFL, CYCLE, MUTUAL_OUT];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (za, zb, scale) => {
          const a = tops.map((t, i) => motif(t, za[i]));
          const b = tops.map((t, i) => motif(t, zb[i]));
          const pa = topologyProfile(census("a", a));
          const pb = topologyProfile(census("b", b));
          const c = profileCorrelation(pa, pb);
          if (Number.isNaN(c.r)) return;
          expect(Math.abs(c.r)).toBeLessThanOrEqual(1);
          expect(profileCorrelation(pb, pa).r).toBeCloseTo(c.r, 9);
          const scaled = topologyProfile(
            census(
              "a",
              tops.map((t, i) => motif(t, za[i] * scale)),
            ),
          );
          expect(profileCorrelation(scaled, pb).r).toBeCloseTo(c.r, 9);
          const reordered = topologyProfile(census("b", [...b].reverse()));
          expect(profileCorrelation(pa, reordered).r).toBeCloseTo(c.r, 9);
        },
      ),
    );
  });
});

describe("biologicalComparison(results)", () => {
  it("compares every graph's census of the reference's size and null, initial and trained", () => {
    const rows = biologicalComparison(study());
    expect(rows.map((r) => [r.graphId, r.network, r.stage, r.nullModel])).toEqual([
      ["normal-initial", "initial", "initial", "switch"],
      ["normal-tree", "tree", "trained", "switch"],
    ]);
    expect(rows[0].r).toBeCloseTo(0.8, 12);
    expect(rows[1].r).toBeCloseTo(0.6, 12);
    expect(rows.every((r) => r.reference === "toy" && r.topologies === 4)).toBe(true);
  });

  it("is empty without references", () => {
    expect(biologicalComparison({ ...study(), references: undefined })).toEqual([]);
  });

  it("gives one finding per data set, its sentence from its fields, with the initial networks", () => {
    const findings = biologyFindings(biologicalComparison(study()));
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f.value).toBeCloseTo(0.6, 12);
    expect(f.sentence).toContain("the trained tree networks' 3-node significance profile");
    expect(f.sentence).toContain("at r = 0.60 [−0.85, 0.99] (normal)");
    expect(f.sentence).toContain("the initial networks' at r = 0.80 [−0.70, 1.00] (normal)");
    expect(f.sentence).toContain("over 4 shared topologies");
    expect(findingSentence(f)).toBe(f.sentence);
  });

  it("says when too few topologies are shared for an interval", () => {
    const s = study();
    const three = (c: CensusRecord): CensusRecord => ({
      ...c,
      motifs: c.motifs.filter((m) => m.adjacency !== FFL),
    });
    const [f] = biologyFindings(
      biologicalComparison({ ...s, topologyCensuses: (s.topologyCensuses ?? []).map(three) }),
    );
    expect(f.topologies).toBe(3);
    expect(f.sentence).toContain("too few for a Fisher-z interval");
    expect(f.sentence).not.toContain("[");
  });
});

describe("ensembleBiologicalComparison(ensemble)", () => {
  // Seeds out of order: the rows list them sorted.
  const trained = { 3: [2, 1, 4, 3], 1: [1, 2, 4, 3], 2: [2, 1, 3, 4] } as Record<number, number[]>;
  const initial = { 3: [1, 3, 2, 4], 1: [4, 3, 2, 1], 2: [1, 2, 4, 3] } as Record<number, number[]>;
  const ensemble: EnsembleResults = {
    config: {},
    replicates: [3, 1, 2].map((seed) => ({
      architecture: "2",
      seed,
      hidden: [2],
      results: study(trained[seed], initial[seed]),
      snapshots: [],
    })),
  };

  it("is the mean of the per-seed r on Fisher's z scale with a t-interval, and the paired change from initial", () => {
    const rows = ensembleBiologicalComparison(ensemble);
    const perSeed = (stage: string) =>
      [1, 2, 3].map((seed) => {
        const r = biologicalComparison(study(trained[seed], initial[seed])).find(
          (x) => x.stage === stage,
        );
        return r?.r ?? NaN;
      });
    const tr = rows.find((r) => r.stage === "trained");
    const tInit = rows.find((r) => r.stage === "initial");
    expect(tr?.seeds).toEqual([1, 2, 3]);
    expect(tr?.perSeed).toEqual(perSeed("trained"));
    expect(tr?.r).toEqual(correlationMeanInterval(perSeed("trained")));
    expect(tInit?.r).toEqual(correlationMeanInterval(perSeed("initial")));
    // The interval stays inside [−1, 1] whatever the spread of the seeds' r.
    expect(tr!.r.lo).toBeGreaterThanOrEqual(-1);
    expect(tr!.r.hi).toBeLessThanOrEqual(1);
    const change = pairedComparison(perSeed("initial"), perSeed("trained"));
    expect(tr?.change).toEqual({
      mean: change.mean,
      lo: change.lo,
      hi: change.hi,
      pSignFlip: change.pSignFlip,
    });
    expect(tInit?.change).toBeNull();
  });

  it("finds per architecture × init × data set, saying the seeds, the initial r and the change", () => {
    const findings = biologyEnsembleFindings(ensembleBiologicalComparison(ensemble));
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f.seeds).toBe(3);
    expect(f.sentence).toMatch(/^Across 3 seeds, the trained tree networks' 3-node significance/);
    expect(f.sentence).toContain(`r = ${(f.value ?? NaN).toFixed(2)}`);
    expect(f.sentence).toContain("; the initial networks' at r = ");
    expect(f.sentence).toContain("so training changes r by ");
    expect(findingSentence(f)).toBe(f.sentence);
  });
});
