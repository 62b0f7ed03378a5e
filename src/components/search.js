// Loads the site search index (loaders/analysis/shards.ts searchFiles) once, when a query is run;
// the matching is in search-index.js.
import { threadChunks, idChunks, peopleIndex } from "./search-files.js";
import { decodeIndex, withIds as fill } from "./search-index.js";
export { searchThreads, searchPeople, threadInFilter } from "./search-index.js";

/** The thread ids of these result rows (their chunks' id files only). */
export const withIds = (rows) => fill(rows, (c) => idChunks[c].json());

let index = null;
/** Threads (newest first) and people, decoded once per page. */
export function loadIndex() {
  return (index ??= Promise.all([Promise.all(threadChunks.map((f) => f.json())), peopleIndex.json()]).then(([chunks, people]) => decodeIndex(chunks, people)));
}

