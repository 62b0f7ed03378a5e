// The thread shards' detail text is written straight from the analysis (thread-detail-json.ts): it
// must be byte for byte what serialising the reference detail object gives
// (artifactJson(boundThreadDetail(detail))), on threads that take every branch: a cut thread
// (> DETAIL_ROWS messages, undated messages, > DETAIL_ROWS participants), a phantom root, forwarded
// patches, hostile text (control characters, combining-mark runs, huge subjects and ids, lone
// surrogates), trailers, NAKs and a series part.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildThreadsArtifacts } from "../../loaders/analysis/build-people.ts";
import { threadDetailJson, threadRowJson } from "../../loaders/analysis/thread-detail-json.ts";
import { artifactJson, boundThreadDetail, DETAIL_ROWS } from "../../loaders/analysis/bounded.ts";
import { threadSeries } from "../../loaders/analysis/build-series.ts";
import { corpus, msg, trailer, H, T0 } from "./fixture.ts";

function hostileCorpus() {
  const ms = [];
  // A thread bigger than the cut, with undated replies and more participants than DETAIL_ROWS.
  ms.push(msg("big", "ann", T0, { subject: "[PATCH 0/3] big", patch: { isCover: true, index: 0, total: 3 } }));
  for (let i = 1; i <= DETAIL_ROWS + 40; i++) {
    ms.push(msg(`big.${i}`, `p${i % (DETAIL_ROWS + 20)}`, i % 7 === 0 ? null : T0 + (DETAIL_ROWS + 50 - i) * 60_000,
      { irt: i % 3 ? "big" : `big.${i - 1}`, lists: i % 2 ? ["alpha"] : ["alpha", "beta"] }));
  }
  // Hostile text and ids; a forwarded patch; a phantom root; a NAK line; a reply with a trailer.
  const zalgo = "Z" + "\u0301\u0302\u0303\u0304".repeat(50) + "algo";
  ms.push({ ...msg("h1", "ctl\u0001name", T0 + H, { subject: `tab\there\u0007 ${zalgo} ${"long ".repeat(400)}`, patch: { version: 3, index: 2, total: null } }), author: "fwd-author" });
  ms.push(msg("h2", "bob", T0 + 2 * H, { irt: "h1", subject: "lone \ud800 surrogate \udfff", lists: ["gamma", "alpha"] }));
  ms.push(msg("x".repeat(1200), "cat", T0 + 3 * H, { irt: "h2", nak: true }));
  ms.push(msg("orph", "dan", T0 + 4 * H, { irt: "gone@x", refs: ["gone@x"] }));
  ms.push(msg("orph2", "eve", null, { irt: "orph", refs: ["gone@x", "orph"] }));
  const trailers = [trailer("h2", "reviewed-by", "bob"), trailer("big.3", "acked-by", "p3"), trailer("big.4", "nacked-by", "p4")];
  return corpus(ms, trailers);
}

test("thread detail text == artifactJson(boundThreadDetail(detail)) for every thread", () => {
  const a = analyzeCorpus(hostileCorpus());
  const { threads, detail, reviewsOf } = buildThreadsArtifacts(a);
  const rows = threadRowJson(threads.rows);
  const json = threadDetailJson(a, reviewsOf);
  let cut = 0, series = 0;
  threads.rows.forEach((r, k) => {
    assert.equal(rows[k], artifactJson(r), `row ${r.id}`);
    const s = threadSeries(a, r.id);
    const d = detail(k);
    const ref = artifactJson(boundThreadDetail(s === null ? d : { ...d, series: s }));
    assert.equal(json(k, s, rows[k]), ref, `detail of ${r.id.slice(0, 40)}`);
    if (ref.includes('"full_counts"')) cut++;
    if (s !== null) series++;
  });
  assert.ok(cut >= 1, "a cut thread was compared");
  assert.ok(series >= 1, "a thread with a series part was compared");
});
