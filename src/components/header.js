// The one-line context every page starts with (window, lists, sources, last refresh),
// and the empty-store notice that says plainly how to get data.
import { el, fmtDate, fmtDateTime, fmtInt } from "./dom.js";

export function pageHeader(meta) {
  if (!meta) return el("p", { class: "tg-header" }, "No analysis found: the store has not been analysed yet.");
  const lists = (meta.lists ?? []).join(", ") || "none";
  const sources = summariseSources(meta.sources ?? []);
  const c = meta.counts;
  return el("p", { class: "tg-header", "data-testid": "page-header" },
    el("b", {}, "Window "), `${fmtDate(meta.window?.start)} – ${fmtDate(meta.window?.end)}`,
    " · ", el("b", {}, "lists "), lists,
    " · ", el("b", {}, "sources "), sources,
    " · ", el("b", {}, "refreshed "), fmtDateTime(meta.refreshed_at),
    c ? ` · ${fmtInt(c.messages)} messages, ${fmtInt(c.threads)} threads, ${fmtInt(c.people)} people active (sent mail in the window, bots excluded)` : "");
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
