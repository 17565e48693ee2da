/**
 * nnmotifs — network motifs in neural networks.
 *
 * The pipeline, one folder per stage; each stage imports only from stages to its left (or below
 * it), and the motif engine (motifs, nulls, stats) never imports the neural-network side:
 *
 *   data ──▶ nn ──▶ graph ──▶ nulls ──▶ motifs ──▶ stats ──▶ analysis ──▶ report
 *   (data    (MLPs,  (weights  (switch,   (ESU census,  (Z, perm.  (findings,  (sections,
 *    sets)   train)   → coloured layered,  canonical     p, BH,     weights,    Vega-Lite
 *                     digraph; registry:  labels,       decisions) efficacy,   figures,
 *                     GML, …;  random     instances,               ΔZ, …)      report.html)
 *                     exports) networks)  ensembles,
 *                                         weighted)
 *
 *   model: the DenseNetwork contract and the model-file readers (Keras .h5 and .keras,
 *          safetensors, ONNX, tfjs, native), below nn and graph, which both import it
 *   study: config → plan (pure step specs) → executor (local, or the job queue) → store
 *   queue: BullMQ on Redis — the queue executor's jobs, workers and the split census
 *   cli:   the `nnmotifs` command                 core: errors, seeded Rng, atomic writes, CSV
 *
 * This file is the library's public door: the documented API below. Everything else is internal
 * (import it from its module if you must; it may change without notice).
 */

// core
export { NnmotifsError, type ErrorLocation } from "./core/errors.js";
export { Rng } from "./core/random.js";

// data and training
export { loadDataset } from "./data/load-dataset.js";
export type { Dataset } from "./data/dataset.js";
export { trainNetwork } from "./nn/train.js";
export { initialNetwork } from "./nn/mlp.js";

// models
export type { DenseNetwork, DenseLayerWeights } from "./model/network.js";
export type { ModelFormat } from "./model/model-format.js";
export { loadNetwork } from "./model/load-network.js";
export { ModelFormatRegistry } from "./model/format-registry.js";
export { MODEL_FORMATS } from "./model/formats.js";

// graphs
export { type Digraph, makeDigraph } from "./graph/digraph.js";
export {
  readGraph,
  parseGraph,
  writeGraph,
  formatGraph,
  GRAPH_FORMATS,
  type GraphFormat,
} from "./graph/read-graph.js";
export { parseFanmodEdgeList } from "./graph/fanmod-edge-list.js";
export { parseGml } from "./graph/gml.js";
export { parseGraphml } from "./graph/graphml.js";
export { parsePajek } from "./graph/pajek.js";
export { symmetrise } from "./graph/undirected.js";
export { shippedNetworks, type ShippedNetwork } from "./graph/networks.js";
export { networkToDigraph } from "./graph/from-network.js";
export { binGroup } from "./graph/binning.js";

// the motif engine
export type { SubgraphCounts } from "./motifs/types.js";
export { countSubgraphs } from "./motifs/count-subgraphs.js";
export { sampleSubgraphs } from "./motifs/rand-esu.js";
export { canonicalKey } from "./motifs/canonical-label.js";
export { findInstances, nodeParticipation } from "./motifs/instances.js";
export { weightedMotifs } from "./motifs/weighted-motifs.js";
export { weightedMotifProfile } from "./motifs/layered-weighted-motifs.js";

// null models
export type { NullModel } from "./nulls/null-model.js";
export { nullModel, nullModelNames, registerNullModel } from "./nulls/registry.js";
export { switchGraph } from "./nulls/switch.js";
export { layeredSwitchGraph } from "./nulls/layered.js";
export { shuffleLayerWeights, shuffleNull } from "./nulls/weight-shuffle.js";
// Importing it registers the `reinit` null (SPEC §6.4; it draws networks, so it lives in graph/).
export { reinitNull } from "./graph/reinit-null.js";
export { networkNullContext, type NetworkNullContext } from "./graph/network-context.js";
export type { ColourRule } from "./graph/colour-rule.js";

// statistics
export { census, censusJson, type CensusOptions, type CensusResult } from "./stats/census.js";
export type { CensusMotif } from "./stats/census-row.js";
export { formatCensus } from "./stats/census-format.js";
export { decide, redecideCensuses } from "./stats/significance.js";

// the study
export { resolveStudyConfig, type StudyConfig } from "./study/config.js";
export { buildPlan, type StudyPlan, type StepSpec } from "./study/plan.js";
export { runStudy, type StudyOutcome } from "./study/run-study.js";
export { LocalExecutor, type StudyExecutor } from "./study/executor.js";
export { LocalFolderStore, type StudyStore } from "./study/store.js";
export type { StudyResults } from "./analysis/study-results.js";
export { analyseStudy } from "./analysis/analyse-study.js";
export type { Finding } from "./analysis/findings.js";
export { findingsJson } from "./analysis/findings-json.js";
export { weightTable } from "./analysis/weight-table.js";
export { weightPaired } from "./analysis/weight-paired.js";
export { writeReport } from "./report/html-report.js";
export { REPORT_SECTIONS, withSection } from "./report/sections/registry.js";
