// depthOrder: parents before children, ties in index order (what a stable sort by depth gives),
// made once per threading.
import { test } from "node:test";
import assert from "node:assert/strict";
import { depthOrder, threadMessages } from "../../loaders/thread/index.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";

const msg = (id: string, refs: string[], date: number): AnalysisMessage => ({ id, date, from: "a", subject: "s", inReplyTo: refs.at(-1) ?? null,
  references: refs, lists: [], patch: { isPatch: false, version: 1, index: null, total: null, isCover: false }, isBot: false, nakLine: false, fetched: false });

test("depthOrder equals a stable sort of the indexes by depth", () => {
  // A random forest: each message replies to an earlier one or starts a thread; listed out of order.
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const ms: AnalysisMessage[] = [];
  for (let i = 0; i < 500; i++) {
    const p = i && rnd() < 0.8 ? ms[Math.floor(rnd() * i)] : null;
    ms.push(msg(`m${i}`, p ? [...p.references, p.id] : [], 1000 + i));
  }
  ms.reverse();
  const th = threadMessages(ms);
  const expected = ms.map((_, i) => i).sort((a, b) => th.depth[a] - th.depth[b]);
  const order = depthOrder(th);
  assert.deepEqual([...order], expected);
  assert.ok(new Set(th.depth).size > 5, "the fixture has deep threads");
  for (const i of order) if (th.parent[i] >= 0) assert.ok(order.indexOf(th.parent[i]) < order.indexOf(i));
  assert.equal(depthOrder(th), order, "made once per threading");
});
