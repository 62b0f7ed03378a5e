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
import { corpus, msg, person, trailer, H, T0 } from "./fixture.ts";

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
