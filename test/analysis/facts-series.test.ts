// The series fact table (loaders/analysis/facts-series.ts) decoded and aggregated by the page's
// own code (src/components/series-facts.js): for all time it reproduces series.json's figures
// (per list, totals, funnel, curves, revisions to acceptance); a window counts the series first
// posted in it and censors acceptance at the window's end; lists and bot series as documented.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildSeries } from "../../loaders/analysis/build-series.ts";
import { buildFactsSeries, buildSeriesTable } from "../../loaders/analysis/facts-series.ts";
import { buildFactsPeople } from "../../loaders/analysis/facts.ts";
import { corpus, D, T0 } from "./fixture.ts";
import { posting, reply, verdict } from "../series/helpers.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import type { VerdictRecord } from "../../loaders/model/verdict.ts";
// @ts-expect-error plain browser JS without types
import { decodeSeriesFacts, keptSeries, seriesFigures, acceptanceCurves, revisionsToAccept, seriesByList, seriesTableRows } from "../../src/components/series-facts.js";

/** A deterministic mix of series over three lists and ~120 days: respins, applications, replies, a bot's series. */
function mixedCorpus(seed = 7) {
  let x = seed;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  const ms: AnalysisMessage[] = [];
  const verdicts: VerdictRecord[] = [];
  const lists = ["alpha", "beta", "gamma"];
  for (let k = 0; k < 60; k++) {
    const author = `dev${k % 9}`, start = T0 + Math.floor(rnd() * 120) * D + Math.floor(rnd() * 20) * 3600_000;
    const ls = rnd() < 0.3 ? [lists[k % 3], lists[(k + 1) % 3]] : [lists[k % 3]];
    const versions = 1 + Math.floor(rnd() * 3);
    let last: AnalysisMessage[] = [];
    for (let v = 1; v <= versions; v++) {
      last = posting(`s${k}v${v}`, author, start + (v - 1) * 5 * D, v, `work ${k}`, [`x: step a ${k}`, `x: step b ${k}`], { lists: ls });
      ms.push(...last);
      if (rnd() < 0.5) ms.push(reply(`s${k}v${v}-r`, `rev${k % 4}`, start + (v - 1) * 5 * D + D, last[1]));
    }
    if (rnd() < 0.5) {
      const at = start + (versions - 1) * 5 * D + Math.floor(1 + rnd() * 40) * D;
      ms.push(reply(`s${k}-ok`, "maint", at, last[0]));
      verdicts.push(verdict(`s${k}-ok`, "applied", "maintainer-applied"));
    }
  }
  ms.push(...posting("botwork", "robot", T0 + 3 * D, 1, "", ["x: automated backport"], { lists: ["alpha"] }).map((m) => ({ ...m, isBot: true })));
  // The end of observation: a late message on every list.
  for (const l of lists) ms.push(...posting(`late-${l}`, "other", T0 + 200 * D, 1, "", [`x: late on ${l}`], { lists: [l] }));
  const c = corpus(ms);
  c.verdicts = verdicts;
  return analyzeCorpus(c, { deferLayout: () => {} });
}

const page = (a: ReturnType<typeof mixedCorpus>) => decodeSeriesFacts(JSON.parse(JSON.stringify(buildFactsSeries(a))));
const close = (x: number | null, y: number | null, tol: number, what: string) =>
  assert.ok(x === y || (x !== null && y !== null && Math.abs(x - y) <= tol), `${what}: ${x} vs ${y}`);

test("all time: the fact table's rows reproduce series.json's per-list figures, totals, funnel, curves and revisions to acceptance", () => {
  const a = mixedCorpus();
  const ser = buildSeries(a), s = page(a);
  const all = { from: null, to: null, lists: null, bots: true };
  const kept = keptSeries(s, all);
  const curves = acceptanceCurves(s, kept, all);
  const byList = seriesByList(s, kept, curves);
  assert.ok(ser.by_list.length === 3 && ser.totals.applied > 3 && ser.totals.applied < ser.totals.groups, "a corpus with something to compare");
  assert.deepEqual(byList.map((r: any) => r.list), ser.by_list.map((r) => r.list));
  byList.forEach((r: any, i: number) => {
    const e = ser.by_list[i];
    assert.deepEqual([r.groups, r.applied], [e.groups, e.applied], r.list);
    close(r.acceptance_share, e.acceptance_share, 1e-4, `${r.list} acceptance`);
    close(r.never_answered_share, e.never_answered_share, 1e-4, `${r.list} never answered`);
    close(r.median_ms, e.median_ms, 60_000, `${r.list} median (whole minutes in the fact table)`);
  });
  const fig = seriesFigures(s, kept);
  assert.deepEqual([fig.series, fig.applied, fig.partial, fig.never_answered, fig.never_answered_never_applied],
    [ser.totals.groups, ser.totals.applied, ser.totals.partial, ser.totals.never_answered, ser.totals.never_answered_never_applied]);
  assert.deepEqual([fig.series, fig.answered, fig.reviewed, fig.applied], ser.funnel.map((f) => f.groups));
  assert.deepEqual(revisionsToAccept(s, kept), ser.revisions_to_accept);
  assert.deepEqual(curves.map((c: any) => [c.group, c.n, c.events, c.censored]), ser.curves.map((c) => [c.group, c.n, c.events, c.censored]));
  // Postings: every revision of the counted (human) series.
  assert.equal(fig.postings, a.series.groups.filter((g) => !a.bots.has(g.author)).reduce((n, g) => n + g.revisions, 0));
});

