// One CSV cell, for every CSV the project writes (graph downloads here; the pages' table.js holds
// the same function as src/components/csv-cell.js, since pages cannot import outside src/;
// test/site/csv-cell.test.ts checks both behave identically).
// Text starting with = + - @ (or tab, CR, LF, or their full-width forms) runs as a formula in
// spreadsheets: such text is prefixed with ' so it stays text. Numbers are kept as they are.

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
// Control characters (terminal escapes such as ESC[31m among them) are no text: U+FFFD instead.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The cell text (RFC 4180 quoted when needed) of a value; arrays join with ";", objects as JSON. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = Array.isArray(v) ? v.map((x) => (x == null ? "" : String(x))).join(";") : typeof v === "object" ? JSON.stringify(v) : String(v);
  s = s.replace(CONTROL, "\uFFFD");
  if (typeof v !== "number" && typeof v !== "bigint" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
