import { test } from "node:test";
import assert from "node:assert/strict";
import { MailmapIndex, parseMailmap } from "../../loaders/identity/mailmap.ts";

const TEXT = [
  "# comment line",
  "Jane Doe <jane@new.example>",
  "<canon@example.org> <Old@Example.org>",
  "Joe Bloggs <joe@example.org> <joe@old.example>   # trailing comment",
  "Pat Q <pat@example.org> Pat <shared@example.org>",
  "Sam S <sam@example.org> Other Name <shared@example.org>",
  "garbage without brackets",
  "",
].join("\n");

test("parses all four mailmap line forms, comments, and records bad lines", () => {
  const m = parseMailmap(TEXT, "mm");
  assert.deepEqual(m.entries.map(({ origin, ...e }) => e), [
    { properName: "Jane Doe", commitEmail: "jane@new.example" },
    { properName: undefined, properEmail: "canon@example.org", commitName: undefined, commitEmail: "old@example.org" },
    { properName: "Joe Bloggs", properEmail: "joe@example.org", commitName: undefined, commitEmail: "joe@old.example" },
    { properName: "Pat Q", properEmail: "pat@example.org", commitName: "Pat", commitEmail: "shared@example.org" },
    { properName: "Sam S", properEmail: "sam@example.org", commitName: "Other Name", commitEmail: "shared@example.org" },
  ]);
  assert.deepEqual(m.skipped, ["mm:7"]);
  assert.equal(m.entries[2].origin, "mm:4");
});

test("lookup: name-qualified entries only match that name, case-insensitively", () => {
  const idx = new MailmapIndex([parseMailmap(TEXT)]);
  assert.equal(idx.lookup("shared@example.org", "pat")?.properEmail, "pat@example.org");
  assert.equal(idx.lookup("shared@example.org", "Other name")?.properEmail, "sam@example.org");
  assert.equal(idx.lookup("shared@example.org", "Somebody Else"), undefined);
  assert.equal(idx.lookup("old@example.org", "anything")?.properEmail, "canon@example.org");
});
