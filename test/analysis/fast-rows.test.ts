// The people rows and graph nodes are built as objects of one shape (one V8 hidden class).
// Spreading a cached person reference into an object literal followed by ~30 more properties
// gave them thousands of hidden classes at ~200k messages (references with and without a home,
// rows with and without dates or a pagerank): building 5k rows took ~0.2 s and every reader and
// JSON.stringify of them went megamorphic (people.json, each person detail's row, graph.json).
// A count of shapes is no timing: this checks the representation itself, through V8's natives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildPeopleArtifacts } from "../../loaders/analysis/build-people.ts";
import { buildGraph } from "../../loaders/analysis/build-graph.ts";
import { corpus, msg, person, trailer, T0, H } from "./fixture.ts";

setFlagsFromString("--allow-natives-syntax");
const sameShape = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

/** People that vary in every way a row can: homes on each list and none, undated, bots, reviewers, names or not. */
function analysis() {
  const ms = [];
  for (let i = 0; i < 60; i++) {
    const from = `p${i % 9}@x`;
    ms.push(msg(`m${i}`, from, i % 13 === 5 ? null : T0 + i * H, { irt: i % 3 ? `m${i - 1}` : undefined, lists: i % 4 === 1 ? ["beta"] : i % 2 ? ["alpha"] : ["alpha", "beta"] }));
  }
  ms.push(msg("lonely", "undated@x", null, { lists: ["gamma"] }));
  // Off the tracked lists (no home), in the reply graph both ways.
  for (let i = 0; i < 6; i++) ms.push(msg(`g${i}`, `off${i % 3}@x`, T0 + (70 + i) * H, { irt: i ? `g${i - 1}` : "m3", lists: ["gamma"] }));
  const trailers = [trailer("m4", "reviewed-by", "p3@x"), trailer("m7", "nacked-by", "p1@x")];
  return analyzeCorpus(corpus(ms, trailers, [person("p0@x", { name: "Zed" }), person("ghost@x", { name: "" })], ["alpha", "beta"]));
}

test("the natives tell two shapes apart", () => {
  const ref = { id: "a", home: null as string | null }, ref2 = { id: "b", home: "x" as string | null };
  assert.equal(sameShape({ ...ref }, { ...ref }), true);
  assert.equal(sameShape({ a: 1, b: 2 }, { b: 2, a: 1 }), false);
  assert.equal(hasFastProperties(ref2), true);
});

function assertOneShape(xs: object[], what: string) {
  assert.ok(xs.length >= 8, `${what}: ${xs.length}`);
  const odd = xs.filter((x) => !sameShape(x, xs[0]));
  assert.equal(odd.length, 0, `${odd.length} of ${xs.length} ${what} have another shape than the first`);
  for (const x of xs) assert.equal(hasFastProperties(x), true);
}

test("people rows share one shape", () => {
  assertOneShape(buildPeopleArtifacts(analysis()).people.rows, "people rows");
});

test("graph nodes share one shape", () => {
  assertOneShape(buildGraph(analysis()).graph.nodes, "graph nodes");
});

// The page edges were copied by a rest pattern (without their dates): a runtime copy per edge, into
// objects of another shape than a literal's.
test("graph edges share one shape", () => {
  const { graph } = buildGraph(analysis());
  assertOneShape([...graph.edges, { s: 0, t: 1, w: 1, l: [0], m: [0, 1] }], "graph edges (and a literal edge)");
});
