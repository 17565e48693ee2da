/**
 * The real networks shipped with nnmotifs (`networks/`, made by `scripts/networks/convert.py` from
 * Debian packages; each entry of `networks/networks.json` carries its source, licence, citation,
 * sha256 and an independent count of its 3- and 4-node subgraphs). `nnmotifs census @celegans`
 * names one of them wherever a graph file is expected.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { NnmotifsError } from "../core/errors.js";

export interface ShippedNetwork {
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly directed: boolean;
  readonly nodes: number;
  readonly arcs: number;
  readonly source: { readonly package: string; readonly path: string; readonly sha256: string };
  readonly derivation: string;
  readonly licence: string;
  readonly citation: string;
  readonly sha256: string;
  /** Weakly connected k-subgraphs, counted by another tool (igraph) when the file was made. */
  readonly subgraphs: { readonly counter: string; readonly k3: number; readonly k4: number };
}

/** `networks/` of the package: two levels above this file in src/graph and in dist/graph alike. */
export const NETWORKS_DIR = fileURLToPath(new URL("../../networks/", import.meta.url));

let cache: readonly ShippedNetwork[] | null = null;

export function shippedNetworks(): readonly ShippedNetwork[] {
  if (cache === null) {
    const index = join(NETWORKS_DIR, "networks.json");
    if (!existsSync(index)) return [];
    cache = (JSON.parse(readFileSync(index, "utf8")) as { networks: ShippedNetwork[] }).networks;
  }
  return cache;
}

/** The path of `@name`, or the argument itself when it does not start with `@`. */
export function resolveGraphPath(arg: string): string {
  if (!arg.startsWith("@")) return arg;
  const name = arg.slice(1);
  const network = shippedNetworks().find((n) => n.name === name);
  if (network === undefined) {
    const names = shippedNetworks().map((n) => `@${n.name}`);
    throw new NnmotifsError(
      `no shipped network "${arg}". Shipped: ${names.length > 0 ? names.join(", ") : "none (networks/ is missing)"}.`,
      { file: arg },
    );
  }
  return join(NETWORKS_DIR, network.file);
}
