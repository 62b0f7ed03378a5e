// Per-thread summary: root, subject, size, participants, lists, time span, depth, series.
import { authorOf, type AnalysisMessage } from "../model/corpus.ts";
import type { Threading } from "./jwz.ts";

export interface ThreadSummary {
  id: string;                // topmost container id (stable thread id)
  /** Index of the root message: the top container if present, else the earliest shallowest message. */
  root: number;
  rootIsPhantom: boolean;
  subject: string;
  author: string;            // person id of the root's author (a forwarded patch: its in-body author)
  sender: string;            // person id of the root's sender (who started the thread)
  members: number[];         // message indexes, date order
  participants: string[];    // person ids, first appearance order
  lists: string[];
  start: number | null;
  end: number | null;
  depth: number;
  isSeries: boolean;
  seriesId: string | null;
}

export function summarizeThreads(messages: AnalysisMessage[], th: Threading, series: (string | null)[]): ThreadSummary[] {
  const groups = new Map<string, number[]>();
  messages.forEach((_, i) => {
    const t = th.threadId[i];
    const g = groups.get(t);
    if (g) g.push(i); else groups.set(t, [i]);
  });
  const byDate = (a: number, b: number) =>
    (messages[a].date ?? Infinity) - (messages[b].date ?? Infinity) || (messages[a].id < messages[b].id ? -1 : 1);
  const out: ThreadSummary[] = [];
  // Indexed loops: this visits every message (for-of over a Map and arrays allocated per step
  // until optimised).
  groups.forEach((members, id) => {
    members.sort(byDate);
    let root = -1, minDepth = Infinity, maxDepth = 0;
    for (let k = 0; k < members.length; k++) {
      const i = members[k];
      if (messages[i].id === id) root = i;
      minDepth = Math.min(minDepth, th.depth[i]);
      maxDepth = Math.max(maxDepth, th.depth[i]);
    }
    const rootIsPhantom = root < 0;
    if (rootIsPhantom) root = members.find((i) => th.depth[i] === minDepth)!;
    const participants: string[] = [];
    const seenP = new Set<string>();
    const lists = new Set<string>();
    let start: number | null = null, end: number | null = null;
    for (let k = 0; k < members.length; k++) {
      const m = messages[members[k]];
      if (!seenP.has(m.from)) { seenP.add(m.from); participants.push(m.from); }
      for (let j = 0; j < m.lists.length; j++) lists.add(m.lists[j]);
      if (m.date !== null) {
        if (start === null || m.date < start) start = m.date;
        if (end === null || m.date > end) end = m.date;
      }
    }
    const r = messages[root];
    out.push({
      id, root, rootIsPhantom, subject: r.subject, author: authorOf(r), sender: r.from, members, participants,
      lists: [...lists].sort(), start, end, depth: maxDepth - minDepth,
      isSeries: r.patch.isPatch && series[root] !== null, seriesId: series[root],
    });
  });
  out.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.id < b.id ? -1 : 1));
  return out;
}
