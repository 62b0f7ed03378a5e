// Maildir source: messages in cur/ and new/. A message's key is its unique file-name part
// (before ":2," flags), so a move new/ -> cur/ (or a flag change) is not a new message.
// Cursor: { v: 2, after, first, last }: the last key read in full and a sample of keys; which
// files were read is what the store holds for the source (older cursors listed every key). Files
// are read in key order; files sharing a key (twins) right after the key's main file. An entry that is not a readable regular file (directory, FIFO, dangling or
// looping symlink) is an error item, read once.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { Provenance, ReadContext, Source, SourceCursor, SourceItem } from "../model/records.ts";
import { SourceError } from "./errors.ts";
import { MAX_MESSAGE_BYTES, oversizedReason } from "./message-limit.ts";

/** "1700000000.M1P2.host:2,S" -> "1700000000.M1P2.host" (also "!2," used on some filesystems). */
export function maildirKey(name: string): string {
  const i = name.search(/[:!]2,/);
  return i >= 0 ? name.slice(0, i) : name;
}

export function isMaildir(path: string): boolean {
  try {
    return statSync(join(path, "cur")).isDirectory() && statSync(join(path, "new")).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Is the Maildir at `path` the one `cursor` was taken on, moved or renamed? Its keys are unique
 * delivery names (time, process, host), so one holding at least half of the keys read before
 * (some may have been expunged since) is that Maildir; an unrelated one shares none.
 */
export function continuesMaildir(path: string, cursor: SourceCursor | null | undefined): boolean {
  const listed = Array.isArray(cursor?.seen) ? cursor!.seen as unknown[] : [
    ...(Array.isArray(cursor?.first) ? cursor!.first as unknown[] : []), ...(Array.isArray(cursor?.last) ? cursor!.last as unknown[] : [])];
  const seen = [...new Set(listed.filter((k): k is string => typeof k === "string"))];
  if (seen.length === 0 || !isMaildir(path)) return false;
  const here = new Set<string>();
  for (const sub of ["new", "cur"]) for (const e of listDir(path, sub)) here.add(maildirKey(e.name));
  let found = 0;
  for (const k of seen) if (here.has(k)) found++;
  return found * 2 >= seen.length;
}

export function maildirSource(path: string, opts: { list?: string; maxMessageBytes?: number } = {}): Source {
  const abs = resolve(path);
  const id = `maildir:${abs}`;
  const max = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  return { id, kind: "maildir", path: abs, list: opts.list, read: (c?: SourceCursor, ctx?: ReadContext) => readMaildir(abs, id, opts.list, max, c, ctx) };
}

/** Keys a cursor keeps from each end of what was read: enough to know the Maildir again after a move. */
const SAMPLE = 32;

async function* readMaildir(abs: string, id: string, list: string | undefined, max: number, cursor?: SourceCursor, ctx?: ReadContext): AsyncGenerator<SourceItem> {
  if (!isMaildir(abs)) throw new SourceError(abs, "not a Maildir (needs cur/ and new/)");
  const seen = await seenPositions(cursor, ctx);
  // Every file of a key, in listing order. Files sharing a key (a copy left beside a renamed one,
  // two flag variants) are all read, and stored when their content differs, never dropped unseen.
  const groups = new Map<string, Entry[]>();
  for (const sub of ["new", "cur"]) {
    for (const e of listDir(abs, sub).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
      if (e.name.startsWith(".")) continue;
      const key = maildirKey(e.name);
      const group = groups.get(key);
      if (group) group.push(e);
      else groups.set(key, [e]);
    }
  }
  // The key's main file is the last listed (cur/ wins over new/, then the last name); the others
  // are its twins, stored under their own path. A key is to read while it or a twin is unseen.
  const todo = (key: string, files: Entry[]) => !seen.key(key) || files.slice(0, -1).some((f) => !seen.twin(f.rel, key));
  const keys = [...groups.keys()].filter((k) => todo(k, groups.get(k)!)).sort();
  const firstBefore = Array.isArray(cursor?.first) ? (cursor!.first as string[]).slice(0, SAMPLE) : [];
  let done = typeof cursor?.after === "string" ? cursor.after : undefined; // the last key read in full
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n];
    const files = groups.get(key)!;
    const main = files[files.length - 1];
    const provenance = { source: id, position: key, list };
    const items: Pending[] = [];
    let got: Buffer | string | undefined;
    if (!seen.key(key)) {
      got = readMain(abs, key, main, max);
      if (typeof got === "string") items.push({ kind: "error", provenance, reason: `cannot read ${main.rel}: ${got}` });
      else items.push({ kind: "message", bytes: got, provenance });
    }
    // Digests of the twins read so far: one identical to another is the same message twice. A set,
    // not a compare with each earlier twin: thousands of flag variants of one key were quadratic.
    const read = new Set<string>();
    for (const twin of files.slice(0, -1)) {
      if (seen.key(key) && seen.twin(twin.rel, key)) continue;
      got ??= readMain(abs, key, main, max); // what the twin is compared with
      const bytes = readEntry(twin.path, max);
      const digest = Buffer.isBuffer(bytes) ? createHash("sha256").update(bytes).digest("base64") : "";
      if (Buffer.isBuffer(bytes) && ((Buffer.isBuffer(got) && bytes.equals(got)) || read.has(digest))) continue;
      if (typeof bytes === "string" && bytes.startsWith("ENOENT")) continue; // it was the one renamed meanwhile
      const at = { ...provenance, position: twin.rel }; // its own position: the key is the main file's
      if (typeof bytes === "string") items.push({ kind: "error", provenance: at, reason: `cannot read ${twin.rel}: ${bytes}` });
      else items.push({ kind: "message", bytes, provenance: at }), read.add(digest);
    }
    // A stored key with a new, different twin, and no run stopped inside the key: which file the
    // key's copy came from is unknown (a file added since may now sort last, as the main one), so
    // the main file is read too, under its own path: at worst a counted duplicate, never a loss.
    if (seen.key(key) && read.size && cursor?.open !== key && !seen.twin(main.rel, key) && got !== undefined) {
      const at = { ...provenance, position: main.rel };
      items.unshift(typeof got === "string" ? { kind: "error", provenance: at, reason: `cannot read ${main.rel}: ${got}` } : { kind: "message", bytes: got, provenance: at });
    }
    // Small whatever the Maildir's size (it is written with every committed batch): which files
    // were read is in the store (the positions of this source's rows); the cursor keeps the last
    // key read in full (for a reader without the store: only the key's last item names it, so a
    // run stopped between a main file and its twin reads the key again) and a sample of keys to
    // recognise the Maildir if it moves.
    for (let i = 0; i < items.length; i++) {
      // `open`: a key whose main file is read and twins are not yet (a resumed run reads only those)
      const cur: SourceCursor = { v: 2, ...(i === items.length - 1 ? { after: key } : { open: key, ...(done !== undefined && { after: done }) }) };
      Object.defineProperty(cur, "first", { enumerable: true, get: () => firstBefore.concat(keys.slice(0, SAMPLE - firstBefore.length)) });
      Object.defineProperty(cur, "last", { enumerable: true, get: () => keys.slice(Math.max(0, n + 1 - SAMPLE), n + 1) });
      yield { ...items[i], cursor: cur };
    }
    done = key;
  }
}

