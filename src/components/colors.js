// One colour per list, stable across pages (tracked lists in config order), and the legend that explains it.
import { el } from "./dom.js";

const PALETTE = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];
const known = new Map([["linux-cxl", PALETTE[0]], ["netdev", PALETTE[1]], ["linux-rdma", PALETTE[2]]]);

export function listColor(list) {
  if (list == null) return "#b0b0b0";
  if (!known.has(list)) known.set(list, PALETTE[known.size % PALETTE.length]);
  return known.get(list);
}

export const communityColor = (c) => (c == null ? "#b0b0b0" : PALETTE[c % PALETTE.length]);

export function listLegend(lists, label = "Home list / list") {
  return el("div", { class: "tg-legend", "aria-label": label },
    lists.map((l) => el("span", { style: `--c:${listColor(l)}` }, l)),
    el("span", { style: "--c:#b0b0b0" }, "none / other"));
}
