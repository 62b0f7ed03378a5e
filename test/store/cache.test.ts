import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { frameworkCacheDir, invalidateFrameworkCache } from "../../loaders/store/cache.ts";
import { tempDir } from "./helpers.ts";

test("the Framework loader cache is deleted when present, and absence is fine", () => {
  const t = tempDir();
  try {
    const dir = frameworkCacheDir(t.dir);
    assert.equal(dir, join(t.dir, "src/.observablehq/cache"));
    assert.equal(invalidateFrameworkCache(t.dir), false);
    mkdirSync(join(dir, "data"), { recursive: true });
    writeFileSync(join(dir, "data", "stale.json"), "{}");
    assert.equal(invalidateFrameworkCache(t.dir), true);
    assert.equal(existsSync(dir), false);
    assert.ok(existsSync(join(t.dir, "src")), "only the cache goes");
  } finally {
    t.cleanup();
  }
});
