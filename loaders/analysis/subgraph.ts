// A reply graph for any window and list subset, with its own metrics and layout, exported as
// graph.json + CSV + GEXF + GraphML (used by `threadgraph analyze --graph-out`).
import type { Analysis } from "./analyze.ts";
import { buildGraphArtifacts } from "./build-graph.ts";
import { buildReplyGraph, type GraphOptions } from "../graph/build.ts";
import { computeMetrics } from "../graph/metrics.ts";
import { layoutGraph } from "../graph/layout.ts";
import { byPerson, keyedReplies, personOfKey } from "./graph-keys.ts";

export function subgraphFiles(a: Analysis, o: GraphOptions): Map<string, string> {
  const label = (key: string) => { const id = personOfKey(key); return a.people.get(id)?.name || id; };
  const keyed = keyedReplies(a.replies);
  const graph = buildReplyGraph(keyed, o, label);
  const graphAll = o.includeBots ? graph : buildReplyGraph(keyed, { ...o, includeBots: true }, label);
  const m = computeMetrics(graph);
  const sub: Analysis = { ...a, graph, graphAll, metrics: { ...m, nodes: byPerson(m.nodes) }, layout: byPerson(layoutGraph(graphAll)) };
  const { graph: g, files } = buildGraphArtifacts(sub);
  return new Map([["graph.json", JSON.stringify(g)], ...Object.entries(files)]);
}
