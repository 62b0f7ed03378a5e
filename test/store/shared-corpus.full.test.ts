// Real archives in ../shared (skipped when absent): cross-post dedup on the 2024-h2 corpus,
// and the ksummit public-inbox epoch with the Passthrough thread intact. Expected numbers
// are computed here by independent scans of the raw files, not through the pipeline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir } from "./helpers.ts";

import { SHARED } from "../helpers/shared.ts";
const CORPUS = join(SHARED, "corpus/2024-h2");
const KSUMMIT = join(SHARED, "archives/ksummit.lists.linux.dev");
const LISTS = ["linux-cxl", "netdev", "linux-rdma"];

/** Independent header scan: separator count and distinct Message-IDs of an mboxrd .gz file. */
async function scanMbox(file: string): Promise<{ entries: number; ids: Set<string> }> {
  const ids = new Set<string>();
  let entries = 0, inHeaders = false, pendingId = false;
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.startsWith("From mboxrd@z ")) { entries++; inHeaders = true; pendingId = false; continue; }
    if (!inHeaders) continue;
    if (line === "") { inHeaders = false; continue; }
    const m = /^message-id:\s*(.*)$/i.exec(line);
    const value = m ? m[1] : pendingId && /^\s/.test(line) ? line : null;
    pendingId = false;
    if (value === null) continue;
    const id = /<([^>]+)>/.exec(value);
    if (id) ids.add(id[1].trim());
    else pendingId = true; // value folded onto the next line
  }
  return { entries, ids };
}

test("2024-h2: 19,420 entries, fewer unique messages, per_list = each file's unique Message-IDs", { timeout: 600_000 }, async (t) => {
  if (!existsSync(CORPUS)) return t.skip(`../shared corpus absent (${CORPUS})`);
  const expected: Record<string, number> = {};
  let entries = 0;
  const all = new Set<string>();
  for (const l of LISTS) {
    const s = await scanMbox(join(CORPUS, `${l}.mbox.gz`));
    expected[l] = s.ids.size;
    entries += s.entries;
    for (const id of s.ids) all.add(id);
  }
  assert.equal(entries, 19_420);

  const dir = tempDir();
  const store = await openStore(dir.dir);
  try {
    const sources = LISTS.map((l) => openSource(`${l}=${join(CORPUS, `${l}.mbox.gz`)}`));
    const summary = await ingest(store, sources);
    assert.equal(summary.sources.reduce((n, s) => n + s.seen, 0), 19_420);
    const stats = await computeStats(store);
    assert.ok(stats.messages < 19_420, "cross-posts are stored once");
    assert.equal(stats.messages, all.size);
    for (const l of LISTS) assert.equal(stats.per_list[l], expected[l], `per_list.${l}`);
    assert.equal(stats.duplicates + stats.conflicts >= 19_420 - all.size, true);
  } finally {
    await store.close();
    dir.cleanup();
  }
});

/** Independent scan of the epoch's blobs: distinct Message-IDs whose Subject names the thread. */
function scanEpochSubjects(epoch: string, needle: RegExp): Set<string> {
  // The mirrored epoch has no refs/, so read its objects through an empty bare repo.
  const shim = tempDir("tg-shim-");
  let out: Buffer;
  try {
    execFileSync("git", ["init", "-q", "--bare", shim.dir]);
    out = execFileSync("git", ["cat-file", "--batch-all-objects", "--batch"], {
      maxBuffer: 1 << 30, env: { ...process.env, GIT_DIR: shim.dir, GIT_OBJECT_DIRECTORY: join(epoch, "objects") },
    });
  } finally {
    shim.cleanup();
  }
  const ids = new Set<string>();
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(10, pos);
    const [, type, size] = out.subarray(pos, nl).toString().split(" ");
    const body = out.subarray(nl + 1, nl + 1 + Number(size));
    pos = nl + 1 + Number(size) + 1;
    if (type !== "blob") continue;
    const text = body.toString("latin1");
    const head = text.slice(0, text.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
    const subject = /^subject:(.*)$/im.exec(head)?.[1] ?? "";
    const id = /^message-id:\s*<([^>]+)>/im.exec(head)?.[1];
    if (id && needle.test(subject)) ids.add(id.trim());
  }
  return ids;
}

test("ksummit epoch: messages ingested with the Passthrough thread intact", { timeout: 300_000 }, async (t) => {
  if (!existsSync(KSUMMIT)) return t.skip(`../shared archive absent (${KSUMMIT})`);
  const needle = /Passthrough Considered Harmful/i;
  const expected = scanEpochSubjects(join(KSUMMIT, "git/0.git"), needle);
  assert.ok(expected.size > 100);
  const dir = tempDir();
  const store = await openStore(dir.dir);
  try {
    const summary = await ingest(store, [openSource(KSUMMIT)]);
    assert.equal(summary.sources[0].error, 0);
    const rows = await store.query<{ message_id: string; in_reply_to: string | null; lists: string[] }>(
      "SELECT message_id, in_reply_to, lists FROM messages WHERE regexp_matches(subject, 'Passthrough Considered Harmful', 'i')");
    assert.deepEqual(new Set(rows.map((r) => r.message_id)), expected);
    // One root; every other message replies to a message of the same thread.
    const inThread = new Set(rows.map((r) => r.message_id));
    const roots = rows.filter((r) => !r.in_reply_to);
    assert.equal(roots.length, 1);
    for (const r of rows) if (r.in_reply_to) assert.ok(inThread.has(r.in_reply_to), `${r.message_id} replies inside the thread`);
    for (const l of LISTS) assert.ok(roots[0].lists.includes(l), `root reached ${l}`);
  } finally {
    await store.close();
    dir.cleanup();
  }
});
