// Which shard file holds an entity's page data (thread.html?m=, person.html?e=, search). The pages
// hold the same function as src/components/shard.js (pages cannot import outside src/);
// test/model/shard.test.ts checks both agree. FNV-1a over UTF-8, not SHA: the browser's
// crypto.subtle exists only in secure contexts, and a dist/ served over plain http is not one.

/**
 * Shard files per kind: fixed, so pages can list every file statically (Framework finds only literal
 * FileAttachment names). 64, not more: Framework re-reads a whole archive for every file it extracts
 * (cost ~ files x archive size), and at ~214k messages a thread page still fetches < 0.5 MB gzipped.
 */
export const SHARDS = 64;

const utf8 = new TextEncoder();

/** 0..SHARDS-1 for a Message-ID, thread id, person id or address (lone surrogates hash as U+FFFD, as TextEncoder writes them). */
export function shardOf(key: string): number {
  // ASCII (nearly every id and address) is its own UTF-8: no encoding per key (the analysis hashes every Message-ID).
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) return utf8Shard(key);
    h ^= c; h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SHARDS;
}

function utf8Shard(key: string): number {
  let h = 0x811c9dc5;
  for (const b of utf8.encode(key)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h % SHARDS;
}

/** "00".."ff": the shard's file-name suffix. */
export const shardName = (i: number): string => i.toString(16).padStart(2, "0");

/** The form an address is looked up by: trimmed, angle brackets dropped, lower case. */
export function addressKey(s: string): string {
  return s.trim().replace(/^<(.*)>$/, "$1").toLowerCase();
}

/** A Message-ID as given in a URL or header: trimmed, one pair of angle brackets dropped. */
export function messageKey(s: string): string {
  return s.trim().replace(/^<(.*)>$/, "$1");
}
