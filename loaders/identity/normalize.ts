// Address and display-name normalisation used by identity resolution and the store.
// Addresses are compared lower-cased; names through a looser key used only for name merges.
// Every edit here is linear: names and addresses come from untrusted mail.
import { dropComments, trimEndWhere, withoutVia } from "../parse/linear-text.ts";

/** Lower-case, trim, strip <>, "mailto:" and trailing dots. Returns "" for unusable input. */
export function normalizeEmail(raw: string | null | undefined): string {
  if (!raw) return "";
  let e = raw.trim();
  if (e.startsWith("<") && e.endsWith(">")) e = e.slice(1, -1).trim();
  if (/^mailto:/i.test(e)) e = e.slice(7);
  e = trimEndWhere(e, (c) => c === 0x2e).toLowerCase(); // trailing dots
  return e.includes("@") && !/\s/.test(e) ? e : "";
}

// Names shared by many unrelated senders, or by role accounts: never a basis for merging.
const GENERIC_WORDS = /\b(root|admin|administrator|unknown|no.?reply|nobody|daemon|mailer|postmaster|webmaster|support|info|team|project|maintainers?|list|lists|robot|bot|patchwork|ci|test|user|linux|kernel)\b/;

// Letters NFKD does not decompose into a base letter plus a mark.
const FOLD = new Map(Object.entries({ "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th", "ħ": "h" }));

/**
 * Longer display names are no basis for merging (no real name comes close); they get no words
 * and no key, which also keeps the cost of the many name comparisons per address bounded.
 */
export const MAX_NAME = 256;

/**
 * A display name reduced to comparable words: NFKD with the marks dropped and a few letters folded
 * (Høiland-Jørgensen = Hoiland-Jorgensen), lower case, quotes/parenthesised parts and "via X"
 * relay suffixes removed, hyphens and commas as word breaks. Order kept.
 */
export function nameWords(raw: string | null | undefined): string[] {
  if (!raw || raw.length > MAX_NAME) return [];
  let n = raw.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[øæœßđðłıþħ]/g, (c) => FOLD.get(c)!);
  n = withoutVia(dropComments(n, " ")).replace(/["'`]/g, "");
  if (n.includes("@")) return [];
  return n.replace(/[,\-‐–]/g, " ").split(/\s+/).filter((w) => w.length > 0);
}

/**
 * Key for "same display name" merges: the folded words of nameWords(), sorted (so "Huang, Ying"
 * = "Ying Huang"). "" when the name is too weak to merge on: fewer than two words, or a
 * generic/role name.
 */
export function nameKey(raw: string | null | undefined): string {
  const words = nameWords(raw);
  if (words.length < 2) return "";
  if (GENERIC_WORDS.test(words.join(" "))) return "";
  return [...words].sort().join(" ");
}

/**
 * First name plus the initials of the rest, for short forms of one name: "Greg Kroah-Hartman" and
 * "Greg KH" both give "greg kh" (an all-capitals word of 2-3 letters is taken as initials already).
 * "" for weak names and "Last, First" forms (whose first word is not the first name).
 */
export function nameAbbrevKey(raw: string | null | undefined): string {
  if (!raw || raw.includes(",") || !nameKey(raw)) return "";
  const original = dropComments(raw, " ").replace(/["'`]/g, "").split(/[\s\-‐–]+/).filter(Boolean);
  const words = nameWords(raw);
  if (original.length !== words.length) return "";
  const rest = words.slice(1).map((w, i) => (/^[A-Z]{2,3}$/.test(original[i + 1]) ? w : w[0])).join("");
  return `${words[0]} ${rest}`;
}
