// One colour per list, stable across pages (tracked lists in config order), and the legend that explains it.
// Two home "lists" are not lists: CROSS_LIST (messages reached several lists equally, no list
// dominates) and null (never posted on a tracked list, e.g. a patch author who sent no mail).
import { el } from "./dom.js";

const PALETTE = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];
const known = new Map([["linux-cxl", PALETTE[0]], ["netdev", PALETTE[1]], ["linux-rdma", PALETTE[2]]]);
/** Same string as CROSS_LIST_HOME in loaders/analysis/artifacts.ts. */
export const CROSS_LIST = "cross-list";
const CROSS_COLOR = "#6b4c9a";
const NONE_COLOR = "#b0b0b0";

export function listColor(list) {
  if (list == null || list === "none") return NONE_COLOR;
  if (list === CROSS_LIST) return CROSS_COLOR;
  if (!known.has(list)) known.set(list, PALETTE[known.size % PALETTE.length]);
  return known.get(list);
}

/** Words for a home list in labels and sentences. */
export function homeLabel(home) {
  if (home == null || home === "none" || home === "other") return "no tracked list";
  if (home === CROSS_LIST) return "several lists";
  return home;
}

export const communityColor = (c) => (c == null ? NONE_COLOR : PALETTE[c % PALETTE.length]);

/**
 * Legend of list colours. `homes`: the home values present in the data shown (null for none);
 * the "several lists" and "no tracked list" entries appear only when some data has them.
 */
export function listLegend(lists, homes = [], label = "Home list / list") {
  const present = new Set(homes.map((h) => (h == null || h === "other" ? "none" : h)));
  return el("div", { class: "tg-legend", "aria-label": label },
    lists.map((l) => el("span", { style: `--c:${listColor(l)}` }, l)),
    present.has(CROSS_LIST) ? el("span", { style: `--c:${CROSS_COLOR}`, title: "messages reached several lists equally" }, "several lists (cross-list)") : null,
    present.has("none") ? el("span", { style: `--c:${NONE_COLOR}`, title: "never posted on a tracked list" }, "no tracked list") : null);
}
