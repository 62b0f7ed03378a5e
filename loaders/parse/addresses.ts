// RFC 5322 address lists: quoted display names with commas ("Huang, Ying"), comments,
// groups ("undisclosed-recipients:;"), bare addresses, RFC 2047 words in names.
import type { Address } from "../model/records.ts";
import { decodeWords } from "./rfc2047.ts";
import { collapseSpaces } from "./linear-text.ts";

type Tok = { t: "q" | "c" | "a" | "w" | "s"; v: string }; // quoted, comment, <angle>, word, special

const SPECIAL = new Set([...'"(<,:; \t\r\n'].map((c) => c.charCodeAt(0)));

function closesQuote(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return true;
  }
  return false;
}

/**
 * Tokens of `s`, handed to `emit` one by one: a list of them all kept millions of live objects for
 * a hostile header (8 MiB of ';': 1.8 s of GC), and the caller needs only the current mailbox's.
 */
function tokenize(s: string, emit: (t: Tok) => void): void {
  let i = 0;
  // Once no closing quote follows some quote, none follows a later one either (the scan from the
  // earlier quote stepped over the later quotes as escaped characters): remember it, instead of
  // rescanning to the end from every one of a million unbalanced quotes.
  let unclosedFrom = Infinity;
  let word = "";
  const pushWord = () => {
    if (word) emit({ t: "w", v: word });
    word = "";
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '"' && (i >= unclosedFrom || !closesQuote(s, i + 1))) {
      if (i < unclosedFrom) unclosedFrom = i;
      i++; // an unbalanced quote is just noise
    } else if (c === '"') {
      pushWord();
      // slices between escapes, not a string per character (a rope of millions of pieces)
      let v = "";
      let from = ++i;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length) { v += s.slice(from, i); from = ++i; } // keep the escaped char
        i++;
      }
      v += s.slice(from, i);
      i++;
      // a quoted local part: "odd:local"@example.org is one address, not a name
      if (s[i] === "@") word = `"${v}"`;
      else emit({ t: "q", v });
    } else if (c === "(") {
      pushWord();
      let depth = 1;
      let v = "";
      let from = ++i; // start of the slice not yet in v; -1 once the comment closed
      while (i < s.length && depth > 0) {
        if (s[i] === "\\" && i + 1 < s.length) { v += s.slice(from, i); from = ++i; } // keep the escaped char
        else if (s[i] === "(") depth++;
        else if (s[i] === ")" && --depth === 0) { v += s.slice(from, i); from = -1; }
        i++;
      }
      if (from >= 0) v += s.slice(from, i); // never closed: to the end
      emit({ t: "c", v });
    } else if (c === "<") {
      pushWord();
      const e = s.indexOf(">", i);
      const v = e < 0 ? s.slice(i + 1) : s.slice(i + 1, e);
      i = e < 0 ? s.length : e + 1;
      emit({ t: "a", v });
    } else if (c === "," || c === ":" || c === ";") {
      pushWord();
      emit({ t: "s", v: c });
      i++;
    } else if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      pushWord();
      i++;
    } else {
      // a run of ordinary characters in one slice
      let j = i + 1;
      while (j < s.length && !SPECIAL.has(s.charCodeAt(j))) j++;
      word += s.slice(i, j);
      i = j;
    }
  }
  pushWord();
}

/** Clean an address: no angle brackets, no route, lower-case, trimmed. */
export function normalizeEmail(v: string): string {
  if (SIMPLE_EMAIL.test(v)) return v.toLowerCase();
  let e = v.trim();
  const colon = e.lastIndexOf(":"); // obsolete route "<@a,@b:user@host>"
  if (e.startsWith("@") && colon > 0) e = e.slice(colon + 1);
  return e.replace(/^mailto:/i, "").replace(/\s+/g, "").toLowerCase();
}

const SIMPLE_EMAIL = /^[^\s:]+$/;

function cleanName(parts: string[]): string {
  let s = parts.length === 1 ? parts[0] : parts.join(" ");
  if (s.indexOf("=?") >= 0) s = decodeWords(s);
  return /\s\s|[\t\r\n]/.test(s) ? collapseSpaces(s).trim() : s.trim();
}

