// git-mailmap parsing (see `man gitmailmap`). All four line forms:
//   Proper Name <commit@email>
//   <proper@email> <commit@email>
//   Proper Name <proper@email> <commit@email>
//   Proper Name <proper@email> Commit Name <commit@email>
import { readFileSync } from "node:fs";
import { normalizeEmail } from "./normalize.ts";

export interface MailmapEntry {
  properName?: string;
  properEmail?: string;
  /** When set, the entry applies only to this (email, name) pair (compared case-insensitively). */
  commitName?: string;
  commitEmail: string;
  /** "file:line", for merge evidence. */
  origin: string;
}

export interface Mailmap {
  entries: MailmapEntry[];
  /** Malformed lines, kept so a caller can report them. */
  skipped: string[];
}

export function parseMailmap(text: string, file = "mailmap"): Mailmap {
  const entries: MailmapEntry[] = [];
  const skipped: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const origin = `${file}:${i + 1}`;
    const hash = commentStart(line);
    const body = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (!body) return;
    const parts = nameEmailParts(body);
    if (!parts) {
      skipped.push(origin);
      return;
    }
    const clean = (s: string) => s.trim().replace(/\s+/g, " ") || undefined;
    if (parts.length === 1) {
      const email = normalizeEmail(parts[0][2]);
      const name = clean(parts[0][1]);
      if (!email || !name) return void skipped.push(origin);
      entries.push({ properName: name, commitEmail: email, origin });
      return;
    }
    const commitEmail = normalizeEmail(parts[1][2]);
    const properEmail = normalizeEmail(parts[0][2]);
    if (!commitEmail) return void skipped.push(origin);
    entries.push({
      properName: clean(parts[0][1]),
      properEmail: properEmail || undefined,
      commitName: clean(parts[1][1]),
      commitEmail,
      origin,
    });
  });
  return { entries, skipped };
}

/**
 * Where the comment starts: the first '#' outside <...>, i.e. not followed by a '>' before any
 * '<' (the regex `#(?![^<]*>)`, which rescans the rest of the line from every '#'). One pass from
 * the right, remembering which bracket comes next.
 */
function commentStart(line: string): number {
  let hash = -1;
  let next = ""; // the nearest '<' or '>' to the right
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (c === "<" || c === ">") next = c;
    else if (c === "#" && next !== ">") hash = i;
  }
  return hash;
}

/**
 * "Name <email>" pairs covering the whole body (one or two of them), as
 * `/([^<]*)<([^>]*)>/g` would split it; null when the line has another shape.
 */
function nameEmailParts(body: string): [string, string, string][] | null {
  const parts: [string, string, string][] = [];
  let pos = 0;
  while (pos < body.length && parts.length <= 2) {
    const lt = body.indexOf("<", pos);
    if (lt < 0) break;
    const gt = body.indexOf(">", lt + 1);
    if (gt < 0) break;
    parts.push([body.slice(pos, gt + 1), body.slice(pos, lt), body.slice(lt + 1, gt)]);
    pos = gt + 1;
  }
  if (parts.length === 0 || parts.length > 2 || body.slice(pos).trim() !== "") return null;
  return parts;
}

export function readMailmap(path: string): Mailmap {
  return parseMailmap(readFileSync(path, "utf8"), path);
}

/** Index for lookups: the entry for (email, name), name-qualified entries winning, like git. */
export class MailmapIndex {
  private byEmail = new Map<string, MailmapEntry[]>();
  constructor(maps: Mailmap[]) {
    for (const m of maps) for (const e of m.entries) {
      const list = this.byEmail.get(e.commitEmail) ?? [];
      list.push(e);
      this.byEmail.set(e.commitEmail, list);
    }
  }
  lookup(email: string, name: string): MailmapEntry | undefined {
    const list = this.byEmail.get(email);
    if (!list) return undefined;
    const lname = name.trim().toLowerCase();
    // Later lines override earlier ones in git; search from the end.
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i];
      if (e.commitName && e.commitName.toLowerCase() === lname) return e;
    }
    for (let i = list.length - 1; i >= 0; i--) if (!list[i].commitName) return list[i];
    return undefined;
  }
}
