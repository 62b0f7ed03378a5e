// The analysis rewrite for full-scale corpora (issue #12) keeps every output: the code of the
// analysis stage as it was before (BASE, extracted from git at test time) and the current code
// get the same synthetic store, and must read the same corpus (as a set: the old read had no
// fixed order) and, from one corpus, produce byte-identical page artifacts and derived tables.
// Skips with a message when git or the BASE commit is not available (e.g. a shallow clone).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import type { Store } from "../../loaders/store/api.ts";
import type { Corpus } from "../../loaders/model/corpus.ts";
import * as cur from "../../loaders/analysis/run.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { readCorpus, writeDerivedTables } from "../../loaders/analysis/store-io.ts";
import { fakeParse, fakeSource, tempDir, type FakeEntry } from "../store/helpers.ts";
import { randomHistory, RANDOM_LISTS } from "./random-corpus.ts";

/** The last commit before the rewrite. */
const BASE = "979a3ea1ba7d378b77655fd30cfa16736f4572a9";
const repo = resolve(fileURLToPath(import.meta.url), "../../..");

/** BASE's loaders/ under test-output/ (inside the repo, so its imports find node_modules), or why not. */
function extractBase(): { dir: string } | { skip: string } {
  const dir = join(repo, "test-output", `equivalence-${process.pid}`);
  try {
    execFileSync("git", ["cat-file", "-e", `${BASE}^{commit}`], { cwd: repo, stdio: "ignore" });
  } catch {
    return { skip: `git commit ${BASE.slice(0, 10)} (the analysis before the rewrite) is not available here` };
  }
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${BASE} loaders | tar -x -C "${dir}"`], { cwd: repo });
  return { dir };
}

/** Every derived table a writeDerivedTables call would write, captured instead of stored. */
async function derivedRows(write: (s: Store, a: unknown) => Promise<void>, a: unknown): Promise<string> {
  const tables: Record<string, unknown> = {};
  const capture = { writeDerived: async (name: string, columns: unknown, rows: unknown[]) => { tables[name] = { columns, rows }; } } as unknown as Store;
  await write(capture, a);
  return JSON.stringify(tables);
}

const normalised = (files: Map<string, string>) => {
  const out = new Map(files);
  const meta = JSON.parse(out.get("meta.json")!);
  meta.refreshed_at = 0; meta.elapsed_s = 0;
  out.set("meta.json", JSON.stringify(meta));
  // graphology names unkeyed edges geid_<graphs made so far in this process>_<n>: not the code's doing.
  out.set("graph.gexf", out.get("graph.gexf")!.replace(/"geid_\d+_/g, '"geid_'));
  return out;
};

const sortedCorpus = (c: Corpus) => JSON.stringify({
  ...c, messages: [...c.messages].sort((x, y) => (x.id < y.id ? -1 : 1)), people: [...c.people].sort((x, y) => (x.id < y.id ? -1 : 1)),
  trailers: c.trailers.map((t) => JSON.stringify(t)).sort(),
});

function assertSameFiles(before: Map<string, string>, after: Map<string, string>, what: string) {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), `${what}: the same files`);
  for (const [name, content] of before) assert.ok(after.get(name) === content, `${what}: ${name} differs from the code before the rewrite`);
}

test("analysis before and after the rewrite: same corpus read, byte-identical artifacts and derived tables", async (t) => {
  const base = extractBase();
  if ("skip" in base) { t.skip(base.skip); return; }
  const tmp = tempDir("tg-equiv-");
  const store = await openStore(join(tmp.dir, "store"));
  try {
    const old = {
      run: await import(join(base.dir, "loaders/analysis/run.ts")),
      analyze: await import(join(base.dir, "loaders/analysis/analyze.ts")),
      site: await import(join(base.dir, "loaders/analysis/site.ts")),
      io: await import(join(base.dir, "loaders/analysis/store-io.ts")),
    };
    // One archive per list plus a single-thread fetch; cross-posts arrive through several.
    const history = randomHistory(7, 1500);
    const bySource = new Map<string, FakeEntry[]>();
    for (const { msg, sources } of history) for (const s of sources) {
      const l = bySource.get(s) ?? []; l.push({ kind: "message", msg }); bySource.set(s, l);
    }
    const sources = [...bySource].map(([id, entries]) => fakeSource(id, entries, id.startsWith("src-") ? id.slice(4) : undefined));
    await ingest(store, sources, {}, { parseStream: fakeParse });

    const corpus: Corpus = await readCorpus(store, RANDOM_LISTS);
    const oldCorpus: Corpus = await old.io.readCorpus(store, RANDOM_LISTS);
    assert.ok(corpus.messages.length > 1000 && corpus.trailers.length > 50, "a corpus worth comparing");
    assert.equal(sortedCorpus(corpus), sortedCorpus(oldCorpus), "readCorpus: the same messages, people, trailers and sources");

    const details = { people: 40, personMinMessages: 3, threads: 30, crossPosted: 20 };
    for (const w of [{}, { since: "2023-03-01", until: "2023-08-01" }]) {
      const win = cur.parseWindow(w);
      const opts = { details, window: w, windowStart: win.start, windowEnd: win.end };
      const aNew = analyzeCorpus(cur.windowCorpus(corpus, win.start, win.end), opts);
      const aOld = old.analyze.analyzeCorpus(old.run.windowCorpus(corpus, win.start, win.end), opts);
      const label = `window ${JSON.stringify(w)}`;
      assertSameFiles(normalised(old.site.siteFiles(aOld, "v", 0)), normalised(siteFiles(aNew, "v", 0)), label);
      assert.equal(await derivedRows(writeDerivedTables as never, aNew), await derivedRows(old.io.writeDerivedTables, aOld), `${label}: derived tables`);
    }
    // runAnalysis builds the same files beside the layout worker and the derived-table writes.
    await store.close();
    const withoutVersion = (f: Map<string, string>) => { const m = JSON.parse(f.get("meta.json")!); m.store_version = ""; return new Map(f).set("meta.json", JSON.stringify(m)); };
    const before = old.site.siteFiles(old.analyze.analyzeCorpus(old.run.windowCorpus(corpus), { details }), "v", 0);
    const run = await cur.runAnalysis({ storeDir: join(tmp.dir, "store"), lists: RANDOM_LISTS, window: {}, details, writeDerived: true });
    assertSameFiles(withoutVersion(normalised(before)), withoutVersion(normalised(run.files)), "runAnalysis");
  } finally {
    await store.close();
    tmp.cleanup();
    rmSync(base.dir, { recursive: true, force: true });
  }
});
