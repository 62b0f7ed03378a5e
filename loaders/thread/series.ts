// Patch series: a cover letter [PATCH vN 0/m] and its patches n/m (and every reply under them)
// share a series id. Patches are usually threaded under the cover (git send-email); patches
// sent unthreaded are linked by subject: same author, version and total m, within SUBJECT_WINDOW
// of a cover or 1/m that is itself a thread root. The series id is the cover's message id, or
// the first patch's id when there is no cover. A lone patch (no cover, m <= 1, no linked
// patches) is not a series: series id null.
import type { AnalysisMessage } from "../model/corpus.ts";
import type { Threading } from "./jwz.ts";
import { messageIndex } from "../model/message-index.ts";
import { depthOrder } from "./depth-order.ts";

const SUBJECT_WINDOW = 6 * 3600_000;

function sameSeries(a: AnalysisMessage, b: AnalysisMessage): boolean {
  return a.from === b.from && a.patch.version === b.patch.version && a.patch.total === b.patch.total;
}

/** Series id per message index (null for messages outside any patch series). */
export function linkSeries(messages: AnalysisMessage[], th: Threading): (string | null)[] {
  const n = messages.length;
  const series: (string | null)[] = new Array(n).fill(null);
  const headOf = subjectHeads(messages, th);

  // Patch -> series head, following same-series parents (covers, or shallow-threaded n/m chains).
  // Every patch passed on the way has the same head: remembered, so a chain of 100k patches is
  // walked once, not once per patch.
  const headMemo = new Map<number, string>();
  const patchSeries = (i: number): string => {
    let cur = i;
    const passed: number[] = [];
    let head: string | undefined;
    for (let steps = 0; steps < 10_000 && head === undefined; steps++) {
      head = headMemo.get(cur);
      if (head !== undefined) break;
      passed.push(cur);
      const m = messages[cur];
      if (m.patch.isCover) { head = m.id; break; }
      const p = th.parent[cur];
      if (p >= 0 && messages[p].patch.isPatch && (messages[p].patch.isCover || messages[p].patch.index !== null)
        && sameSeries(messages[p], m) && m.patch.index !== null) { cur = p; continue; }
      const h = headOf.get(cur);
      if (h !== undefined && h !== cur) { cur = h; continue; }
      head = m.id;
    }
    head ??= messages[cur].id;
    for (const j of passed) headMemo.set(j, head);
    return head;
  };

  // Parents before children: depth order.
  for (const i of depthOrder(th)) {
    const m = messages[i];
    if (m.patch.isPatch) series[i] = patchSeries(i);
    else if (th.parent[i] >= 0) series[i] = series[th.parent[i]];
  }
  return dropLonePatches(messages, series);
}

/**
 * A series needs a cover letter, an n/m subject with m > 1, or several linked patches; a lone
 * [PATCH] (or 1/1) is a patch, not a series, so it and its replies get no series id.
 */
function dropLonePatches(messages: AnalysisMessage[], series: (string | null)[]): (string | null)[] {
  const patches = new Map<string, number>();
  const idx = messageIndex(messages);
  messages.forEach((m, i) => {
    const s = series[i];
    if (s !== null && m.patch.isPatch) patches.set(s, (patches.get(s) ?? 0) + 1);
  });
  const real = (s: string): boolean => {
    const h = idx.get(s);
    const head = h === undefined ? null : messages[h].patch;
    return (head !== null && (head.isCover || (head.total ?? 0) > 1)) || (patches.get(s) ?? 0) > 1;
  };
  const keep = new Map<string, boolean>();
  return series.map((s) => {
    if (s === null) return null;
    let k = keep.get(s);
    if (k === undefined) keep.set(s, (k = real(s)));
    return k ? s : null;
  });
}

/** Unthreaded n/m patches (thread roots without references) -> index of their head (cover or 1/m). */
function subjectHeads(messages: AnalysisMessage[], th: Threading): Map<number, number> {
  const heads = new Map<string, number[]>();
  const loose: number[] = [];
  const key = (m: AnalysisMessage) => `${m.from}\u0000${m.patch.version}\u0000${m.patch.total}`;
  messages.forEach((m, i) => {
    const p = m.patch;
    if (!p.isPatch || p.index === null || !p.total || p.total < 2) return;
    if (th.parentId[i] !== null || m.date === null) return;
    if (p.isCover || p.index === 1) {
      const k = key(m);
      const list = heads.get(k);
      if (list) list.push(i); else heads.set(k, [i]);
    } else loose.push(i);
  });
  const out = new Map<number, number>();
  const dateOf = (i: number) => messages[i].date!;
  // A 1/m with a cover nearby belongs to that cover.
  for (const list of heads.values()) {
    const covers = new Nearest(list.filter((j) => messages[j].patch.isCover), dateOf);
    for (const i of list) {
      if (messages[i].patch.isCover) continue;
      const h = covers.find(dateOf(i));
      if (h >= 0) out.set(i, h);
    }
  }
  const byKey = new Map<string, Nearest>();
  for (const i of loose) {
    const k = key(messages[i]);
    let near = byKey.get(k);
    if (!near) byKey.set(k, (near = new Nearest(heads.get(k) ?? [], dateOf)));
    const h = near.find(dateOf(i));
    if (h >= 0) out.set(i, h);
  }
  return out;
}

/**
 * The candidate nearest in date within SUBJECT_WINDOW (ties: the lowest message index), found by
 * binary search over the candidates sorted by date: a sender with thousands of unthreaded patches
 * must not cost thousands times thousands comparisons.
 */
export class Nearest {
  private readonly c: number[];
  private readonly d: number[];
  constructor(candidates: number[], date: (i: number) => number) {
    this.c = [...candidates].sort((a, b) => date(a) - date(b) || a - b);
    this.d = this.c.map(date);
  }
  /** First position whose date is >= t. */
  private lower(t: number): number {
    let lo = 0, hi = this.d.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.d[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  find(t: number): number {
    const k = this.lower(t);
    let best = -1, bestGap = Infinity;
    if (k < this.c.length) { best = this.c[k]; bestGap = this.d[k] - t; }
    if (k > 0) {
      const g = this.lower(this.d[k - 1]); // the lowest index among the closest earlier date
      const gap = t - this.d[g];
      if (gap < bestGap || (gap === bestGap && this.c[g] < best)) { best = this.c[g]; bestGap = gap; }
    }
    return bestGap <= SUBJECT_WINDOW ? best : -1;
  }
}
