// Reviewer load per maintainer under the global filter: the Series page's own code
// (src/components/series-facts.js reviewerLoadRows over series-table.json's load block and
// facts-series.json, loaders/analysis/facts-series-load.ts) reproduces series.json's reviewer_load (reviewerLoadRows,
// series-load.ts) exactly over all data, and for a window and lists equals the same loader rules
// applied to only that window's series (an independent recomputation from the analysis).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus, type Analysis } from "../../loaders/analysis/analyze.ts";
import { reviewerLoadRows } from "../../loaders/analysis/build-series.ts";
import { buildFactsSeries, buildSeriesTable } from "../../loaders/analysis/facts-series.ts";
import { buildFactsPeople } from "../../loaders/analysis/facts.ts";
import { reviewerLoad, LOAD_ROWS, LOAD_SECTIONS } from "../../loaders/analysis/series-load.ts";
import { personRef } from "../../loaders/analysis/build-graph.ts";
import { corpus, D, T0, person } from "./fixture.ts";
import { posting, reply, verdict } from "../series/helpers.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import type { VerdictRecord } from "../../loaders/model/verdict.ts";
// @ts-expect-error plain browser JS without types
import { decodeSeriesFacts, decodeSeriesLoad, keptSeries, reviewerLoadRows as pageRows } from "../../src/components/series-facts.js";

const SECTIONS = Array.from({ length: 12 }, (_, k) => `SECTION ${String.fromCharCode(65 + k)}`);

/**
 * Series over three lists and ~120 days, each patch in 1-2 of 12 sections; 240 people with M:/R:
 * roles (more than the table's 200 rows, many tied), who answer, apply and also write series;
 * one with 30 sections (past the 20 named, some touched by no series), one who never sends mail
 * (not in facts-people), and a bot whose series touch sections too.
 */
function loadCorpus(seed = 11): Analysis {
  let x = seed;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const lists = ["alpha", "beta", "gamma"];
  const maintainers = Array.from({ length: 240 }, (_, k) => `m${String(k).padStart(3, "0")}`);
  const roles: { personId: string; subsystem: string; role: "maintainer" | "reviewer" }[] = [];
  for (const [k, p] of maintainers.entries()) {
    const n = 1 + Math.floor(rnd() * 2);
    for (let j = 0; j < n; j++) roles.push({ personId: p, subsystem: SECTIONS[(k * 7 + j * 5) % SECTIONS.length], role: rnd() < 0.6 ? "maintainer" : "reviewer" });
  }
  for (let k = 0; k < 30; k++) roles.push({ personId: "m-many", subsystem: k < SECTIONS.length ? SECTIONS[k] : `UNTOUCHED ${String(k).padStart(2, "0")}`, role: "maintainer" });
  roles.push({ personId: "ghost", subsystem: SECTIONS[3], role: "reviewer" });
  const ms: AnalysisMessage[] = [];
  const verdicts: VerdictRecord[] = [];
  const subs = new Map<string, string[]>();
  const active = maintainers.slice(0, 40);
  for (let k = 0; k < 90; k++) {
    // Some series are written by people with roles (not counted for themselves).
    const author = rnd() < 0.25 ? pick(active) : `dev${k % 11}`;
    const start = T0 + Math.floor(rnd() * 120) * D + Math.floor(rnd() * 20) * 3600_000;
    const ls = rnd() < 0.3 ? [lists[k % 3], lists[(k + 1) % 3]] : [lists[k % 3]];
    const versions = 1 + Math.floor(rnd() * 2);
    const secs = [pick(SECTIONS), ...(rnd() < 0.4 ? [pick(SECTIONS)] : [])];
    let last: AnalysisMessage[] = [];
    for (let v = 1; v <= versions; v++) {
      last = posting(`s${k}v${v}`, author, start + (v - 1) * 5 * D, v, `work ${k}`, [`x: step a ${k}`, `x: step b ${k}`], { lists: ls });
      ms.push(...last);
      last.forEach((m, j) => { if (j > 0) subs.set(m.id, [secs[(j - 1) % secs.length]]); });
      if (rnd() < 0.6) ms.push(reply(`s${k}v${v}-r`, rnd() < 0.7 ? pick(active) : `dev${(k + 3) % 11}`, start + (v - 1) * 5 * D + D, last[1]));
      if (rnd() < 0.2) ms.push(reply(`s${k}v${v}-a`, author, start + (v - 1) * 5 * D + 2 * D, last[0]));
    }
    if (rnd() < 0.5) {
      const at = start + (versions - 1) * 5 * D + Math.floor(1 + rnd() * 40) * D;
      ms.push(reply(`s${k}-ok`, rnd() < 0.8 ? pick(active) : "outsider", at, last[0]));
      verdicts.push(verdict(`s${k}-ok`, "applied", "maintainer-applied"));
    }
  }
  const bot = posting("botwork", "robot", T0 + 40 * D, 1, "", ["x: automated backport"], { lists: ["alpha"] }).map((m) => ({ ...m, isBot: true }));
  ms.push(...bot);
  subs.set("botwork", [SECTIONS[0]]);
  for (const l of lists) ms.push(...posting(`late-${l}`, "other", T0 + 200 * D, 1, "", [`x: late on ${l}`], { lists: [l] }));
  const c = corpus(ms, [], [person("ghost", { name: "Gus Ghost" })]);
  c.verdicts = verdicts;
  c.subsystems = subs;
  c.maintainerRoles = roles;
  return analyzeCorpus(c, { deferLayout: () => {} });
}

