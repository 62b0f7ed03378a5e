// The header every page starts with: one line of context (data shipped, lists, sources, last
// refresh) and the one global filter (window, lists, bots; urlstate.js), the same on every page.
// pageHeader() is an input: `const filter = view(pageHeader(meta))` gives the page the filter and
// re-runs what depends on it on each change. Also the empty-store notice.
import { el, fmtDate, fmtDateTime, fmtInt, kpis } from "./dom.js";
import { carryFilter, readFilter, writeFilter } from "./urlstate.js";

export function pageHeader(meta) {
  const lists = meta?.lists ?? [];
  const wrap = el("div", { class: "tg-header-wrap" });
  wrap.value = readFilter(lists);
  if (!meta) {
    wrap.append(el("p", { class: "tg-header" }, "No analysis found: the store has not been analysed yet."));
    return wrap;
  }
  const sources = summariseSources(meta.sources ?? []);
  wrap.append(el("p", { class: "tg-header", "data-testid": "page-header" },
    el("b", {}, "Data "), `${fmtDate(meta.window?.start)} – ${fmtDate(meta.window?.end)}`,
    " · ", el("b", {}, "lists "), lists.join(", ") || "none",
    " · ", el("b", {}, "sources "), sources,
    " · ", el("b", {}, "refreshed "), fmtDateTime(meta.refreshed_at)));
  if (!isEmpty(meta)) wrap.append(filterBar(meta, wrap));
  carryFilter();
  return wrap;
}

/** The filter form; each change goes to the URL, to every internal link, and to the page (an input event on `wrap`). */
function filterBar(meta, wrap) {
  const lists = meta.lists ?? [];
  const day = (ms) => (ms == null ? "" : new Date(ms).toISOString().slice(0, 10));
  const min = day(meta.window?.start), max = day(meta.window?.end == null ? null : meta.window.end + 86400000);
  const f = wrap.value;
  const from = el("input", { type: "date", name: "from", min, max, value: f.from ?? "", "aria-label": "From (inclusive)" });
  const to = el("input", { type: "date", name: "to", min, max, value: f.to ?? "", "aria-label": "To (exclusive)" });
  const boxes = lists.map((l) => el("input", { type: "checkbox", name: "list", value: l, checked: !f.lists || f.lists.includes(l) }));
  const bots = el("input", { type: "checkbox", name: "bots", checked: f.bots });
  const reset = el("button", { type: "button", title: "All data, every list, bots in" }, "All data");
  const form = el("form", { class: "tg-filter", "data-testid": "filter", onsubmit: (e) => e.preventDefault() },
    el("label", {}, el("b", {}, "From "), from), el("label", {}, el("b", {}, " to "), to, " (exclusive)"),
    el("span", { class: "tg-filter-lists" }, el("b", {}, "Lists "), boxes.map((b) => el("label", {}, b, b.value))),
    el("label", {}, bots, "bots"), reset);
  const read = () => {
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    // No list ticked means no filter on lists (an empty selection would show nothing).
    return { from: from.value || null, to: to.value && (!from.value || to.value > from.value) ? to.value : null,
      lists: chosen.length && chosen.length < lists.length ? chosen : null, bots: bots.checked };
  };
  const changed = (e) => {
    e?.stopPropagation();
    wrap.value = read();
    writeFilter(wrap.value);
    wrap.dispatchEvent(new Event("input", { bubbles: true }));
  };
  form.addEventListener("change", changed);
  form.addEventListener("input", (e) => e.stopPropagation()); // only whole changes reach the page
  reset.addEventListener("click", () => {
    from.value = to.value = ""; for (const b of boxes) b.checked = true; bots.checked = true; changed();
  });
  return form;
}

/** Is any filter set (a window, some lists, bots out)? With none, pages show the loaders' all-data figures. */
export const isFiltered = (f) => !!(f && (f.from || f.to || f.lists || !f.bots));

/**
 * For a page computed from all shipped data on purpose (a thread page shows its whole thread):
 * when the header's filter is set, say so, so that its figures are never read as the window's.
 */
export function unfilteredNote(f, what = "This page") {
  if (!isFiltered(f)) return el("span", { "data-testid": "not-filtered", hidden: true });
  return el("p", { class: "tg-note tg-warn", "data-testid": "not-filtered" },
    `${what} covers all shipped data: the window, lists and bot setting chosen above do not apply to it.`);
}

/** "2024-07-01 – 2024-12-31 · netdev, linux-rdma · bots out": what a filter shows, for notes and captions. */
export function describeFilter(f, meta) {
  const start = f.from ?? fmtDate(meta?.window?.start), end = f.to ? `before ${f.to}` : `to ${fmtDate(meta?.window?.end)}`;
  return `${start} ${end} · ${f.lists ? f.lists.join(", ") : "all lists"} · bots ${f.bots ? "in" : "out"}`;
}

/** "3 mbox, 1 public-inbox", from each source's kind (older artifacts: the "kind:" prefix of its id). */
function summariseSources(sources) {
  if (!sources.length) return "none";
  const byKind = new Map();
  for (const s of sources) {
    const kind = s.kind ?? (String(s.source ?? "").split(":")[0] || "source");
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return [...byKind].map(([k, n]) => `${n} ${k}`).join(", ");
}

/** True when there is nothing to chart. Pages show emptyState() instead of empty charts. */
export function isEmpty(meta) {
  return !meta || meta.empty || !(meta.counts?.messages > 0);
}

export function emptyState(meta, what = "this page") {
  const why = !meta ? "The store has not been analysed yet." : "The store holds no messages yet.";
  return el("div", { class: "tg-empty", "data-testid": "empty-state" },
    el("p", {}, el("b", {}, "No data to show on ", what, ". "), why, " Fill the store, then rebuild the site:"),
    el("pre", {}, [
      "# local archives (mbox, mbox.gz, Maildir, public-inbox git), tagged with their list:",
      "npm run ingest -- linux-cxl=../shared/corpus/2024-h2/linux-cxl.mbox.gz \\",
      "  netdev=../shared/corpus/2024-h2/netdev.mbox.gz linux-rdma=../shared/corpus/2024-h2/linux-rdma.mbox.gz",
      "# or fetch the configured lists from lore.kernel.org:",
      "npm run sync",
      "# then compute threads, graph and page data, and preview:",
      "npm run analyze && npm run dev",
    ].join("\n")),
    meta?.hint ? el("p", { class: "tg-note" }, meta.hint) : null,
    el("p", { class: "tg-note" }, "See docs/site.md for refreshing and sharing the built site."));
}

/** The headline figures of the filter (facts.js windowCounts), each with its data-kpi name. */
export function headlineKpis(c, extra = []) {
  return kpis([
    ["messages", fmtInt(c.messages), "messages"], ["threads", fmtInt(c.threads), "threads"],
    ["people active (sent mail, bots never counted)", fmtInt(c.people), "people"],
    ["reviews given in replies", fmtInt(c.reviews), "reviews"], ["NAKs", fmtInt(c.naks), "naks"], ...extra,
  ]);
}
