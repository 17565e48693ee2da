/**
 * `npm run build`, after tsc: two CommonJS bundles run from a V8 code cache
 * (src/core/cached-bundle.ts): one file read and no compiling instead of ES modules resolved,
 * read and compiled one by one (Node 20 caches no ES module).
 * - dist/cli/census.bundle.cjs, the `nnmotifs census` command (issue 12 item 4, start-up), which
 *   dist/cli/main.js runs (src/cli/census-bundle.ts) instead of ~45 modules. Every other command,
 *   and the census when the bundle is missing or older than the tsc output, runs the plain dist/
 *   modules.
 * - dist/motifs/random-ensemble-worker.bundle.cjs, the census worker (~30 modules in every worker
 *   thread), with its entry dist/motifs/random-ensemble-worker-entry.cjs, the file piscina loads
 *   (src/motifs/random-ensemble-worker-entry.ts with the loader, a small CommonJS module).
 *
 * A bundle is the tsc output (dist/, not src/: the same JavaScript), CommonJS so that the code
 * cache applies. It holds every module its entry can reach, inlined and evaluated lazily as before
 * (esbuild's `__esm` wrappers), so no module of dist/ is loaded next to its bundled copy (two
 * registries, two error classes); only the other commands stay outside (never loaded with
 * `census`), and the packages, required where the module imported them. Two rewrites keep the
 * modules' meaning:
 * - `import.meta.url` becomes the URL of the module's own file in dist/ (workers, package.json,
 *   the nulls' module URLs for worker threads all resolve as before);
 * - a dynamic `import()` of a package, a node: module or another command goes through the loader
 *   (`__nnmImport`): a script run from a code cache cannot call `import()` itself on Node 20.
 * Each bundle's manifest (X.bundle.json) lists the dist/ modules inside: the loader runs the plain
 * modules when one is newer than the bundle (a tsc run since, e.g. in watch mode).
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const dist = path.resolve("dist");
const pkg = JSON.parse(await readFile("package.json", "utf8"));
/** Packages stay outside, required where imported; commander, which every census runs, is in. */
const PACKAGES = Object.keys(pkg.dependencies)
  .filter((name) => name !== "commander")
  .flatMap((name) => [name, `${name}/*`]);
const OTHER_COMMANDS = /^\.\/(?:train|graph|study|weights|worker|queue)-command\.js$/;
/** `import("…")` with a literal, or `import(name)`, as tsc writes them. */
const DYNAMIC_IMPORT = /\bimport\((?:(["'])([^"'\n]+)\1|([A-Za-z_$][\w$]*))\)/g;

const CENSUS = {
  entry: "cli/program.js",
  outfile: "cli/census.bundle.cjs",
  entryFile: null,
};
const WORKER = {
  entry: "motifs/random-ensemble-worker.js",
  outfile: "motifs/random-ensemble-worker.bundle.cjs",
  /** Loaded by `require` (piscina), so its own `import()` works: only `import.meta` rewritten. */
  entryFile: {
    entry: "motifs/random-ensemble-worker-entry.js",
    outfile: "motifs/random-ensemble-worker-entry.cjs",
  },
};

/** X.bundle.cjs → X.bundle.json, X.bundle.v8cache (src/core/cached-bundle.ts). */
const sibling = (outfile, ext) => path.join(dist, outfile.replace(/\.cjs$/, ext));
const outputs = (target) =>
  [
    path.join(dist, target.outfile),
    sibling(target.outfile, ".json"),
    sibling(target.outfile, ".v8cache"),
    target.entryFile && path.join(dist, target.entryFile.outfile),
  ].filter(Boolean);

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  for (const file of [CENSUS, WORKER].flatMap(outputs)) await rm(file, { force: true });
  console.warn(
    "bundle-census: esbuild is not installed; `nnmotifs census` and its workers run the plain modules.",
  );
  process.exit(0);
}

/** The rewrites above; `imports: false` keeps every `import()` (a file loaded by `require`). */
const rewrite = (imports) => ({
  name: "nnmotifs-bundle",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const rel = path.relative(dist, args.path).split(path.sep).join("/");
      const source = await readFile(args.path, "utf8");
      const contents = source.replaceAll("import.meta.url", `__nnmUrl(${JSON.stringify(rel)})`);
      if (!imports) return { contents, loader: "js" };
      return {
        contents: contents.replace(DYNAMIC_IMPORT, (call, _quote, literal, name) => {
          if (name !== undefined) return `__nnmImport(${name})`;
          const local = literal.startsWith(".") && !OTHER_COMMANDS.test(literal);
          return local ? call : `__nnmImport(${JSON.stringify(literal)})`;
        }),
        loader: "js",
      };
    });
  },
});

/** Bundle dist/`entry` into dist/`outfile`; the dist/ modules inside, relative to dist/. */
async function build(entry, outfile, imports) {
  const file = path.join(dist, outfile);
  const result = await esbuild.build({
    entryPoints: [path.join(dist, entry)],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: PACKAGES,
    legalComments: "none",
    minifyWhitespace: true,
    logLevel: "warning",
    banner: {
      js: 'const __nnmUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, "..", file)).href;',
    },
    plugins: [rewrite(imports)],
    metafile: true,
  });
  // import.meta left in a bundle would be empty; a dynamic import() in one run from a code cache
  // would fail at run time: refuse to ship either.
  const text = await readFile(file, "utf8");
  if ((imports && /\bimport\s*\(/.test(text)) || text.includes("import.meta")) {
    await rm(file, { force: true });
    throw new Error(`bundle-census: ${file} still has import() or import.meta; not written.`);
  }
  return Object.keys(result.metafile.inputs)
    .map((input) => path.relative(dist, path.resolve(input)).split(path.sep).join("/"))
    .filter((input) => !input.startsWith(".."));
}

for (const target of [CENSUS, WORKER]) {
  // The code cache of the previous bundle (the loader would only find it stale), and the manifest
  // (no bundle is used without one until this one is complete).
  for (const file of outputs(target)) await rm(file, { force: true });
  const inputs = await build(target.entry, target.outfile, true);
  if (target.entryFile !== null) {
    inputs.push(...(await build(target.entryFile.entry, target.entryFile.outfile, false)));
  }
  await writeFile(
    sibling(target.outfile, ".json"),
    JSON.stringify({ inputs: [...new Set(inputs)] }, null, 1) + "\n",
  );
}
