// thread.html?m= and person.html?e= page data: two small shard files each (loaders/analysis/shards.ts),
// never every thread or person. Each lookup resolves to null when the build does not hold the id.
import { messageShards, threadAffiliationShards, threadSeriesShards, threadShards } from "./thread-shards.js";
import { messageThread, threadDetail } from "./thread-detail.js";
import { addressShards, personShards } from "./person-shards.js";
import { addressKey, messageKey, shardOf } from "./shard.js";

const own = (o, k) => (Object.prototype.hasOwnProperty.call(o ?? {}, k) ? o[k] : null);

async function lookup(files, key) {
  return own(await files[shardOf(key)].json(), key);
}

/** The thread holding Message-ID `m` (any message of it, with or without <>), or null. */
export async function loadThread(m) {
  const id = messageKey(String(m ?? ""));
  const tid = messageThread(id, await lookup(messageShards, id));
  if (tid == null) return null;
  const [compact, affiliations] = await Promise.all([lookup(threadShards, tid), lookup(threadAffiliationShards, tid)]);
  if (compact == null) return null;
  // The series part is kept once per series group (its threads' details name the group).
  const series = typeof compact.series === "string" ? await lookup(threadSeriesShards, compact.series) : null;
  return { ...threadDetail(compact, series), affiliations };
}

/** The person with address `e` (any of theirs, any case), or null. */
export async function loadPerson(e) {
  const pid = await lookup(addressShards, addressKey(String(e ?? "")));
  return pid == null ? null : lookup(personShards, pid);
}
