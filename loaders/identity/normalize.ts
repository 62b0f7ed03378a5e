// Address and display-name normalisation used by identity resolution and the store.
// Addresses are compared lower-cased; names through a looser key used only for name merges.

/** Lower-case, trim, strip <>, "mailto:" and trailing dots. Returns "" for unusable input. */
export function normalizeEmail(raw: string | null | undefined): string {
  if (!raw) return "";
  let e = raw.trim();
  if (e.startsWith("<") && e.endsWith(">")) e = e.slice(1, -1).trim();
  if (/^mailto:/i.test(e)) e = e.slice(7);
  e = e.replace(/\.+$/, "").toLowerCase();
  return e.includes("@") && !/\s/.test(e) ? e : "";
}

// Names shared by many unrelated senders, or by role accounts: never a basis for merging.
const GENERIC_WORDS = /\b(root|admin|administrator|unknown|noreply|no-reply|nobody|daemon|mailer|postmaster|webmaster|support|info|team|project|maintainers?|list|lists|robot|bot|patchwork|ci|test|user|linux|kernel)\b/;

/**
 * Key for "same display name" merges: NFKC, lower case, quotes/parenthesised parts and
 * "via X" relay suffixes removed, whitespace collapsed. "" when the name is too weak to merge
 * on: fewer than two words, or a generic/role name.
 */
export function nameKey(raw: string | null | undefined): string {
  if (!raw) return "";
  let n = raw.normalize("NFKC").toLowerCase();
  n = n.replace(/\(.*?\)/g, " ").replace(/\s+via\s+.*$/, "").replace(/["'`]/g, "");
  n = n.replace(/[,]/g, " ").replace(/\s+/g, " ").trim();
  if (n.includes("@")) return "";
  const words = n.split(" ").filter((w) => w.length > 0);
  if (words.length < 2) return "";
  if (GENERIC_WORDS.test(n)) return "";
  // "Last, First" and "First Last" are the same person: compare the sorted words.
  return words.sort().join(" ");
}
