// "N days" so large that the date it names is not even a JavaScript date (over 100,000,000 days)
// gets the same "outside 1970-01-01..2100-01-01" error as any far date: building that message
// called toISOString() on it and threw a bare "Invalid time value" (threadgraph analyze --since 99999999999d).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWhen, resolveWindow } from "../../loaders/model/window.ts";

test("a window start or end far outside any date: a bad-date error naming it, never 'Invalid time value'", () => {
  const now = Date.UTC(2026, 10, 30);
  for (const s of ["99999999999d", "100000001d", "9".repeat(30) + "d", "1e400d".replace("e400", "0".repeat(400)), "3000000d"]) {
    assert.throws(() => parseWhen(s, now), (e: Error) => {
      assert.doesNotMatch(e.message, /Invalid time value/, s);
      assert.match(e.message, new RegExp(`^bad date '${s.slice(0, 40)}`), s);
      // a count of days too big for a number (1e400 is Infinity) is no date at all; the others are out of range
      if (Number.isFinite(Number(s.slice(0, -1)))) assert.match(e.message, /outside 1970-01-01\.\.2100-01-01/, s);
      return true;
    });
    assert.throws(() => resolveWindow("2024-01-01", s, now), /Error: bad date/, s);
  }
  assert.equal(parseWhen("10d", now), now - 10 * 86_400_000);
});
