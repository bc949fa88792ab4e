// Parses every *.tf file of a directory with HashiCorp's HCL parser (the Go
// parser compiled to WebAssembly, @cdktf/hcl2json) and prints one JSON object:
// {"<file name>": <that file as JSON>, ...}. Usage: node hcl2json.mjs DIR [FILE...]
import { parse } from "@cdktf/hcl2json";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...extra] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node hcl2json.mjs DIR [FILE...]");
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith(".tf")).concat(extra).sort();
const out = {};
for (const f of files) {
  out[f] = await parse(f, readFileSync(join(dir, f), "utf8"));
}
process.stdout.write(JSON.stringify(out));
