// The files a patch touches, read from the diff in a message body:
// - `diff --git a/X b/Y` (both X and Y);
// - the `--- a/X` / `+++ b/Y` pair (/dev/null ignored);
// - `rename from` / `rename to` and `copy from` / `copy to` (a 100% rename has no ---/+++), only
//   in the git header they belong to, never in the commit message.
// Git quotes unusual paths C-style ("a/caf\303\251 x.c"); those are decoded. The diffstat is
// not used: it abbreviates long paths. Quoted text ("> ...") never counts, and nor do the
// lines inside a hunk (a removed line "-- a/x" shows as "--- a/x"), so hunks are skipped by
// their line counts. One pass, no backtracking regex: linear on hostile input.

/** Longer than any real path (PATH_MAX): such a "path" is noise and is dropped. */
const MAX_PATH = 4096;

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A C-style quoted path starting at s[i] === '"': its decoded text and the index after the closing quote. */
function unquote(s: string, i: number): { text: string; end: number } | null {
  const bytes: number[] = [];
  let run = i + 1; // start of the current run of plain characters
  const flush = (to: number) => { if (to > run) for (const b of encoder.encode(s.slice(run, to))) bytes.push(b); };
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '"') { flush(j); return { text: decoder.decode(new Uint8Array(bytes)), end: j + 1 }; }
    if (c !== "\\") continue;
    flush(j);
    const n = s[++j];
    if (n === undefined) return null;
    if (n >= "0" && n <= "7") { // up to three octal digits: one byte of a UTF-8 sequence
      let v = 0, k = 0;
      while (k < 3 && s[j] >= "0" && s[j] <= "7") v = v * 8 + (s.charCodeAt(j++) - 48), k++;
      j--;
      bytes.push(v & 255);
    } else if (ESCAPES[n] !== undefined) bytes.push(ESCAPES[n]);
    else for (const b of encoder.encode(n)) bytes.push(b);
    run = j + 1;
  }
  return null;
}

/** Drop git's "a/" / "b/" (or any first component, as diff -ru and quilt write "linux.orig/..."). */
function stripPrefix(p: string): string {
  const slash = p.indexOf("/");
  return slash < 0 ? p : p.slice(slash + 1);
}

/** The path of a ---/+++ line's value: quoted, or up to a tab (git and diff -u put a tab or timestamp after). */
function headerPath(v: string): string | null {
  if (v.startsWith('"')) {
    const q = unquote(v, 0);
    return q ? stripPrefix(q.text) : null;
  }
  const tab = v.indexOf("\t");
  const p = (tab < 0 ? v : v.slice(0, tab)).trimEnd();
  if (p === "/dev/null" || p === "") return null;
  return stripPrefix(p);
}

/** The two paths of `diff --git a/X b/Y` (after the "diff --git " prefix). */
function gitHeaderPaths(v: string): string[] {
  if (v.startsWith('"')) {
    const a = unquote(v, 0);
    if (!a) return [];
    const rest = v.slice(a.end).trimStart();
    const b = rest.startsWith('"') ? unquote(rest, 0)?.text : rest;
    return b ? [stripPrefix(a.text), stripPrefix(b)] : [stripPrefix(a.text)];
  }
  const q = v.indexOf(' "');
  if (q >= 0) { // a/plain "b/quoted"
    const b = unquote(v, q + 1);
    return b ? [stripPrefix(v.slice(0, q)), stripPrefix(b.text)] : [];
  }
  // Unquoted paths may hold spaces: "a/x y b/x y". Without a rename both halves are equal.
  const n = (v.length - 1) / 2;
  if (Number.isInteger(n) && v[n] === " " && stripPrefix(v.slice(0, n)) === stripPrefix(v.slice(n + 1))) return [stripPrefix(v.slice(0, n))];
  const sep = v.indexOf(" b/");
  if (sep > 0 && v.indexOf(" b/", sep + 1) < 0) return [stripPrefix(v.slice(0, sep)), stripPrefix(v.slice(sep + 1))];
  return []; // ambiguous: the rename or ---/+++ lines will name the files
}

