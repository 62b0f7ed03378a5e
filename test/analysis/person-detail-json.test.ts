// The person shards' detail text is written straight from the analysis (person-detail-json.ts): it
// must be byte for byte what serialising the reference detail object gives
// (artifactJson(boundPersonDetail(detail)) with its series part), for people that take every branch:
// more addresses, reviews and NAKs than a detail lists, hostile names, subjects, ids and list names
// (control characters, combining-mark runs, huge text, lone surrogates), undated messages,
// phantom roots, forwarded patches, review targets inside and outside the corpus, and series.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildPeopleArtifacts } from "../../loaders/analysis/build-people.ts";
import { peopleJson, peopleRowJson, personDetailJson } from "../../loaders/analysis/person-detail-json.ts";
import { artifactJson, boundPersonDetail, DETAIL_ROWS } from "../../loaders/analysis/bounded.ts";
import { personSeriesIndex } from "../../loaders/analysis/build-series.ts";
import { personFactsOf } from "../../loaders/analysis/person-facts.ts";
import { corpus, msg, person, trailer, D, H, T0 } from "./fixture.ts";
import { fileKey } from "../../loaders/analysis/keys.ts";

function hostileCorpus() {
  const zalgo = "Z" + "\u0301\u0302\u0303\u0304".repeat(50) + "algo";
  const ms = [];
  const trailers = [];
  // A series (cover + patches, two versions) whose patches get more reviews and NAKs than a detail lists.
  ms.push(msg("c1", "ann", T0, { subject: "[PATCH 0/2] widget", patch: { isCover: true, index: 0, total: 2 } }));
  ms.push(msg("p1", "ann", T0 + H, { irt: "c1", subject: "[PATCH 1/2] widget: a", patch: { index: 1, total: 2 } }));
  ms.push(msg("p2", "ann", T0 + 2 * H, { irt: "c1", subject: `[PATCH 2/2] ${zalgo} ${"long ".repeat(300)}`, patch: { index: 2, total: 2 }, lists: ["alpha", "beta"] }));
  ms.push(msg("v2c", "ann", T0 + 30 * H, { subject: "[PATCH v2 0/2] widget", patch: { version: 2, isCover: true, index: 0, total: 2 } }));
  ms.push(msg("v2p1", "ann", T0 + 31 * H, { irt: "v2c", subject: "[PATCH v2 1/2] widget: a", patch: { version: 2, index: 1, total: 2 } }));
  for (let i = 0; i < DETAIL_ROWS + 200; i++) {
    const id = `r${i}`;
    ms.push(msg(id, "rev", i % 11 === 0 ? null : T0 + 3 * H + i * 60_000, { irt: i % 2 ? "p1" : "p2", lists: i % 3 ? ["alpha"] : ["beta", "gamma\u0007"] }));
    trailers.push(trailer(id, i % 5 === 0 ? "nacked-by" : i % 5 === 1 ? "acked-by" : "reviewed-by", "rev"));
  }
  // Hostile text: a forwarded patch, a phantom root, a NAK line, lone surrogates, a huge Message-ID.
  ms.push({ ...msg("h1", "ctl\u0001name", T0 + 40 * H, { subject: `tab\there\u0007 ${zalgo}`, patch: { version: 3, index: 2, total: null } }), author: "fwd-author" });
  ms.push(msg("h2", "bob", T0 + 41 * H, { irt: "h1", subject: "lone \ud800 surrogate \udfff", lists: ["gamma", "alpha"] }));
  ms.push(msg("x".repeat(1200), "cat", T0 + 42 * H, { irt: "h2", nak: true }));
  ms.push(msg("orph", "dan", T0 + 43 * H, { irt: "gone@x", refs: ["gone@x"] }));
  ms.push(msg("orph2", "eve", null, { irt: "orph", refs: ["gone@x", "orph"] }));
  trailers.push(trailer("h2", "reviewed-by", "bob"), trailer("orph", "tested-by", "dan"));
  // People with more addresses than a detail lists, hostile names, one with no message at all.
  const many = { ...person("ann", { name: `Ann ${zalgo}` }), emails: Array.from({ length: DETAIL_ROWS + 20 }, (_, i) => `ann${i}\u0002@example.org`) };
  const huge = { ...person("bob", { name: "B".repeat(5000) }), emails: ["bob@example.org", "lone\ud800@example.org"] };
  return corpus(ms, trailers, [many, huge, person("ghost", { name: "=cmd|' /C calc'!A0" })], ["alpha", "beta", "gamma\u0007"]);
}

