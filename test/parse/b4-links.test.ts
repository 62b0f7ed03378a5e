import { test } from "node:test";
import assert from "node:assert/strict";
import { revisionLinks, mayHoldRevisionLinks } from "../../loaders/parse/b4-links.ts";

test("b4 change-id, 'Link to vN:' lore URLs (/r/ and /<list>/) and Supersedes: lines", () => {
  const text = [
    "Cover text.", "", "Changes in v3:", "- fixed things", "- Link to v2: https://lore.kernel.org/r/20240102-zoo-v2-0-abc@example.org",
    "", "Changes in v2:", "- Link to v1: https://lore.kernel.org/zoo/20240101-zoo-v1-0-abc%40example.org/", "",
    "Supersedes: <older-0@example.org>", "", "---", "base-commit: 0123456789abcdef", "change-id: 20240101-zoo-things-0123abcdef", "",
  ].join("\n");
  assert.ok(mayHoldRevisionLinks(Buffer.from(text)));
  assert.deepEqual(revisionLinks(text), { changeId: "20240101-zoo-things-0123abcdef",
    previous: ["20240102-zoo-v2-0-abc@example.org", "20240101-zoo-v1-0-abc@example.org", "older-0@example.org"] });
});

test("quoted lines, prose and overlong lines give no links", () => {
  const text = ["> change-id: 20240101-quoted-0123abcdef", "> - Link to v1: https://lore.kernel.org/r/q@example.org",
    "The change-id: is something b4 writes.", `- Link to v1: https://lore.kernel.org/r/${"x".repeat(500)}@example.org`,
    "- Link to v1: https://example.org/no-id-here", "Supersedes: nothing"].join("\n");
  assert.deepEqual(revisionLinks(text), { changeId: null, previous: [] });
  assert.equal(mayHoldRevisionLinks("no links"), false);
});

test("a lore URL naming the id with its angle brackets (%3C...%3E) gives the bare id, as stored", () => {
  const text = "- Link to v1: https://lore.kernel.org/r/%3C20240101-zoo-v1-0-abc%40example.org%3E\n- Link to v2: https://lore.kernel.org/zoo/<v2-0@example.org>/\n";
  assert.deepEqual(revisionLinks(text).previous, ["20240101-zoo-v1-0-abc@example.org", "v2-0@example.org"]);
});
