// The Subsystems and Organisations pages compute their figures in the browser for any filter
// (src/components/affiliation-figures.js over facts.json, facts-affiliations.json and
// facts-subsystems.json); the loader computes them over all data (affiliation-artifacts.ts).
// Two copies of one definition: over all data, with bots, they must agree. Random synthetic corpora.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { computeAffiliations } from "../../loaders/analysis/affiliations.ts";
import type { AffiliationInput } from "../../loaders/analysis/affiliation-input.ts";
import { buildFacts, buildFactsPeople } from "../../loaders/analysis/facts.ts";
import { buildFactsAffiliations } from "../../loaders/analysis/facts-affiliations.ts";
import { buildFactsSubsystems } from "../../loaders/analysis/facts-subsystems.ts";
import { factReviewOrder } from "../../loaders/analysis/fact-index.ts";
import { subsystemFigures as loaderSub, organisationFigures as loaderOrg } from "../../loaders/analysis/affiliation-artifacts.ts";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import type { AnalysisMessage, AnalysisTrailer } from "../../loaders/model/corpus.ts";
import type { TrailerKind } from "../../loaders/model/records.ts";
import { corpus, msg, person, trailer, T0, D, H } from "../analysis/fixture.ts";
import { maintainersText } from "../maintainers/snippet.ts";
// @ts-expect-error plain browser JS modules without types
import { decodeFacts, keepRows } from "../../src/components/facts.js";
// @ts-expect-error plain browser JS modules without types
import { decodeSubsystemFacts, subsystemFigures, organisationFigures, TOP as PAGE_TOP } from "../../src/components/affiliation-figures.js";
import { TOP } from "../../loaders/analysis/affiliation-artifacts.ts";

const SECTIONS = ["ALPHA CORE", "BETA NET", "GAMMA RDMA", "DELTA MISC", "EPSILON DRV"];
const DOMAINS = ["intel.com", "amd.com", "gmail.com", "redhat.com", "example.org"];

/** A random corpus: patches (some covers, some sent for another author) touching random sections, reviews and NAKs in replies, carried tags, a bot, undated mail. */
function random(seed: number, n: number, maintainers = true) {
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const people = Array.from({ length: 14 }, (_, k) => `p${k}`);
  const lists = ["alpha", "beta", "gamma"];
  const msgs: AnalysisMessage[] = [], trailers: AnalysisTrailer[] = [];
  const files = new Map<string, string[]>();
  const patches: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `m${i}`, from = rnd() < 0.05 ? "robot" : pick(people);
    const date = rnd() < 0.03 ? null : T0 + Math.floor(rnd() * 120) * D + Math.floor(rnd() * 24) * H;
    const ls = lists.filter(() => rnd() < 0.45);
    if (!ls.length) ls.push(pick(lists));
    if (!patches.length || rnd() < 0.35) {
      const cover = rnd() < 0.15;
      const m = msg(id, from, date, { lists: ls, bot: from === "robot", patch: cover ? { isCover: true, index: 0, total: 2 } : { index: 1, total: 1 }, subject: `[PATCH] ${id}` });
      if (rnd() < 0.2) m.author = pick(people);
      msgs.push(m);
      if (!cover) {
        patches.push(id);
        const touched = SECTIONS.filter(() => rnd() < 0.3).map((s) => `drivers/${s.split(" ")[0].toLowerCase()}/f${i}.c`);
        if (rnd() < 0.1) touched.push("unmapped/x.c");
        files.set(id, touched);
        if (rnd() < 0.1) trailers.push(trailer(id, "reviewed-by", pick(people)));  // carried
      }
    } else {
      const parent = pick(patches);
      const nakLine = rnd() < 0.05;
      msgs.push(msg(id, from, date, { irt: parent, lists: ls, bot: from === "robot", nak: nakLine }));
      if (rnd() < 0.6) trailers.push(trailer(id, pick<TrailerKind>(["reviewed-by", "acked-by", "tested-by", "nacked-by"]), from));
    }
  }
  const c = corpus(msgs, trailers, [person("robot", { bot: true })], lists);
  const M = parseMaintainers(maintainersText(...SECTIONS.map((s, k) => [s, `M:\tP${k} <p${k}@example.org>`, ...(k % 2 ? [`M:\tP${k + 5} <p${k + 5}@example.org>`] : []),
    `L:\t${lists[k % 3]}@vger.kernel.org`, `F:\tdrivers/${s.split(" ")[0].toLowerCase()}/`])));
  const observations = new Map(people.map((p, k) => {
    // p1 moves from one company to another mid-way: reviews use the organisation at their date
    const at = (d: string, a: number, b: number) => ({ email: `${p}@${d}`, firstSeen: T0 + a * D, lastSeen: T0 + b * D });
    return [p, k === 1 ? [at("intel.com", -10, 60), at("amd.com", 61, 130)] : [at(DOMAINS[k % DOMAINS.length], -10, 130)]];
  }));
  const input: AffiliationInput = { addressed: new Map(), files, unparsed: new Set(), observations,
    personOfEmail: new Map([...people, "robot"].map((p) => [`${p}@example.org`, p])) };
  const a = analyzeCorpus(c);
  const r = computeAffiliations(a, input, { maintainers: maintainers ? M : null, tracked: [] });
  return { a, r };
}

