/**
 * The weighted step (issue 9 item 5, SPEC §10.1): one network's model file → its threshold-free
 * weighted census at one size, against the weight-shuffle null (SPEC §6.3). Every kernel weight is
 * an edge, its sign the edge colour; no binning and no cut-off c. The model is read as the graphs
 * step reads it.
 */
import type {
  WeightedNullStat,
  WeightedRecord,
  WeightedTopologyRecord,
} from "../../analysis/study-results.js";
import { topologyLabel } from "../../analysis/motif-names.js";
import {
  weightedMotifProfile,
  type NullComparison,
  type WeightedProfile,
} from "../../motifs/layered-weighted-motifs.js";
import { parseNativeModel } from "../../model/native-model.js";
import type { WeightedParams } from "../plan.js";
import type { StepKind } from "./registry.js";

export interface WeightedSummary {
  readonly topologies: number;
  readonly exact: boolean;
  readonly seconds: number;
}

/** A finite number, else null (JSON has no NaN). */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function nullStat(value: number, c: NullComparison): WeightedNullStat {
  return {
    value: finite(value),
    nullMean: finite(c.mean),
    nullSd: finite(c.sd),
    z: c.z,
    pOver: c.pOver,
    pUnder: c.pUnder,
  };
}

/** The study's record of a weighted profile (the file the step writes). */
export function weightedRecord(
  profile: WeightedProfile,
  network: Pick<WeightedRecord, "graphId" | "init" | "stage" | "dataset" | "layerSizes">,
): WeightedRecord {
  const topologies = profile.topologies.map((t): WeightedTopologyRecord => ({
    key: t.key,
    topology: topologyLabel(t.key),
    count: t.count,
    meanIntensity: t.count > 0 ? finite(t.totalIntensity / t.count) : null,
    intensity: nullStat(t.totalIntensity, t.null.intensity),
    coherence: nullStat(t.meanCoherence, t.null.coherence),
    evenShare: nullStat(t.evenShare, t.null.evenShare),
    evenCountShare: t.count > 0 ? t.evenCount / t.count : null,
    totalIntensitySe: t.totalIntensitySe,
    meanCoherenceSe: t.meanCoherenceSe,
    exact: t.exact,
  }));
  return {
    ...network,
    layerSizes: [...network.layerSizes],
    size: profile.size,
    nullModel: "shuffle",
    randomNetworks: profile.networks,
    seed: profile.seed,
    method: profile.method,
    exact: profile.exact,
    topologies,
  };
}

export const weightedKind: StepKind<WeightedParams, WeightedSummary> = {
  async run({ params: p, inputs }, ctx) {
    ctx.signal.throwIfAborted();
    const file = inputs[p.model]?.output ?? p.model;
    const net = parseNativeModel(await ctx.readText(p.model), file);
    const start = performance.now();
    const profile = weightedMotifProfile(net, {
      size: p.size,
      networks: p.randomNetworks,
      seed: p.seed,
    });
    const seconds = (performance.now() - start) / 1000;
    ctx.signal.throwIfAborted();
    const record = weightedRecord(profile, {
      graphId: p.graphId,
      init: p.init,
      stage: p.stage,
      dataset: p.dataset,
      layerSizes: net.layerSizes,
    });
    // No times in the file: equal inputs give byte-identical outputs.
    const outputs = [await ctx.write(p.json, JSON.stringify(record, null, 1) + "\n")];
    return {
      outputs,
      data: { topologies: record.topologies.length, exact: record.exact, seconds },
    };
  },
};
