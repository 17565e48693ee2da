/**
 * Writes small Keras-2-layout .h5 files with h5wasm, for the import tests: the root attribute
 * `model_config` (JSON) and `model_weights/<layer>/<layer>/{kernel:0,bias:0}` with `layer_names`
 * and `weight_names` attributes, as Keras 2.2 saves them.
 */
import { resolve } from "node:path";

export interface FixtureLayer {
  name: string;
  className?: string;
  units?: number;
  activation?: string;
  kernel?: { shape: [number, number]; values: Float32Array };
  bias?: Float32Array;
}

export async function writeKerasH5(
  path: string,
  layers: FixtureLayer[],
  options: { className?: string; modelConfig?: boolean } = {},
): Promise<void> {
  const h5 = (await import("h5wasm/node")).default;
  await h5.ready;
  const f = new h5.File(resolve(path), "w");
  try {
    const config = {
      class_name: options.className ?? "Sequential",
      config: {
        name: "sequential_1",
        layers: layers.map((l) => ({
          class_name: l.className ?? "Dense",
          config: {
            name: l.name,
            units: l.units,
            activation: l.activation ?? "relu",
            use_bias: true,
          },
        })),
      },
    };
    if (options.modelConfig ?? true) f.create_attribute("model_config", JSON.stringify(config));
    const root = f.create_group("model_weights");
    root.create_attribute(
      "layer_names",
      layers.map((l) => l.name),
    );
    for (const l of layers) {
      const g = root.create_group(l.name);
      const names: string[] = [];
      if (l.kernel !== undefined || l.bias !== undefined) {
        const inner = g.create_group(l.name);
        if (l.kernel !== undefined) {
          inner.create_dataset({
            name: "kernel:0",
            data: l.kernel.values,
            shape: l.kernel.shape,
            dtype: "<f",
          });
          names.push(`${l.name}/kernel:0`);
        }
        if (l.bias !== undefined) {
          inner.create_dataset({
            name: "bias:0",
            data: l.bias,
            shape: [l.bias.length],
            dtype: "<f",
          });
          names.push(`${l.name}/bias:0`);
        }
      }
      g.create_attribute("weight_names", names.length > 0 ? names : [""]);
    }
  } finally {
    f.close();
  }
}

export function dense(
  name: string,
  nIn: number,
  nOut: number,
  activation = "relu",
  seed = 1,
): FixtureLayer {
  const values = Float32Array.from({ length: nIn * nOut }, (_, i) => Math.sin(seed * 1000 + i) / 4);
  const bias = Float32Array.from({ length: nOut }, (_, j) => Math.cos(seed * 1000 + j) / 10);
  return { name, units: nOut, activation, kernel: { shape: [nIn, nOut], values }, bias };
}
