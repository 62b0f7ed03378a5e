// Time to first reply and Kaplan–Meier survival. A thread (or patch series) is "answered" by the
// first message from someone who is neither its author nor a bot. Unanswered ones are censored
// at the end of observation of the lists they reached (the earliest such end: after it, a reply
// could have happened unseen), not at the store's last date. Threads whose root is missing (phantom) or whose author is a bot, or
// whose start date is unknown, are left out: their start is not known or not human.
import { authorOf, type AnalysisMessage } from "../model/corpus.ts";
import type { ThreadResult } from "../thread/index.ts";
import { messageIndex } from "../model/message-index.ts";

export interface Observation {
  key: string;               // thread id or series id
  kind: "thread" | "series";
  start: number;
  author: string;            // the root's author (a forwarded patch's in-body author)
  lists: string[];
  /** ms to the first reply, or to the window end when censored. */
  time: number;
  answered: boolean;
  responder: string | null;
  responderMsg: number;      // message index of the first reply, -1 if none
}

/** One event time of a KM estimate: at risk just before t, events and censorings at t, S(t) and its 95% band. */
export interface KmStep { t: number; atRisk: number; events: number; censored: number; s: number; lo: number; hi: number }

export interface KmResult {
  n: number; events: number; censored: number;
  points: [number, number][];
  /**
   * Every time with an event or a censoring, with its 95% band (below) and number at risk.
   */
  steps: KmStep[];
  /**
   * 95% confidence band per step of `points` (same times): [t, low, high], Greenwood's variance on
   * the log(-log S) scale (bounds stay in [0, 1]); [t, 1, 1] before the first event, [t, 0, 0] once S is 0.
   */
  band: [number, number, number][];
  /** Number at risk just before each step of `points` (the first: everyone). */
  atRisk: number[];
  median: number | null;
  /** Survival S(t): share still unanswered after t ms. */
  at(t: number): number;
  /** Number still at risk (neither answered nor censored) just after t ms. */
  riskAt(t: number): number;
}

const Z95 = 1.959964;

export function kaplanMeier(obs: { time: number; answered: boolean }[]): KmResult {
  const sorted = [...obs].sort((a, b) => a.time - b.time || Number(b.answered) - Number(a.answered));
  let atRisk = sorted.length, s = 1, events = 0, greenwood = 0;
  const points: [number, number][] = [[0, 1]];
  const steps: KmStep[] = [];
  const band: [number, number, number][] = [[0, 1, 1]];
  const risk: number[] = [sorted.length];
  // Steps of the number at risk (after each distinct time), for riskAt().
  const riskSteps: [number, number][] = [];
  for (let i = 0; i < sorted.length;) {
    const t = sorted[i].time;
    let d = 0, c = 0;
    for (; i < sorted.length && sorted[i].time === t; i++) sorted[i].answered ? d++ : c++;
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += d < atRisk ? d / (atRisk * (atRisk - d)) : Infinity;
      points.push([t, s]); band.push([t, ...logLogBand(s, greenwood)]); risk.push(atRisk);
      events += d;
    }
    const [lo, hi] = logLogBand(s, greenwood);
    steps.push({ t, atRisk, events: d, censored: c, s, lo, hi });
    atRisk -= d + c;
    riskSteps.push([t, atRisk]);
  }
  const at = (t: number) => { let v = 1; for (const [pt, ps] of points) { if (pt <= t) v = ps; else break; } return v; };
  const riskAt = (t: number) => { let v = sorted.length; for (const [pt, n] of riskSteps) { if (pt <= t) v = n; else break; } return v; };
  const med = points.find(([, ps]) => ps <= 0.5);
  return { n: obs.length, events, censored: obs.length - events, points, steps, band, atRisk: risk, median: med ? med[0] : null, at, riskAt };
}

/** 95% interval of S from Greenwood's sum, on the log(-log) scale (Kalbfleisch & Prentice). */
function logLogBand(s: number, greenwood: number): [number, number] {
  if (s <= 0 || !Number.isFinite(greenwood)) return [0, 0];
  if (s >= 1) return [1, 1];
  const ll = Math.log(-Math.log(s));
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
  // S = exp(-exp(ll)): a larger ll means a smaller S.
  return [Math.exp(-Math.exp(ll + Z95 * se)), Math.exp(-Math.exp(ll - Z95 * se))];
}

