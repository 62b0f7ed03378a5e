// The kernel's MAINTAINERS file as sections: a title line, then one tagged entry per line
// ("F:\tdrivers/cxl/"), blank lines between sections. The header above "Maintainers List"
// only describes the tags (its example lines are indented), so it is skipped.
import { parseAddress } from "../parse/addresses.ts";
import { normalizeEmail } from "../identity/normalize.ts";

export interface SectionPerson {
  name: string;
  /** Lower-cased; "" when the entry has no address. */
  email: string;
}

export interface SectionEntry {
  tag: string;
  value: string;
}

export interface Section {
  /** Position in the file, 0-based: the tie-break when two sections rank equal. */
  index: number;
  /** The title verbatim, e.g. "COMPUTE EXPRESS LINK (CXL)". */
  name: string;
  /** 1-based line of the title. */
  line: number;
  maintainers: SectionPerson[];
  reviewers: SectionPerson[];
  /** L: addresses only, lower-cased; a trailing note such as "(moderated for non-subscribers)" is dropped. */
  lists: string[];
  /** S: ("Supported", "Maintained", "Odd Fixes", "Orphan"...); "" when absent. */
  status: string;
  files: string[];
  excludes: string[];
  /** N: regular expressions on the path. */
  regexes: string[];
  /** K: regular expressions on patch content. */
  keywords: string[];
  /** W, Q, B, C, P, T and any other tag, as written. */
  other: SectionEntry[];
}

export interface MaintainersProblem {
  line: number;
  reason: string;
}

export interface Maintainers {
  sections: Section[];
  /** Lines that could not be placed (an entry before any title, text inside a section...). */
  problems: MaintainersProblem[];
}

// No lazy group before "\s*$": on "F: a<1 MB of spaces>b" that backtracks quadratically. The value is trimmed instead.
const ENTRY = /^([A-Z]):([^]*)$/;
const LIST_HEADING = /^Maintainers List\s*$/;

function person(value: string): SectionPerson {
  const a = parseAddress(value);
  return { name: a.name, email: a.email.includes("@") ? a.email : "" };
}

/** The first word of an L: value, as an address ("" when it is none). */
export function listAddress(value: string): string {
  return normalizeEmail(value.trim().split(/\s+/)[0] ?? "");
}

function emptySection(index: number, name: string, line: number): Section {
  return { index, name, line, maintainers: [], reviewers: [], lists: [], status: "", files: [], excludes: [],
    regexes: [], keywords: [], other: [] };
}

function addEntry(s: Section, tag: string, value: string): void {
  switch (tag) {
    case "M": s.maintainers.push(person(value)); break;
    case "R": s.reviewers.push(person(value)); break;
    case "L": { const a = listAddress(value); if (a && !s.lists.includes(a)) s.lists.push(a); break; }
    case "S": s.status = value; break;
    case "F": s.files.push(value); break;
    case "X": s.excludes.push(value); break;
    case "N": s.regexes.push(value); break;
    case "K": s.keywords.push(value); break;
    default: s.other.push({ tag, value });
  }
}

/** Where the section list starts: after the "Maintainers List" heading and its underline, else line 0. */
function firstListLine(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (LIST_HEADING.test(lines[i])) return /^-+\s*$/.test(lines[i + 1] ?? "") ? i + 2 : i + 1;
  }
  return 0;
}

export function parseMaintainers(text: string): Maintainers {
  const lines = text.split(/\r?\n/);
  const sections: Section[] = [];
  const problems: MaintainersProblem[] = [];
  const byName = new Map<string, Section>();
  let cur: Section | null = null;
  let blockStart = true; // the next non-blank line opens a block
  let inNote = false; // an rST note or other indented prose block: not a section
  for (let i = firstListLine(lines); i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") { blockStart = true; cur = null; inNote = false; continue; }
    const entry = ENTRY.exec(line);
    if (blockStart) {
      blockStart = false;
      if (entry) problems.push({ line: i + 1, reason: `entry ${entry[1]}: before any section title` });
      else if (/^(\s|\.\.)/.test(line)) inNote = true;
      else {
        // Titles name sections in every table: a repeated title (a hand-edited or broken file) adds to
        // its first section instead of making a second one that would count each patch twice.
        const name = line.trim();
        const seen = byName.get(name);
        if (seen) { cur = seen; problems.push({ line: i + 1, reason: `section ${name}: title repeated (first at line ${seen.line}); entries merged` }); }
        else { cur = emptySection(sections.length, name, i + 1); sections.push(cur); byName.set(name, cur); }
      }
      continue;
    }
    if (inNote) continue;
    if (cur && entry) addEntry(cur, entry[1], entry[2].trim());
    else if (cur) problems.push({ line: i + 1, reason: `not a tagged entry in section ${cur.name}` });
  }
  return { sections, problems };
}
