// Config: typed defaults, merged with the user's threadgraph.config.ts, then with CLI flags.
// One place for tracked lists, window, sync mode, identity files and the store location.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TrackedList } from "./types.ts";

export type SyncMode = "git" | "http";

export interface ListConfig extends TrackedList {
  mode?: SyncMode;
}

export interface ThreadgraphConfig {
  lists: ListConfig[];
  /** ISO date, or "180d" for the last N days. */
  since: string;
  until?: string;
  mode: SyncMode;
  mailmap?: string;
  overrides?: string;
  store: string;
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
};

/** Helper for threadgraph.config.ts so users get type checking. */
export function defineConfig(c: Partial<ThreadgraphConfig>): Partial<ThreadgraphConfig> {
  return c;
}

/** Load threadgraph.config.ts from `root` (default cwd) over the defaults. */
export async function loadConfig(root = process.cwd()): Promise<ThreadgraphConfig> {
  const file = resolve(root, "threadgraph.config.ts");
  if (!existsSync(file)) return { ...DEFAULT_CONFIG };
  const mod = await import(pathToFileURL(file).href);
  const user: Partial<ThreadgraphConfig> = mod.default ?? {};
  return { ...DEFAULT_CONFIG, ...user };
}
