// Which MAINTAINERS sections cover a path, ranked the way scripts/get_maintainer.pl ranks them
// (deepest matching pattern first). Rules and cases: docs/maintainers.md.
//
// Speed: F:/X: patterns live in a trie keyed by path component, so a path visits only the
// branches its own components lead to (plus the few glob components on the way), never all
// ~10,000 patterns of 3,291 sections. Only N: regexes are tried one by one (about a hundred).
import type { Maintainers, MaintainersProblem, Section } from "./parse.ts";
import { compilePattern, type FilePattern } from "./pattern.ts";
import { extendedRegex, requiredLiteral } from "./regex.ts";

interface PatternRef {
  section: number;
  depth: number;
}

class TrieNode {
  literal = new Map<string, TrieNode>();
  globs: { re: RegExp; source: string; node: TrieNode }[] = [];
  /** The node after a "**" component. */
  any: TrieNode | null = null;
  /** Patterns that end here and match a path ending here. */
  self: PatternRef[] = [];
  /** Patterns that end here and match every path below. */
  below: PatternRef[] = [];

  insert(p: FilePattern, ref: PatternRef): void {
    let node: TrieNode = this;
    for (const c of p.components) {
      if ("literal" in c) {
        let next = node.literal.get(c.literal);
        if (!next) node.literal.set(c.literal, (next = new TrieNode()));
        node = next;
      } else if ("glob" in c) {
        let g = node.globs.find((x) => x.source === c.source);
        if (!g) node.globs.push((g = { re: c.glob, source: c.source, node: new TrieNode() }));
        node = g.node;
      } else node = node.any ??= new TrieNode();
    }
    if (p.self) node.self.push(ref);
    if (p.below) node.below.push(ref);
  }

  /** Every pattern matching parts[i..]; `out` keeps the deepest depth per section. */
  collect(parts: string[], i: number, out: Map<number, number>): void {
    if (i === parts.length) add(this.self, out);
    else {
      add(this.below, out);
      this.literal.get(parts[i])?.collect(parts, i + 1, out);
      for (const g of this.globs) if (g.re.test(parts[i])) g.node.collect(parts, i + 1, out);
    }
    // "**" swallows zero or more components
    if (this.any) for (let k = i; k <= parts.length; k++) this.any.collect(parts, k, out);
  }
}

function add(refs: PatternRef[], out: Map<number, number>): void {
  for (const r of refs) {
    const d = out.get(r.section);
    if (d === undefined || r.depth > d) out.set(r.section, r.depth);
  }
}

export interface SectionMatch {
  section: Section;
  /** Depth of the deepest matching pattern: its component count; 0 for an N: match; -1 for THE REST. */
  depth: number;
}

export class SectionMatcher {
  readonly sections: Section[];
  /** Patterns that could not be compiled, each skipped and counted here. */
  readonly problems: MaintainersProblem[] = [];
  private files = new TrieNode();
  private excludes = new TrieNode();
  private regexes: { section: number; re: RegExp; literal: string }[] = [];

  constructor(m: Maintainers) {
    this.sections = m.sections;
    for (const s of m.sections) {
      for (const f of s.files) this.addPattern(this.files, s, f, "F");
      for (const x of s.excludes) this.addPattern(this.excludes, s, x, "X");
      for (const n of s.regexes) {
        try {
          const re = extendedRegex(n);
          this.regexes.push({ section: s.index, re, literal: requiredLiteral(re.source) });
        }
        catch (e) { this.problems.push({ line: s.line, reason: `${s.name}: N: ${n}: ${(e as Error).message}` }); }
      }
    }
  }

  private addPattern(trie: TrieNode, s: Section, source: string, tag: string): void {
    const p = compilePattern(source);
    if (p) trie.insert(p, { section: s.index, depth: p.depth });
    else this.problems.push({ line: s.line, reason: `${s.name}: empty ${tag}: pattern` });
  }

  /** Sections covering `path` (a repository path such as "drivers/cxl/core/region.c"), best first. */
  match(path: string): SectionMatch[] {
    const parts = path.split("/").filter((p) => p !== "");
    if (parts.length === 0) return [];
    const excluded = new Map<number, number>();
    this.excludes.collect(parts, 0, excluded);
    const found = new Map<number, number>();
    this.files.collect(parts, 0, found);
    for (const { section, re, literal } of this.regexes) {
      if (literal && !path.includes(literal)) continue;
      const d = found.get(section);
      if ((d === undefined || d < 0) && re.test(path)) found.set(section, 0);
    }
    const out: SectionMatch[] = [];
    for (const [i, depth] of found) if (!excluded.has(i)) out.push({ section: this.sections[i], depth });
    return out.sort((a, b) => b.depth - a.depth || a.section.index - b.section.index);
  }

  /** Sections covering any of `paths` (a patch's files), each at its best depth, best first. */
  matchAll(paths: Iterable<string>): SectionMatch[] {
    const best = new Map<number, SectionMatch>();
    for (const p of paths) {
      for (const m of this.match(p)) {
        const b = best.get(m.section.index);
        if (!b || m.depth > b.depth) best.set(m.section.index, m);
      }
    }
    return [...best.values()].sort((a, b) => b.depth - a.depth || a.section.index - b.section.index);
  }
}
