// The one-way data path, enforced: a module in loaders/ may import only its own stage or a lower
// one. Order follows the data: model -> sources -> parse -> identity -> store -> thread -> graph ->
// maintainers -> series -> analysis -> pipeline -> sync -> commands -> cli. loaders/ never imports Framework
// code or src/, and src/ reaches loaders/ only through its data loaders and components.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const LOADERS = join(ROOT, "loaders");
export const STAGES = ["model", "sources", "parse", "identity", "store", "thread", "graph", "maintainers",
  "series", "analysis", "pipeline", "sync", "commands", "cli"] as const;
/** Files at the top of loaders/ that belong to a stage. */
const TOP_LEVEL: Record<string, (typeof STAGES)[number]> = { "config.ts": "model", "cli.ts": "cli" };

function walk(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out); else if (/\.(ts|mts|mjs|js)$/.test(f)) out.push(p);
  }
  return out;
}

export function stageOf(file: string): number {
  const rel = relative(LOADERS, file).split("\\").join("/");
  const name = rel.includes("/") ? rel.slice(0, rel.indexOf("/")) : TOP_LEVEL[rel];
  const i = STAGES.indexOf(name as (typeof STAGES)[number]);
  if (i < 0) throw new Error(`loaders/${rel} is in no stage: put it in one of ${STAGES.join(", ")}`);
  return i;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|new URL\(\s*["'](\.[^"']+)["']/g;

export function importsOf(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What is wrong with one loaders/ file importing `specs`: upward, outside loaders/, or Framework. */
export function violationsOf(file: string, specs: string[]): string[] {
  const out: string[] = [];
  const from = stageOf(file);
  for (const spec of specs) {
    if (/^(npm:|@observablehq\/framework)/.test(spec)) out.push(`${relative(ROOT, file)} imports ${spec} (no Framework in loaders/)`);
    if (!spec.startsWith(".")) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(LOADERS + "/")) {
      // The project root (page cache, package.json version) is the only outside path allowed.
      if (target !== ROOT && target !== join(ROOT, "package.json")) out.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)} outside loaders/`);
      continue;
    }
    const to = stageOf(target);
    if (to > from) out.push(`${relative(ROOT, file)} (${STAGES[from]}) imports ${relative(ROOT, target)} (${STAGES[to]})`);
  }
  return out;
}

test("every loaders/ module imports only its own stage or a lower one", () => {
  assert.deepEqual(walk(LOADERS).flatMap((f) => violationsOf(f, importsOf(f))), []);
});

test("the stage check catches upward, outside and Framework imports", () => {
  const jwz = join(LOADERS, "thread/jwz.ts");
  assert.equal(violationsOf(jwz, ["../analysis/analyze.ts"]).length, 1);
  assert.equal(violationsOf(join(LOADERS, "store/store.ts"), ["../pipeline/ingest.ts"]).length, 1);
  assert.equal(violationsOf(jwz, ["../../src/components/dom.js"]).length, 1);
  assert.equal(violationsOf(jwz, ["npm:d3"]).length, 1);
  assert.deepEqual(violationsOf(join(LOADERS, "analysis/analyze.ts"), ["../thread/jwz.ts", "../model/corpus.ts", "node:fs"]), []);
  assert.throws(() => stageOf(join(LOADERS, "misc/x.ts")), /in no stage/);
});
