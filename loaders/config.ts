// Config: typed defaults, merged with the user's threadgraph.config.ts, then with CLI flags.
// One place for tracked lists, window, sync mode, identity files and the store location.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TrackedList } from "./model/records.ts";

export type SyncMode = "git" | "http";

export interface ListConfig extends TrackedList {
  mode?: SyncMode;
  /** Other addresses (or names) the list's mail is addressed to, e.g. an old list address; see docs/sync.md. */
  aliases?: string[];
}

export interface ThreadgraphConfig {
  lists: ListConfig[];
  /** ISO date, or "180d" for the last N days. */
  since: string;
  until?: string;
  mode: SyncMode;
  mailmap?: string;
  overrides?: string;
  /** The kernel's MAINTAINERS file (path relative to this file, or an http(s) URL fetched once and cached under data/maintainers/): subsystems and roles (docs/maintainers.md). */
  maintainers?: string;
  store: string;
  /** git mode mirrors: <archives>/<list>/git/N.git. */
  archives?: string;
  /** Tuning for `threadgraph sync` (rarely needed; see docs/sync.md). */
  sync?: SyncTuning;
  /** Report window for `threadgraph analyze` and the pages (ISO dates or "N days" like 180d, until exclusive); default all data. A window saved by `analyze --since/--until` takes precedence (docs/schema.md settings.json). */
  window?: { since?: string; until?: string };
  /** Deprecated, ignored by the page artifacts: every thread and person now has page data (docs/analysis.md). */
  details?: DetailCaps;
}

export interface DetailCaps {
  /** Person pages: the most active non-bot people with at least `personMinMessages`, at most this many. Default 300. */
  people?: number;
  /** Default 5. */
  personMinMessages?: number;
  /** Thread pages: the N biggest threads (default 150) ... */
  threads?: number;
  /** ... plus the N biggest cross-posted ones with 3+ messages (default 100), plus every fetched thread. */
  crossPosted?: number;
}

export interface SyncTuning {
  /** A search slice returning this many messages is treated as capped and split. Default 5000. */
  maxPerSlice?: number;
  /** First slice width in days; slices then adapt to the list's traffic. Default 7. */
  sliceDays?: number;
  /** A refresh re-reads this many days before the last fetched slice. Default 3. */
  overlapDays?: number;
  /** Requests in flight per host, at most 2 (lore's guidance). */
  perHost?: 1 | 2;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Longest time one request may take, connect to last byte (a drip-feeding server is cut). Default 300000. */
  requestDeadlineMs?: number;
  /** Most bytes of one response, received and decompressed; a bigger search slice is split. Default 32 MiB. */
  maxResponseBytes?: number;
  retries?: number;
  /** git mode: most bytes one clone or fetch of an epoch may bring; past it git is stopped and the epoch fails. Default 4 GiB. */
  maxEpochBytes?: number;
}

export const DEFAULT_LISTS: ListConfig[] = ["linux-cxl", "netdev", "linux-rdma"].map((name) => ({
  name,
  address: `${name}@vger.kernel.org`,
  inbox: `https://lore.kernel.org/${name}/`,
}));

export const DEFAULT_CONFIG: ThreadgraphConfig = {
  lists: DEFAULT_LISTS,
  since: "180d",
  mode: "http",
  store: "data/store",
  archives: "data/archives",
};

/** A list's inbox URL: its own, or lore's. Always ends with '/'. */
export function inboxUrl(l: Pick<ListConfig, "name" | "inbox">): string {
  const u = l.inbox ?? `https://lore.kernel.org/${l.name}/`;
  return u.endsWith("/") ? u : `${u}/`;
}

/** Helper for threadgraph.config.ts so users get type checking. */
export function defineConfig(c: Partial<ThreadgraphConfig>): Partial<ThreadgraphConfig> {
  return c;
}

/** The config file: $THREADGRAPH_CONFIG when set (e.g. a test's lists), else `root`/threadgraph.config.ts. */
export function configFile(root = process.cwd()): string {
  return process.env.THREADGRAPH_CONFIG ? resolve(process.env.THREADGRAPH_CONFIG) : resolve(root, "threadgraph.config.ts");
}

/** Load the config file (see configFile) over the defaults. A missing $THREADGRAPH_CONFIG is an error, not the defaults. */
export async function loadConfig(root = process.cwd()): Promise<ThreadgraphConfig> {
  const file = configFile(root);
  if (!existsSync(file)) {
    if (process.env.THREADGRAPH_CONFIG) throw new Error(`THREADGRAPH_CONFIG=${process.env.THREADGRAPH_CONFIG}: no such file`);
    return { ...DEFAULT_CONFIG };
  }
  const mod = await import(pathToFileURL(file).href);
  const user: Partial<ThreadgraphConfig> = mod.default ?? {};
  return { ...DEFAULT_CONFIG, ...user };
}

/**
 * The one way to find the store: --store flag > env THREADGRAPH_STORE > threadgraph.config.ts
 * `store` > data/store. Absolute path. Pass `cfg` when it is already loaded.
 */
export async function resolveStoreDir(flag?: string, cfg?: Pick<ThreadgraphConfig, "store">): Promise<string> {
  const env = process.env.THREADGRAPH_STORE;
  return resolve(flag || env || (cfg ?? (await loadConfig())).store || DEFAULT_CONFIG.store);
}
