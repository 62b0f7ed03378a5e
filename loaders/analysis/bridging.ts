// Who bridges lists: the participation coefficient of each sender over the tracked lists
// (Guimerà & Amaral 2005, with lists as the modules), plus a minimum activity. A message reaching
// k tracked lists weighs 1/k on each (as for home lists), so a person's weights add up to their
// messages and a cross-post is not counted k times. docs/analysis.md "Bridges" explains the rule.
import type { AnalysisMessage } from "../model/corpus.ts";

/** At least this many messages (on tracked lists) before anyone can be a bridge. */
export const BRIDGE_MIN_MESSAGES = 10;
/**
 * At least this participation: 0.3 needs about 20% of one's messages off the main list
 * (80/20 gives 0.32); one message on a second list among 100 gives 0.02.
 */
export const BRIDGE_MIN_PARTICIPATION = 0.3;

export interface Bridging {
  /** Messages per list, cross-posts split 1/k over the k tracked lists they reached. */
  weights: Record<string, number>;
  /** Messages that reached at least one tracked list. */
  messages: number;
  /** 1 − Σ (w_l / W)²: 0 = one list only; 1 − 1/L = evenly over L lists. */
  participation: number;
  bridge: boolean;
}

/** Participation coefficient of a set of per-list weights (0 when empty). */
export function participation(weights: Record<string, number>): number {
  const ws = Object.values(weights);
  const total = ws.reduce((s, w) => s + w, 0);
  if (total <= 0) return 0;
  return 1 - ws.reduce((s, w) => s + (w / total) ** 2, 0);
}

/** Bridging figures for every sender with a message on a tracked list. */
export function bridging(messages: AnalysisMessage[], tracked: Set<string>,
  rule = { minMessages: BRIDGE_MIN_MESSAGES, minParticipation: BRIDGE_MIN_PARTICIPATION }): Map<string, Bridging> {
  const out = new Map<string, Bridging>();
  for (const m of messages) {
    const ls = [...new Set(m.lists)].filter((l) => tracked.has(l));
    if (!ls.length) continue;
    let b = out.get(m.from);
    if (!b) out.set(m.from, (b = { weights: Object.create(null), messages: 0, participation: 0, bridge: false }));
    b.messages++;
    for (const l of ls) b.weights[l] = (b.weights[l] ?? 0) + 1 / ls.length;
  }
  for (const b of out.values()) {
    b.participation = participation(b.weights);
    b.bridge = b.messages >= rule.minMessages && b.participation >= rule.minParticipation;
  }
  return out;
}
