// Test helpers: hand-made ParsedMessage records and an in-memory Source whose items carry
// those records as JSON, with a parser that decodes them. Exercises ingest without the real parser.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../loaders/store/store.ts";
import type { ParseResult, ParseStreamFn } from "../../loaders/pipeline/ingest.ts";
import type { ParsedMessage, Source, SourceItem } from "../../loaders/model/records.ts";

/** A one-message mboxrd (netdev-like mail of 2024-07-01): the smallest archive a command test ingests. */
export const ONE_MESSAGE_MBOX = "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: A <a@example.org>\nSubject: s\nDate: Mon, 1 Jul 2024 12:00:00 +0000\nMessage-ID: <s@example.org>\n\nbody\n\n";

export function tempDir(prefix = "tg-store-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temp dir removed after test `t`, holding ONE_MESSAGE_MBOX as `box`; `store` is a path in it (not made). */
export function oneMessageArchive(t: { after(fn: () => void): void }, prefix: string): { dir: string; store: string; box: string } {
  const tmp = tempDir(prefix);
  t.after(tmp.cleanup);
  const box = join(tmp.dir, "x.mbox");
  writeFileSync(box, ONE_MESSAGE_MBOX);
  return { dir: tmp.dir, store: join(tmp.dir, "store"), box };
}

export function pm(id: string, over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: id, date: Date.UTC(2024, 6, 1, 12), from: { name: "Ada Lovelace", email: "ada@example.org" },
    to: [], cc: [], subject: `subject of ${id}`, inReplyTo: null, references: [], listId: null, lists: [],
    patch: { isPatch: false, isRfc: false, version: 1, index: null, total: null, isCover: false, tags: [] },
    isReply: false, trailers: [], nakLine: false, isBot: false, flags: [], contentHash: `hash-${id}`, bytes: 100,
    ...over,
  };
}

export type FakeEntry =
  | { kind: "message"; msg: ParsedMessage }
  | { kind: "delete"; msg: ParsedMessage }
  | { kind: "error"; reason: string }
  | { kind: "bad"; reason: string }; // a message the parser rejects

/** A Source over fixed entries; cursor = index of the last item read. */
export function fakeSource(id: string, entries: FakeEntry[], list?: string): Source & { reads: number[] } {
  const src = {
    id, kind: "mbox" as const, path: `/fake/${id}`, list, reads: [] as number[],
    async *read(cursor?: Record<string, unknown>): AsyncIterable<SourceItem> {
      const start = cursor ? Number(cursor.i) + 1 : 0;
      src.reads.push(start);
      for (let i = start; i < entries.length; i++) {
        const e = entries[i];
        const provenance = { source: id, position: String(i), list };
        const c = { i };
        if (e.kind === "error") yield { kind: "error", provenance, reason: e.reason, cursor: c };
        else if (e.kind === "bad") yield { kind: "message", provenance, bytes: Buffer.from(JSON.stringify({ bad: e.reason })), cursor: c };
        else yield { kind: e.kind, provenance, bytes: Buffer.from(JSON.stringify(e.msg)), cursor: c };
      }
    },
  };
  return src;
}

export const fakeParse: ParseStreamFn = async function* (items): AsyncIterable<ParseResult> {
  for await (const item of items) {
    if (item.kind === "error") { yield { item, error: item.reason }; continue; }
    if (item.kind === "stored") { yield { item, error: "already stored" }; continue; }
    if (item.kind === "advance") { yield { item, error: "no message here" }; continue; }
    const obj = JSON.parse(item.bytes.toString());
    if (obj.bad) yield { item, error: obj.bad };
    else yield { item, parsed: obj as ParsedMessage };
  }
};

export const msgs = (...m: ParsedMessage[]): FakeEntry[] => m.map((msg) => ({ kind: "message", msg }));

/** Every view's rows in a fixed order, for comparing two stores. */
export async function dumpStore(dir: string): Promise<Record<string, unknown[]>> {
  const store = await openStore(dir);
  try {
    return {
      messages: await store.query("SELECT * FROM messages ORDER BY message_id"),
      arrivals: await store.query("SELECT * FROM arrivals ORDER BY source, position"),
      trailers: await store.query("SELECT * FROM trailers ORDER BY message_id, raw"),
      errors: await store.query("SELECT * FROM errors ORDER BY source, position"),
      people: await store.query("SELECT * FROM people ORDER BY person_id"),
    };
  } finally {
    await store.close();
  }
}

/** chmod a tree (a read-only store for a test; back to writable for its cleanup). */
export function chmodTree(dir: string, mode: (isDir: boolean) => number): void {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) chmodTree(p, mode);
    chmodSync(p, mode(statSync(p).isDirectory()));
  }
  chmodSync(dir, mode(true));
}
