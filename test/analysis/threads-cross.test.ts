// threads-cross.json: the biggest cross-posted threads that threads-top.json does not hold, so the
// Across page names a window's cross-posted threads without loading every part of threads.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { FILES, THREADS_TOP } from "../../loaders/analysis/artifacts.ts";
import { corpus, msg, H, T0 } from "./fixture.ts";

test("cross-posted threads beyond the top rows are in threads-cross.json, biggest first, with their row index", () => {
  const ms = [];
  // THREADS_TOP + 20 busy single-list threads (3 messages) fill threads-top.json ...
  for (let i = 0; i < THREADS_TOP + 20; i++) {
    ms.push(msg(`s${i}`, "ann", T0 + i * H, { lists: ["alpha"] }));
    ms.push(msg(`s${i}r1`, "bob", T0 + i * H + 1, { irt: `s${i}`, lists: ["alpha"] }));
    ms.push(msg(`s${i}r2`, "ann", T0 + i * H + 2, { irt: `s${i}r1`, lists: ["alpha"] }));
  }
  // ... so smaller cross-posted threads are not among them: one of 2 messages, three of 1.
  ms.push(msg("x0", "cat", T0, { lists: ["alpha", "beta"] }), msg("x0r", "bob", T0 + 1, { irt: "x0", lists: ["alpha", "beta"] }));
  for (let i = 1; i <= 3; i++) ms.push(msg(`x${i}`, "cat", T0 + i, { lists: ["beta", "gamma"] }));
  ms.push(msg("y", "cat", T0 + 5, { lists: ["beta"] })); // single-list and small: in neither file
  const files = siteFiles(analyzeCorpus(corpus(ms, []), {}), "v1", Date.now());
  const threads = JSON.parse(files.get(FILES.threads)!).rows as { id: string; lists: string[]; messages: number }[];
  const top = JSON.parse(files.get(FILES.threadsTop)!).rows as { id: string; row: number }[];
  const cross = JSON.parse(files.get(FILES.threadsCross)!);
  assert.equal(top.length, THREADS_TOP);
  assert.equal(cross.total, threads.length);
  assert.deepEqual(cross.rows.map((r: { id: string }) => r.id), ["x0", "x1", "x2", "x3"]);
  for (const r of cross.rows) assert.equal(threads[r.row].id, r.id, "row index points at the thread's row");
  const inTop = new Set(top.map((r) => r.id));
  assert.ok(cross.rows.every((r: { id: string }) => !inTop.has(r.id)));
});
