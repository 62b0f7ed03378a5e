// Maildir source: messages in cur/ and new/. A message's key is its unique file-name part
// (before ":2," flags), so a move new/ -> cur/ (or a flag change) is not a new message.
// Cursor: { v: 2, after, first, last }: the last key read and a sample of keys; which keys were
// read is what the store holds for the source (older cursors listed every key). Files are read
// in key order. An entry that is not a readable regular file (directory, FIFO, dangling or
// looping symlink) is an error item, read once.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import type { ReadContext, Source, SourceCursor, SourceItem } from "../model/records.ts";
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
  const seen = await seenKeys(cursor, ctx);
  const files = new Map<string, Entry>(); // key -> file
  // Other files with the same key (a copy left beside a renamed one, two flag variants): read too,
  // and stored when their content differs, never dropped unseen.
  const twins = new Map<string, Entry[]>();
  for (const sub of ["new", "cur"]) {
    for (const e of listDir(abs, sub).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
      if (e.name.startsWith(".")) continue;
      const key = maildirKey(e.name);
      if (seen(key)) continue;
      const had = files.get(key);
      if (had) twins.set(key, [...(twins.get(key) ?? []), had]);
      files.set(key, e); // cur/ wins over new/ for the same key (then the last name)
    }
  }
  const keys = [...files.keys()].sort();
  const firstBefore = Array.isArray(cursor?.first) ? (cursor!.first as string[]).slice(0, SAMPLE) : [];
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n];
    const entry = files.get(key)!;
    const rel = entry.rel;
    // Small whatever the Maildir's size (it is written with every committed batch): which keys
    // were read is in the store (the positions of this source's rows); the cursor keeps the last
    // key read (for a reader without the store) and a sample to recognise the Maildir if it moves.
    const cur: SourceCursor = { v: 2, after: key };
    Object.defineProperty(cur, "first", { enumerable: true, get: () => firstBefore.concat(keys.slice(0, SAMPLE - firstBefore.length)) });
    Object.defineProperty(cur, "last", { enumerable: true, get: () => keys.slice(Math.max(0, n + 1 - SAMPLE), n + 1) });
    const provenance = { source: id, position: key, list };
    let got = readEntry(entry.path, max);
    if (typeof got === "string" && got.startsWith("ENOENT")) {
      // moved again between listing and reading (new -> cur): look for it once more
      const again = findKey(abs, key);
      if (again && again.rel !== rel) got = readEntry(again.path, max);
    }
    if (typeof got === "string") yield { kind: "error", provenance, reason: `cannot read ${rel}: ${got}`, cursor: cur };
    else yield { kind: "message", bytes: got, provenance, cursor: cur };
    for (const twin of twins.get(key) ?? []) {
      const bytes = readEntry(twin.path, max);
      if (Buffer.isBuffer(bytes) && Buffer.isBuffer(got) && bytes.equals(got)) continue; // the same message twice
      if (typeof bytes === "string" && bytes.startsWith("ENOENT")) continue; // it was the one renamed meanwhile
      const at = { ...provenance, position: twin.rel }; // its own position: the key is the first file's
      if (typeof bytes === "string") yield { kind: "error", provenance: at, reason: `cannot read ${twin.rel}: ${bytes}`, cursor: cur };
      else yield { kind: "message", bytes, provenance: at, cursor: cur };
    }
  }
}

/**
 * Which keys were read before: a cursor of the old form lists them all; the current one leaves
 * that to the store (every item read is a stored row at its key), or, for a reader without the
 * store, means every key up to the last one read.
 */
async function seenKeys(cursor: SourceCursor | undefined, ctx: ReadContext | undefined): Promise<(key: string) => boolean> {
  if (Array.isArray(cursor?.seen)) {
    const set = new Set(cursor!.seen as string[]);
    return (k) => set.has(k);
  }
  if (cursor?.v === 2 && typeof cursor.after === "string") {
    if (ctx?.storedPositions) {
      const set = await ctx.storedPositions();
      return (k) => set.has(k);
    }
    const after = cursor.after;
    return (k) => k <= after;
  }
  return () => false;
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
