// Small text edits that look like one-line regexes but, written as regexes, backtrack
// quadratically on hostile input (a long whitespace run before a failing match, many '('
// without ')'). These do the same edit in one pass. Shared by parse/ and identity/.

const WS = /\s/;

function isSpace(c: string): boolean {
  return WS.test(c);
}

/**
 * Replace every "(...)" (from a '(' to the first ')' after it) by `repl`, as
 * `s.replace(/\([^)]*\)/g, repl)` does; a '(' with no ')' after it stays.
 */
export function dropComments(s: string, repl: string): string {
  let p = s.indexOf("(");
  if (p < 0) return s;
  let out = "";
  let from = 0;
  while (p >= 0) {
    const q = s.indexOf(")", p + 1);
    if (q < 0) break; // no ')' left: no later '(' can close either
    out += s.slice(from, p) + repl;
    from = q + 1;
    p = s.indexOf("(", from);
  }
  return out + s.slice(from);
}

/** Index where a `\s+<word>\s` match starts (the start of its whitespace run), or -1. Case-insensitive. */
export function spacedWordAt(s: string, word: RegExp): number {
  const m = word.exec(s);
  if (!m) return -1;
  let i = m.index;
  while (i > 0 && isSpace(s[i - 1])) i--;
  return i;
}

// " via " with whitespace on both sides; the leading whitespace run is found by walking back.
const VIA = /\svia\s/i;

/** A relay's "Name via List" display name cut before " via ...", as `/\s+via\s+.*$/i` does. */
export function withoutVia(name: string): string {
  const at = spacedWordAt(name, VIA);
  return at < 0 ? name : name.slice(0, at);
}

/** Does the name carry a relay's " via X" suffix (`/\svia\s+\S/i`)? */
export function hasVia(name: string): boolean {
  const m = VIA.exec(name);
  if (m) {
    let i = m.index + m[0].length;
    while (i < name.length && isSpace(name[i])) i++;
    return i < name.length; // only whitespace after: no later " via " either
  }
  return false;
}

/** `s` cut before a whitespace-preceded '#' note ("Name <a@b> # v6.1"), as `/\s+#.*$/` does. */
export function withoutHashNote(s: string): string {
  for (let h = s.indexOf("#"); h >= 0; h = s.indexOf("#", h + 1)) {
    if (h > 0 && isSpace(s[h - 1])) {
      let i = h - 1;
      while (i > 0 && isSpace(s[i - 1])) i--;
      return s.slice(0, i);
    }
  }
  return s;
}

/** `s` without trailing characters for which `drop` holds. */
export function trimEndWhere(s: string, drop: (c: number) => boolean): string {
  let e = s.length;
  while (e > 0 && drop(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** JS's `\s`, by code unit. */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Below this length the regex is as cheap as anything. */
const COLLAPSE_BY_REGEX = 4096;
const CHUNK = 8192;

/**
 * `s.replace(/\s+/g, " ")`, without a string per whitespace run: on a hostile header of millions
 * of short runs ("v\tv\t...") the regex built millions of pieces and garbage collection grew
 * faster than the input (an 8 MiB subject spent 3.3 s in GC on the loaded 2-core machine). A
 * string whose runs are all one plain space is returned as it is, without a copy.
 */
export function collapseSpaces(s: string): string {
  if (s.length < COLLAPSE_BY_REGEX) return s.replace(/\s+/g, " ");
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) && (c !== 0x20 || (i + 1 < n && isSpaceCode(s.charCodeAt(i + 1))))) break;
  }
  if (i === n) return s;
  const out = new Uint16Array(n);
  let o = 0;
  for (let k = 0; k < i; k++) out[o++] = s.charCodeAt(k);
  while (i < n) {
    const c = s.charCodeAt(i++);
    if (!isSpaceCode(c)) out[o++] = c;
    else {
      out[o++] = 0x20;
      while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    }
  }
  const parts: string[] = [];
  for (let k = 0; k < o; k += CHUNK) parts.push(String.fromCharCode.apply(null, out.subarray(k, Math.min(o, k + CHUNK)) as unknown as number[]));
  return parts.join("");
}
