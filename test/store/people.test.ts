import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

test("messages and trailers get person_id through the email map; a mailmap change rewrites no message part", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    const src = fakeSource("s", msgs(
      pm("1@h", { from: { name: "Old Name", email: "dev@old.example" } }),
      pm("2@h", {
        from: { name: "Reviewer One", email: "rev@example.org" },
        trailers: [{ kind: "reviewed-by", name: "Old Name", email: "dev@old.example", raw: "Reviewed-by: Old Name <dev@old.example>" }],
      }),
      pm("3@h", { from: { name: "kernel test robot", email: "lkp@intel.com" }, isBot: true }),
    ));
    await ingest(store, [src], {}, { parseStream: fakeParse });
    let rows = await store.query("SELECT message_id, person_id, is_bot FROM messages ORDER BY 1");
    assert.deepEqual(rows.map((r) => r.person_id), ["dev@old.example", "rev@example.org", "lkp@intel.com"]);
    assert.deepEqual(rows.map((r) => r.is_bot), [false, false, true]);
    const partsBefore = store.manifest().parts;

    const mailmap = join(t.dir, "mailmap");
    writeFileSync(mailmap, "New Name <dev@new.example> <dev@old.example>\n");
    await ingest(store, [src], { mailmap }, { parseStream: fakeParse });
    assert.deepEqual(store.manifest().parts, partsBefore, "message parts untouched");
    rows = await store.query("SELECT person_id FROM messages WHERE message_id = '1@h'");
    assert.equal(rows[0].person_id, "dev@new.example");
    const tr = await store.query("SELECT kind, person_id, email FROM trailers");
    assert.deepEqual(tr, [{ kind: "reviewed-by", person_id: "dev@new.example", email: "dev@old.example" }]);
    const [p] = await store.query<{ name: string; emails: string[]; evidence: string }>(
      "SELECT name, emails, evidence FROM people WHERE person_id = 'dev@new.example'");
    assert.equal(p.name, "New Name");
    assert.deepEqual(p.emails, ["dev@new.example", "dev@old.example"]);
    assert.equal(JSON.parse(p.evidence)[0].rule, "mailmap");
    const stats = await computeStats(store);
    assert.equal(stats.bots, 1);
    assert.equal(stats.people, 2);
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("a malformed override file or missing mailmap fails before anything is committed", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    const overrides = join(t.dir, "overrides");
    writeFileSync(overrides, "join only@one.example\n");
    const src = fakeSource("s", msgs(pm("1@h")));
    await assert.rejects(ingest(store, [src], { overrides }, { parseStream: fakeParse }), new RegExp(`${overrides}:1: join needs`));
    await assert.rejects(ingest(store, [src], { mailmap: join(t.dir, "nope") }, { parseStream: fakeParse }), /nope/);
    assert.equal(store.manifest().generation, 0);
    assert.deepEqual(src.reads, []);
  } finally {
    await store.close();
    t.cleanup();
  }
});
