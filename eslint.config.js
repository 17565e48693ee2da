import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "results/**", "coverage/**", ".tmp*/**", "**/*.tmp.*"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "pass a seeded Rng (src/core/random.ts)" },
      ],
    },
  },
  {
    // The motif engine and the statistics must never depend on the neural-network side.
    files: ["src/motifs/**", "src/nulls/**", "src/stats/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/nn/**", "@tensorflow/*", "h5wasm"] }],
    },
  },
);
