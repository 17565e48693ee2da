/**
 * Keras 2's SGD with momentum, written out (keras/optimizers.py, `SGD.get_updates`):
 *
 *   v ← momentum · v − lr · g
 *   p ← p + momentum · v − lr · g      (Nesterov)      or      p ← p + v      (classical)
 *
 * tfjs's MomentumOptimizer computes the same update in another form, but its dispose() leaks its
 * learning-rate scalar; this one owns exactly one velocity variable per parameter.
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Tf } from "./mlp.js";

export class KerasSgd {
  private readonly velocities = new Map<string, tfjs.Variable>();

  constructor(
    private readonly tf: Tf,
    readonly learningRate: number,
    readonly momentum: number,
    readonly nesterov: boolean,
  ) {}

  /** Apply one update to each parameter from its gradient. */
  apply(params: readonly tfjs.Variable[], grads: readonly tfjs.Tensor[]): void {
    const { tf, learningRate: lr, momentum: m } = this;
    params.forEach((p, i) => {
      let v = this.velocities.get(p.name);
      if (v === undefined) {
        v = tf.tidy(() => tf.variable(tf.zerosLike(p), false));
        this.velocities.set(p.name, v);
      }
      const velocity = v;
      tf.tidy(() => {
        const step = tf.mul(grads[i], lr);
        const next = tf.sub(tf.mul(velocity, m), step);
        velocity.assign(next);
        p.assign(this.nesterov ? tf.sub(tf.add(p, tf.mul(next, m)), step) : tf.add(p, next));
      });
    });
  }

  dispose(): void {
    for (const v of this.velocities.values()) v.dispose();
    this.velocities.clear();
  }
}
