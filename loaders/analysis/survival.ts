// Time to first reply and Kaplan–Meier survival. A thread (or patch series) is "answered" by the
// first message from someone who is neither its author nor a bot. Unanswered ones are censored
// at the window end. Threads whose root is missing (phantom) or whose author is a bot, or
// whose start date is unknown, are left out: their start is not known or not human.
import type { AnalysisMessage } from "./model.ts";
import type { ThreadResult } from "../thread/index.ts";

export interface Observation {
  key: string;               // thread id or series id
  kind: "thread" | "series";
  start: number;
  author: string;
  lists: string[];
  /** ms to the first reply, or to the window end when censored. */
  time: number;
  answered: boolean;
  responder: string | null;
  responderMsg: number;      // message index of the first reply, -1 if none
}

export interface KmResult {
  n: number; events: number; censored: number;
  points: [number, number][];
  median: number | null;
  /** Survival S(t): share still unanswered after t ms. */
  at(t: number): number;
}

export function kaplanMeier(obs: { time: number; answered: boolean }[]): KmResult {
  const sorted = [...obs].sort((a, b) => a.time - b.time || Number(b.answered) - Number(a.answered));
  let atRisk = sorted.length, s = 1, events = 0;
  const points: [number, number][] = [[0, 1]];
  for (let i = 0; i < sorted.length;) {
    const t = sorted[i].time;
    let d = 0, c = 0;
    for (; i < sorted.length && sorted[i].time === t; i++) sorted[i].answered ? d++ : c++;
    if (d > 0) { s *= 1 - d / atRisk; points.push([t, s]); events += d; }
    atRisk -= d + c;
  }
  const at = (t: number) => { let v = 1; for (const [pt, ps] of points) { if (pt <= t) v = ps; else break; } return v; };
  const med = points.find(([, ps]) => ps <= 0.5);
  return { n: obs.length, events, censored: obs.length - events, points, median: med ? med[0] : null, at };
}

/** First-reply observations for every thread and every patch series. */
export function observeFirstReplies(messages: AnalysisMessage[], tr: ThreadResult, isBot: (id: string) => boolean, windowEnd: number): Observation[] {
  const out: Observation[] = [];
  const observe = (kind: "thread" | "series", key: string, root: number, members: number[]) => {
    const r = messages[root];
    if (r.date === null || isBot(r.from) || r.isBot) return;
    let best = -1;
    for (const i of members) {
      const m = messages[i];
      if (i === root || m.date === null || m.from === r.from || m.isBot || isBot(m.from)) continue;
      if (best < 0 || m.date < messages[best].date!) best = i;
    }
    const answered = best >= 0;
    const time = answered ? Math.max(0, messages[best].date! - r.date) : Math.max(0, windowEnd - r.date);
    out.push({ key, kind, start: r.date, author: r.from, lists: r.lists, time, answered,
      responder: answered ? messages[best].from : null, responderMsg: best });
  };
  for (const t of tr.threads) if (!t.rootIsPhantom) observe("thread", t.id, t.root, t.members);
  // Series: the head (cover, or first patch) and every message carrying its series id.
  const bySeries = new Map<string, number[]>();
  tr.series.forEach((s, i) => { if (s !== null) { const l = bySeries.get(s); if (l) l.push(i); else bySeries.set(s, [i]); } });
  const idx = new Map(messages.map((m, i) => [m.id, i]));
  for (const [s, members] of bySeries) {
    const head = idx.get(s);
    if (head === undefined) continue;
    // Patches of the series are not replies to it.
    const replies = members.filter((i) => !(messages[i].patch.isPatch && tr.series[i] === s) || i === head);
    observe("series", s, head, replies);
  }
  return out;
}
