// threadgraph configuration: the one file a user edits. CLI flags override it for one run.
import { defineConfig, DEFAULT_LISTS } from "./loaders/config.ts";

export default defineConfig({
  // Tracked lists: name, posting address, inbox URL (default https://lore.kernel.org/<name>/),
  // optional per-list sync mode. E.g. { ...DEFAULT_LISTS[1], mode: "http" } keeps netdev on search.
  lists: DEFAULT_LISTS,
  // Window: an ISO date ("2024-07-01") or the last N days ("180d"); `until` (exclusive) is optional.
  since: "180d",
  // Sync mode for lists without their own: "git" mirrors the needed public-inbox epochs under
  // `archives`; "http" fetches the window as date slices of search results (mbox.gz).
  mode: "http",
  archives: "data/archives",
  // Identity: a git-mailmap file and a user override file (see docs/identity.md).
  // mailmap: "../shared/identity/linux.mailmap",
  store: "data/store",
});
