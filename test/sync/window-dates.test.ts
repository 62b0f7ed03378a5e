// Window dates: a day the month lacks (2024-02-30, which Date.parse rolls over to 1 March) and a
// window outside 1970..2100 (year 0, "99999d": thousands of slice requests of nothing) are usage
// errors, before anything is fetched or stored; real days, leap days and ISO times still parse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseWhen, resolveWindow } from "../../loaders/model/window.ts";
import { cli } from "../helpers/cli-in-process.ts";
import { tempDir } from "./fixture.ts";

test("window dates: impossible days and years outside 1970..2100 are refused", async () => {
  const now = Date.UTC(2026, 10, 30);
  assert.throws(() => parseWhen("2024-02-30", now), /no such day \(2024-02-30 is not in the calendar\)/);
  assert.throws(() => parseWhen("2023-02-29", now), /no such day/);
  assert.throws(() => parseWhen("2024-04-31T10:00:00Z", now), /no such day/);
  assert.throws(() => parseWhen("0000-01-01", now), /outside 1970-01-01\.\.2100-01-01/);
  assert.throws(() => parseWhen("99999d", now), /1753-\d\d-\d\d is outside/);
  assert.throws(() => parseWhen("9999-12-31", now), /outside/);
  assert.equal(parseWhen("2024-02-29", now), Date.UTC(2024, 1, 29));
  assert.equal(parseWhen("2024-07-01T23:00:00-05:00", now), Date.UTC(2024, 6, 2, 4));
  assert.equal(parseWhen("180d", now), now - 180 * 86_400_000);
  assert.deepEqual(resolveWindow("2024-07-01", "2025-01-01", now), { since: Date.UTC(2024, 6, 1), until: Date.UTC(2025, 0, 1) });

  const t = tempDir("window-dates");
  try {
    const store = join(t.dir, "store");
    const r = await cli(["sync", "--store", store, "--mode", "http", "--list", "zoo=http://127.0.0.1:9/zoo/", "--since", "0000-01-01", "--until", "0001-01-01"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad date '0000-01-01'/);
    assert.equal(existsSync(store), false);
  } finally {
    t.cleanup();
  }
});
