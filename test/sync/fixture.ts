// Shared setup for the sync tests: real inboxes (cached builds), a real server, and helpers to
// run a sync into a temp store and read a store's content back for comparison.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildInbox, SHARED, type BuiltInbox, type InboxSpec } from "../helpers/public-inbox-server.ts";
import { sync, type SyncOptions, type SyncResult } from "../../loaders/sync/index.ts";
import { openStore } from "../../loaders/store/store.ts";
import type { SyncMode } from "../../loaders/config.ts";
import { resolveWindow } from "../../loaders/model/window.ts";
import { ProgressReporter } from "../../loaders/sync/progress.ts";

export const KSUMMIT = { name: "ksummit", address: "ksummit@lists.linux.dev", epochsFrom: join(SHARED, "archives/ksummit.lists.linux.dev") };
/** linux-cxl's 2024-h2 corpus as a two-epoch inbox (epoch 1 starts with October's mail). */
export const CXL = {
  name: "linux-cxl", address: "linux-cxl@vger.kernel.org",
  mboxes: [join(SHARED, "corpus/2024-h2/linux-cxl.mbox.gz")], epochSplits: [Date.parse("2024-10-01T00:00:00Z")],
};

/** The other two 2024-h2 corpus lists as one-epoch inboxes (the corpus-scale test and the sync bench share these builds). */
export const NETDEV = { name: "netdev", address: "netdev@vger.kernel.org", mboxes: [join(SHARED, "corpus/2024-h2/netdev.mbox.gz")] };
export const RDMA = { name: "linux-rdma", address: "linux-rdma@vger.kernel.org", mboxes: [join(SHARED, "corpus/2024-h2/linux-rdma.mbox.gz")] };
/** The whole 2024-h2 corpus, one inbox per list. */
export const CORPUS_SPECS: InboxSpec[] = [CXL, NETDEV, RDMA];

export const ksummitInbox = (): Promise<BuiltInbox> => buildInbox(KSUMMIT);
export const cxlInbox = (): Promise<BuiltInbox> => buildInbox(CXL);

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `tg-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const quiet = new ProgressReporter({ write: () => true, isTTY: false });

export async function runSync(p: {
  store: string; archives?: string; list: string; address?: string; inbox: string; mode: SyncMode;
  since: string; until?: string; extra?: Partial<SyncOptions>;
}): Promise<SyncResult> {
  return sync({
    store: p.store, archives: p.archives ?? join(p.store, "..", "archives"),
    lists: [{ name: p.list, address: p.address ?? `${p.list}@example.invalid`, inbox: p.inbox }],
    window: resolveWindow(p.since, p.until), defaultMode: p.mode, progress: quiet,
    http: { backoffMs: 50, maxBackoffMs: 2000, ...(p.extra?.http ?? {}) },
    ...p.extra,
  });
}

/** The store's messages as sorted "message_id content_hash" lines: equal stores give equal arrays. */
export async function storeContent(dir: string): Promise<string[]> {
  const s = await openStore(dir);
  try {
    const rows = await s.query<{ k: string }>("SELECT message_id || ' ' || content_hash AS k FROM messages ORDER BY k");
    return rows.map((r) => r.k);
  } finally {
    await s.close();
  }
}

/** d:YYYYMMDD..YYYYMMDD (inclusive days) of a lore search URL, as [from, to) ms. */
export function searchRange(url: string): [number, number] {
  const q = decodeURIComponent(/[?&]q=([^&]*)/.exec(url)?.[1] ?? "");
  const m = /d:(\d{8})\.\.(\d{8})?/.exec(q);
  if (!m) throw new Error(`unexpected search ${url} (${q})`);
  const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)));
  return [day(m[1]), m[2] ? day(m[2]) + 86_400_000 : Infinity];
}