test("a window counts the series first posted in it and censors acceptance at its end; lists narrow; a bot's series never counts", () => {
  const a = mixedCorpus();
  const s = page(a);
  const from = "2024-08-01", to = "2024-09-01", start = Date.parse(from), end = Date.parse(to);
  const human = a.series.groups.filter((g) => !a.bots.has(g.author));
  const inWin = human.filter((g) => g.start !== null && g.start >= start && g.start < end);
  const kept = keptSeries(s, { from, to, lists: null, bots: true });
  assert.ok(inWin.length > 3 && inWin.length < human.length);
  assert.equal(kept.length, inWin.length);
  const curves = acceptanceCurves(s, kept, { from, to, lists: null, bots: true });
  const allCurve = curves.find((c: any) => c.group === "all");
  const seenApplied = inWin.filter((g) => g.accepted && g.start! + g.time! < end).length;
  const appliedLater = inWin.filter((g) => g.accepted && g.start! + g.time! >= end).length;
  assert.ok(appliedLater > 0, "some series of the window were applied after it");
  assert.deepEqual([allCurve.n, allCurve.events, allCurve.censored], [inWin.length, seenApplied, inWin.length - seenApplied]);
  // No observation runs past the window's end.
  assert.ok(kept.every((i: number) => { const g = inWin.find((x) => Math.floor(x.start! / 60000) * 60000 === s.start[i]); return g !== undefined; }));
  // Headline "applied" is the outcome known by the end of the data (not only within the window).
  assert.equal(seriesFigures(s, kept).applied, inWin.filter((g) => g.applied >= 0).length);
  const beta = keptSeries(s, { from, to, lists: ["beta"], bots: true });
  assert.equal(beta.length, inWin.filter((g) => g.lists.includes("beta")).length);
  assert.ok(beta.length < kept.length);
  const allTime = keptSeries(s, { from: null, to: null, lists: ["alpha"], bots: false });
  assert.equal(allTime.length, human.filter((g) => g.lists.includes("alpha")).length, "bot series out whatever the bots setting");
  assert.ok(a.series.groups.some((g) => a.bots.has(g.author)), "the corpus has a bot's series");
});

test("the table (series-table.json + the fact table) gives series.json's rows: subject, links, author, revisions, outcome, dates, evidence; a window keeps its own", () => {
  const a = mixedCorpus();
  const ser = buildSeries(a), s = page(a);
  const table = JSON.parse(JSON.stringify(buildSeriesTable(a)));
  const fp = buildFactsPeople(a), people = fp.name.map((name, i) => ({ name, id: fp.id[i] }));
  const all = { from: null, to: null, lists: null, bots: true };
  const got = seriesTableRows(s, table, people, keptSeries(s, all));
  const key = (r: any) => r.id;
  const want = ser.rows.map((r) => ({ id: r.revisions.at(-1)!.id, subject: r.subject, author_id: r.author.id, versions: r.revisions.map((v) => `v${v.version}`).join(" → "),
    outcome: r.outcome, start: r.start, tta: r.time_to_accept_ms, rule: (r.revisions.find((y) => y.outcome === r.outcome && y.evidence) ?? r.revisions.at(-1)!).rule,
    evidence: r.revisions.find((y) => y.outcome === r.outcome && y.evidence)?.evidence ?? null })).sort((x, y) => (key(x) < key(y) ? -1 : 1));
  const mine = got.map((r: any) => ({ id: r.id, subject: r.subject, author_id: r.author_id, versions: r.versions, outcome: r.outcome,
    start: r.start === null ? null : r.start, tta: r.time_to_accept_ms, rule: r.rule, evidence: r.evidence })).sort((x: any, y: any) => (key(x) < key(y) ? -1 : 1));
  assert.equal(mine.length, want.length);
  mine.forEach((m: any, i: number) => {
    const w = want[i];
    close(m.start, w.start === null ? null : Math.floor(w.start / 60000) * 60000, 0, `${w.id} start (whole minutes)`);
    close(m.tta, w.tta, 60_000, `${w.id} time to acceptance`);
    assert.deepEqual({ ...m, start: 0, tta: 0 }, { ...w, start: 0, tta: 0 });
  });
  assert.ok(want.some((w) => w.evidence) && want.some((w) => w.versions.includes("v2")), "rows with evidence and respins");
  const win = seriesTableRows(s, table, people, keptSeries(s, { from: "2024-08-01", to: "2024-09-01", lists: ["beta"], bots: true }));
  assert.ok(win.length > 0 && win.length < got.length);
  assert.ok(win.every((r: any) => r.start >= Date.parse("2024-08-01") && r.start < Date.parse("2024-09-01") && r.lists.includes("beta")));
});
