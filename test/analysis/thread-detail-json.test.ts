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
import { analysisDetailSource, detailReviews, detailWriter, threadRowJson } from "../../loaders/analysis/thread-detail-json.ts";
import { artifactJson, boundThreadDetail } from "../../loaders/analysis/bounded.ts";
import { threadSeries } from "../../loaders/analysis/build-series.ts";
import { hostileCorpus } from "./hostile-threads.ts";

test("thread detail text == artifactJson(boundThreadDetail(detail)) for every thread", () => {
  const a = analyzeCorpus(hostileCorpus());
  const { threads, detail, reviewsOf } = buildThreadsArtifacts(a);
  const rows = threadRowJson(threads.rows);
  // As the shard builders call it (thread-shards-job.ts threadShardsHere, and the worker with the same writer).
  const write = detailWriter(analysisDetailSource(a));
  const json = (k: number, s: unknown, row: string) => write(k, row, detailReviews(a, reviewsOf(k)), s === null ? null : artifactJson(s));
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
