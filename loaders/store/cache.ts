// Observable Framework caches data-loader output and does not notice store changes, so every
// store commit made by ingest drops that cache (a refresh followed by a build never serves stale data).
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function frameworkCacheDir(root = PROJECT_ROOT): string {
  return join(root, "src", ".observablehq", "cache");
}

/** Delete the Framework loader cache if present. Returns whether something was deleted. */
export function invalidateFrameworkCache(root = PROJECT_ROOT): boolean {
  const dir = frameworkCacheDir(root);
  if (!existsSync(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}
