import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDate, newestReceived } from "../../loaders/parse/dates.ts";

const utc = (...a: [number, number, number, number, number, number]) => Date.UTC(...a);

test("dates: RFC 5322 with numeric zones", () => {
  assert.equal(parseDate("Tue, 16 Jul 2024 10:20:30 +0200"), utc(2024, 6, 16, 8, 20, 30));
  assert.equal(parseDate("16 Jul 2024 10:20:30 -0730"), utc(2024, 6, 16, 17, 50, 30));
  assert.equal(parseDate("Tue, 16 Jul 2024 10:20:30 +0000 (UTC)"), utc(2024, 6, 16, 10, 20, 30));
});

test("dates: obsolete forms: named zones, 2-digit years, no seconds, no zone", () => {
  assert.equal(parseDate("Tue, 16 Jul 24 10:20:30 PDT"), utc(2024, 6, 16, 17, 20, 30));
  assert.equal(parseDate("Tue, 16 Jul 2024 10:20 GMT"), utc(2024, 6, 16, 10, 20, 0));
  assert.equal(parseDate("Tue, 16 Jul 2024 10:20:30"), utc(2024, 6, 16, 10, 20, 30));
  assert.equal(parseDate("Tue,16 July 2024 10:20:30 +0100"), utc(2024, 6, 16, 9, 20, 30));
});

test("dates: garbage and impossible dates are null", () => {
  assert.equal(parseDate("yesterday"), null);
  assert.equal(parseDate(""), null);
  assert.equal(parseDate(undefined), null);
  assert.equal(parseDate("Thu, 01 Jan 1970 00:00:00 +0000"), null); // epoch zero: a broken client
  assert.equal(parseDate("Mon, 1 Jan 2999 00:00:00 +0000"), null);
});

test("dates: newest Received date wins", () => {
  assert.equal(
    newestReceived(["from a by b; Tue, 16 Jul 2024 10:00:00 +0000", "from c by a with x; Tue, 16 Jul 2024 09:00:00 -0200", "no date here"]),
    utc(2024, 6, 16, 11, 0, 0),
  );
  assert.equal(newestReceived([]), null);
});

test("dates: zone-less dates are UTC whatever the machine's zone; rolled-over fields are rejected", () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ["UTC", "America/New_York", "Asia/Kolkata"]) {
      process.env.TZ = tz;
      assert.equal(parseDate("2024-07-01 10:00:00"), utc(2024, 6, 1, 10, 0, 0), tz);
      assert.equal(parseDate("Mon Jul  1 10:00:00 2024"), utc(2024, 6, 1, 10, 0, 0), tz);
      assert.equal(parseDate("2024-07-01T10:00:00+02:00"), utc(2024, 6, 1, 8, 0, 0), tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
  }
  for (const bad of ["31 Feb 2024 10:00:00 +0000", "1 Jul 2024 25:61:00 +0000", "1 Jul 2024 10:00:00 +1900"]) {
    assert.equal(parseDate(bad), null, bad);
  }
});
