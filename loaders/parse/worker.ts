// Parse worker: receives batches of raw messages packed in one transferred buffer, returns
// ParsedMessage records (or error reasons) in the same order. See pool.ts.
import { parentPort, workerData } from "node:worker_threads";
import { parseMessage, ParseError, type ParseContext } from "./message.ts";
import type { TrackedList } from "../model/records.ts";

export interface BatchRequest {
  id: number;
  buf: ArrayBuffer;
  /** [start, end) of each message in buf; -1,-1 for a slot the main thread handles. */
  offsets: number[];
  meta: { archiveList?: string; fallbackDate?: number }[];
}

export type WorkerResult = { p: ReturnType<typeof parseMessage>; e?: undefined } | { p?: undefined; e: string } | null;

const trackedLists = (workerData as { trackedLists: TrackedList[] }).trackedLists;

parentPort!.on("message", (req: BatchRequest) => {
  const buf = Buffer.from(req.buf);
  const results: WorkerResult[] = [];
  for (let i = 0; i < req.meta.length; i++) {
    const s = req.offsets[2 * i];
    if (s < 0) {
      results.push(null);
      continue;
    }
    const ctx: ParseContext = { trackedLists, ...req.meta[i] };
    try {
      results.push({ p: parseMessage(buf.subarray(s, req.offsets[2 * i + 1]), ctx) });
    } catch (e) {
      results.push({ e: e instanceof ParseError ? e.reason : `parser failure: ${(e as Error).message}` });
    }
  }
  parentPort!.postMessage({ id: req.id, results });
});
