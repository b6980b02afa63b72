import { defineConfig } from "vitest/config";

// Development: `npm run dev` serves the interface and forwards /api to a running
// `tatakerja serve` (TATAKERJA_URL, default http://127.0.0.1:8080).
const api = process.env.TATAKERJA_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  build: {
    target: "es2020",
    outDir: "dist",
    emptyOutDir: true,
    // No inline <script>/data: URLs: the server's CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: { "/api": { target: api, changeOrigin: false } },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
