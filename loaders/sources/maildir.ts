// Maildir source: messages in cur/ and new/. A message's key is its unique file-name part
// (before ":2," flags), so a move new/ -> cur/ (or a flag change) is not a new message.
// Cursor: the keys seen so far. Files are read in key order.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Source, SourceCursor, SourceItem } from "../model/records.ts";
import { SourceError } from "./errors.ts";

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

export function maildirSource(path: string, opts: { list?: string } = {}): Source {
  const abs = resolve(path);
  const id = `maildir:${abs}`;
  return { id, kind: "maildir", path: abs, list: opts.list, read: (c?: SourceCursor) => readMaildir(abs, id, opts.list, c) };
}

async function* readMaildir(abs: string, id: string, list: string | undefined, cursor?: SourceCursor): AsyncGenerator<SourceItem> {
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(abs, rel));
    } catch (e) {
      // moved again between listing and reading (new -> cur): look for it once more
      const again = findKey(abs, key);
      if (!again) {
        yield { kind: "error", provenance, reason: `cannot read ${rel}: ${(e as Error).message}`, cursor: cur };
        continue;
      }
      bytes = readFileSync(join(abs, again));
    }
    yield { kind: "message", bytes, provenance, cursor: cur };
  }
}

function findKey(abs: string, key: string): string | null {
  for (const sub of ["cur", "new"]) {
    for (const name of readdirSync(join(abs, sub))) if (maildirKey(name) === key) return `${sub}/${name}`;
  }
  return null;
}
