/**
 * TensorFlow.js, loaded on demand (so commands that never train never load it), on the WebAssembly
 * backend when it loads — its .wasm binaries are read from node_modules, never fetched — else on
 * the pure-JavaScript `cpu` backend. Callers report which one ran.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { NnmotifsError } from "../core/errors.js";
import { log } from "../core/log.js";
import type { Tf } from "./mlp.js";

export type BackendName = "wasm" | "cpu";
export type BackendChoice = BackendName | "auto";

export interface LoadedTf {
  readonly tf: Tf;
  readonly backend: BackendName;
  /** Why wasm was not used, when it was wanted and failed. */
  readonly fallbackReason?: string;
}

let wasmPathsSet = false;

/** Load tfjs and select a backend ("auto": wasm when it loads, else cpu). */
export async function loadTf(choice: BackendChoice = "auto"): Promise<LoadedTf> {
  const tf = await import("@tensorflow/tfjs");
  // PROD silences tfjs's console banners ("looks like you are running TensorFlow.js in Node.js")
  // and skips debug-only checks; our messages go through log().
  tf.env().set("PROD", true);
  if (choice === "cpu") {
    await tf.setBackend("cpu");
    await tf.ready();
    return { tf, backend: "cpu" };
  }
  let reason: string;
  try {
    if (!wasmPathsSet) {
      const wasm = await import("@tensorflow/tfjs-backend-wasm");
      const require = createRequire(import.meta.url);
      const dir = dirname(
        require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"),
      );
      wasm.setWasmPaths(`${dir}/`);
      wasmPathsSet = true;
    }
    if (await tf.setBackend("wasm")) {
      await tf.ready();
      return { tf, backend: "wasm" };
    }
    reason = "the wasm backend did not initialise";
  } catch (error) {
    reason = (error as Error).message;
  }
  if (choice === "wasm")
    throw new NnmotifsError(`the tfjs wasm backend is unavailable: ${reason}`, {}, 1);
  log().warn(
    `TensorFlow.js wasm backend unavailable (${reason}); training on the slower cpu backend`,
  );
  await tf.setBackend("cpu");
  await tf.ready();
  return { tf, backend: "cpu", fallbackReason: reason };
}