test("person detail text == artifactJson(boundPersonDetail(detail)) with its series and facts parts, for every person", () => {
  const a = analyzeCorpus(hostileCorpus());
  const { people, ids, detail, detailParts, messageIndex } = buildPeopleArtifacts(a);
  const seriesOf = personSeriesIndex(a), factsOf = personFactsOf(a);
  const rowJson = peopleRowJson(people);
  assert.equal(peopleJson(rowJson), artifactJson(people), "people.json from the rows' JSON");
  const json = personDetailJson(a, detailParts, messageIndex, rowJson);
  let cut = 0, series = 0, withReviews = 0, facts = 0;
  for (const id of ids) {
    const d = detail(id);
    const s = seriesOf(d.person.id), f = factsOf(id);
    const withSeries = s === null ? d : { ...d, series: s };
    const ref = artifactJson(boundPersonDetail(f === null ? withSeries : { ...withSeries, facts: f }));
    assert.equal(json(id, s, f), ref, `detail of ${id.slice(0, 40)}`);
    if (f !== null) facts++;
    if (d.emails.length > DETAIL_ROWS || d.reviews_given.length > DETAIL_ROWS) cut++;
    if (s !== null) series++;
    if (d.reviews_received.length && d.naks_received.length) withReviews++;
  }
  assert.ok(cut >= 2, "cut address and review lists were compared");
  assert.ok(series >= 1, "a person with a series part was compared");
  assert.ok(facts >= 1, "a person with fact-table references was compared");
  assert.ok(withReviews >= 1, "reviews and NAKs received were compared");
});

// The person figures made without per-message strings and Sets (build-people.ts) against their
// definitions computed here from scratch: activity rows in first-seen (month, list) order sorted by
// month, distinct threads, the top threads by size, and every thread key the detail names.
test("person activity, threads and thread keys match their definitions", () => {
  const ms = [];
  // zed writes across months, lists in both orders, undated, in many threads of different sizes.
  for (let i = 0; i < 40; i++) {
    const date = i % 13 === 0 ? null : T0 + ((i * 17) % 9) * 20 * D + i * H;
    const lists = i % 3 === 0 ? ["beta", "alpha"] : i % 3 === 1 ? ["alpha"] : ["gamma", "beta"];
    ms.push(msg(`t${i % 7}-root`, "amy", T0 + i, { subject: `topic ${i % 7}` }));
    ms.push(msg(`z${i}`, "zed", date, { irt: `t${i % 7}-root`, lists }));
    if (i % 7 === 3) ms.push(msg(`y${i}`, "amy", T0 + i * D, { irt: `z${i}` }));
  }
  const a = analyzeCorpus(corpus(ms.filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i)));
  const { ids, detail, people } = buildPeopleArtifacts(a);
  for (const id of ids) {
    const mine = a.corpus.messages.map((m, i) => ({ m, i })).filter(({ m }) => m.from === id);
    const act = new Map<string, number>();
    for (const { m } of mine) if (m.date !== null) for (const l of m.lists) { const k = `${new Date(m.date).toISOString().slice(0, 7)}|${l}`; act.set(k, (act.get(k) ?? 0) + 1); }
    const want = [...act].map(([k, n]) => ({ month: k.slice(0, 7), list: k.slice(8), messages: n })).sort((x, y) => (x.month < y.month ? -1 : x.month > y.month ? 1 : 0));
    const d = detail(id);
    assert.deepEqual(d.activity, want, `activity of ${id}`);
    const threads = [...new Set(mine.map(({ i }) => a.tr.threading.threadId[i]))];
    assert.equal(people.rows.find((r) => r.id === id)!.threads, threads.length, `threads of ${id}`);
    const top = threads.map((t) => a.tr.threads[a.tr.threadIndex.get(t)!]).sort((x, y) => y.members.length - x.members.length).slice(0, 50);
    assert.deepEqual(d.threads.map((t) => [t.id, t.key]), top.map((t) => [t.id, fileKey(t.id)]), `thread list of ${id}`);
  }
  assert.ok(detail("zed").activity.length >= 10 && people.rows.find((r) => r.id === "zed")!.threads === 7, "zed spans months, lists and threads");
});
