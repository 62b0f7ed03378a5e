// Every name a page or component imports from src/components/ is exported there. A page's code is
// plain JS inside Markdown: neither the typecheck nor `observable build` notices a missing export,
// and the page then fails in the browser only ("unfilteredNote is not a function" after a merge).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SRC = join(import.meta.dirname, "../../src");
const COMPONENTS = join(SRC, "components");
// The vendor bundles are built from these entries (npm run vendor); their exports are the entries'.
const BUNDLE_ENTRY: Record<string, string> = { "vendor.js": "vendor-entry.js", "vendor-graph.js": "vendor-graph-entry.js", "vendor-arquero.js": "vendor-arquero-entry.js" };

/** The names a module's text exports (export function/const/class, export { a, b as c }, export * as x). */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([\w$]+)/gm)) names.add(m[1]);
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) for (const part of m[1].split(",")) {
    const name = part.trim().split(/\s+as\s+/).pop()!.trim();
    if (name) names.add(name);
  }
  for (const m of text.matchAll(/^export\s*\*\s*as\s+([\w$]+)/gm)) names.add(m[1]);
  return names;
}

/** [imported name, module file name] of each `import { ... } from "./components/x.js"` (or "./x.js" inside components). */
function namedImports(text: string, prefix: string): [string, string][] {
  const out: [string, string][] = [];
  const re = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*["']${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}([\\w-]+\\.js)["']`, "g");
  for (const m of text.matchAll(re)) for (const part of m[1].split(",")) {
    const name = part.trim().split(/\s+as\s+/)[0].trim();
    if (name) out.push([name, m[2]]);
  }
  return out;
}

test("exportedNames and namedImports read the shapes the pages use", () => {
  assert.deepEqual([...exportedNames("export function a() {}\nexport async function b() {}\nexport const c = 1;\nexport { d, e as f } from './x.js';\nexport * as g from 'y';\n")].sort(), ["a", "b", "c", "d", "f", "g"]);
  assert.deepEqual(namedImports('import { a, b as c } from "./components/x.js";\nimport { d } from "./other.js";', "./components/"), [["a", "x.js"], ["b", "x.js"]]);
});

test("every name the pages and components import from src/components/ is exported by that module", () => {
  const exportsOf = new Map<string, Set<string>>();
  const exported = (file: string) => {
    let s = exportsOf.get(file);
    if (!s) exportsOf.set(file, (s = exportedNames(readFileSync(join(COMPONENTS, BUNDLE_ENTRY[file] ?? file), "utf8"))));
    return s;
  };
  const importers: [string, string, string][] = [];
  for (const f of readdirSync(SRC).filter((f) => f.endsWith(".md"))) importers.push([f, readFileSync(join(SRC, f), "utf8"), "./components/"]);
  for (const f of readdirSync(COMPONENTS).filter((f) => f.endsWith(".js") && !(f in BUNDLE_ENTRY))) importers.push([`components/${f}`, readFileSync(join(COMPONENTS, f), "utf8"), "./"]);
  const missing: string[] = [];
  let checked = 0;
  for (const [who, text, prefix] of importers) for (const [name, file] of namedImports(text, prefix)) {
    checked++;
    if (!exported(file).has(name)) missing.push(`${who} imports ${name} from ${file}, which does not export it`);
  }
  assert.deepEqual(missing, []);
  assert.ok(checked > 200, `imports were read (${checked})`);
});
