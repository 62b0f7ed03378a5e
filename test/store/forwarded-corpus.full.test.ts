// Real corpus (skipped when ../shared is absent): patches sent by someone other than their
// author (in-body From:) on 2024-h2 netdev. The expected count comes from an independent line
// scan of the raw mbox; the examples checked in the store are picked at run time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir } from "./helpers.ts";

const NETDEV = join(resolve("../shared/corpus/2024-h2"), "netdev.mbox.gz");
const skip = existsSync(NETDEV) ? false : `SKIP: ${NETDEV} absent (forwarded-patch count on the real corpus)`;

const addr = (v: string) => (/<([^<>\s]+@[^<>\s]+)>/.exec(v)?.[1] ?? /([^<>\s"]+@[^<>\s"]+)/.exec(v)?.[1] ?? "").toLowerCase();

/**
 * Independent scan: mboxrd entries whose subject is a patch (not "Re:", not a 0/n cover), sent
 * 7bit/8bit by a non-relay sender, and whose first non-blank body line is "From: ..." with
 * another address than the From header. Folded headers are joined; nothing else is decoded.
 */
async function scanForwarded(file: string): Promise<number> {
  let n = 0;
  let state: "none" | "head" | "body" = "none";
  let hdr = new Map<string, string>(), last = "";
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.startsWith("From mboxrd@z ")) { state = "head"; hdr = new Map(); last = ""; continue; }
    if (state === "head") {
      if (line === "") { state = "body"; continue; }
      if (/^\s/.test(line) && last) { hdr.set(last, hdr.get(last) + " " + line.trim()); continue; }
      const m = /^([^:\s]+):\s*(.*)$/.exec(line);
      if (m) { last = m[1].toLowerCase(); if (!hdr.has(last)) hdr.set(last, m[2]); }
      continue;
    }
    if (state !== "body" || line.trim() === "") continue;
    state = "none"; // only the first non-blank body line matters
    const subject = hdr.get("subject") ?? "", from = hdr.get("from") ?? "";
    if (!/^\s*(\[[^\]]*\]\s*)*\[[^\]]*\bPATCH/i.test(subject) || /\b0+\/\d+\]/.test(subject)) continue;
    if (/quoted-printable|base64/i.test(hdr.get("content-transfer-encoding") ?? "") || /multipart/i.test(hdr.get("content-type") ?? "")) continue;
    if (/\svia\s/i.test(from) || /devnull\+/i.test(from)) continue;
    const body = /^From:\s*(.+)$/.exec(line);
    if (body && addr(body[1]) && addr(body[1]) !== addr(from)) n++;
  }
  return n;
}

test("2024-h2 netdev: forwarded patches carry their in-body author into the store", { skip, timeout: 600_000 }, async () => {
  const expected = await scanForwarded(NETDEV);
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    await ingest(store, [openSource(`netdev=${NETDEV}`)], {});
    const [{ n }] = await store.query<{ n: number }>("SELECT count(*) AS n FROM messages WHERE author_email IS NOT NULL");
    const [{ other }] = await store.query<{ other: number }>("SELECT count(*) AS other FROM messages WHERE author_person_id <> person_id");
    console.log(`netdev 2024-h2: ${n} patches with an in-body author other than the sender (independent scan: ${expected}); ${other} credited to another person than the sender`);
    assert.ok(expected > 0 && n > 0, "the corpus has forwarded patches");
    // The scan skips encoded bodies and is cruder; the two must still agree closely.
    assert.ok(Math.abs(n - expected) <= Math.max(5, expected * 0.05), `store ${n} vs independent scan ${expected}`);
    // A few examples, found now: the author resolves to a person of their own, who knows the address.
    const ex = await store.query<{ message_id: string; person_id: string; author_person_id: string; author_email: string; is_patch: boolean; is_cover: boolean; is_reply_subject: boolean }>(
      `SELECT message_id, person_id, author_person_id, author_email, is_patch, is_cover, regexp_matches(subject, '^\\s*re:', 'i') AS is_reply_subject
       FROM messages WHERE author_person_id <> person_id ORDER BY message_id LIMIT 5`);
    assert.ok(ex.length >= 3, `at least 3 examples (${ex.length})`);
    for (const e of ex) {
      assert.ok(e.is_patch && !e.is_cover && !e.is_reply_subject, `${e.message_id} is a patch`);
      const [p] = await store.query<{ emails: string[] }>(`SELECT emails FROM people WHERE person_id = '${e.author_person_id.replace(/'/g, "''")}'`);
      assert.ok(p && p.emails.includes(e.author_email), `${e.author_email} belongs to ${e.author_person_id}`);
    }
  } finally {
    await store.close();
    t.cleanup();
  }
});
