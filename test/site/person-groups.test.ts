// The grouping behind the Across-lists and Reviews matrices (src/components/person-groups.js, the
// code the pages run): people without a verdict keep rows of their own, the busiest groups stay and
// the rest fold into "other (N)", the tracked lists always show. Synthetic data only.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { personGroups, foldMatrix, matrixCells, affiliationLabels, TOP_GROUPS, VERDICT_LABELS } from "../../src/components/person-groups.js";

// 20 subsystems S0..S19, person p in S(p), plus one insufficient and one unknown person.
const n = 20;
const aff = {
  subsystems: Array.from({ length: n }, (_, k) => `S${k}`), organisations: ["Acme"],
  subsystem: [...Array.from({ length: n }, (_, k) => k), -2, -1], organisation: [...Array.from({ length: n }, () => -1), 0, -1],
};
const f = { people: n + 2, lists: ["a", "b"], homes: ["a", "b", "cross-list"], home: Int32Array.from({ length: n + 2 }, (_, p) => (p < 2 ? p : p === 2 ? 2 : -1)) };

test("subsystem groups: insufficient and unknown are their own rows, never a section", () => {
  const g = personGroups(f, aff, "subsystem");
  assert.equal(g.labels[g.of[n]], VERDICT_LABELS.insufficient);
  assert.equal(g.labels[g.of[n + 1]], VERDICT_LABELS.unknownSubsystem);
  assert.ok(g.verdicts.has(g.of[n]) && g.verdicts.has(g.of[n + 1]));
  const o = personGroups(f, aff, "organisation");
  assert.equal(o.labels[o.of[0]], VERDICT_LABELS.noOrganisation);
  assert.equal(o.labels[o.of[n]], "Acme");
});

test("folding: the busiest groups stay, the rest become other (N), verdict rows stay apart", () => {
  const g = personGroups(f, aff, "subsystem");
  const G = g.labels.length;
  // group k replies k+1 times to itself; the verdict rows are the busiest (they must neither take a top place nor fold)
  const m = Array.from({ length: G }, (_, i) => Array.from({ length: G }, (_, j) => (i === j && i < n ? i + 1 : 0)));
  m[g.of[n]][g.of[n]] = 1000; m[g.of[n + 1]][g.of[n + 1]] = 500;
  const out = foldMatrix(m, g);
  const folded = n - TOP_GROUPS;
  assert.deepEqual(out.rows.slice(0, TOP_GROUPS), Array.from({ length: TOP_GROUPS }, (_, k) => `S${n - 1 - k}`), "busiest first");
  assert.equal(out.rows[TOP_GROUPS], `other (${folded})`);
  assert.deepEqual(out.rows.slice(TOP_GROUPS + 1), [VERDICT_LABELS.insufficient, VERDICT_LABELS.unknownSubsystem]);
  assert.deepEqual(out.cols, out.rows);
  const other = TOP_GROUPS;
  assert.equal(out.m[other][other], Array.from({ length: folded }, (_, k) => k + 1).reduce((s, x) => s + x, 0), "folded groups' counts add up");
  // nothing lost
  const total = (rows: number[][]) => rows.flat().reduce((s, x) => s + x, 0);
  assert.equal(total(out.m), total(m));
  assert.equal(matrixCells(out).length, out.rows.length ** 2);
});

test("list grouping keeps every tracked list in config order, even empty, and several lists apart", () => {
  const g = personGroups(f, aff, "list", (h: string) => (h === "cross-list" ? "several lists" : h));
  const m = [[0, 0, 0], [0, 5, 1], [0, 2, 0]];
  const out = foldMatrix(m, g);
  assert.deepEqual(out.rows, ["a", "b", "several lists"]);
  // non-square: columns are the given labels
  const byList = foldMatrix([[1, 0], [0, 0], [0, 0]], g, { square: false, colLabels: ["a", "b"] });
  assert.deepEqual([byList.rows, byList.cols], [["a", "b"], ["a", "b"]]);
});

test("People page labels: insufficient in words, unknown and no organisation as null", () => {
  assert.deepEqual(affiliationLabels(aff, 3), { subsystem: "S3", organisation: null });
  assert.deepEqual(affiliationLabels(aff, n), { subsystem: VERDICT_LABELS.insufficient, organisation: "Acme" });
  assert.deepEqual(affiliationLabels(aff, n + 1), { subsystem: null, organisation: null });
  assert.deepEqual(affiliationLabels(null, 0), { subsystem: null, organisation: null });
});

test("a group named like a verdict or like other (N) stays a row of its own", () => {
  // 16 real organisations (two named like the page's own rows), one person each, and one person with none
  const names = ["no organisation", "other (1)", ...Array.from({ length: TOP_GROUPS - 1 }, (_, k) => `O${k}`)];
  const a2 = { subsystems: [], organisations: names, subsystem: names.map(() => -1).concat(-1), organisation: [...names.keys(), -1] };
  const f2 = { people: names.length + 1, lists: [], homes: [], home: new Int32Array(names.length + 1).fill(-1) };
  const g = personGroups(f2, a2, "organisation");
  const G = g.labels.length;
  const m: number[][] = Array.from({ length: G }, (_, i) => Array.from({ length: G }, (_, j) => (i === j ? (i < 2 ? 5 : 10) : 0)));
  m[G - 2][G - 2] = 1; // the last real organisation is the quietest: it alone folds, into "other (1)"
  const out = foldMatrix(m, g);
  assert.equal(new Set(out.rows).size, out.rows.length, `labels unique: ${out.rows}`);
  assert.ok(out.rows.includes("other (1)") && out.rows.includes("other (1) #2"), `${out.rows}`);
  assert.ok(out.rows.includes("no organisation") && out.rows.includes("no organisation #2"), `${out.rows}`);
  const total = (rows: number[][]) => rows.flat().reduce((s, x) => s + x, 0);
  assert.equal(total(out.m), total(m));
});
