// Threading stage: JWZ threads, patch series, per-thread summaries.
import type { AnalysisMessage } from "../model/corpus.ts";
import { threadMessages, type Threading } from "./jwz.ts";
import { linkSeries } from "./series.ts";
import { summarizeThreads, type ThreadSummary } from "./summary.ts";

export type { Threading, ThreadingStats } from "./jwz.ts";
export type { ThreadSummary } from "./summary.ts";
export { threadMessages, cleanRefs } from "./jwz.ts";
export { linkSeries } from "./series.ts";
export { depthOrder } from "./depth-order.ts";

export interface ThreadResult {
  threading: Threading;
  /** Series id per message index. */
  series: (string | null)[];
  threads: ThreadSummary[];
  /** Thread summary index per thread id. */
  threadIndex: Map<string, number>;
}

export function buildThreads(messages: AnalysisMessage[]): ThreadResult {
  const threading = threadMessages(messages);
  const series = linkSeries(messages, threading);
  const threads = summarizeThreads(messages, threading, series);
  const threadIndex = new Map(threads.map((t, i) => [t.id, i]));
  return { threading, series, threads, threadIndex };
}

const threadsOf = new WeakMap<ThreadResult, Int32Array>();

/**
 * Per message index, the index of its thread summary in `threads` (what threadIndex.get(threadId[i])
 * gives, without a string lookup per message); made once per result.
 */
export function threadIndexOf(tr: Pick<ThreadResult, "threads" | "threading">): Int32Array {
  let out = threadsOf.get(tr as ThreadResult);
  if (out) return out;
  out = new Int32Array(tr.threading.threadId.length).fill(-1);
  tr.threads.forEach((t, k) => { for (const i of t.members) out![i] = k; });
  threadsOf.set(tr as ThreadResult, out);
  return out;
}
