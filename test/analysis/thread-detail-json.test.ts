// The thread shards' compact detail text (thread-detail-writer.ts), decoded by the page's code
// (src/components/thread-detail.js), must give the reference detail object exactly
// (JSON of artifactJson(boundThreadDetail(detail))), on threads that take every branch: a cut thread
// (> DETAIL_ROWS messages, undated messages, > DETAIL_ROWS participants), a phantom root, forwarded
// patches, hostile text (control characters, combining-mark runs, huge subjects and ids, lone
// surrogates), trailers, NAKs, a series part, replies dated before their parent, subjects that do and
// do not follow "Re: " + the parent's, fractional dates. And it must be compact: each Message-ID once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import type { Analysis } from "../../loaders/analysis/analyze.ts";
import { buildThreadsArtifacts, threadReviews } from "../../loaders/analysis/build-people.ts";
import type { ReviewRow } from "../../loaders/analysis/reviews.ts";
import { analysisDetailSource, detailReviews, detailWriter, threadRowJson } from "../../loaders/analysis/thread-detail-json.ts";
import { artifactJson, boundThreadDetail, DETAIL_ROWS } from "../../loaders/analysis/bounded.ts";
import { threadSeries } from "../../loaders/analysis/build-series.ts";
import { capLength } from "../../loaders/model/clip.ts";
// @ts-expect-error plain browser JS module without types
import { threadDetail } from "../../src/components/thread-detail.js";
import { hostileCorpus } from "./hostile-threads.ts";
import { corpus, msg, H, T0 } from "./fixture.ts";

/** Replies whose subjects follow the parent's or not, a reply dated before its parent, a fractional date, "Re: Re:" and "RE:". */
function subjectCorpus() {
  const ms = [msg("s0", "ann", T0, { subject: "[PATCH v2 1/2] net: fix it", patch: { version: 2, index: 1, total: 2 } })];
  ms.push(msg("s1", "bob", T0 + H, { irt: "s0", subject: "Re: [PATCH v2 1/2] net: fix it" }));
  ms.push(msg("s2", "ann", T0 + 2 * H, { irt: "s1", subject: "Re: [PATCH v2 1/2] net: fix it" }));
  ms.push(msg("s3", "cat", T0 + 3 * H, { irt: "s1", subject: "RE: [PATCH v2 1/2] net: fix it" }));
  ms.push(msg("s4", "dan", T0 + 4 * H + 0.5, { irt: "s3", subject: "Re: RE: [PATCH v2 1/2] net: fix it" }));
  ms.push(msg("s5", "eve", T0 + 30 * 60_000, { irt: "s2", subject: "Re: [PATCH v2 1/2] net: fix it" })); // dated before its parent
  ms.push(msg("s6", "bob", T0 + 5 * H, { irt: "s0", subject: "Re: Re: [PATCH v2 1/2] net: fix it" }));
  ms.push(msg("s7", "bob", T0 + 6 * H, { irt: "s0", subject: "[PATCH v2 1/2] net: fix it" }));
  ms.push(msg("u0", "fay", T0, { subject: "Re: a question" }), msg("u1", "gus", T0 + H, { irt: "u0", subject: "Re: a question" }));
  // Two revisions of one series: their threads' details share the series part.
  ms.push(msg("v1", "hal", T0, { subject: "[PATCH] mm: tidy", patch: { version: 1 } }), msg("v2", "hal", T0 + 48 * H, { subject: "[PATCH v2] mm: tidy", patch: { version: 2 } }));
  return corpus(ms);
}

/** Each thread's detail written as the shard builders write it, decoded as the page decodes it, and the reference object. */
function details(a: Analysis, inlineSeries: boolean) {
  const { threads, detail, reviewsOf } = buildThreadsArtifacts(a);
  const rows = threadRowJson(threads.rows);
  const write = detailWriter(analysisDetailSource(a));
  return threads.rows.map((r, k) => {
    assert.equal(rows[k], artifactJson(r), `row ${r.id}`);
    const s = threadSeries(a, r.id);
    const member = s === null ? null : inlineSeries ? artifactJson(s) : JSON.stringify(capLength(s.group));
    const text = write(k, rows[k], detailReviews(reviewsOf(k)), member);
    const d = detail(k);
    const ref = JSON.parse(artifactJson(boundThreadDetail(s === null ? d : { ...d, series: s })));
    return { id: r.id, text, ref, decoded: threadDetail(JSON.parse(text), s === null ? null : JSON.parse(artifactJson(s))), series: s };
  });
}

