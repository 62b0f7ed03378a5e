// Invariants on the real 2024-h2 corpus (skipped when ../shared is absent): ingest the three
// lists into a temp store, run `threadgraph analyze`, and check the graph and artifacts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import type { GraphArtifact, MetaArtifact, ThreadDetail } from "../../loaders/analysis/artifacts.ts";
import { openStore } from "../../loaders/store/store.ts";

const CORPUS = resolve("../shared/corpus/2024-h2");
const skip = existsSync(join(CORPUS, "netdev.mbox.gz")) ? false : `skipped: ${CORPUS} is absent`;

test("2024-h2: edges reference existing nodes, weights sum to reply messages, no bots by default", { skip, timeout: 300_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-h2-"));
  try {
    const store = join(tmp, "store");
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    cli("ingest", "--store", store, ...["linux-cxl", "netdev", "linux-rdma"].map((l) => `${l}=${join(CORPUS, `${l}.mbox.gz`)}`));
    console.log(cli("analyze", "--store", store).trim());
    const site = join(store, "site");
    const read = <T>(f: string): T => JSON.parse(readFileSync(join(site, f), "utf8"));
    const meta = read<MetaArtifact>("meta.json");
    const g = read<GraphArtifact>("graph.json");
    assert.equal(meta.empty, false);
    assert.ok(meta.counts.messages > 17_000);
    // Every edge endpoint exists.
    for (const e of g.edges) assert.ok(g.nodes[e.s] && g.nodes[e.t], `edge ${e.s}->${e.t}`);
    // Default-graph weights add up to the reply messages (full table, bots excluded).
    const s = await openStore(store);
    const [{ n }] = await s.query<{ n: number }>("SELECT count(*) AS n FROM replies WHERE NOT is_bot");
    const [{ w }] = await s.query<{ w: number }>("SELECT count(*) AS w FROM replies r JOIN messages m ON m.message_id = r.child_id WHERE NOT r.is_bot AND m.thread_id = r.thread_id");
    const bots = await s.query<{ person_id: string }>("SELECT person_id FROM people WHERE is_bot");
    await s.close();
    assert.equal(n, w);
    assert.equal(meta.counts.reply_messages, n);
    const isBot = new Set(g.nodes.filter((x) => x.bot).map((x) => x.id));
    const defaultWeight = g.edges.filter((e) => !g.nodes[e.s].bot && !g.nodes[e.t].bot).reduce((a, e) => a + e.w, 0);
    assert.equal(g.pruning.kept_edges, g.pruning.total_edges, "2024-h2 fits without pruning");
    assert.equal(defaultWeight, n);
    // No bot carries default-graph metrics; store-flagged bots are flagged in the graph.
    for (const x of g.nodes) if (x.bot) assert.equal(x.pagerank, null);
    for (const b of bots) if (g.nodes.some((x) => x.id === b.person_id)) assert.ok(isBot.has(b.person_id));
    assert.equal(g.stats.nodes, g.nodes.filter((x) => !x.bot).length);
    // Size budget for the graph page.
    const gz = gzipSync(readFileSync(join(site, "graph.json"))).length;
    console.log(`graph.json: ${g.nodes.length} nodes, ${g.edges.length} edges, ${(gz / 1e6).toFixed(2)} MB gzipped`);
    assert.ok(gz <= 5e6);
    // Every thread detail's messages have parents inside the thread (or null).
    for (const k of meta.thread_keys.slice(0, 50)) {
      const d = read<ThreadDetail>(`thread/${k}.json`);
      const ids = new Set(d.messages.map((m) => m.id));
      for (const m of d.messages) assert.ok(m.parent === null || ids.has(m.parent));
      assert.equal(d.messages.length, d.thread.messages);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
