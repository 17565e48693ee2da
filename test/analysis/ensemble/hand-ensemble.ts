/**
 * Small hand-made EnsembleResults whose answers are known: each seed's topology-level Z of the
 * diamond, the bi-fan and the 4-chain is whatever the test's function says, the learning curve
 * and the snapshots too. Everything else a StudyResults needs is minimal but well-formed.
 */
import { fromEdges, NAMED_TOPOLOGIES } from "../../../src/analysis/motif-names.js";
import type { EnsembleResults, SnapshotCensus } from "../../../src/analysis/ensemble/replicates.js";
import type {
  CensusRecord,
  GraphRecord,
  MotifRecord,
  StudyResults,
  TrainingRecord,
} from "../../../src/analysis/study-results.js";

export const TOPOLOGIES = ["diamond", "bi-fan", "4-chain"] as const;

function rows(name: string): string[] {
  const t = NAMED_TOPOLOGIES.find((x) => x.name === name)!;
  return fromEdges(t.k, t.edges).map((r) => r.join(""));
}

export function motif(name: string, z: number | null): MotifRecord {
  const adjacency = rows(name);
  return {
    key: adjacency.join(""),
    adjacency,
    count: 10,
    frequency: 0.1,
    randomMean: 0.1,
    randomSd: 0.01,
    z,
    pOver: 0.5,
    pUnder: 0.5,
    shareOver: 0.5,
    shareUnder: 0.5,
    qOver: 0.5,
    qUnder: 0.5,
    constrained: z === null,
    significant: null,
    randomCountMean: 10,
    randomCountSd: 1,
    zCount: z,
    sp: null,
  } as MotifRecord;
}

/** Z of a topology in one seed's network ("initial" or a data set) under a null. */
export type ZOf = (
  seed: number,
  init: string,
  network: string,
  nullModel: string,
  topology: string,
) => number | null;

export interface HandOptions {
  readonly seeds: readonly number[];
  readonly z: ZOf;
  readonly inits?: readonly string[];
  readonly datasets?: readonly string[];
  readonly nulls?: readonly string[];
  /** Validation accuracy after an epoch (1-based); default a rising curve. */
  readonly valAccuracy?: (seed: number, init: string, dataset: string, epoch: number) => number;
  readonly epochs?: number;
  /** Snapshot epochs and the Z at each; no snapshots when absent. */
  readonly snapshots?: {
    readonly epochs: readonly number[];
    readonly z: (
      seed: number,
      init: string,
      dataset: string,
      nullModel: string,
      topology: string,
      epoch: number,
    ) => number | null;
  };
  readonly architecture?: string;
  /** Also count the topologies as coloured classes (`censuses`), with the same Zs. */
  readonly classes?: boolean;
  /** Kernel weights of a network (4 of them, colours 0, 1, 2, 3); default fixed. */
  readonly weights?: (seed: number, init: string, network: string) => number[];
}

function census(graphId: string, nullModel: string, z: (t: string) => number | null): CensusRecord {
  return {
    graphId,
    size: 4,
    nullModel,
    randomNetworks: 20,
    subgraphs: 100,
    motifs: TOPOLOGIES.map((t) => motif(t, z(t))),
    seconds: 0,
  };
}

export function handStudy(seed: number, o: HandOptions): StudyResults {
  const inits = o.inits ?? ["normal", "glorot"];
  const datasets = o.datasets ?? ["tree", "clusters"];
  const nulls = o.nulls ?? ["switch", "layered"];
  const epochs = o.epochs ?? 5;
  const graphs: GraphRecord[] = [];
  const trainings: TrainingRecord[] = [];
  const topologyCensuses: CensusRecord[] = [];
  for (const init of inits) {
    for (const network of ["initial", ...datasets]) {
      const id = `${init}-${network}`;
      graphs.push({
        id,
        init,
        stage: network === "initial" ? "initial" : "trained",
        dataset: network === "initial" ? null : network,
        layerSizes: [2, 2],
        weights: o.weights?.(seed, init, network) ?? [0.1, -0.2, 0.3, 0.9],
        weightColours: [0, 1, 2, 3],
        binEdges: null,
        fit: null,
        edgesPerColour: { "1": 1 + seed, "2": 1, "3": 1 },
      });
      for (const n of nulls)
        topologyCensuses.push(census(id, n, (t) => o.z(seed, init, network, n, t)));
      if (network === "initial") continue;
      const acc = o.valAccuracy ?? ((_s, _i, _d, e) => Math.min(1, 0.4 + 0.15 * e));
      trainings.push({
        dataset: network,
        init,
        history: Array.from({ length: epochs }, (_, i) => ({
          epoch: i + 1,
          loss: 1 / (i + 1),
          accuracy: acc(seed, init, network, i + 1),
          valLoss: 1 / (i + 1),
          valAccuracy: acc(seed, init, network, i + 1),
        })),
        testLoss: 0.1,
        testAccuracy: acc(seed, init, network, epochs),
        backend: "cpu",
        seconds: 0,
      });
    }
  }
  return {
    config: { seed },
    datasets,
    inits,
    sizes: [4],
    nullModels: nulls,
    trainings,
    graphs,
    censuses: o.classes ? topologyCensuses : [],
    timings: {},
    versions: {},
    topologyCensuses,
  };
}

export function handEnsemble(o: HandOptions): EnsembleResults {
  const architecture = o.architecture ?? "2-2";
  return {
    config: {},
    replicates: o.seeds.map((seed) => {
      const results = handStudy(seed, o);
      const snapshots: SnapshotCensus[] = [];
      if (o.snapshots) {
        for (const init of results.inits) {
          for (const dataset of results.datasets) {
            for (const epoch of o.snapshots.epochs) {
              for (const n of results.nullModels) {
                const graphId = `${init}-${dataset}-epoch-${epoch}`;
                snapshots.push({
                  init,
                  dataset,
                  epoch,
                  graphId,
                  edges: 3,
                  census: census(graphId, n, (t) =>
                    o.snapshots!.z(seed, init, dataset, n, t, epoch),
                  ),
                });
              }
            }
          }
        }
      }
      return { architecture, seed, hidden: [2], results, snapshots };
    }),
  };
}
