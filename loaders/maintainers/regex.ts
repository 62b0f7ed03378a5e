// N: entries are Perl regexes on the path, applied with /x. About a hundred of them must be
// tried on every path, so each gets a literal that any match must contain ("tegra" for
// "[^a-z]tegra"): a path without it skips the regex at the cost of one includes().

/** Perl's /x: unescaped whitespace outside [...] is ignored and "#" starts a comment. */
export function extendedRegex(source: string): RegExp {
  let re = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\" && i + 1 < source.length) { re += c + source[++i]; continue; }
    if (inClass) { if (c === "]") inClass = false; re += c; continue; }
    if (c === "[") inClass = true;
    else if (/\s/.test(c)) continue;
    else if (c === "#") break;
    re += c;
  }
  return new RegExp(re);
}

/**
 * The longest run of plain characters every match must contain, or "" when none is certain.
 * Conservative: any alternation or group gives "".
 */
export function requiredLiteral(source: string): string {
  if (/[|()]/.test(source)) return "";
  let best = "", run = "";
  const end = () => { if (run.length > best.length) best = run; run = ""; };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const n = source[++i] ?? "";
      if (/[A-Za-z0-9]/.test(n)) end(); else run += n; // \d, \b, \w... are no literal; \/ and \. are
    } else if (c === "[") {
      end();
      i = source.indexOf("]", i + 2); // a leading "]" or "^]" is a member
      if (i < 0) return "";
    } else if (c === "*" || c === "?" || c === "{") {
      run = run.slice(0, -1); // the previous character may be absent
      end();
      if (c === "{") { i = source.indexOf("}", i); if (i < 0) return ""; }
    } else if (c === "+" || c === "." || c === "^" || c === "$") end();
    else run += c;
  }
  end();
  return best;
}
