import { test } from "node:test";
import assert from "node:assert/strict";
import { revisionPointers, mayHoldRevisionPointers } from "../../loaders/parse/revision-pointers.ts";

const L = (id: string) => `https://lore.kernel.org/r/${id}`;

test("replies pointing to the next revision: version word near a lore link, b4 lines, lead-in lines", () => {
  const cases: [string, string, string][] = [
    [`v2: ${L("n2@example.org")}`, "n2@example.org", "version-link"],
    [`v3 is at ${L("n3@example.org")}`, "n3@example.org", "version-link"],
    [`New version: ${L("nv@example.org")}/`, "nv@example.org", "version-link"],
    [`Superseded by ${L("sup@example.org")}`, "sup@example.org", "superseded-by"],
    [`sent v2 ${L("s2@example.org")}`, "s2@example.org", "version-link"],
    [`Please ignore, I sent v4 here: ${L("v4@example.org")}`, "v4@example.org", "version-link"],
    [`- Link to v1: ${L("b1@example.org")}`, "b1@example.org", "b4-link-to"],
    [`  v5 posted: <https://lore.kernel.org/netdev/20240101-x-v5-0-abc%40example.org/>`, "20240101-x-v5-0-abc@example.org", "version-link"],
    [`Respun as ${"https://patch.msgid.link/r5@example.org"}`, "r5@example.org", "version-link"],
  ];
  for (const [line, id, rule] of cases) {
    const text = `Hi,\n\nOn Mon, Foo wrote:\n> some quoted text\n\n${line}\n\nThanks\n`;
    assert.ok(mayHoldRevisionPointers(Buffer.from(text)), line);
    assert.deepEqual(revisionPointers(text), [{ id, rule }], line);
  }
  // The link alone on the line after a short lead-in with a version word (a blank line between is fine).
  const leadIn = `I've sent v3 of this series:\n\n${L("lead@example.org")}\n`;
  assert.ok(mayHoldRevisionPointers(Buffer.from(leadIn)));
  assert.deepEqual(revisionPointers(leadIn), [{ id: "lead@example.org", rule: "version-link-next-line" }]);
});

test("no pointer: quoted links, unrelated links, trailers, links without a version word, after the signature or in a diff", () => {
  const none = [
    `> v2: ${L("quoted@example.org")}`,
    `>> New version: ${L("quoted2@example.org")}`,
    `See also ${L("see@example.org")}`,
    `see also v2 of the other thing: ${L("see2@example.org")}`,
    `Link: ${L("trailer@example.org")}`,
    `Closes: ${L("closes@example.org")}`,
    `Fixes: 0123456789ab ("net: v2 thing")\nLink: ${L("fixes@example.org")}`,
    `This is based on v3 of Foo's series: ${L("based@example.org")}`,
    `Depends on v2 ${L("dep@example.org")}`,
    `There was a discussion about this: ${L("disc@example.org")}`,
    `${L("bare@example.org")}`,
    `v2: https://example.org/not-lore/x@example.org`,
    `v2: ${"https://lore.kernel.org/netdev/"}`,
    `Thanks\n-- \nv2: ${L("sig@example.org")}`,
    `diff --git a/x b/x\n+v2: ${L("diff@example.org")}`,
    `-----Original Message-----\nv2: ${L("orig@example.org")}`,
    `v2 ${"x".repeat(500)} ${L("long@example.org")}`,
    `Please look at this other patch, then I can send the next version:\n${L("future@example.org")}`,
    `I will resend v3 once this lands: ${L("future2@example.org")}`,
    `Previous version discussed this at length, and ${"y".repeat(90)} ${L("far@example.org")}`,
  ];
  for (const text of none) assert.deepEqual(revisionPointers(text), [], text);
  assert.equal(mayHoldRevisionPointers("v2 is coming soon"), false);
  // The cheap test skips bodies whose links are all quoted, trailers or on overlong lines (never decoded).
  for (const text of [`> v2: ${L("q@example.org")}\n  >> ${L("q2@example.org")}`, `Link: ${L("t@example.org")}\nCloses: ${L("c@example.org")}`,
    `${"z".repeat(500)} ${L("long@example.org")}`]) assert.equal(mayHoldRevisionPointers(Buffer.from(text)), false, text);
  assert.ok(mayHoldRevisionPointers(`Link: ${L("t@example.org")}\n- Link to v1: ${L("b@example.org")}`));
});

test("several pointers keep their order, duplicates once, at most ten", () => {
  const text = [`v1: ${L("a@example.org")}`, `v2: ${L("b@example.org")}`, `v2 again: ${L("b@example.org")}`].join("\n");
  assert.deepEqual(revisionPointers(text).map((p) => p.id), ["a@example.org", "b@example.org"]);
  const many = Array.from({ length: 50 }, (_, i) => `v${i}: ${L(`m${i}@example.org`)}`).join("\n");
  assert.equal(revisionPointers(many).length, 10);
});

test("hang guard: a megabyte of near-misses scans in well under seconds", () => {
  const line = `v2 v3 version respin ${"https://lore.kernel.org/".repeat(5)}\n`;
  const text = line.repeat(Math.ceil(1e6 / line.length));
  const t = Date.now();
  revisionPointers(text);
  assert.ok(Date.now() - t < 10_000);
});
