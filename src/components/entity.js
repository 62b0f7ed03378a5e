// thread.html?m= and person.html?e= page data: two small shard files each (loaders/analysis/shards.ts),
// never every thread or person. Each lookup resolves to null when the build does not hold the id.
import { messageShards, threadAffiliationShards, threadShards } from "./thread-shards.js";
import { addressShards, personShards } from "./person-shards.js";
import { addressKey, messageKey, shardOf } from "./shard.js";

const own = (o, k) => (Object.prototype.hasOwnProperty.call(o ?? {}, k) ? o[k] : null);

async function lookup(files, key) {
  return own(await files[shardOf(key)].json(), key);
}

/** The thread holding Message-ID `m` (any message of it, with or without <>), or null. */
export async function loadThread(m) {
  const id = messageKey(String(m ?? ""));
  const tid = await lookup(messageShards, id);
  if (tid == null) return null;
  const [detail, affiliations] = await Promise.all([lookup(threadShards, tid), lookup(threadAffiliationShards, tid)]);
  return detail == null ? null : { ...detail, affiliations };
}

/** The person with address `e` (any of theirs, any case), or null. */
export async function loadPerson(e) {
  const pid = await lookup(addressShards, addressKey(String(e ?? "")));
  return pid == null ? null : lookup(personShards, pid);
}
