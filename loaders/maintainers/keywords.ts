// K: entries: Perl regexes that scripts/get_maintainer.pl --keywords (its default) matches against
// every line of the patch file, commit message included. Here (pure): each K: compiled once with
// regex.ts (linear-time-safe, or rejected and counted), then searched in a patch's text line by
// line, each line cut at MAX_LINE characters and the text at MAX_TEXT, so a hostile message costs
// a bounded amount of work. A keyword match is evidence of another kind than a file match:
// callers keep them apart (message_subsystems.rule), and they never weigh in home verdicts.
import type { MaintainersProblem, Section } from "./parse.ts";
import { extendedRegex, requiredLiteral } from "./regex.ts";

/** Longest line searched; the rest of a longer line is not (get_maintainer has no limit; real patches stay far below). */
export const MAX_LINE = 1000;
/** Longest patch text searched (UTF-16 code units), cut at the last line end before it; later lines are not. */
export const MAX_TEXT = 1 << 20;

interface Keyword { section: string; re: RegExp; literal: string }

export interface KeywordMatch {
  /** Sections with a K: that matched, in MAINTAINERS order. */
  sections: string[];
  /** Lines cut at MAX_LINE, or text beyond MAX_TEXT left out. */
  truncated: boolean;
}

export class KeywordMatcher {
  private keywords: Keyword[] = [];
  /** K: entries rejected (cannot run in linear time, or invalid): skipped and counted here. */
  readonly problems: MaintainersProblem[] = [];

  constructor(sections: Section[]) {
    for (const s of sections) {
      for (const k of s.keywords) {
        try {
          const re = extendedRegex(k);
          this.keywords.push({ section: s.name, re, literal: requiredLiteral(re.source) });
        } catch (e) {
          this.problems.push({ line: s.line, reason: `${s.name}: K: ${k}: ${(e as Error).message}` });
        }
      }
    }
  }

  get size(): number { return this.keywords.length; }

  /** Sections whose K: matches a line of `text` (a patch: commit message and diff). */
  match(text: string): KeywordMatch {
    let truncated = text.length > MAX_TEXT;
    // cut at a line end: a line cut short could match what the whole line does not ("a+$")
    const body = truncated ? text.slice(0, Math.max(0, text.lastIndexOf("\n", MAX_TEXT))) : text;
    let lines = body.split("\n");
    if (lines.some((l) => l.length > MAX_LINE)) { truncated = true; lines = lines.map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l)); }
    const hit = new Set<string>();
    for (const k of this.keywords) {
      if (hit.has(k.section)) continue;
      if (k.literal && !body.includes(k.literal)) continue; // no line can match without it
      for (const l of lines) if (k.re.test(l)) { hit.add(k.section); break; }
    }
    return { sections: [...new Set(this.keywords.map((k) => k.section))].filter((s) => hit.has(s)), truncated };
  }
}
