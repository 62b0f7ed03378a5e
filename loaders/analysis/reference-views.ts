// Views the pages now compute in the browser from the fact tables (weekly activity, bridges,
// list overlap, survival curves): the analysis no longer writes them as files (nothing loads
// them), but their builders stay the reference the tests compare the pages' figures with. This
// gives them as the JSON texts the files held, under their old names.
import type { Analysis } from "./analyze.ts";
import { artifactJson } from "./bounded.ts";
import { buildActivity, buildBridges, buildUpset } from "./build-graph.ts";
import { buildResponsiveness } from "./build-people.ts";

export const REFERENCE_VIEWS = {
  "activity.json": buildActivity,
  "bridges.json": buildBridges,
  "upset.json": buildUpset,
  "responsiveness.json": buildResponsiveness,
} as const;

/** `files` with the reference views of `a` added (the same Map, for chaining). */
export function withReferenceViews(a: Analysis, files: Map<string, string>): Map<string, string> {
  for (const [name, build] of Object.entries(REFERENCE_VIEWS)) files.set(name, artifactJson(build(a)));
  return files;
}
