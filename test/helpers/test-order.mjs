// The test files `npm test` runs, slowest first: node --test starts files in the order given, two at
// a time, so long files that start last would run alone at the end while the other core idles.
// SLOW comes from the per-file report at the end of `npm test` (file-times-reporter.mjs); a file
// missing from it runs after them, in path order. `--full` lists the *.full.test.ts suites instead.
import { readdirSync } from "node:fs";
import { join } from "node:path";

const SLOW = [
];

const full = process.argv.includes("--full");
const walk = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const files = walk("test").filter((f) => f.endsWith(".test.ts") && f.endsWith(".full.test.ts") === full).sort();
const rank = (f) => { const i = SLOW.indexOf(f); return i < 0 ? SLOW.length : i; };
console.log(files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)).join("\n"));
