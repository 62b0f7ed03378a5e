// The obvious way to match: every pattern of every section as one whole-path regex, tried one
// by one. Slow (the benchmark's baseline) but easy to check by eye, so the tests compare the
// trie matcher against it on real MAINTAINERS data.
import type { Maintainers } from "../../loaders/maintainers/parse.ts";
import { extendedRegex } from "../../loaders/maintainers/regex.ts";

function globBody(glob: string): string {
  let re = "";
  for (const c of glob.split("/").filter((x) => x !== "")) {
    if (c === "**") { re += "(?:[^/]+/)*"; continue; }
    re += c.replace(/[\\^$.+()|{}]/g, "\\$&").replace(/\[!/g, "[^").replace(/\*+/g, "[^/]*").replace(/\?/g, "[^/]") + "/";
  }
  return re.replace(/\/$/, "");
}

function wholePath(pattern: string): RegExp {
  const p = pattern.trim();
  const body = globBody(p);
  if (p.endsWith("/")) return new RegExp(`^${body}/.`);
  if (!/[*?[]/.test(p)) return new RegExp(`^${body}(?:/.|$)`);
  return new RegExp(`^${body}$`);
}

export function naiveMatcher(m: Maintainers): (path: string) => { name: string; depth: number }[] {
  const compiled = m.sections.map((s) => ({
    s,
    files: s.files.map((f) => ({ re: wholePath(f), depth: f.trim().startsWith("*") ? -1 : f.split("/").filter(Boolean).length })),
    excludes: s.excludes.map(wholePath),
    regexes: s.regexes.flatMap((n) => { try { return [extendedRegex(n)]; } catch { return []; } }),
  }));
  return (path) => {
    const out: { name: string; depth: number; index: number }[] = [];
    for (const c of compiled) {
      if (c.excludes.some((re) => re.test(path))) continue;
      let depth: number | null = null;
      for (const f of c.files) if (f.re.test(path) && (depth === null || f.depth > depth)) depth = f.depth;
      if ((depth === null || depth < 0) && c.regexes.some((re) => re.test(path))) depth = 0;
      if (depth !== null) out.push({ name: c.s.name, depth, index: c.s.index });
    }
    return out.sort((a, b) => b.depth - a.depth || a.index - b.index).map(({ name, depth }) => ({ name, depth }));
  };
}
