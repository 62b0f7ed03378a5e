// Every shared page artifact is read here, so the pages and the analysis meet in one place.
// The files are members of the archive written by src/data/site.zip.ts; their shapes are the
// types in loaders/analysis/artifacts.ts. We decode JSON ourselves (.json() is plain text
// decoding); FileAttachment.arquero()/.parquet() would pull CDN imports.
// Per-thread and per-person data (shards) are read by entity.js for thread.md and person.md, and the
// search index by search.js: pages that need them import only those.
import { FileAttachment } from "observablehq:stdlib";
import { decodeFacts } from "./facts.js";
import { decodePeopleCols } from "./people-window.js";
import { decodeSubsystemFacts } from "./affiliation-figures.js";

export { loadMeta } from "./meta.js";
export const loadGraph = () => FileAttachment("../data/site/graph.json").json();
export const loadPeople = () => FileAttachment("../data/site/people.json").json();
export const loadReviews = () => FileAttachment("../data/site/reviews.json").json();
/**
 * The fact tables every page filters in the browser (facts.js), decoded into typed columns; with
 * { replies: true } also the reply edges, with { obs: true } the first-reply observations, with
 * { carried: true } the Reviewed-by etc. carried inside patches.
 */
export const loadFacts = async ({ replies = false, obs = false, carried = false } = {}) => {
  const [f, r, o, c] = await Promise.all([FileAttachment("../data/site/facts.json").json(),
    replies ? FileAttachment("../data/site/facts-replies.json").json() : {}, obs ? FileAttachment("../data/site/facts-obs.json").json() : {},
    carried ? FileAttachment("../data/site/facts-carried.json").json() : {}]);
  return decodeFacts({ ...f, ...r, ...o, ...c });
};
/**
 * What every person column needs under a filter besides the decoded facts `f` (people-window.js
 * decodePeopleCols). The reply minutes (the median reply) are loadReplyTimes', added with addReplyTimes.
 */
export const loadPeopleCols = async (f) => decodePeopleCols(f, await FileAttachment("../data/site/facts-people-cols.json").json());
/** facts-reply-times.json: the minutes of facts-people-cols.json's reply edges (people-window.js addReplyTimes). */
export const loadReplyTimes = () => FileAttachment("../data/site/facts-reply-times.json").json();
/** Names and keys of the fact tables' people (person index -> { name, key }). */
export const loadFactsPeople = async () => {
  const { name, id } = await FileAttachment("../data/site/facts-people.json").json();
  return name.map((n, i) => ({ name: n, id: id[i] }));
};
/** Each fact-table person's home subsystem and organisation (person-groups.js reads it). */
export const loadFactsAffiliations = () => FileAttachment("../data/site/facts-affiliations.json").json();
/** The graph-metric buckets' index (pick one with graph-buckets.js pickBucket; its columns: graph-bucket-parts.js withColumns). */
export const loadGraphBuckets = () => FileAttachment("../data/site/graph-buckets.json").json();
/** The series fact table (series-facts.js decodes it): the Series page under any filter. */
export const loadSeriesFacts = () => FileAttachment("../data/site/facts-series.json").json();
/** The Series page's table text (facts-series.ts buildSeriesTable). */
export const loadSeriesTable = () => FileAttachment("../data/site/series-table.json").json();
export const loadSeries = () => FileAttachment("../data/site/series.json").json();
/** The Subsystems and Organisations pages' fact tables (affiliation-figures.js), with absolute patch rows. */
export const loadFactsSubsystems = async () => decodeSubsystemFacts(await FileAttachment("../data/site/facts-subsystems.json").json());

/**
 * Links to the full (unpruned) graph tables and the Gephi files, for download. `.href` (not a bare
 * FileAttachment) keeps Framework from adding an implicit CDN import of d3-dsv for the .csv files.
 */
export const graphDownloads = () => [
  ["nodes (CSV)", FileAttachment("../data/site/graph-nodes.csv").href],
  ["edges (CSV)", FileAttachment("../data/site/graph-edges.csv").href],
  ["GEXF", FileAttachment("../data/site/graph.gexf").href],
  ["GraphML", FileAttachment("../data/site/graph.graphml").href],
];
