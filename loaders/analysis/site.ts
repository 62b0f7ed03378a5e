// All page artifacts of an analysis as file name -> contents (see artifacts.ts for each shape).
import type { Analysis } from "./analyze.ts";
import { ARTIFACT_SCHEMA, FILES, type MetaArtifact } from "./artifacts.ts";
import { buildActivity, buildBridges, buildGraphArtifacts, buildUpset } from "./build-graph.ts";
import { headlineCounts } from "./headline.ts";
import { buildPeopleArtifacts, buildReviews, buildResponsiveness, buildThreadsArtifacts } from "./build-people.ts";
import { artifactJson, boundPersonDetail, boundThreadDetail, publicSources } from "./bounded.ts";

export const EMPTY_HINT = "The store is empty. Ingest local archives with `npm run ingest -- LIST=PATH ...` " +
  "(e.g. `npm run ingest -- netdev=../shared/corpus/2024-h2/netdev.mbox.gz`) or fetch from lore with `npm run sync`, " +
  "then run `npm run analyze`.";

export function siteFiles(a: Analysis, storeVersion: string, startedAt: number): Map<string, string> {
  const files = new Map<string, string>();
  const json = (name: string, v: unknown) => files.set(name, artifactJson(v));
  const { graph, files: graphFiles } = buildGraphArtifacts(a);
  json(FILES.graph, graph);
  for (const [k, v] of Object.entries(graphFiles)) files.set(k, v);
  const { threads, details: td } = buildThreadsArtifacts(a);
  json(FILES.threads, threads);
  for (const [k, d] of td) json(FILES.thread(k), boundThreadDetail(d));
  const { people, details: pd } = buildPeopleArtifacts(a);
  json(FILES.people, people);
  for (const [k, d] of pd) json(FILES.person(k), boundPersonDetail(d));
  json(FILES.activity, buildActivity(a));
  json(FILES.bridges, buildBridges(a));
  json(FILES.upset, buildUpset(a));
  json(FILES.responsiveness, buildResponsiveness(a));
  const reviews = buildReviews(a);
  json(FILES.reviews, reviews);
  const c = a.corpus;
  const meta: MetaArtifact = {
    schema: ARTIFACT_SCHEMA, empty: c.messages.length === 0, hint: c.messages.length === 0 ? EMPTY_HINT : null,
    refreshed_at: Date.now(), store_version: storeVersion, window: { start: a.windowStart, end: a.windowEnd, ...a.reportWindow },
    lists: c.lists, sources: publicSources(c.sources),
    // One definition (headline.ts); people_listed: every row of people.json.
    counts: { ...headlineCounts(a), people_listed: people.rows.length },
    person_keys: [...pd.keys()], thread_keys: [...td.keys()],
    elapsed_s: Math.round((Date.now() - startedAt) / 100) / 10,
  };
  json(FILES.meta, meta);
  return files;
}