/** An item of the key being read, before its cursor is known. */
type Pending = { kind: "message"; bytes: Buffer; provenance: Provenance } | { kind: "error"; reason: string; provenance: Provenance };

/** A key's main file, looked for once more when it moved between listing and reading (new -> cur). */
function readMain(abs: string, key: string, main: Entry, max: number): Buffer | string {
  const got = readEntry(main.path, max);
  if (typeof got !== "string" || !got.startsWith("ENOENT")) return got;
  const again = findKey(abs, key);
  return again && again.rel !== main.rel ? readEntry(again.path, max) : got;
}

/**
 * What was read before. A main file is stored at its key, a twin at its path (cur/NAME). With the
 * store, those stored positions say it, twin by twin, so a run stopped between a main file and its
 * twin reads the twin on resuming. A cursor of the old form lists the keys read; a reader without
 * the store takes every key up to the last one read in full: in both, a key read means its twins too.
 */
async function seenPositions(cursor: SourceCursor | undefined, ctx: ReadContext | undefined): Promise<{ key(k: string): boolean; twin(rel: string, key: string): boolean }> {
  if (Array.isArray(cursor?.seen)) {
    const set = new Set(cursor!.seen as string[]);
    return { key: (k) => set.has(k), twin: (_r, k) => set.has(k) };
  }
  if (cursor?.v === 2) {
    if (ctx?.storedPositions) {
      const set = await ctx.storedPositions();
      return { key: (k) => set.has(k), twin: (r) => set.has(r) };
    }
    const after = typeof cursor.after === "string" ? cursor.after : undefined;
    const read = (k: string) => after !== undefined && k <= after;
    return { key: read, twin: (_r, k) => read(k) };
  }
  return { key: () => false, twin: () => false };
}

/**
 * A message file's bytes, or why it is not one. Opened non-blocking and checked with fstat, so a
 * FIFO never hangs the read and a directory, a dangling or looping symlink is a reason, not a crash.
 */
function readEntry(path: Buffer, max: number): Buffer | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return describe(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return `not a regular file (${kindOf(st)})`;
    if (st.size > max) return oversizedReason(st.size, max);
    const bytes = readFileSync(fd);
    return bytes.length > max ? oversizedReason(bytes.length, max) : bytes; // grew while read
  } catch (e) {
    return describe(e);
  } finally {
    closeSync(fd);
  }
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = { ENOENT: "no such file (a dangling symlink?)", ELOOP: "symlink loop", EISDIR: "a directory" };
  return err.code ? `${err.code}: ${why[err.code] ?? err.message}` : String(e);
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a file";
}

function findKey(abs: string, key: string): Entry | null {
  for (const sub of ["cur", "new"]) {
    for (const e of listDir(abs, sub)) if (maildirKey(e.name) === key) return e;
  }
  return null;
}

/** A directory entry: its name as text, its path from the Maildir as text, and the exact bytes to open. */
interface Entry { name: string; rel: string; path: Buffer }

/**
 * The entries of cur/ or new/, their names read as bytes: a name that is not UTF-8 (a Latin-1
 * host name, say) would otherwise come back with U+FFFD in it, and opening that fails.
 */
function listDir(abs: string, sub: string): Entry[] {
  let names: Buffer[];
  try {
    names = readdirSync(join(abs, sub), { encoding: "buffer" });
  } catch {
    return [];
  }
  const dir = Buffer.from(join(abs, sub) + "/");
  return names.map((b) => {
    const name = nameText(b);
    return { name, rel: `${sub}/${name}`, path: Buffer.concat([dir, b]) };
  });
}

/** A file name as text: UTF-8 when it is, else its bytes above 0x7f and backslashes written as \\xHH. */
function nameText(b: Buffer): string {
  const s = b.toString("utf8");
  if (!s.includes("\\") && Buffer.from(s, "utf8").equals(b)) return s; // (a backslash is escaped: no two names meet)
  let out = "";
  for (const c of b) out += c >= 0x80 || c === 0x5c ? `\\x${c.toString(16).padStart(2, "0")}` : String.fromCharCode(c);
  return out;
}
