// A kernel-tree-like path set: every F: and X: pattern of a MAINTAINERS file turned into paths
// it should match (globs filled in, directories given a file below). For tests and the bench.
import type { Maintainers } from "../../loaders/maintainers/parse.ts";

function fill(component: string): string {
  if (component === "**") return "deep/er";
  return component.replace(/\[!?([^\]])[^\]]*\]/g, "$1").replace(/\*+/g, "x").replace(/\?/g, "q");
}

export function pathsFromPatterns(m: Maintainers): string[] {
  const out = new Set<string>();
  for (const s of m.sections) {
    for (const p of [...s.files, ...s.excludes]) {
      const path = p.trim().split("/").filter(Boolean).map(fill).join("/");
      if (!path) continue;
      if (p.trim().endsWith("/")) out.add(`${path}/sub/file.c`);
      else { out.add(path); if (!/[*?[]/.test(p)) out.add(`${path}/file.c`); }
    }
  }
  return [...out];
}
