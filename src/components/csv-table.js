// The rows of a table as a CSV a spreadsheet or script can use: one flat value per cell.
// Timestamps (columns shown with fmtDate/fmtDateTime, or kind "date") become ISO 8601 UTC,
// durations (fmtDuration, or kind "duration") become hours in a column named "... (hours)",
// people become their names, nested objects their shown text: never JSON. Numbers stay raw.
import { csvCell } from "./csv-cell.js";
import { fmtDate, fmtDateTime, fmtDuration } from "./dom.js";
import { joinNames } from "./names.js";

const HOUR = 3_600_000;

/** "date" | "duration" | null: what a column's numbers mean. */
export function columnKind(c) {
  if (c.kind) return c.kind;
  if (c.format === fmtDate || c.format === fmtDateTime) return "date";
  if (c.format === fmtDuration) return "duration";
  return null;
}

export function csvHeader(c) {
  const label = c.name ?? c.label ?? c.key; // the full name where the header is short
  return columnKind(c) === "duration" ? `${label} (hours)` : label;
}

const isPerson = (v) => v != null && typeof v === "object" && !Array.isArray(v) && typeof v.name === "string";

/** The page's text of a cell on one line (a cell shown as several lines joins them with "; "). */
const oneLine = (t) => String(t).split("\n").filter((x) => x !== "").join("; ");

/** One flat cell value (string, number or null) of `row` for column `c`; `shown` gives the page's text. */
export function csvValue(row, c, shown) {
  shown = ((f) => (r, col) => oneLine(f(r, col)))(shown);
  const v = c.csv ? c.csv(row) : row[c.key];
  if (v == null || (typeof v === "number" && Number.isNaN(v))) return null;
  const kind = columnKind(c);
  if (kind === "date" && (typeof v === "number" || v instanceof Date)) return new Date(v).toISOString();
  if (kind === "duration" && typeof v === "number") return Math.round((v / HOUR) * 1000) / 1000;
  if (isPerson(v)) return v.name;
  if (Array.isArray(v)) return v.some(isPerson) ? joinNames(v) : v.some((x) => x != null && typeof x === "object") ? shown(row, c) : v;
  if (typeof v === "object") return shown(row, c);
  return v;
}

/** RFC 4180 CSV of the rows, formula-looking text neutralised by csvCell. */
export function toCsv(rows, columns, shown) {
  return [columns.map((c) => csvCell(csvHeader(c))).join(","), ...rows.map((r) => columns.map((c) => csvCell(csvValue(r, c, shown))).join(","))].join("\n");
}
