/**
 * `npm run build`, after tsc: dist/cli/census.bundle.cjs, the `nnmotifs census` command in one
 * script (issue 12 item 4, start-up). dist/cli/main.js runs it through a V8 code cache
 * (src/cli/census-bundle.ts): one file read and no compiling instead of ~45 ES modules resolved,
 * read and compiled one by one. Every other command, and the census when the bundle is missing or
 * older than the tsc output, runs the plain dist/ modules.
 *
 * The bundle is the tsc output (dist/, not src/: the same JavaScript) from dist/cli/program.js,
 * CommonJS so that the code cache applies (Node 20 caches no ES module). It holds every module the
 * census command can reach, inlined and evaluated lazily as before (esbuild's `__esm` wrappers), so
 * no module of dist/ is loaded next to its bundled copy (two registries, two error classes); only
 * the other commands stay outside (never loaded with `census`), and the packages, required where
 * the module imported them. Two rewrites keep the modules' meaning:
 * - `import.meta.url` becomes the URL of the module's own file in dist/ (workers, package.json,
 *   the nulls' module URLs for worker threads all resolve as before);
 * - a dynamic `import()` of a package, a node: module or another command goes through the loader
 *   (`__nnmImport`): a script run from a code cache cannot call `import()` itself on Node 20.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const dist = path.resolve("dist");
const outfile = path.join(dist, "cli", "census.bundle.cjs");
const pkg = JSON.parse(await readFile("package.json", "utf8"));
/** Packages stay outside, required where imported; commander, which every census runs, is in. */
const PACKAGES = Object.keys(pkg.dependencies)
  .filter((name) => name !== "commander")
  .flatMap((name) => [name, `${name}/*`]);
const OTHER_COMMANDS = /^\.\/(?:train|graph|study|weights|worker|queue)-command\.js$/;
/** `import("…")` with a literal, or `import(name)`, as tsc writes them. */
const DYNAMIC_IMPORT = /\bimport\((?:(["'])([^"'\n]+)\1|([A-Za-z_$][\w$]*))\)/g;

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  await rm(outfile, { force: true });
  await rm(path.join(dist, "cli", "census.bundle.json"), { force: true });
  console.warn(
    "bundle-census: esbuild is not installed; `nnmotifs census` runs the plain modules.",
  );
  process.exit(0);
}

const rewrite = {
  name: "nnmotifs-census-bundle",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const rel = path.relative(dist, args.path).split(path.sep).join("/");
      const source = await readFile(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.url", `__nnmUrl(${JSON.stringify(rel)})`)
        .replace(DYNAMIC_IMPORT, (call, _quote, literal, name) => {
          if (name !== undefined) return `__nnmImport(${name})`;
          const local = literal.startsWith(".") && !OTHER_COMMANDS.test(literal);
          return local ? call : `__nnmImport(${JSON.stringify(literal)})`;
        });
      return { contents, loader: "js" };
    });
  },
};

// The code cache of the previous bundle (census-bundle.ts would only find it stale).
await rm(path.join(dist, "cli", "census.bundle.v8cache"), { force: true });
const result = await esbuild.build({
  entryPoints: [path.join(dist, "cli", "program.js")],
  outfile,
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
  plugins: [rewrite],
  metafile: true,
});

// A dynamic import() left in the bundle would fail at run time: refuse to ship one.
const bundle = await readFile(outfile, "utf8");
if (/\bimport\s*\(/.test(bundle) || bundle.includes("import.meta")) {
  await rm(outfile, { force: true });
  throw new Error(`bundle-census: ${outfile} still has import() or import.meta; not written.`);
}
// The dist/ modules inside: the loader runs the plain modules when one is newer than the bundle
// (a tsc run since, e.g. in watch mode).
const inputs = Object.keys(result.metafile.inputs)
  .map((input) => path.relative(dist, path.resolve(input)).split(path.sep).join("/"))
  .filter((input) => !input.startsWith(".."));
await writeFile(
  path.join(dist, "cli", "census.bundle.json"),
  JSON.stringify({ inputs }, null, 1) + "\n",
);