function plainOrQuoted(v: string): string | null {
  if (!v.startsWith('"')) return v.trimEnd() || null;
  return unquote(v, 0)?.text ?? null;
}

/** "@@ -a,b +c,d @@": the old and new line counts (a missing count is 1), or null. */
function hunkCounts(line: string): [number, number] | null {
  let i = 3; // after "@@ "
  const num = (): number | null => {
    const start = i;
    while (i < line.length && line[i] >= "0" && line[i] <= "9" && i - start < 12) i++;
    return i > start ? Number(line.slice(start, i)) : null;
  };
  const count = (): number | null => {
    if (num() === null) return null;
    if (line[i] !== ",") return 1;
    i++;
    return num();
  };
  if (line[i++] !== "-") return null;
  const old = count();
  if (old === null || line[i++] !== " " || line[i++] !== "+") return null;
  const neu = count();
  return neu === null ? null : [old, neu];
}

/** Every diff has a "diff --git " or a "+++ " line; most mail has neither (includes() is the fast scan). */
function mayHoldDiff(body: string): boolean {
  return body.includes("\ndiff --git ") || body.includes("\n+++ ") || body.startsWith("diff --git ") || body.startsWith("+++ ");
}
// First characters of the lines that matter: d(iff), -, +, r(ename), c(opy), @.
const HEADER_START = new Set([..."d-+rc@"].map((c) => c.charCodeAt(0)));
const SPACE = 32, MINUS = 45, PLUS = 43, BACKSLASH = 92, CR = 13, LF = 10;

/** The file paths a patch in `body` touches, in order of first appearance, without duplicates. */
export function diffFiles(body: string): string[] {
  if (!mayHoldDiff(body)) return [];
  const out = new Set<string>();
  const add = (p: string | null) => { if (p && p.length <= MAX_PATH) out.add(p); };
  let oldLeft = 0, newLeft = 0; // lines left in the current hunk
  let pendingOld: string | undefined; // a "--- " value waiting for its "+++ " line
  // Inside a git extended header (after "diff --git", before "---"/"@@"): the only place where
  // "rename from"/"copy to" lines name files. A commit message line "copy from user space..." does not.
  let gitHeader = false;
  let pos = 0;
  while (pos <= body.length) {
    let nl = body.indexOf("\n", pos);
    if (nl < 0) nl = body.length;
    const start = pos;
    pos = nl + 1;
    const c = start < nl ? body.charCodeAt(start) : LF;
    if (oldLeft > 0 || newLeft > 0) {
      if (c === SPACE || c === LF || c === CR) { oldLeft--; newLeft--; continue; } // blank: context whose space was eaten
      if (c === MINUS) { oldLeft--; continue; }
      if (c === PLUS) { newLeft--; continue; }
      if (c === BACKSLASH) continue; // "\ No newline at end of file"
      oldLeft = newLeft = 0; // the hunk was cut short: read this line as a header
    }
    const prevOld = pendingOld;
    pendingOld = undefined;
    if (!HEADER_START.has(c)) continue;
    const line = body.charCodeAt(nl - 1) === CR ? body.slice(start, nl - 1) : body.slice(start, nl);
    if (line.startsWith("diff --git ")) { gitHeader = true; for (const p of gitHeaderPaths(line.slice(11))) add(p); }
    else if (line.startsWith("--- ")) { gitHeader = false; pendingOld = line.slice(4); }
    else if (line.startsWith("+++ ") && prevOld !== undefined) { add(headerPath(prevOld)); add(headerPath(line.slice(4))); }
    else if (line.startsWith("@@ -")) {
      gitHeader = false;
      const counts = hunkCounts(line);
      if (counts) [oldLeft, newLeft] = counts;
    } else if (!gitHeader) continue;
    else if (line.startsWith("rename from ") || line.startsWith("rename to ")) add(plainOrQuoted(line.slice(line.indexOf(" ", 7) + 1)));
    else if (line.startsWith("copy from ") || line.startsWith("copy to ")) add(plainOrQuoted(line.slice(line.indexOf(" ", 5) + 1)));
  }
  return [...out];
}
