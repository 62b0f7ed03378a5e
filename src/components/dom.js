// Tiny DOM builder. Every string from the data (subjects, names, addresses) is set as text,
// never parsed as HTML: mail content comes from strangers.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "style") node.style.cssText = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Only relative links and https links survive; anything else (javascript:, data:) becomes "#". */
export function safeHref(v) {
  const s = String(v);
  if (/^(https:\/\/|\.{0,2}\/|#|\?)/.test(s) && !/^\s*javascript:/i.test(s)) return s;
  if (/^[\w.-]+(\/|$|\?|#)/.test(s)) return s; // relative path like "people/12"
  return "#";
}

const LORE = "https://lore.kernel.org";
/** Percent-encode all but RFC 3986 unreserved characters (encodeURIComponent keeps !'()*); lone surrogates become U+FFFD. */
const encodeAll = (s) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"))
  .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The one lore link for a message: https://lore.kernel.org/r/<message-id>, the id percent-encoded
 * so it cannot leave its path segment. An id that would be an empty or dot segment ("", ".", "..")
 * is resolved away by browsers (to lore's front page), so those link to lore's exact Message-ID
 * search instead: /all/?q=mid:"<id>" (public-inbox's boolean prefix; "" inside quotes is a quote).
 */
export function loreUrl(messageId) {
  const id = String(messageId ?? "");
  if (id === "" || id === "." || id === "..") return `${LORE}/all/?q=${encodeAll(`mid:"${id.replace(/"/g, '""')}"`)}`;
  return `${LORE}/r/${encodeAll(id)}`;
}

/**
 * The one link to a thread's page: thread.html?m=<any Message-ID of it>, and to a person's:
 * person.html?e=<any address of theirs> (a person id is an address). The id is percent-encoded
 * whole (so "/", "%", "+", "&", "#" stay inside the parameter); pages are all at the site root.
 */
export const threadHref = (messageId) => (messageId == null ? null : `./thread.html?m=${encodeAll(String(messageId))}`);
export const personHref = (address) => (address == null || address === "" ? null : `./person.html?e=${encodeAll(String(address))}`);

/** Axis ticks for a count up to max: whole numbers only (a window's counts are often small). */
export const countTicks = (max) => Math.max(1, Math.min(10, Math.ceil(max)));
export const fmtInt = (n) => (n == null || Number.isNaN(n) ? "–" : Math.round(n).toLocaleString("en-US"));
export const fmtPct = (x) => (x == null || Number.isNaN(x) ? "–" : `${(100 * x).toFixed(1)}%`);
export const fmtDate = (ms) => (ms == null ? "–" : new Date(ms).toISOString().slice(0, 10));
export const fmtDateTime = (ms) => (ms == null ? "–" : new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC");

/** Human duration from milliseconds: "45 min", "3.2 h", "2.1 d". */
export function fmtDuration(ms) {
  if (ms == null || Number.isNaN(ms)) return "–";
  const m = ms / 60000;
  if (m < 90) return `${Math.round(m)} min`;
  const h = m / 60;
  if (h < 48) return `${h.toFixed(1)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

/** Headline figures: [label, value, name?]; a name becomes data-kpi="<name>" (tests compare it with `stats`). */
export function kpis(items) {
  return el("div", { class: "tg-kpis" },
    items.map(([label, value, name]) => el("div", { class: "tg-kpi", "data-kpi": name }, el("div", { class: "v" }, value), el("div", { class: "l" }, label))));
}

/** What a chart shows instead when the filter leaves it no data (an empty Plot draws a NaN axis). */
export function noneInFilter(what) {
  return el("p", { class: "tg-note", "data-testid": "none-in-filter" }, `No ${what} in this filter: widen the window or choose other lists.`);
}
