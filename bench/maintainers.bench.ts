// Benchmark: MAINTAINERS path matching. Paths: a kernel-tree-like set made from every F:/X:
// pattern of ../shared/maintainers/MAINTAINERS (globs filled in, a file under each directory).
// Baseline (same run): the naive scan, every pattern of every section as a whole-path regex.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMaintainers } from "../loaders/maintainers/parse.ts";
import { SectionMatcher } from "../loaders/maintainers/match.ts";
import { naiveMatcher } from "../test/maintainers/naive-match.ts";
import { pathsFromPatterns } from "../test/maintainers/pattern-paths.ts";

import { SHARED } from "../test/helpers/shared.ts";
const FILE = join(SHARED, "maintainers/MAINTAINERS");

function rate(paths: string[], match: (p: string) => unknown): number {
  const t = performance.now();
  for (const p of paths) match(p);
  return paths.length / ((performance.now() - t) / 1000);
}

function main(): void {
  if (!existsSync(FILE)) { console.log(`maintainers bench skipped: ${FILE} is absent`); return; }
  const text = readFileSync(FILE, "utf8");
  let t = performance.now();
  const m = parseMaintainers(text);
  const parseMs = performance.now() - t;
  t = performance.now();
  const trie = new SectionMatcher(m);
  const buildMs = performance.now() - t;
  const naive = naiveMatcher(m);
  const paths = pathsFromPatterns(m);
  const sample = paths.filter((_, i) => i % 20 === 0); // the naive scan is too slow for all of them
  rate(sample.slice(0, 50), (p) => trie.match(p)); // warm-up
  const trieRate = rate(paths, (p) => trie.match(p));
  const trieSampleRate = rate(sample, (p) => trie.match(p));
  const naiveRate = rate(sample, naive);
  console.log(JSON.stringify({
    sections: m.sections.length, paths: paths.length, naive_sample: sample.length,
    parse_ms: Math.round(parseMs), build_ms: Math.round(buildMs),
    trie_paths_per_s: Math.round(trieRate), trie_sample_paths_per_s: Math.round(trieSampleRate),
    naive_paths_per_s: Math.round(naiveRate), x_naive: +(trieSampleRate / naiveRate).toFixed(1),
  }));
}

main();
