import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../loaders/store/store.ts";
import { windowStats } from "../../loaders/analysis/stats.ts";
import { writeDerivedTables } from "../../loaders/analysis/store-io.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { corpus, msg, H, T0 } from "./fixture.ts";

test("derived tables round-trip through the store and feed stats", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-derived-"));
  const s = await openStore(dir);
  try {
    assert.equal(await windowStats(s), null);
    const ms = [msg("a", "ann", T0), msg("b", "bob", T0 + H, { irt: "a" }), msg("c", "ann", T0 + 2 * H, { irt: "b" }),
      msg("d", "bob", T0 + 3 * H, { irt: "c" }), msg("e", "bot", T0 + 4 * H, { irt: "d", bot: true }), msg("x", "cat", T0)];
    await writeDerivedTables(s, analyzeCorpus(corpus(ms)));
    const w = await windowStats(s);
    // ann, bob, cat sent mail; bot is a bot: 3 people active; graph: ann<->bob.
    assert.deepEqual([w?.threads, w?.reply_edges, w?.graph_people, w?.people, w?.messages], [2, 2, 2, 3, 6]);
    const r = await s.query<{ child_id: string; latency_ms: number; is_bot: boolean }>("SELECT child_id, latency_ms, is_bot FROM replies ORDER BY child_id");
    assert.deepEqual(r.map((x) => [x.child_id, x.latency_ms, x.is_bot]), [["b", H, false], ["c", H, false], ["d", H, false], ["e", H, true]]);
    const t = await s.query<{ thread_id: string; messages: number; first_reply_ms: number | null }>("SELECT thread_id, messages, first_reply_ms FROM threads ORDER BY thread_id");
    assert.deepEqual(t.map((x) => [x.thread_id, x.messages, x.first_reply_ms]), [["a", 5, H], ["x", 1, null]]);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
