// Parse stage entry points. parseMessage is synchronous and pure; parseStream keeps order and
// turns every source item into {item, parsed} or {item, error} (never throws per message).
import type { ParsedMessage, SourceItem } from "../model/records.ts";
import { parseOnWorkers } from "./pool.ts";
import { parseMessage, ParseError, type ParseContext } from "./message.ts";

export { parseMessage, ParseError, type ParseContext } from "./message.ts";

export type ParsedItem =
  /** A message or delete item, parsed (deletes are parsed so the store knows which id). */
  | { item: SourceItem; parsed: ParsedMessage; error?: undefined }
  /** A source error item, or a message parse could not use: record it, keep going. */
  | { item: SourceItem; parsed?: undefined; error: string };

export function parseItem(item: SourceItem, ctx: ParseContext): ParsedItem {
  if (item.kind === "error") return { item, error: item.reason };
  if (item.kind === "stored") return { item, error: "already stored" }; // nothing to parse: the store only moves the cursor
  if (item.kind === "advance") return { item, error: "no message here" }; // likewise
  const c: ParseContext = {
    trackedLists: ctx.trackedLists,
    archiveList: item.provenance.list ?? ctx.archiveList,
    fallbackDate: item.kind === "message" ? item.fallbackDate ?? ctx.fallbackDate : ctx.fallbackDate,
  };
  try {
    return { item, parsed: parseMessage(item.bytes, c) };
  } catch (e) {
    const reason = e instanceof ParseError ? e.reason : `parser failure: ${(e as Error).message}`;
    return { item, error: reason };
  }
}

export interface ParseStreamOptions {
  /** Worker threads to parse on; 0 parses in this thread. Default: see defaultWorkers(). */
  workers?: number;
  /** Items parsed in this thread before workers start (small inputs never pay worker start-up). */
  warmup?: number;
}

/**
 * In this thread unless asked: measured on the 2-core dev machine, one or two workers made
 * netdev slower (6.3-7.8 s vs 3.1-4.7 s in-thread): each worker parses cold (a fresh JIT per
 * stream) and results are structured-cloned back. THREADGRAPH_PARSE_WORKERS=N turns them on.
 */
function defaultWorkers(): number {
  const env = process.env.THREADGRAPH_PARSE_WORKERS;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : 0;
}

/**
 * Parse a stream of source items, in order. A source failure (thrown) propagates after every
 * item read before it has been yielded.
 */
export async function* parseStream(
  items: AsyncIterable<SourceItem>, ctx: ParseContext, opts: ParseStreamOptions = {},
): AsyncGenerator<ParsedItem> {
  const workers = opts.workers ?? defaultWorkers();
  const warmup = opts.warmup ?? 1000;
  const it = items[Symbol.asyncIterator]();
  let finished = false;
  try {
    let n = 0;
    for (;;) {
      if (workers > 0 && n >= warmup) break;
      const r = await it.next();
      if (r.done) {
        finished = true;
        return;
      }
      n++;
      yield parseItem(r.value, ctx);
    }
    yield* parseOnWorkers(it, workers, ctx.trackedLists, (item) => parseItem(item, ctx), {
      archiveList: ctx.archiveList,
      fallbackDate: ctx.fallbackDate,
    });
    finished = true;
  } finally {
    // the consumer stopped early (or we failed): let the source close its files and processes
    if (!finished) await it.return?.(undefined).catch(() => undefined);
  }
}
