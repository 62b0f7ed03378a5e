// Revisions: each posting of patches is one revision. A linked series (thread/series.ts: cover +
// n/m, one series id) is one revision; a lone patch is a revision of one patch (a single-patch
// respin counts like a series). Every other message belongs to the revision it sits under in
// the thread (its nearest ancestor that is a revision's patch or cover), or to none.
import { authorOf, type AnalysisMessage } from "../model/corpus.ts";
import type { ThreadResult } from "../thread/index.ts";
import { seriesTitle } from "./title.ts";
import { messageIndex } from "../model/message-index.ts";
import { depthOrder } from "../thread/index.ts";

export interface Revision {
  /** The series id of the posting (cover, or first patch), or the lone patch's message id. */
  id: string;
  /** Message index of the head (cover, or the first patch). */
  head: number;
  author: string;
  sender: string;
  /** Normalised title of the head (see seriesTitle). */
  title: string;
  subject: string;
  version: number;
  date: number | null;
  /** Patches (not counting the cover). */
  patches: number;
  lists: string[];
  /** Message indexes of its cover and patches. */
  members: number[];
  /** Normalised titles of its patches (not the cover). */
  patchTitles: string[];
  /** b4 change-id of its cover or patches, or null. */
  changeId: string | null;
  /** Message-IDs of earlier revisions it links to ("Link to v1:", "Supersedes:"). */
  previous: string[];
}

export interface Revisions {
  revisions: Revision[];
  /** Per message index: index into `revisions`, or -1. */
  revisionOf: Int32Array;
}

export type RevisionLinks = Map<string, { changeId: string | null; previous: string[]; pointers?: { id: string; rule: string }[] }>;

export function collectRevisions(messages: AnalysisMessage[], tr: ThreadResult, links?: RevisionLinks): Revisions {
  const n = messages.length;
  const revisionOf = new Int32Array(n).fill(-1);
  const byKey = new Map<string, number>();
  const revisions: Revision[] = [];
  const idx = messageIndex(messages);
  messages.forEach((m, i) => {
    if (!m.patch.isPatch) return;
    const key = tr.series[i] ?? m.id;
    let r = byKey.get(key);
    if (r === undefined) {
      byKey.set(key, (r = revisions.length));
      const h = idx.get(key) ?? i;
      const head = messages[h];
      revisions.push({ id: key, head: h, author: authorOf(head), sender: head.from, title: seriesTitle(head.subject), subject: head.subject,
        version: head.patch.version, date: null, patches: 0, lists: [], members: [], patchTitles: [], changeId: null, previous: [] });
    }
    const rev = revisions[r];
    const l = links?.get(m.id);
    if (l) {
      rev.changeId ??= l.changeId;
      for (const p of l.previous) if (!rev.previous.includes(p)) rev.previous.push(p);
    }
    revisionOf[i] = r;
    rev.members.push(i);
    if (!m.patch.isCover) { rev.patches++; rev.patchTitles.push(seriesTitle(m.subject)); }
    if (m.date !== null && (rev.date === null || m.date < rev.date)) rev.date = m.date;
    for (const l of m.lists) if (!rev.lists.includes(l)) rev.lists.push(l);
  });
  // Replies: parents before children (depth order), each takes its parent's revision.
  const { parent } = tr.threading;
  for (const i of depthOrder(tr.threading)) if (revisionOf[i] < 0 && parent[i] >= 0) revisionOf[i] = revisionOf[parent[i]];
  return { revisions, revisionOf };
}
