// ESLint (flat config): the recommended JavaScript rules everywhere, and typescript-eslint's
// type-aware recommended rules over the interface (src/). Formatting is prettier's job
// (npm run format:check), so no stylistic rules here.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "e2e/artifacts/", "src/api/openapi.gen.ts"] },
  js.configs.recommended,
  {
    files: ["src/**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.browser,
    },
    rules: {
      // types.ts writes `"pegawai" | "administrator" | string` on purpose: the known values are
      // documentation, and the server may add others; the union is string either way.
      "@typescript-eslint/no-redundant-type-constituents": "off",
      // Every page is an async (ctx) => Promise<void>, including those that fetch nothing.
      "@typescript-eslint/require-await": "off",
      // Async event handlers (addEventListener, onclick) are the idiom here; each one catches its
      // own errors. Promises in conditions and spreads are still checked.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // Not part of tsconfig.json's project: the untyped TypeScript rules only.
    files: ["vite.config.ts"],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["e2e/**/*.mjs", "*.mjs", "*.js"],
    languageOptions: { globals: globals.node },
  },
);
