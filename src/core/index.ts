export { Rng, deriveSeed, mix32 } from "./random.js";
export { NnmotifsError, unsupported, type ErrorLocation } from "./errors.js";
export { writeFileAtomic, writeFileAtomicSync, writeJsonAtomicSync } from "./atomic-write.js";
export { log, setLogger, quietLogger, type Logger } from "./log.js";
export { csvCell, toCsv, objectsToCsv } from "./csv.js";
