// Maildir source: messages in cur/ and new/. A message's key is its unique file-name part
// (before ":2," flags), so a move new/ -> cur/ (or a flag change) is not a new message.
// Cursor: the keys seen so far. Files are read in key order. An entry that is not a readable
// regular file (directory, FIFO, dangling or looping symlink) is an error item, read once.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import type { Source, SourceCursor, SourceItem } from "../model/records.ts";
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

export function maildirSource(path: string, opts: { list?: string; maxMessageBytes?: number } = {}): Source {
  const abs = resolve(path);
  const id = `maildir:${abs}`;
  const max = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  return { id, kind: "maildir", path: abs, list: opts.list, read: (c?: SourceCursor) => readMaildir(abs, id, opts.list, max, c) };
}

async function* readMaildir(abs: string, id: string, list: string | undefined, max: number, cursor?: SourceCursor): AsyncGenerator<SourceItem> {
  if (!isMaildir(abs)) throw new SourceError(abs, "not a Maildir (needs cur/ and new/)");
  const prior: string[] = Array.isArray(cursor?.seen) ? (cursor!.seen as string[]) : [];
  const seen = new Set(prior);
  const files = new Map<string, string>(); // key -> relative path
  for (const sub of ["new", "cur"]) {
    for (const name of readdirSync(join(abs, sub))) {
      if (name.startsWith(".")) continue;
      const key = maildirKey(name);
      if (!seen.has(key)) files.set(key, `${sub}/${name}`); // cur/ wins over new/ for the same key
    }
  }
  const keys = [...files.keys()].sort();
  const fresh: string[] = [];
  for (const key of keys) {
    const rel = files.get(key)!;
    fresh.push(key);
    // The cursor lists prior + fresh[0..n]; computed only when serialised, so it stays O(n).
    const n = fresh.length;
    const cur: SourceCursor = {};
    Object.defineProperty(cur, "seen", { enumerable: true, get: () => prior.concat(fresh.slice(0, n)) });
    const provenance = { source: id, position: key, list };
    let got = readEntry(join(abs, rel), max);
    if (typeof got === "string" && got.startsWith("ENOENT")) {
      // moved again between listing and reading (new -> cur): look for it once more
      const again = findKey(abs, key);
      if (again && again !== rel) got = readEntry(join(abs, again), max);
    }
    if (typeof got === "string") yield { kind: "error", provenance, reason: `cannot read ${rel}: ${got}`, cursor: cur };
    else yield { kind: "message", bytes: got, provenance, cursor: cur };
  }
}

/**
 * A message file's bytes, or why it is not one. Opened non-blocking and checked with fstat, so a
 * FIFO never hangs the read and a directory, a dangling or looping symlink is a reason, not a crash.
 */
function readEntry(path: string, max: number): Buffer | string {
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

function findKey(abs: string, key: string): string | null {
  for (const sub of ["cur", "new"]) {
    for (const name of listDir(join(abs, sub))) if (maildirKey(name) === key) return `${sub}/${name}`;
  }
  return null;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
