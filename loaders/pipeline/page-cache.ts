// Observable Framework caches data-loader output until the loader file changes; it never sees the
// store. So every change to the store (ingest commits, derived tables, analyze) drops the cached
// outputs of our loaders: a refresh followed by a build never serves stale data.
// Only our archives go (data/site.zip and everything extracted under data/site/); Framework's
// other caches (bundled npm modules) stay, so builds stay fast.
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function frameworkCacheDir(root = PROJECT_ROOT): string {
  return join(root, "src", ".observablehq", "cache");
}

/** Drop the cached outputs of our data loaders. Returns the paths removed. */
export function invalidatePageCache(root = PROJECT_ROOT): string[] {
  const data = join(frameworkCacheDir(root), "data");
  const gone: string[] = [];
  for (const p of [join(data, "site.zip"), join(data, "site")]) {
    if (existsSync(p)) { rmSync(p, { recursive: true, force: true }); gone.push(p); }
  }
  return gone;
}
