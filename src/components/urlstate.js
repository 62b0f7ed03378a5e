import { dayOf } from "./facts.js";

// Filters live in the URL query string so any view can be shared as a link.
// Inputs are wired two ways: initial value from the URL, and every change written back with replaceState.
export function getParam(name, fallback) {
  const v = new URLSearchParams(location.search).get(name);
  return v == null ? fallback : v;
}

export function getNumber(name, fallback) {
  const v = Number(getParam(name, NaN));
  return Number.isFinite(v) ? v : fallback;
}

export function getList(name, fallback) {
  const v = getParam(name, null);
  return v == null ? fallback : v.split(",").filter(Boolean);
}

export function setParam(name, value, fallback) {
  const params = new URLSearchParams(location.search);
  const s = Array.isArray(value) ? value.join(",") : value == null ? "" : String(value);
  const f = Array.isArray(fallback) ? fallback.join(",") : fallback == null ? "" : String(fallback);
  if (s === f) params.delete(name);
  else params.set(name, s);
  const q = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${q ? `?${q}` : ""}${location.hash}`);
}

/** Keep an Observable input in sync with a URL parameter; returns the input. */
export function bindParam(input, name, fallback, encode = (v) => v) {
  input.addEventListener("input", () => setParam(name, encode(input.value), encode(fallback)));
  return input;
}

// The global filter every page follows (docs/site.md "The filter"): a window of whole UTC days
// (from inclusive, to exclusive), the lists (absent: all), and bots (absent or 1: in; 0: out).
// It lives in the URL as ?from=YYYY-MM-DD&to=YYYY-MM-DD&lists=a,b&bots=0 and every internal link
// carries it (carryFilter), so a shared link shows the same view on any page.
export const FILTER_PARAMS = ["from", "to", "lists", "bots"];
const validDay = (s) => (dayOf(s) === null ? null : s);

/** The filter in the URL; lists outside `known` are dropped (all dropped, or all given: null = every list). */
export function readFilter(known = [], search = location.search) {
  const p = new URLSearchParams(search);
  let from = validDay(p.get("from")), to = validDay(p.get("to"));
  if (from && to && to <= from) to = null; // an empty window is never meant: keep the start
  const asked = (p.get("lists") ?? "").split(",").filter((l) => known.includes(l));
  const lists = asked.length && asked.length < known.length ? known.filter((l) => asked.includes(l)) : null;
  return { from, to, lists, bots: p.get("bots") !== "0" };
}

/** The URL parameters of a filter (defaults omitted). */
export function filterParams(f) {
  const out = [];
  if (f.from) out.push(["from", f.from]);
  if (f.to) out.push(["to", f.to]);
  if (f.lists) out.push(["lists", f.lists.join(",")]);
  if (!f.bots) out.push(["bots", "0"]);
  return out;
}

export function writeFilter(f) {
  const params = new URLSearchParams(location.search);
  for (const k of FILTER_PARAMS) params.delete(k);
  for (const [k, v] of filterParams(f)) params.set(k, v);
  const q = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${q ? `?${q}` : ""}${location.hash}`);
  carryFilter();
}

/** An internal page link with the current filter's parameters (its own filter parameters replaced). */
export function withFilter(href, search = location.search) {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("//")) return href;
  const [path, hash = ""] = href.split("#");
  const [base, query = ""] = path.split("?");
  const last = base.split("/").pop();
  if (/\.[a-z0-9]+$/i.test(last) && !/\.html$/i.test(last)) return href; // a file (csv, json), not a page
  const params = new URLSearchParams(query);
  for (const k of FILTER_PARAMS) params.delete(k);
  const cur = new URLSearchParams(search);
  for (const k of FILTER_PARAMS) if (cur.has(k)) params.set(k, cur.get(k));
  const q = params.toString();
  return `${base}${q ? `?${q}` : ""}${hash ? `#${hash}` : ""}`;
}

/** Rewrite every internal link on the page (nav, tables) to carry the filter; new links get it on click. */
export function carryFilter() {
  for (const a of document.querySelectorAll("a[href]")) {
    if (a.hasAttribute("download") || a.origin !== location.origin) continue;
    const h = a.getAttribute("href"), w = withFilter(h);
    if (w !== h) a.setAttribute("href", w);
  }
  // The header's search box (a plain GET form, observablehq.config.ts) sends the filter too.
  for (const form of document.querySelectorAll("form.tg-search-box")) {
    for (const i of form.querySelectorAll("input[data-filter]")) i.remove();
    const cur = new URLSearchParams(location.search);
    for (const k of FILTER_PARAMS) {
      if (!cur.has(k)) continue;
      const i = Object.assign(document.createElement("input"), { type: "hidden", name: k, value: cur.get(k) });
      i.dataset.filter = "";
      form.append(i);
    }
  }
  if (!carryFilter.installed) {
    carryFilter.installed = true;
    const onClick = (e) => {
      const a = e.target.closest?.("a[href]");
      if (a && !a.hasAttribute("download") && a.origin === location.origin) a.setAttribute("href", withFilter(a.getAttribute("href")));
    };
    document.addEventListener("click", onClick, true);
    document.addEventListener("auxclick", onClick, true);
  }
}