for (const [name, make] of [["hostile threads", hostileCorpus], ["subjects and dates", subjectCorpus]] as const) {
  for (const inline of [false, true]) {
    test(`${name}: the decoded compact detail == the reference detail, for every thread (series ${inline ? "inline" : "named"})`, () => {
      const all = details(analyzeCorpus(make()), inline);
      for (const { id, ref, decoded } of all) assert.deepEqual(decoded, ref, `detail of ${id.slice(0, 40)}`);
      if (make === hostileCorpus) {
        assert.ok(all.some((d) => d.ref.full_counts), "a cut thread was compared");
        assert.ok(all.some((d) => d.series), "a thread with a series part was compared");
        assert.ok(all.some((d) => d.ref.trailers.some((t: { from: { id: string } }) => t.from.id === "zed")), "a trailer by someone who sent nothing");
        assert.ok(all.some((d) => d.ref.naks.length), "a NAK was compared");
      } else assert.ok(all.filter((d) => d.series).length >= 2, "two revisions with a series part");
    });
  }
}

test("compact: each Message-ID once per detail, a reply's subject only where it is not Re: + its parent's", () => {
  const all = details(analyzeCorpus(subjectCorpus()), false);
  const s = all.find((d) => d.id === "s0")!;
  assert.equal(s.ref.messages.length, 8);
  const rows = JSON.stringify(JSON.parse(s.text).msgs); // the thread row and series name the root too
  for (const m of s.ref.messages) assert.equal(rows.split(JSON.stringify(m.id)).length - 1, 1, `${m.id} written once`);
  // Written: s3 (RE:), s4 (follows RE: with Re: RE:), s6 (Re: Re:), s7 (no Re:); s5 replies to a later row.
  const written = JSON.parse(s.text).msgs.filter((r: unknown[]) => typeof r[6] === "string").map((r: unknown[]) => r[0]).sort();
  assert.deepEqual(written, ["s3", "s5", "s6", "s7"]);
  assert.equal(s.text.split('"subject"').length - 1, 1, "only the thread row names a subject key");
  // Against the verbose form: well under half the text.
  const verbose = JSON.stringify(s.ref);
  assert.ok(s.text.length < 0.6 * verbose.length, `${s.text.length} vs ${verbose.length}`);
});

test("detailReviews gives threadReviews' rows (cut to DETAIL_ROWS, full counts kept) without its objects", () => {
  const a = analyzeCorpus(subjectCorpus());
  const kinds = ["reviewed-by", "acked-by", "tested-by", "nacked-by", "nak-line", "pw-bot-changes-requested"] as const;
  const revs: ReviewRow[] = [];
  // More trailers and NAKs than a detail shows, an unknown ("" or null) author, series and patch targets, pw-bot verdicts (in neither list).
  for (let i = 0; i < 4 * DETAIL_ROWS + 7; i++) {
    const kind = kinds[i % kinds.length];
    revs.push({ messageId: `r${i}`, kind, reviewer: `p${i % 13}`, author: i % 11 === 0 ? null : i % 17 === 0 ? "" : `q${i % 5}`,
      target: i % 3 === 0 ? null : `t${i}`, appliesTo: i % 4 === 0 ? "series" : "patch", seriesId: i % 4 === 0 ? `s${i}` : null,
      threadId: "s0", lists: ["netdev"], date: T0 + i, source: kind.startsWith("pw-") ? "pw-bot" : kind === "nak-line" ? "line" : "reply", crossSubsystem: i % 2 === 0 });
  }
  const got = detailReviews(revs), ref = threadReviews(a, revs);
  assert.equal(got.nTrailers, ref.trailers.length);
  assert.equal(got.nNaks, ref.naks.length);
  assert.ok(ref.trailers.length > DETAIL_ROWS && ref.naks.length > DETAIL_ROWS);
  assert.deepEqual(got.trailers, ref.trailers.slice(0, DETAIL_ROWS).map((t) => [t.kind, t.from.id, t.to?.id ?? null, t.message_id, t.applies_to]));
  assert.deepEqual(got.naks, ref.naks.slice(0, DETAIL_ROWS).map((n) => [n.from.id, n.to?.id ?? null, n.message_id, n.source, n.cross_subsystem]));
  assert.equal(detailReviews([]).trailers.length, 0);
});
