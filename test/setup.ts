/**
 * Property tests draw from one fixed seed, so a CI run is reproducible and a failure can be replayed;
 * `FC_SEED=<n> npm test` explores other draws (and `FC_SEED=random` a fresh one each run).
 */
import fc from "fast-check";

const requested = process.env.FC_SEED;
if (requested !== "random") {
  fc.configureGlobal({ seed: requested === undefined ? 20261202 : Number(requested) });
}
