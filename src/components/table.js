// The one table used on every page: searchable, sortable, paginated, downloadable as CSV.
// Cells are text nodes (or links built by el()), so untrusted strings never become markup.
import { el } from "./dom.js";
import { toCsv as rowsToCsv } from "./csv-table.js";
import { joinNames } from "./names.js";

/**
 * A run of non-space text this long cannot wrap at spaces (an unbroken name, subject word, path or
 * id): it may break anywhere, so one "drivers/net/ethernet:" does not widen its column past a
 * 1,024 px window. Shorter runs (dates, list names, trailer kinds) stay whole.
 */
const LONG_RUN = /\S{16}/;
/** A cell that is one word this short (a date, "linux-rdma") never breaks at its hyphen. */
const SHORT_WORD = /^\S{1,12}$/;

/**
 * @param rows    array of plain objects
 * @param columns [{key, label, title?, format?, href?, links?, numeric?, nowrap?, lines?, csv?, kind?}] — href(row) makes the cell a link;
 *                title: the header's tooltip (a short label's full name);
 *                links(row) -> [{text, href}] makes it several, one per line (e.g. a thread's participants);
 *                nowrap: never wrap the cell; lines: one line per "\n" in the text, none wrapped;
 *                csv(row): the flat value for the CSV; kind: "date" | "duration" (else read from format, csv-table.js)
 * @param opts    {pageSize, filename, sort, desc, search (initial query), onSearch}
 */
export function dataTable(rows, columns, opts = {}) {
  const pageSize = opts.pageSize ?? 25;
  let query = opts.search ?? "";
  let sortKey = opts.sort ?? null;
  let desc = opts.desc ?? true;
  let page = 0;
  const root = el("div", { class: "tg-table" });
  const input = el("input", { type: "search", placeholder: `Search ${rows.length.toLocaleString("en-US")} rows…`, value: query, "aria-label": "Search table" });
  const info = el("span", { class: "tg-note" });
  const prev = el("button", { type: "button" }, "‹ Prev");
  const next = el("button", { type: "button" }, "Next ›");
  const csv = el("button", { type: "button", title: "Download all matching rows as CSV" }, "Download CSV");
  const table = el("table", { class: "tg-msgs" });
  root.append(el("div", { class: "tg-table-tools" }, input, prev, next, info, csv), table);

  const text = (row) => columns.map((c) => cellText(row, c)).join("\u0001").toLowerCase();
  const haystack = new Map(rows.map((r) => [r, text(r)]));
  let current = rows;

  function filtered() {
    const q = query.trim().toLowerCase();
    let out = q ? rows.filter((r) => haystack.get(r).includes(q)) : rows.slice();
    if (sortKey) {
      const col = columns.find((c) => c.key === sortKey);
      const val = col?.sortValue ?? ((r) => r[sortKey]);
      out.sort((a, b) => compare(val(a), val(b)) * (desc ? -1 : 1));
    }
    return out;
  }

  function render() {
    current = filtered();
    const pages = Math.max(1, Math.ceil(current.length / pageSize));
    page = Math.min(page, pages - 1);
    const head = el("tr", {}, columns.map((c) => el("th", {
      style: `cursor:pointer;${c.numeric ? "text-align:right" : ""}`, title: c.title ? `${c.title} (click to sort)` : "Sort",
      onclick: () => { if (sortKey === c.key) desc = !desc; else { sortKey = c.key; desc = !!c.numeric; } render(); },
    }, c.label ?? c.key, sortKey === c.key ? (desc ? " ▾" : " ▴") : "")));
    const body = current.slice(page * pageSize, (page + 1) * pageSize).map((r) => el("tr", {},
      columns.map((c) => {
        const t = cellText(r, c);
        // The div bounds the cell's preferred width, so one long subject does not squeeze every other column.
        // Only text with a long unbroken run may break anywhere: dates, list names and trailer kinds stay whole.
        const inner = c.links ? c.links(r).map((l, i) => [i ? el("br") : null, el("a", { href: l.href }, l.text)]) : c.href ? el("a", { href: c.href(r) }, t) : t;
        const content = el("div", { class: LONG_RUN.test(t) ? "tg-cell tg-break" : SHORT_WORD.test(t) ? "tg-cell tg-whole" : "tg-cell" }, inner);
        // Numbers and durations ("29.8 h") never wrap.
        const style = [c.numeric ? "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap" : "", c.nowrap ? "white-space:nowrap" : "", c.lines ? "white-space:pre" : ""].join(";");
        return el("td", style.replace(/;/g, "") ? { style } : {}, content);
      })));
    table.replaceChildren(el("thead", {}, head), el("tbody", {}, body));
    if (!current.length) table.append(el("tbody", {}, el("tr", {}, el("td", { colspan: columns.length }, "No rows match."))));
    info.textContent = `${current.length.toLocaleString("en-US")} rows · page ${page + 1} of ${pages}`;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  input.addEventListener("input", () => { query = input.value; page = 0; render(); opts.onSearch?.(query); });
  prev.addEventListener("click", () => { page--; render(); });
  next.addEventListener("click", () => { page++; render(); });
  csv.addEventListener("click", () => downloadCsv(opts.filename ?? "table.csv", current, columns));
  render();
  return root;
}

function cellText(row, c) {
  const v = row[c.key];
  // Arrays of names joined with " · ": with commas "Last, First" reads as two people.
  return c.format ? String(c.format(v, row)) : v == null ? "" : Array.isArray(v) ? joinNames(v) : String(v);
}

function compare(a, b) {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** RFC 4180 CSV of the values (flat: ISO dates, hours, names; see csv-table.js), so the download can be re-analysed. */
export function toCsv(rows, columns) {
  return rowsToCsv(rows, columns, cellText);
}

export function downloadCsv(filename, rows, columns) {
  const blob = new Blob([toCsv(rows, columns)], { type: "text/csv" });
  const a = el("a", { download: filename });
  a.href = URL.createObjectURL(blob);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
