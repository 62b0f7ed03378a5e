import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { frameworkCacheDir, invalidatePageCache } from "../../loaders/pipeline/page-cache.ts";
import { tempDir } from "./helpers.ts";

test("invalidatePageCache drops only our loader archives and their extracted files", () => {
  const t = tempDir();
  try {
    const cache = join(frameworkCacheDir(t.dir), "data");
    assert.equal(cache, join(t.dir, "src/.observablehq/cache/data"));
    assert.deepEqual(invalidatePageCache(t.dir), [], "absence is fine");
    mkdirSync(join(cache, "site", "person"), { recursive: true });
    writeFileSync(join(cache, "site.zip"), "z");
    writeFileSync(join(cache, "site", "person", "k.json"), "{}");
    writeFileSync(join(cache, "other.json"), "{}");
    mkdirSync(join(frameworkCacheDir(t.dir), "_node"), { recursive: true });
    assert.equal(invalidatePageCache(t.dir).length, 2);
    assert.equal(existsSync(join(cache, "site.zip")), false);
    assert.equal(existsSync(join(cache, "site")), false);
    assert.equal(existsSync(join(cache, "other.json")), true, "other loaders' outputs stay");
    assert.equal(existsSync(join(frameworkCacheDir(t.dir), "_node")), true, "bundled modules stay");
  } finally {
    t.cleanup();
  }
});
