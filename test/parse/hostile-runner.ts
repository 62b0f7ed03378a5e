// Worker side of test/parse/hostile.test.ts: runs every hostile case, reporting each start (so
// the test can name a case that hangs) and each result with its time.
import { parentPort } from "node:worker_threads";
import { HOSTILE_MESSAGES, hostileCalls } from "./hostile-cases.ts";
import { parseMessage } from "../../loaders/parse/index.ts";

export interface HostileReport {
  name: string;
  ms?: number;
  /** For messages: a few parsed fields to check the parse is sane. */
  summary?: { messageId: string; fromEmail: string; references: number; trailers: number; to: number; flags: string[] };
  error?: string;
}

const post = (r: HostileReport) => parentPort!.postMessage(r);

for (const c of HOSTILE_MESSAGES) {
  const bytes = c.bytes();
  post({ name: c.name });
  const t = performance.now();
  try {
    const m = parseMessage(bytes, { trackedLists: [] });
    const ms = performance.now() - t;
    post({ name: c.name, ms, summary: { messageId: m.messageId, fromEmail: m.from.email, references: m.references.length, trailers: m.trailers.length, to: m.to.length, flags: m.flags } });
  } catch (e) {
    post({ name: c.name, ms: performance.now() - t, error: (e as Error).message });
  }
}
const calls = hostileCalls();
for (const c of calls) {
  post({ name: c.name });
  const t = performance.now();
  try {
    c.run();
    post({ name: c.name, ms: performance.now() - t });
  } catch (e) {
    post({ name: c.name, ms: performance.now() - t, error: (e as Error).message });
  }
}
post({ name: "" }); // done
