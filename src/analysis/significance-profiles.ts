/**
 * Significance profiles by initialisation and by data set (SPEC §7, §8): per census, the Z of each
 * topology's most significant variant (raw Z, as the authors plotted), and the normalised profile
 * SP = Z / sqrt(Σ Z²) over the topologies of that census (Milo et al. 2004), which compares
 * networks of different sizes.
 */
import type { TopologyVariantRow } from "./topology-variants.js";

export interface ProfileRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly size: number;
  readonly nullModel: string;
  readonly topology: string;
  readonly topologyName: string;
  readonly z: number;
  readonly sp: number | null;
}

export function significanceProfiles(variants: readonly TopologyVariantRow[]): ProfileRow[] {
  const groups = new Map<string, TopologyVariantRow[]>();
  for (const v of variants) {
    if (v.maxZ === null) continue;
    const key = `${v.graphId}\u0000${v.size}\u0000${v.nullModel}`;
    const list = groups.get(key) ?? [];
    list.push(v);
    groups.set(key, list);
  }
  const out: ProfileRow[] = [];
  for (const list of groups.values()) {
    const norm = Math.sqrt(list.reduce((s, v) => s + (v.maxZ as number) ** 2, 0));
    for (const v of list) {
      out.push({
        graphId: v.graphId,
        init: v.init,
        network: v.network,
        size: v.size,
        nullModel: v.nullModel,
        topology: v.topology,
        topologyName: v.topologyName,
        z: v.maxZ as number,
        sp: norm > 0 ? (v.maxZ as number) / norm : null,
      });
    }
  }
  return out;
}
