import { transformSync } from "esbuild";
import { readFileSync } from "node:fs";
const [file, ...cols] = process.argv.slice(2);
const out = transformSync(readFileSync(file, "utf8"), { loader: "ts", format: "esm", minifyWhitespace: true, keepNames: true, target: "node20", sourcefile: file }).code;
for (const c of cols) console.log(c, "=>", out.slice(+c, +c + 150));
