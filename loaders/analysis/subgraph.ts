// A reply graph for any window and list subset, with its own metrics and layout, exported as
// graph.json + CSV + GEXF + GraphML (used by `threadgraph analyze --graph-out`).
import type { Analysis } from "./analyze.ts";
import { buildGraphArtifacts } from "./build-graph.ts";
import { artifactJson } from "./bounded.ts";
import { buildReplyGraph, byPerson, type GraphOptions } from "../graph/build.ts";
import { computeMetrics } from "../graph/metrics.ts";
import { layoutGraph } from "../graph/layout.ts";

export function subgraphFiles(a: Analysis, o: GraphOptions): Map<string, string> {
  const label = (id: string) => a.people.get(id)?.name || id;
  const graph = buildReplyGraph(a.replies, o, label);
  const graphAll = o.includeBots ? graph : buildReplyGraph(a.replies, { ...o, includeBots: true }, label);
  const m = computeMetrics(graph);
  const sub: Analysis = { ...a, graph, graphAll, metrics: { ...m, nodes: byPerson(m.nodes) }, layout: byPerson(layoutGraph(graphAll)) };
  const { graph: g, files } = buildGraphArtifacts(sub);
  return new Map([["graph.json", artifactJson(g)], ...Object.entries(files)]);
}
