// Bounds for untrusted text on its way to pages and downloads: a 20 MiB Subject, a 10,000-char
// name or a letter carrying thousands of combining marks (Zalgo) must not blow up artifact sizes
// or page widths. The store keeps the full values; only what is shown is clipped.

/** Display text (subjects, names) keeps at most this many code points, then "…". */
export const TEXT_MAX = 300;
/** Any other string reaching an artifact (ids, list names) keeps at most this many code units (RFC 5322 line limit). */
export const STRING_MAX = 998;
/** Combining marks kept after one base character; longer runs are dropped. */
export const MARKS_MAX = 2;

const MARK = /\p{M}/u;
const MARK_RUN = new RegExp(`\\p{M}{${MARKS_MAX + 1}}`, "u");
const NON_MARK = /\P{M}/gu;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Display text: control characters become spaces, runs of combining marks collapse to MARKS_MAX, then it is cut to `max` code points + "…". */
export function clipText(s: string, max = TEXT_MAX): string {
  if (s.length <= max && !MARK_RUN.test(s) && !CONTROL.test(s)) return s;
  let out = "", n = 0, marks = 0;
  for (let i = 0; i < s.length;) {
    let ch = String.fromCodePoint(s.codePointAt(i)!);
    i += ch.length;
    if (CONTROL.test(ch)) ch = " ";
    if (MARK.test(ch)) {
      if (++marks > MARKS_MAX) { // skip the rest of the run at native speed
        NON_MARK.lastIndex = i;
        i = NON_MARK.exec(s)?.index ?? s.length;
        continue;
      }
    } else marks = 0;
    if (n === max) return out + "…";
    out += ch;
    n++;
  }
  return out;
}

/** Any string: at most `max` UTF-16 units (never splitting a surrogate pair), then "…". */
export function capLength(s: string, max = STRING_MAX): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end) + "…";
}