function pageFigures(a: ReturnType<typeof analyzeCorpus>, r: ReturnType<typeof computeAffiliations>, filter: object) {
  const f = decodeFacts(JSON.parse(JSON.stringify(buildFacts(a))));
  const aff = JSON.parse(JSON.stringify(buildFactsAffiliations(a, r, null)));
  const sf = decodeSubsystemFacts(JSON.parse(JSON.stringify(buildFactsSubsystems(a, r, null))));
  const kept = keepRows(f, filter).keep;
  return { f, sub: subsystemFigures(f, aff, sf, filter, kept), org: organisationFigures(f, aff, sf, filter, kept) };
}

const ALL = { from: null, to: null, lists: null, bots: true };

test("browser and loader agree over all data: subsystem matrix, sections per list, maintainers' load, organisation figures", () => {
  assert.deepEqual(PAGE_TOP, TOP, "one set of row limits");
  for (const [seed, n] of [[1, 0], [2, 3], [3, 60], [4, 400], [5, 1500]] as const) {
    const { a, r } = random(seed, n);
    const { sub, org } = pageFigures(a, r, ALL);
    const want = loaderSub(a, r);
    const ids = buildFactsPeople(a).id;
    assert.deepEqual({ ...sub, load: sub.load.map((x: any) => ({ ...x, person: ids[x.person] })) },
      { ...want, load: want.load.map((x) => ({ ...x, person: x.person.id })) }, `subsystems, seed ${seed}`);
    assert.deepEqual(org, loaderOrg(a, r), `organisations, seed ${seed}`);
    if (n >= 400) {
      // the corpus exercises what the figures count
      assert.ok(want.matrix.cells.some((c) => c.naks > 0) && want.matrix.sections.length > 2, "NAKs and several sections in the matrix");
      assert.ok(want.load.length >= 3 && want.per_list.length === 3 && want.patches > want.mapped, "load, lists, unmapped patches");
      const o = loaderOrg(a, r);
      assert.ok(o.pairs.length >= 2 && o.monthly.length >= 3 && o.people_with_org < o.people, "cross-company pairs, months, people without an organisation");
    }
  }
});

test("without MAINTAINERS: no sections, the organisation figures still agree", () => {
  const { a, r } = random(9, 500, false);
  const { sub, org } = pageFigures(a, r, ALL);
  assert.equal(sub.mapped, 0);
  assert.deepEqual(sub.matrix.cells, []);
  assert.deepEqual(org, loaderOrg(a, r));
  assert.ok(org.by_org.length > 0);
});

test("facts-subsystems rows line up with facts.json: patch rows are patches, reviews in facts.json's order", () => {
  const { a, r } = random(11, 600);
  const facts = buildFacts(a);
  const f = decodeFacts(JSON.parse(JSON.stringify(facts)));
  const sf = decodeSubsystemFacts(JSON.parse(JSON.stringify(buildFactsSubsystems(a, r, null))));
  for (const row of sf.patchRow) assert.ok(f.flags[row] & 1, `row ${row} is a patch`);
  assert.equal(sf.reviews.section.length, f.reviewRow.length);
  const idx = new Map(buildFactsPeople(a).id.map((id, k) => [id, k]));
  assert.deepEqual(factReviewOrder(a).map((i) => idx.get(a.reviews[i].reviewer)), [...f.reviewer]);
});

test("a window changes the figures: they count only what the window keeps", () => {
  const { a, r } = random(5, 1500);
  const all = pageFigures(a, r, ALL);
  const from = "2024-08-01", to = "2024-09-01";
  const w = pageFigures(a, r, { from, to, lists: ["beta"], bots: false });
  // hand count: patches (not covers) dated in the window, reaching beta, not sent by the bot
  const inWin = (d: number | null) => d !== null && d >= Date.parse(from) && d < Date.parse(to);
  const want = a.corpus.messages.filter((m) => m.patch.isPatch && !m.patch.isCover && inWin(m.date) && m.lists.includes("beta") && m.from !== "robot").length;
  assert.equal(w.sub.patches, want);
  assert.ok(w.sub.patches < all.sub.patches);
  assert.deepEqual(w.sub.per_list.map((x: any) => x.list), ["beta"], "only the chosen list's sections");
  const reviews = (o: any) => o.by_org.reduce((s: number, x: any) => s + x.reviews_given, 0);
  assert.ok(reviews(w.org) < reviews(all.org) && reviews(w.org) > 0);
  for (const m of w.org.monthly) assert.equal(m.key, "2024-08");
});