/** One mailbox from the tokens between separators (plain loops: this is hot). */
function mailbox(toks: Tok[]): Address | null {
  if (toks.length === 0) return null;
  let angle: string | null = null;
  const words: string[] = []; // quoted strings and words, in order
  const comments: string[] = [];
  for (const t of toks) {
    if (t.t === "a") angle ??= t.v;
    else if (t.t === "c") comments.push(t.v);
    else if (t.t === "q" || t.t === "w") words.push(t.v);
  }
  if (angle !== null) {
    const name = words.length ? cleanName(words) : "";
    return { name: name || (comments.length ? cleanName([comments[0]]) : ""), email: normalizeEmail(angle) };
  }
  // addr-spec with optional comment name: "jdoe@example.com (John Doe)"
  let at = -1;
  for (let k = 0; k < words.length; k++) if (words[k].indexOf("@") >= 0) { at = k; break; }
  if (at >= 0) {
    return { name: comments.length ? cleanName(comments) : at > 0 ? cleanName(words.slice(0, at)) : "", email: normalizeEmail(words[at]) };
  }
  if (!words.length && !comments.length) return null;
  return { name: cleanName(words.length ? words : comments), email: "" };
}

// Anything beyond 'Name <a@b>, "Last, First" <c@d>, e@f' needs the tokenizer: comments,
// groups, escapes, encoded words, quotes that are not a whole display name.
const HARD = /[():;\\]|=\?/;

/** Split on commas outside double quotes; null when a quote is unbalanced. */
function splitOutsideQuotes(v: string): string[] | null {
  if (v.indexOf('"') < 0) return v.split(",");
  const out: string[] = [];
  let start = 0;
  let inQ = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x22) inQ = !inQ;
    else if (c === 0x2c && !inQ) {
      out.push(v.slice(start, i));
      start = i + 1;
    }
  }
  if (inQ) return null;
  out.push(v.slice(start));
  return out;
}

/** The common case, without tokenizing: comma-separated "Name <addr>" or bare addresses. */
function simpleList(v: string): Address[] | null {
  const pieces = splitOutsideQuotes(v);
  if (!pieces) return null;
  const out: Address[] = [];
  for (const piece of pieces) {
    let lt = piece.indexOf("<");
    const q = piece.indexOf('"');
    if (q >= 0) {
      // only '"Display Name" <addr>' is simple: one quoted name, then the angle address
      const q2 = piece.indexOf('"', q + 1);
      if (piece.slice(0, q).trim() !== "") return null;
      lt = piece.indexOf("<", q2);
      if (lt < 0 || piece.slice(q2 + 1, lt).trim() !== "") return null;
      const gt = piece.indexOf(">", lt);
      out.push({ name: collapseSpaces(piece.slice(q + 1, q2)).trim(), email: normalizeEmail(piece.slice(lt + 1, gt < 0 ? piece.length : gt)) });
      continue;
    }
    if (lt >= 0) {
      const gt = piece.indexOf(">", lt);
      const email = normalizeEmail(piece.slice(lt + 1, gt < 0 ? piece.length : gt));
      const raw = piece.slice(0, lt).trim();
      const name = raw.indexOf("  ") >= 0 || raw.indexOf("\t") >= 0 ? collapseSpaces(raw) : raw;
      if (email || name) out.push({ name, email });
    } else {
      const t = piece.trim();
      if (!t) continue;
      const sp = t.search(/\s/);
      if (sp < 0) out.push({ name: "", email: normalizeEmail(t) });
      else {
        // "a@b junk" or "First Last": keep the word with '@' as the address
        const words = t.split(/\s+/);
        const at = words.findIndex((w) => w.includes("@"));
        out.push(at >= 0 ? { name: words.filter((_, k) => k !== at).join(" "), email: normalizeEmail(words[at]) } : { name: words.join(" "), email: "" });
      }
    }
  }
  return out;
}

/** Parse an address-list header value into addresses (groups flattened, empty groups dropped). */
export function parseAddressList(v: string | undefined): Address[] {
  if (!v) return [];
  if (!HARD.test(v)) {
    const simple = simpleList(v);
    if (simple) return simple;
  }
  const out: Address[] = [];
  const cur: Tok[] = [];
  let curAngle = false; // cur holds an <angle> token (kept as a flag: no rescan per ':')
  const flush = () => {
    const m = mailbox(cur);
    if (m && (m.email || m.name)) out.push(m);
    cur.length = 0;
    curAngle = false;
  };
  tokenize(v, (t) => {
    if (t.t === "s") {
      if (t.v === ":" && !curAngle) cur.length = 0; // group name: drop it
      else if (t.v === ":") cur.push({ t: "w", v: ":" });
      else flush();
    } else {
      cur.push(t);
      if (t.t === "a") curAngle = true;
    }
  });
  flush();
  return out;
}

/** The first address of a header (From:, a trailer's person). */
export function parseAddress(v: string | undefined): Address {
  return parseAddressList(v)[0] ?? { name: "", email: "" };
}
