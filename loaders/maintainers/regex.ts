// N: (paths) and K: (patch content) entries are Perl regexes, applied with /x. MAINTAINERS is
// input like any other: a hostile "(a+)+$" must not backtrack for hours. So each pattern is
// translated to JS and must be one V8's linear-time engine can run (no backreferences, no
// lookaround: checked by compiling it with the `l` flag; what fails is rejected with a reason
// and counted by the caller). It then runs on the usual backtracking engine, which is hundreds of
// times faster on ordinary text, and V8 switches any match that backtracks more than
// --regexp-backtracks-before-fallback (50,000) times to the linear engine: bounded by construction.
// About a hundred N: regexes are tried on every path, so each also gets a literal that any match
// must contain ("tegra" for "[^a-z]tegra"): a path without it skips the regex with one includes().
import { setFlagsFromString } from "node:v8";

// Process-wide (worker threads included). The first flag only lets `new RegExp(x, "l")` compile;
// the second changes nothing for a regex until one match backtracks pathologically, and then
// gives the same result in linear time instead of hanging, whoever compiled the regex.
setFlagsFromString("--enable-experimental-regexp-engine");
setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");

/** The other case of each ASCII letter in `s` (a character-class body), as extra members. */
function otherCases(body: string): string {
  let extra = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") { i++; continue; }
    const range = body[i + 1] === "-" && i + 2 < body.length && body[i + 2] !== "]" ? body[i + 2] : null;
    const swap = (x: string) => (x >= "a" && x <= "z" ? x.toUpperCase() : x >= "A" && x <= "Z" ? x.toLowerCase() : null);
    if (range !== null) {
      const a = swap(c), b = swap(range);
      if (a && b && (c <= "Z") === (range <= "Z")) extra += `${a}-${b}`;
      i += 2;
    } else {
      const a = swap(c);
      if (a) extra += a;
    }
  }
  return extra;
}

/**
 * Perl's /x as JS regex source: unescaped whitespace outside [...] is ignored and "#" starts a
 * comment. "(?i)" at the start and "(?i:...)" groups become case-insensitive by spelling each
 * letter in both cases (the linear engine has no `i` flag). Other "(?" forms than "(?:" throw.
 */
export function translatePerl(source: string): string {
  let re = "";
  let inClass = false, classStart = 0;
  let fold = 0; // depth of case-insensitive groups (and 1 for a leading "(?i)")
  const foldAt: number[] = []; // group depths where a "(?i:" started
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\" && i + 1 < source.length) {
      const n = source[++i];
      if (/[1-9k]/.test(n)) throw new Error(`backreference \\${n}: not supported`);
      if (/[QEGzZAKR]/.test(n) || n === "p" || n === "P" || n === "X") throw new Error(`Perl escape \\${n}: not supported`);
      re += c + n;
      continue;
    }
    if (inClass) {
      if (c === "]" && i > classStart) {
        inClass = false;
        if (fold) re += otherCases(source.slice(classStart, i));
      }
      re += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      re += c;
      if (source[i + 1] === "^") re += source[++i];
      classStart = i + 1;
      if (source[i + 1] === "]") { re += "]"; i++; } // a leading "]" is a member
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === "#") break;
    if (c === "(") {
      depth++;
      if (source[i + 1] === "?") {
        const rest = source.slice(i + 2);
        if (rest.startsWith(":")) { re += "(?:"; i += 2; continue; }
        if (rest.startsWith("i:")) { re += "(?:"; i += 3; fold++; foldAt.push(depth); continue; }
        if (rest.startsWith("i)") && re === "") { fold++; depth--; i += 3; continue; }
        throw new Error(`"(?${rest.slice(0, 2)}": lookaround and inline modifiers other than (?i) are not supported`);
      }
      re += c;
      continue;
    }
    if (c === ")") {
      if (foldAt.at(-1) === depth) { foldAt.pop(); fold--; }
      depth--;
      re += c;
      continue;
    }
    if (fold && /[a-zA-Z]/.test(c)) { re += `[${c.toLowerCase()}${c.toUpperCase()}]`; continue; }
    re += c;
  }
  return re;
}

/** A MAINTAINERS regex, checked to be runnable in linear time; throws (with a reason) what is not. */
export function extendedRegex(source: string): RegExp {
  const re = translatePerl(source);
  try {
    new RegExp(re, "l");
  } catch (e) {
    throw new Error((e as Error).message.replace(/^Invalid regular expression: /, ""));
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
