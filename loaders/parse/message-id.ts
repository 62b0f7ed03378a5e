// Message ids in Message-ID, In-Reply-To and References, read by one tokenizer so the three
// agree and threading links them. An id is the exact text between its outermost angle brackets,
// nesting counted: "<<script>x>" is the id "<script>x", not "script". A stray ">" right after an
// id (no "<" in between) still belongs to it, and an id whose brackets never balance runs to the
// last ">" of the value: for a single id that is "from the first '<' to the final '>'".
// Values without any angle bracket fall back to bare local@domain tokens. One pass, linear.

/** Longest id kept (RFC 5322 line limit); longer ones, and ids with control characters, are dropped. */
export const MAX_ID_LENGTH = 998;

const LT = 0x3c;
const GT = 0x3e;

function usable(id: string): boolean {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) < 0x20 || id.charCodeAt(i) === 0x7f) return false;
  return true;
}

/** [start, end) ranges of the bracketed ids of `v`, outermost brackets excluded. */
function bracketed(v: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let lastGt = -1; // last '>' inside the open id
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === LT) {
      if (depth === 0) { start = i + 1; lastGt = -1; }
      depth++;
    } else if (c === GT) {
      if (depth > 0) {
        depth--;
        lastGt = i;
        if (depth === 0) out.push([start, i]);
      } else if (out.length) {
        // "<a>>": a '>' outside any id extends the last one (no '<' came since: it would have
        // opened an id of its own)
        out[out.length - 1][1] = i;
      }
    }
  }
  if (depth > 0 && lastGt >= 0) out.push([start, lastGt]); // never balanced: up to its last '>'
  return out;
}

// A bare id: local@domain, no spaces or brackets.
const BARE = /^[^\s<>@]+@[^\s<>@]+$/;

/** Every message id of a header value, in order (no angle brackets, surrounding blanks trimmed). */
export function extractIds(v: string | undefined): string[] {
  if (!v) return [];
  const out: string[] = [];
  if (v.indexOf("<") >= 0 || v.indexOf(">") >= 0) {
    for (const [s, e] of bracketed(v)) {
      const id = v.slice(s, e).trim();
      if (usable(id)) out.push(id);
    }
    return out;
  }
  for (const tok of v.split(/[\s,]+/)) if (BARE.test(tok) && usable(tok)) out.push(tok);
  return out;
}

/** The message id of a Message-ID or In-Reply-To value: its first id, or null. */
export function extractId(v: string | undefined): string | null {
  return extractIds(v)[0] ?? null;
}
