/**
 * nnmotifs — network motifs in neural networks.
 *
 * The pipeline, one folder per stage; each stage only imports from stages to its left, and the
 * motif engine (motifs, stats) never imports the neural-network side (data, nn):
 *
 *   data ──▶ nn ──▶ graph ──▶ motifs ──▶ stats ──▶ analysis ──▶ report
 *   (data    (MLPs,  (weights  (ESU census,  (Z, p,     (efficacy,   (Vega-Lite
 *    sets)   train,   → coloured canonical    SP, FDR)   t-tests,     figures,
 *            import)  digraph) labels, nulls)            ΔZ, …)       report.html)
 *
 *   model: the DenseNetwork contract and the model-file readers (Keras, tfjs, …), below nn and graph
 *   study: runs the whole grid, cached and resumable     cli: the `nnmotifs` command
 *
 * This file is the library's public door: it re-exports each folder's own index.
 */
export * from "./core/index.js";
export * from "./data/index.js";
export * from "./graph/index.js";
export * from "./motifs/index.js";
export * from "./nulls/index.js";
export * from "./stats/index.js";
export * from "./analysis/index.js";
export * from "./report/index.js";
export * from "./model/index.js";
export * from "./nn/index.js";
export * from "./study/index.js";
