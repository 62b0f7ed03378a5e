// Order-preserving parse pipeline over worker threads: the main thread keeps reading the
// source (and gunzip runs on libuv's pool) while workers parse batches. Batches are packed
// into one buffer and transferred (the items keep their own bytes). A worker that fails
// makes its batches fall back to parsing in this thread, so a crash never loses messages.
import { Worker } from "node:worker_threads";
import { withoutBytes, type SourceItem, type TrackedList } from "../model/records.ts";
import type { BatchRequest, WorkerResult } from "./worker.ts";
import type { ParsedItem } from "./index.ts";

/** Counters for tests and diagnostics: batches parsed on workers, and those that fell back. */
export const poolStats = { batches: 0, fallbacks: 0 };

const BATCH_ITEMS = 200;
const BATCH_BYTES = 4 << 20;

type Parse1 = (item: SourceItem) => ParsedItem;

class ParseWorker {
  private w: Worker;
  private waiting = new Map<number, { resolve: (r: WorkerResult[]) => void; reject: (e: Error) => void }>();
  private broken: Error | null = null;

  constructor(trackedLists: TrackedList[]) {
    this.w = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { trackedLists },
      // V8's default young generation, not the 128 MB semi-spaces the process runs with (node-flags.ts): parsing keeps little alive.
      resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    this.w.on("message", (m: { id: number; results: WorkerResult[] }) => {
      this.waiting.get(m.id)?.resolve(m.results);
      this.waiting.delete(m.id);
    });
    const fail = (e: Error) => {
      this.broken = e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.w.on("error", fail);
    this.w.on("exit", (code) => code !== 0 && fail(new Error(`parse worker exited with ${code}`)));
  }

  run(req: BatchRequest): Promise<WorkerResult[]> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      this.w.postMessage(req, [req.buf]);
    });
  }

  close(): Promise<number> {
    return this.w.terminate();
  }
}

function pack(id: number, items: SourceItem[]): BatchRequest {
  let total = 0;
  for (const it of items) if (!withoutBytes(it)) total += it.bytes.length;
  const buf = Buffer.allocUnsafeSlow(total); // its own ArrayBuffer, safe to transfer
  const offsets: number[] = [];
  const meta: BatchRequest["meta"] = [];
  let o = 0;
  for (const it of items) {
    if (withoutBytes(it)) {
      offsets.push(-1, -1);
      meta.push({});
      continue;
    }
    it.bytes.copy(buf, o);
    offsets.push(o, o + it.bytes.length);
    o += it.bytes.length;
    meta.push({ archiveList: it.provenance.list, fallbackDate: it.kind === "message" ? it.fallbackDate : undefined });
  }
  return { id, buf: buf.buffer as ArrayBuffer, offsets, meta };
}

/** Parse `items` on `n` workers, yielding results in input order. */
export async function* parseOnWorkers(
  items: AsyncIterator<SourceItem>, n: number, trackedLists: TrackedList[], parseHere: Parse1, defaults: { archiveList?: string; fallbackDate?: number },
): AsyncGenerator<ParsedItem> {
  const workers = Array.from({ length: n }, () => new ParseWorker(trackedLists));
  const inFlight: Promise<ParsedItem[]>[] = [];
  let seq = 0;
  const send = (batch: SourceItem[]) => {
    const w = workers[seq % n];
    const req = pack(seq++, batch);
    for (let i = 0; i < batch.length; i++) {
      // the source tag wins; else the stream's defaults (as parseItem does in-thread)
      const m = req.meta[i];
      if (m.archiveList === undefined && defaults.archiveList !== undefined) m.archiveList = defaults.archiveList;
      if (m.fallbackDate === undefined && defaults.fallbackDate !== undefined) m.fallbackDate = defaults.fallbackDate;
    }
    inFlight.push(
      w.run(req).then(
        (res) => (poolStats.batches++, batch).map((item, i): ParsedItem => {
          const r = res[i];
          if (withoutBytes(item) || r === null) return parseHere(item);
          return r.p ? { item, parsed: r.p } : { item, error: r.e! };
        }),
        () => (poolStats.fallbacks++, batch).map(parseHere), // worker died: parse here
      ),
    );
  };
  let batch: SourceItem[] = [];
  let bytes = 0;
  let failure: unknown = null;
  try {
    for (;;) {
      let r: IteratorResult<SourceItem>;
      try {
        r = await items.next();
      } catch (e) {
        failure = e; // deliver everything read before the source failed, then rethrow
        break;
      }
      if (r.done) break;
      batch.push(r.value);
      if (!withoutBytes(r.value)) bytes += r.value.bytes.length;
      if (batch.length >= BATCH_ITEMS || bytes >= BATCH_BYTES) {
        send(batch);
        batch = [];
        bytes = 0;
      }
      while (inFlight.length >= 2 * n) yield* await inFlight.shift()!;
    }
    if (batch.length) send(batch);
    while (inFlight.length) yield* await inFlight.shift()!;
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
