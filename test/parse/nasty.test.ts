// Nasty-input suite: every case must become a parsed message with the right flags, or a
// recorded error item; nothing may throw out of the stream except a damaged archive.
// The fixture mbox (test/fixtures/mail.ts NASTY_MBOX) is built byte by byte (NUL, raw 8-bit headers, CRLF).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openSource } from "../../loaders/sources/index.ts";
import { parseStream, type ParsedItem } from "../../loaders/parse/index.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";
import { tempDir, msg, mboxrd } from "../sources/helpers.ts";

import { NASTY_MBOX } from "../fixtures/mail.ts";

// Written once per process to a temp file: sources read archives from paths.
const NASTY_DIR = mkdtempSync(join(tmpdir(), "tg-nasty-"));
const NASTY = join(NASTY_DIR, "nasty.mbox");
writeFileSync(NASTY, NASTY_MBOX);
process.on("exit", () => rmSync(NASTY_DIR, { recursive: true, force: true }));
const ctx = { trackedLists: DEFAULT_LISTS };

async function run(spec: string): Promise<{ out: ParsedItem[]; error?: Error }> {
  const out: ParsedItem[] = [];
  try {
    for await (const r of parseStream(openSource(spec).read(), ctx)) out.push(r);
  } catch (e) {
    return { out, error: e as Error };
  }
  return { out };
}

test("nasty: the fixture mbox gives 10 items, 9 parsed and 1 recorded error, with flags", async () => {
  const { out, error } = await run(`netdev=${NASTY}`);
  assert.equal(error, undefined);
  assert.equal(out.length, 10);
  const p = out.map((r) => r.parsed);
  // 1: missing id -> synthetic, stable
  assert.ok(p[0]!.flags.includes("synthetic-id"));
  assert.equal(p[0]!.lists.join(), "netdev");
  // 2, 3: duplicate ids are both delivered, with different content hashes (dedup is downstream)
  assert.equal(p[1]!.messageId, "dup@example.com");
  assert.equal(p[2]!.messageId, "dup@example.com");
  assert.notEqual(p[1]!.contentHash, p[2]!.contentHash);
  // 4: broken date -> Received
  assert.equal(p[3]!.date, Date.UTC(2024, 6, 1, 10, 2));
  assert.ok(p[3]!.flags.includes("date-fallback"));
  // 5: From lines inside the body stay in the body; the trailer after them is found
  assert.equal(p[4]!.messageId, "fromline@example.com");
  assert.deepEqual(p[4]!.trailers.map((t) => t.email), ["af@example.com"]);
  // 6: NUL byte flagged, trailer after it still read
  assert.ok(p[5]!.flags.includes("nul-byte"));
  assert.deepEqual(p[5]!.trailers.map((t) => t.email), ["na@example.com"]);
  // 7: 8-bit headers: UTF-8 decoded, Latin-1 kept readable, flagged
  assert.ok(p[6]!.flags.includes("8bit-header"));
  assert.equal(p[6]!.from.name, "Jürgen Raw");
  assert.equal(p[6]!.subject, "café latin1");
  // 8: CRLF with a folded subject
  assert.equal(p[7]!.subject, "crlf folded");
  assert.equal(p[7]!.messageId, "crlf@example.com");
  assert.deepEqual(p[7]!.trailers.map((t) => t.email), ["ct@example.com"]);
  // 9: not a message -> error item with a reason and its position
  assert.equal(out[8].parsed, undefined);
  assert.match(out[8].error!, /header/);
  assert.match(out[8].item.provenance.position, /^\d+$/);
  // 10: garbage id and no date
  assert.ok(p[9]!.flags.includes("synthetic-id"));
  assert.ok(p[9]!.flags.includes("date-missing"));
  assert.equal(p[9]!.date, null);
});

test("nasty: the same mbox with CRLF line ends parses to the same ids and trailers", async (t) => {
  const d = tempDir(t);
  const crlf = readFileSync(NASTY).toString("latin1").replace(/\r?\n/g, "\r\n");
  writeFileSync(join(d, "crlf.mbox"), Buffer.from(crlf, "latin1"));
  const a = (await run(NASTY)).out;
  const b = (await run(join(d, "crlf.mbox"))).out;
  assert.deepEqual(b.map((r) => r.parsed?.messageId ?? "error"), a.map((r) => r.parsed?.messageId ?? "error"));
  assert.deepEqual(b.map((r) => r.parsed?.trailers.length), a.map((r) => r.parsed?.trailers.length));
  assert.deepEqual(b.map((r) => r.parsed?.contentHash), a.map((r) => r.parsed?.contentHash), "CRLF copies hash equal");
});

test("nasty: a 5 MB message is parsed, its body scan capped and flagged", async (t) => {
  const d = tempDir(t);
  const line = "x".repeat(99) + "\n";
  const body = line.repeat(52_000) + "Reviewed-by: Late <late@example.com>\n";
  writeFileSync(join(d, "big.mbox"), mboxrd([msg("small1"), msg("big", "Acked-by: Early <early@example.com>\n" + body), msg("small2")]));
  const { out, error } = await run(join(d, "big.mbox"));
  assert.equal(error, undefined);
  assert.equal(out.length, 3);
  const big = out[1].parsed!;
  assert.ok(big.bytes > 5_000_000);
  assert.ok(big.flags.includes("truncated-body"));
  assert.deepEqual(big.trailers.map((x) => x.email), ["early@example.com"]);
  assert.equal(out[2].parsed!.messageId, "small2@example.com");
});

test("nasty: empty file gives nothing; truncated .gz gives the earlier messages, then an error naming the path", async (t) => {
  const d = tempDir(t);
  writeFileSync(join(d, "empty.mbox"), "");
  const e = await run(join(d, "empty.mbox"));
  assert.deepEqual([e.out.length, e.error], [0, undefined]);
  const gz = gzipSync(mboxrd(Array.from({ length: 300 }, (_, i) => msg(`n${i}`, `filler ${i} `.repeat(300) + "\n"))));
  const p = join(d, "cut.mbox.gz");
  writeFileSync(p, gz.subarray(0, gz.length >> 1));
  const r = await run(p);
  assert.ok(r.error && r.error.message.includes(p), "error names the path");
  assert.ok(r.out.length > 10 && r.out.every((x) => x.parsed), "earlier messages delivered and parsed");
});
