// graph.json is what the Graph page downloads first, and at ~200k messages it passed the 1.5 MB
// page budget (docs/site.md "Sizes"): its edges carry only what the page filters by (weight,
// lists, months), the first/last reply dates stay in graph-edges.csv; each node carries its
// fact-table index, so a windowed graph needs no facts-people.json. Synthetic corpus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildGraphArtifacts } from "../../loaders/analysis/build-graph.ts";
import { buildFactsPeople } from "../../loaders/analysis/facts.ts";
import { corpus, msg, H, T0 } from "./fixture.ts";

test("graph.json: edges without dates (they are in graph-edges.csv), nodes with their fact-table index", () => {
  const people = ["ann", "bob", "cy", "dee"];
  const msgs = Array.from({ length: 40 }, (_, i) => msg(`m${i}`, people[(i * 7) % 4], T0 + i * H, i % 5 ? { irt: `m${i - 1 - (i % 3)}`, lists: [i % 2 ? "alpha" : "beta"] } : {}));
  const a = analyzeCorpus(corpus(msgs.filter((m) => !m.inReplyTo || Number(m.inReplyTo.slice(1)) >= 0)));
  const { graph, files } = buildGraphArtifacts(a);
  assert.ok(graph.edges.length > 3);
  for (const e of graph.edges) assert.deepEqual(Object.keys(e).sort(), ["l", "m", "s", "t", "w"]);
  assert.match(files["graph-edges.csv"].split("\n")[0], /first,last/, "the dates are still downloadable");
  const ids = buildFactsPeople(a).id;
  for (const n of graph.nodes) assert.equal(ids[n.f], n.id, `${n.id}: f points at its fact-table person`);
});
