import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePatchSubject, PATCH_TAGS_MAX } from "../../loaders/parse/subject-patch.ts";
import { parseMessage } from "../../loaders/parse/index.ts";

test("subject-patch: version, tree tag and n/m", () => {
  assert.deepEqual(parsePatchSubject("[PATCH v3 net-next 2/7] net: x"), {
    isPatch: true, isRfc: false, version: 3, index: 2, total: 7, isCover: false, tags: ["net-next"],
  });
});

test("subject-patch: cover letter, RFC forms, PATCHv2, several brackets", () => {
  const c = parsePatchSubject("[PATCH 0/5] series");
  assert.equal(c.isCover, true);
  assert.equal(c.total, 5);
  const r = parsePatchSubject("[RFC PATCH] x");
  assert.equal(r.isRfc, true);
  assert.equal(r.isPatch, true);
  assert.equal(r.version, 1);
  assert.equal(parsePatchSubject("[PATCH RFC v2 1/2] x").isRfc, true);
  assert.equal(parsePatchSubject("[PATCHv2 1/3] x").version, 2);
  const m = parsePatchSubject("[RFC][PATCH 1/2] x");
  assert.deepEqual([m.isRfc, m.isPatch, m.index], [true, true, 1]);
  assert.equal(parsePatchSubject("[PATCH rdma-next v12 10/13] x").version, 12);
});

test("subject-patch: replies keep patch metadata; non-patches are not patches", () => {
  const re = parsePatchSubject("Re: [PATCH v2 1/2] x");
  assert.deepEqual([re.isPatch, re.version, re.index], [true, 2, 1]);
  assert.equal(parsePatchSubject("Re: question about [PATCH] handling").isPatch, false);
  const s = parsePatchSubject("[MAINTAINERS SUMMIT] topic");
  assert.equal(s.isPatch, false);
  assert.deepEqual(s.tags, ["maintainers", "summit"]);
  assert.equal(parsePatchSubject("[RFC] idea").isPatch, false);
});

test("subject-patch: versions and counters past 6 digits are hostile, not numbers (they overflowed INTEGER columns)", () => {
  const big = "9".repeat(23);
  assert.deepEqual(parsePatchSubject(`[PATCH v${big} 1/2] x`), { isPatch: true, isRfc: false, version: 1, index: 1, total: 2, isCover: false, tags: [`v${big}`] });
  const p = parsePatchSubject(`[PATCHv${big} ${big}/${big}] x`);
  assert.equal(p.isPatch, true);
  assert.equal(p.version, 1);
  assert.equal(p.index, null);
  assert.equal(parsePatchSubject(`[RFCv${big}] x`).version, 1);
  assert.equal(parsePatchSubject("[PATCH v999999 999999/999999] x").version, 999999);
});

test("subject-patch: a 4 MiB '[PATCH v v v ...]' keeps 32 tags (flagged), still reads a late counter, and parses under a hang guard", () => {
  const words = "v ".repeat(2 << 20); // 2M tag words: each was kept, 0.4 s at 1 MiB and 5 s at 4 MiB
  const drops = { tags: 0 };
  const p = parsePatchSubject(`Re: [PATCH ${words}v3 ${words}2/5] [${"rfc ".repeat(1000)}GIT PULL 1/2] x`, drops);
  assert.equal(p.tags.length, PATCH_TAGS_MAX);
  assert.ok(p.tags.every((t) => t === "v"));
  assert.equal(drops.tags, 2 * (2 << 20) + 1000 + 2 - PATCH_TAGS_MAX);
  assert.deepEqual([p.isPatch, p.version, p.index, p.total, p.isRfc], [true, 3, 1, 2, true]);
  // a PULL past the cap still keeps a pull request's counter from marking a posting
  assert.equal(parsePatchSubject(`[${"x ".repeat(100)}GIT PULL 1/2] x`).isPatch, false);
  // through the whole-message parser: flagged, and well under the guard (milliseconds per MiB)
  const t = performance.now();
  const m = parseMessage(Buffer.from(`From: a@b.c\nSubject: [PATCH ${words}1/2] x\nMessage-ID: <a@b>\n\nhi\n`), { trackedLists: [] });
  assert.ok(performance.now() - t < 20_000, "hang guard");
  assert.equal(m.patch.tags.length, PATCH_TAGS_MAX);
  assert.ok(m.flags.includes("truncated-tags"));
  assert.deepEqual([m.patch.index, m.patch.total], [1, 2]);
  // ordinary subjects are not flagged
  assert.ok(!parseMessage(Buffer.from("From: a@b.c\nSubject: [PATCH net-next v2 1/2] x\nMessage-ID: <a@b>\n\nhi\n"), { trackedLists: [] }).flags.includes("truncated-tags"));
});
