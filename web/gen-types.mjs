// Generates src/api/openapi.gen.ts from the server's OpenAPI document (src/api/openapi.json)
// with openapi-typescript, when that document is filled in. `npm run gen:types`; `npm run build`
// runs it first, so src/api/contract.ts checks types.ts against the server's current document.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const source = "../src/api/openapi.json";
let doc = {};
try {
  doc = JSON.parse(readFileSync(source, "utf8"));
} catch (e) {
  console.error(`${source}: ${e.message}`);
  process.exit(1);
}
if (!doc.openapi || !doc.paths) {
  console.log(
    `${source} belum berisi dokumen OpenAPI; src/api/types.ts (ditulis tangan dari docs/api.md) tetap dipakai.`,
  );
  process.exit(0);
}
execFileSync(
  process.execPath,
  ["node_modules/openapi-typescript/bin/cli.js", source, "-o", "src/api/openapi.gen.ts"],
  { stdio: ["ignore", "ignore", "inherit"] },
);