/** The page's inputs, through JSON as the browser gets them. */
function page(a: Analysis) {
  const s = decodeSeriesFacts(JSON.parse(JSON.stringify(buildFactsSeries(a))));
  const load = decodeSeriesLoad(s, JSON.parse(JSON.stringify(buildSeriesTable(a))).load);
  const fp = buildFactsPeople(a);
  return { s, load, people: fp.name.map((name, i) => ({ name, id: fp.id[i] })) };
}
type Filter = { from: string | null; to: string | null; lists: string[] | null };
const pageLoadRows = (p: ReturnType<typeof page>, f: Filter) => pageRows(p.s, p.load, keptSeries(p.s, { ...f, bots: true }), p.people);
const ALL = { from: null, to: null, lists: null };
const shape = (rows: { person: { id: string; name: string }; subsystems: string[]; touching: number; answered: number; applied: number }[] | null) =>
  rows!.map((r) => ({ id: r.person.id, name: r.person.name, subsystems: r.subsystems, touching: r.touching, answered: r.answered, applied: r.applied }));

test("all data: the page's reviewer load from its fact tables equals series.json's reviewer_load row for row", () => {
  const a = loadCorpus();
  const want = reviewerLoadRows(a)!;
  const p = page(a), people = p.people;
  const got = pageLoadRows(p, ALL);
  // A corpus that exercises the cut, the ties, answered/applied, the many-section person and those not in facts-people.
  const full = reviewerLoad(a.corpus.messages, a.series, a.corpus.maintainerRoles!, (id) => a.bots.has(id));
  assert.ok(full.length > LOAD_ROWS && full[LOAD_ROWS - 1].touching === full[LOAD_ROWS].touching, `more rows than the cut, tied at it: ${full.length}`);
  assert.ok(want.some((r) => r.answered > 0) && want.some((r) => r.applied > 0) && want.some((r) => r.answered < r.touching));
  assert.ok(want.some((r) => r.person.id === "m-many" && r.subsystems.length === LOAD_SECTIONS));
  assert.ok(full.some((r) => r.person === "ghost") && want.some((r) => !people.some((p: { id: string }) => p.id === r.person.id)),
    "people who never send mail have rows");
  assert.ok(a.series.groups.some((g) => g.author.startsWith("m") && g.subsystems.length > 0), "people with roles write series too");
  assert.deepEqual(shape(got), shape(want));
});

test("a window and lists: the page's rows equal the loader's rules over only that window's series", () => {
  const a = loadCorpus();
  const p = page(a);
  const from = "2024-08-01", to = "2024-09-15", start = Date.parse(from), end = Date.parse(to);
  let withApplied = 0;
  for (const lists of [null, ["beta"], ["alpha", "gamma"]]) {
    const inFilter = (g: Analysis["series"]["groups"][number]) => g.start !== null && g.start >= start && g.start < end
      && (lists === null || g.lists.some((l) => lists.includes(l)));
    // Independent: series-load.ts over a series analysis whose other series touch no section.
    const only = { ...a.series, groups: a.series.groups.map((g) => (inFilter(g) ? g : { ...g, subsystems: [] })) };
    const want = reviewerLoad(a.corpus.messages, only, a.corpus.maintainerRoles!, (id) => a.bots.has(id)).slice(0, LOAD_ROWS)
      .map((r) => ({ person: personRef(a, r.person),
        subsystems: r.subsystems.slice(0, LOAD_SECTIONS), touching: r.touching, answered: r.answered, applied: r.applied }));
    const got = pageLoadRows(p, { from, to, lists });
    const all = pageLoadRows(p, ALL);
    assert.ok(want.length > 10, `${lists}: a filter with rows`);
    if (want.some((r) => r.applied > 0)) withApplied++;
    assert.notDeepEqual(shape(got), shape(all), `${lists}: the filter changes the table`);
    assert.deepEqual(shape(got), shape(want), `${lists ?? "all lists"}`);
  }
  assert.ok(withApplied >= 2, "filters where people applied series");
});

test("without MAINTAINERS roles there is no load block and no table", () => {
  const a = loadCorpus();
  a.corpus.maintainerRoles = undefined;
  assert.equal(buildSeriesTable(a).load, null);
  assert.equal(pageLoadRows(page(a), ALL), null);
});
