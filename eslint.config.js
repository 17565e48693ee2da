import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-globals": ["error", { name: "Math.random", message: "pass an rng" }],
    },
  },
  {
    // The motif engine and the statistics must never depend on the neural-network side.
    files: ["src/motifs/**", "src/stats/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/nn/**", "@tensorflow/*", "h5wasm"] },
      ],
    },
  },
);
