// The browser copy of loaders/model/shard.ts (pages cannot import outside src/): which shard
// file holds a thread's, message's, person's or address's data. test/model/shard.test.ts checks
// both copies agree.
export const SHARDS = 64;

const utf8 = new TextEncoder();

export function shardOf(key) {
  let h = 0x811c9dc5;
  for (const b of utf8.encode(key)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h % SHARDS;
}

export const shardName = (i) => i.toString(16).padStart(2, "0");

export function addressKey(s) {
  return s.trim().replace(/^<(.*)>$/, "$1").toLowerCase();
}

export function messageKey(s) {
  return s.trim().replace(/^<(.*)>$/, "$1");
}