/**
 * End of observation per list. A list with its own source (`ownLists`, e.g. the netdev mbox for
 * netdev) ends at the latest message read from it, so that a few later cross-posts seen through
 * another list's archive do not stretch it. A list without one is observed as long as the sources
 * that carried its messages are (messages without `sources` count as one unnamed source).
 * `cap` (an analysis window's end) bounds every list's end.
 */
export function listObservationEnds(messages: AnalysisMessage[], ownLists: (i: number) => readonly string[], cap?: number): Map<string, number> {
  const own = new Map<string, number>(), bySource = new Map<string, number>(), carriers = new Map<string, Set<string>>();
  // Indexed loops, no closure per message: this runs over every message of the corpus.
  const unnamed = [""];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i], d = m.date;
    if (d === null) continue;
    const srcs = m.sources?.length ? m.sources : unnamed;
    for (let j = 0; j < srcs.length; j++) if (!(bySource.get(srcs[j])! >= d)) bySource.set(srcs[j], d);
    for (let k = 0; k < m.lists.length; k++) {
      let c = carriers.get(m.lists[k]);
      if (!c) carriers.set(m.lists[k], (c = new Set()));
      for (let j = 0; j < srcs.length; j++) c.add(srcs[j]);
    }
    const ls = ownLists(i);
    for (let k = 0; k < ls.length; k++) if (!(own.get(ls[k])! >= d)) own.set(ls[k], d);
  }
  const out = new Map<string, number>();
  for (const [l, srcs] of carriers) {
    const end = own.get(l) ?? Math.max(...[...srcs].map((x) => bySource.get(x)!));
    out.set(l, Math.min(end, cap ?? Infinity));
  }
  return out;
}

/** Censoring time for a thread reaching `lists`: the earliest end among them, else `fallback`. */
export function censorAtListEnds(ends: Map<string, number>, fallback: number): (lists: string[]) => number {
  return (lists) => {
    let e = Infinity;
    for (const l of lists) { const d = ends.get(l); if (d !== undefined && d < e) e = d; }
    return e === Infinity ? fallback : e;
  };
}

/**
 * First-reply observations for every thread and every patch series. `censorAt` gives the
 * censoring time of an unanswered one from the lists it reached (a number: one end for all).
 */
export function observeFirstReplies(messages: AnalysisMessage[], tr: ThreadResult, isBot: (id: string) => boolean,
  censorAt: number | ((lists: string[]) => number)): Observation[] {
  const out: Observation[] = [];
  const end = typeof censorAt === "number" ? () => censorAt : censorAt;
  const reached = (members: number[]) => { const s = new Set<string>(); for (const i of members) for (const l of messages[i].lists) s.add(l); return [...s]; };
  const observe = (kind: "thread" | "series", key: string, root: number, members: number[], all = members) => {
    const r = messages[root];
    if (r.date === null || isBot(r.from) || r.isBot) return;
    // Neither the patch's author nor the maintainer who forwarded it answers it.
    const author = authorOf(r);
    let best = -1;
    for (const i of members) {
      const m = messages[i];
      if (i === root || m.date === null || m.from === r.from || m.from === author || m.isBot || isBot(m.from)) continue;
      if (best < 0 || m.date < messages[best].date!) best = i;
    }
    const answered = best >= 0;
    const time = answered ? Math.max(0, messages[best].date! - r.date) : Math.max(0, end(reached(all)) - r.date);
    out.push({ key, kind, start: r.date, author, lists: r.lists, time, answered,
      responder: answered ? messages[best].from : null, responderMsg: best });
  };
  for (const t of tr.threads) if (!t.rootIsPhantom) observe("thread", t.id, t.root, t.members);
  // Series: the head (cover, or first patch) and every message carrying its series id.
  const bySeries = new Map<string, number[]>();
  tr.series.forEach((s, i) => { if (s !== null) { const l = bySeries.get(s); if (l) l.push(i); else bySeries.set(s, [i]); } });
  const idx = messageIndex(messages);
  for (const [s, members] of bySeries) {
    const head = idx.get(s);
    if (head === undefined) continue;
    // Patches of the series are not replies to it.
    const replies = members.filter((i) => !(messages[i].patch.isPatch && tr.series[i] === s) || i === head);
    observe("series", s, head, replies, members);
  }
  return out;
}
