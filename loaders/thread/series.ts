// Patch series: a cover letter [PATCH vN 0/m] and its patches n/m (and every reply under them)
// share a series id. Patches are usually threaded under the cover (git send-email); patches
// sent unthreaded are linked by subject: same author, version and total m, within SUBJECT_WINDOW
// of a cover or 1/m that is itself a thread root. The series id is the cover's message id, or
// the first patch's id when there is no cover. A lone patch (no cover, m <= 1, no linked
// patches) is not a series: series id null.
import type { AnalysisMessage } from "../model/corpus.ts";
import type { Threading } from "./jwz.ts";

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
  const patchSeries = (i: number): string => {
    let cur = i;
    for (let steps = 0; steps < 10_000; steps++) {
      const m = messages[cur];
      if (m.patch.isCover) return m.id;
      const p = th.parent[cur];
      if (p >= 0 && messages[p].patch.isPatch && (messages[p].patch.isCover || messages[p].patch.index !== null)
        && sameSeries(messages[p], m) && m.patch.index !== null) { cur = p; continue; }
      const h = headOf.get(cur);
      if (h !== undefined && h !== cur) { cur = h; continue; }
      return m.id;
    }
    return messages[cur].id;
  };

  // Parents before children: depth order.
  const order = messages.map((_, i) => i).sort((a, b) => th.depth[a] - th.depth[b]);
  for (const i of order) {
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
  const idx = new Map<string, number>();
  messages.forEach((m, i) => {
    idx.set(m.id, i);
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
  // A 1/m with a cover nearby belongs to that cover.
  for (const list of heads.values()) {
    for (const i of list) {
      if (messages[i].patch.isCover) continue;
      const h = nearest(messages, list.filter((j) => messages[j].patch.isCover), messages[i].date!);
      if (h >= 0) out.set(i, h);
    }
  }
  for (const i of loose) {
    const h = nearest(messages, heads.get(key(messages[i])) ?? [], messages[i].date!);
    if (h >= 0) out.set(i, h);
  }
  return out;
}

function nearest(messages: AnalysisMessage[], candidates: number[], date: number): number {
  let best = -1, bestGap = Infinity;
  for (const j of candidates) {
    const gap = Math.abs(messages[j].date! - date);
    if (gap <= SUBJECT_WINDOW && gap < bestGap) { best = j; bestGap = gap; }
  }
  return best;
}
