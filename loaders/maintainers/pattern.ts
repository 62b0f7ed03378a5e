// One F: or X: pattern, split into path components. The rules (docs/maintainers.md):
// - a trailing "/" matches everything below that directory;
// - "*", "?" and "[...]" work inside one component: they never cross "/";
// - a "**" component matches any number of components (zero included);
// - a pattern without glob characters names a file or a directory: it matches itself and,
//   since no tree is at hand to tell which, everything below it;
// - any other glob pattern matches paths of exactly its depth.

export type Component = { literal: string } | { glob: RegExp; source: string } | { any: true };

export interface FilePattern {
  /** The pattern as written in MAINTAINERS. */
  source: string;
  components: Component[];
  /** Matches the path that ends exactly at the last component. */
  self: boolean;
  /** Matches paths that continue below the last component. */
  below: boolean;
  /** get_maintainer's pattern depth: components, or -1 for a pattern starting with "*" (THE REST). */
  depth: number;
}

const GLOB_CHARS = /[*?[]/;

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** A shell-style class "[ch]" / "[!a-z]" starting at s[i] as a regex class, or null when unclosed. */
function charClass(s: string, i: number): { re: string; end: number } | null {
  let j = i + 1;
  if (s[j] === "!" || s[j] === "^") j++;
  if (s[j] === "]") j++; // a leading "]" is a member
  while (j < s.length && s[j] !== "]") j++;
  if (j >= s.length) return null;
  let body = s.slice(i + 1, j);
  const negate = body[0] === "!" || body[0] === "^";
  if (negate) body = body.slice(1);
  return { re: `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`, end: j + 1 };
}

/** One component's glob as an anchored regex; "*" and "?" stay inside the component. */
export function componentRegex(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") { while (glob[i + 1] === "*") i++; re += "[^/]*"; }
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const cls = charClass(glob, i);
      if (cls) { re += cls.re; i = cls.end - 1; } else re += "\\[";
    } else re += escapeRegex(c);
  }
  return new RegExp(`^${re}$`);
}

/** Compile a pattern; null when it is empty. */
export function compilePattern(source: string): FilePattern | null {
  const value = source.trim().replace(/^\.\//, "");
  const parts = value.split("/").filter((p) => p !== "");
  if (parts.length === 0) return null;
  const trailingSlash = value.endsWith("/");
  const hasGlob = GLOB_CHARS.test(value);
  const components: Component[] = parts.map((p) =>
    p === "**" ? { any: true } : GLOB_CHARS.test(p) ? { glob: componentRegex(p), source: p } : { literal: p });
  return {
    source,
    components,
    self: !trailingSlash,
    below: trailingSlash || !hasGlob,
    depth: value.startsWith("*") ? -1 : parts.length,
  };
}
