// threadgraph configuration: the one file a user edits. CLI flags override it for one run.
import { defineConfig, DEFAULT_LISTS } from "./loaders/config.ts";

export default defineConfig({
  // Tracked lists: name, posting address, lore inbox URL, optional per-list sync mode.
  lists: DEFAULT_LISTS,
  // Window: an ISO date ("2024-07-01") or the last N days ("180d").
  since: "180d",
  mode: "http",
  // Identity: a git-mailmap file and a user override file (see docs/identity.md).
  // mailmap: "../shared/identity/linux.mailmap",
  store: "data/store",
});
