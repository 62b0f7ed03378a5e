// threadgraph configuration: the one file a user edits (`npm start` syncs these lists). CLI flags
// override it; the report window (analyze --since/--until) and the identity files (--mailmap,
// --overrides) chosen by flags are saved in the store and then take precedence over this file.
// $THREADGRAPH_CONFIG names another config file.
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
  // Identity: a git-mailmap file and a user override file, relative to this directory (see
  // docs/identity.md). Used unless a flag chose otherwise (saved in the store; --no-mailmap clears).
  // mailmap: "../shared/identity/linux.mailmap",
  // overrides: "identity.overrides",
  // Subsystems: the kernel's MAINTAINERS, a path relative to this directory or an http(s) URL
  // (fetched once a day at most, cached under data/maintainers/). --maintainers overrides it.
  // maintainers: "../shared/maintainers/MAINTAINERS",
  store: "data/store",
});
