// Reply edge instances: one per message that answers a message of someone else. The edge goes
// from the reply's sender to the parent's author: a reply to a forwarded patch answers the
// patch's author (in-body From:), not the maintainer who sent it.
// Not engagement, so excluded: a patch n/m answering its own series' cover letter or previous
// patch (series structure), self-replies, and replies whose parent is missing from the store.
// Bot replies (either end a bot) are kept here with bot=true; the default graph drops them.
import { authorOf, type AnalysisMessage } from "../model/corpus.ts";
import type { ThreadResult } from "../thread/index.ts";

export interface ReplyEdge {
  child: number;             // message index of the reply
  parent: number;            // message index of the replied-to message
  from: string;              // person id of the replier
  to: string;                // person id of the replied-to message's author (authorOf)
  date: number | null;       // the reply's date
  latency: number | null;    // child.date - parent.date (ms), null when a date is unknown
  lists: string[];           // lists the reply reached
  bot: boolean;
}

export interface ReplyStats { replies: number; self: number; seriesStructure: number; missingParent: number; bot: number }

/** A patch n/m (n >= 1) under a cover or patch of the same series is structure, not a reply. */
export function isSeriesStructure(messages: AnalysisMessage[], th: ThreadResult, child: number, parent: number): boolean {
  const c = messages[child], p = messages[parent];
  if (!c.patch.isPatch || c.patch.index === null || c.patch.isCover) return false;
  if (!p.patch.isPatch) return false;
  return th.series[child] !== null && th.series[child] === th.series[parent];
}

export function replyEdges(messages: AnalysisMessage[], th: ThreadResult, botIds: Set<string>): { edges: ReplyEdge[]; stats: ReplyStats } {
  const edges: ReplyEdge[] = [];
  const stats: ReplyStats = { replies: 0, self: 0, seriesStructure: 0, missingParent: 0, bot: 0 };
  const { parent, parentId } = th.threading;
  for (let i = 0; i < messages.length; i++) {
    const p = parent[i];
    if (p < 0) { if (parentId[i] !== null) stats.missingParent++; continue; }
    const c = messages[i], pm = messages[p];
    if (isSeriesStructure(messages, th, i, p)) { stats.seriesStructure++; continue; }
    const to = authorOf(pm);
    if (c.from === to) { stats.self++; continue; }
    const bot = c.isBot || pm.isBot || botIds.has(c.from) || botIds.has(pm.from) || botIds.has(to);
    if (bot) stats.bot++;
    stats.replies++;
    const latency = c.date !== null && pm.date !== null ? c.date - pm.date : null;
    edges.push({ child: i, parent: p, from: c.from, to, date: c.date, latency, lists: c.lists, bot });
  }
  return { edges, stats };
}
