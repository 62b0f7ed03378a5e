// The People page's table columns: short headers (the full name and rule in the header's tooltip),
// the ones shown by default (they fit a 1,024 px window, sidebar open, without sideways
// scrolling), and the extra file a column needs (`needs`): the page loads facts-reply-times.json
// and graph-buckets.json only once a column that reads them is shown. The chooser keeps its choice
// in the link (?cols=, absent: the defaults).
import { fmtDate, fmtDuration, personHref } from "./dom.js";
import { homeLabel } from "./colors.js";

const num = (v) => (v == null ? "–" : v.toFixed(4));

/** name: the column's full name (the chooser's label); rule: what it counts (the header's tooltip adds it). */
export const PEOPLE_COLUMNS = [
  { key: "name", label: "Name", name: "Name", rule: "links to their page", href: (r) => personHref(r.id), shown: true },
  { key: "email", label: "Email", name: "Email" },
  { key: "home", label: "Home list", name: "Home list", rule: "the list with most of their messages", format: homeLabel, nowrap: true, shown: true },
  { key: "home_subsystem", label: "Home subsystem", name: "Home subsystem", rule: "a MAINTAINERS section", format: (v) => v ?? "–" },
  { key: "organisation", label: "Organisation", name: "Organisation", rule: "from their mail domains", format: (v) => v ?? "–" },
  { key: "messages", label: "Msgs", name: "Messages", numeric: true, shown: true },
  // One list per line, never broken inside ("linux-rdma 554"), so the column stays narrow.
  { key: "lists", label: "Per list", name: "Messages per list", lines: true, format: (v) => Object.entries(v ?? {}).map(([l, n]) => `${l} ${n}`).join("\n"), sortValue: (r) => Object.keys(r.lists ?? {}).length },
  { key: "threads_started", label: "Threads", name: "Threads started", numeric: true, shown: true },
  { key: "patches_authored", label: "Patches", name: "Patches authored", rule: "cover letters left out; a forwarded patch counts for its in-body author", numeric: true, shown: true },
  { key: "patches_for_others", label: "For others", name: "Patches sent for others", rule: "forwarded with the author's in-body From:", numeric: true },
  { key: "replies_sent", label: "Replies", name: "Replies sent", rule: "no bot at either end", numeric: true, shown: true },
  { key: "reviews_given", label: "Reviews", name: "Reviews in replies", rule: "Reviewed/Acked/Tested-by given in a reply", numeric: true, shown: true },
  { key: "reviews_carried", label: "Tags carried", name: "Tags carried", rule: "their review tags carried inside later patch versions", numeric: true },
  { key: "naks_given", label: "NAKs", name: "NAKs given", numeric: true, shown: true },
  { key: "first_replies", label: "First replies", name: "First replies", rule: "the first answer to a thread", numeric: true },
  { key: "median_reply_ms", label: "Median reply", name: "Median reply", rule: "median time from a message to their reply", numeric: true, format: fmtDuration, needs: "times", shown: true },
  { key: "last", label: "Last seen", name: "Last seen", rule: "the day of their last message", format: fmtDate, nowrap: true, shown: true },
  { key: "pagerank", label: "PageRank", name: "PageRank", rule: "in the reply graph, from the graph bucket named above", numeric: true, format: num, needs: "bucket" },
  { key: "betweenness", label: "Betweenness", name: "Betweenness", rule: "in the reply graph, from the graph bucket named above", numeric: true, format: num, needs: "bucket" },
  { key: "status", label: "Status", name: "Status", rule: "active, bot, or named only (no message in the filter)" },
].map((c) => ({ ...c, title: c.rule ? `${c.name}: ${c.rule}` : c.name }));

export const DEFAULT_COLUMNS = PEOPLE_COLUMNS.filter((c) => c.shown).map((c) => c.key);

/** The chosen keys (from the link) that name a column, in the table's order: none chosen, the name alone; none valid, the defaults. */
export function chosenColumns(keys) {
  const want = new Set(keys ?? []);
  const out = PEOPLE_COLUMNS.filter((c) => want.has(c.key)).map((c) => c.key);
  return out.length ? out : want.size ? DEFAULT_COLUMNS : ["name"];
}

/** Does any chosen column need this file ("times", "bucket")? */
export const columnsNeed = (keys, what) => PEOPLE_COLUMNS.some((c) => c.needs === what && keys.includes(c.key));
