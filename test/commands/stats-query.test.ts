import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tempDir } from "../store/helpers.ts";
import { syntheticMbox, writeSyntheticMbox } from "../store/synthetic-mbox.ts";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

// In-process (test/helpers/cli-in-process.ts): what the commands do, not the process boundary (test/cli.test.ts).
const tg = (...args: string[]) => inProcess(args);

test("ingest, stats --json and query JSON lines over two overlapping synthetic archives", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-cli-");
  try {
    const store = join(t.dir, "store");
    const a = join(t.dir, "a.mbox"), b = join(t.dir, "b.mbox.gz");
    writeSyntheticMbox(a, { messages: 120, lists: ["netdev@vger.kernel.org"] });
    // b: ids 100..119 are byte-identical copies of a's (cross-posts), 120..179 are new and
    // addressed to both lists.
    writeFileSync(b, gzipSync(syntheticMbox({ messages: 20, offset: 100, lists: ["netdev@vger.kernel.org"] }) +
      syntheticMbox({ messages: 60, offset: 120, lists: ["netdev@vger.kernel.org", "linux-cxl@vger.kernel.org"] })));
    const ing = await tg("ingest", "--store", store, "--json", `netdev=${a}`, `linux-cxl=${b}`);
    assert.equal(ing.status, 0, ing.stderr);
    const summary = JSON.parse(ing.stdout);
    assert.deepEqual(summary.sources.map((s: { seen: number; new: number; duplicate: number }) => [s.seen, s.new, s.duplicate]), [[120, 120, 0], [80, 60, 20]]);

    const st = await tg("stats", "--store", store, "--json");
    assert.equal(st.status, 0, st.stderr);
    const { all_time: stats, window: win } = JSON.parse(st.stdout);
    assert.equal(stats.messages, 180);
    assert.equal(stats.duplicates, 20);
    assert.equal(stats.errors, 0);
    // a's 120 plus b's 60 new are all addressed to netdev; linux-cxl has b's 80 (20 via the archive tag).
    assert.deepEqual(stats.per_list, { "linux-cxl": 80, netdev: 180, "linux-rdma": 0 });
    assert.equal(stats.people, 37); // 37 synthetic authors, merged per address
    assert.equal(stats.bots, 0);
    // ingest refreshed the derived tables: every message is threaded, graph counts are present
    assert.equal(win.tables.message_threads, 180);
    assert.equal(win.messages, 180);
    assert.equal(typeof win.threads, "number");
    assert.ok(win.threads > 0 && win.threads <= 180);
    assert.equal(typeof win.reply_edges, "number");

    const q = await tg("query", "--store", store, "SELECT message_id, lists, date FROM messages WHERE message_id LIKE 'synthetic-10_@%' ORDER BY 1");
    assert.equal(q.status, 0, q.stderr);
    const rows = q.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(rows.length, 10);
    assert.deepEqual(rows[0], { message_id: "synthetic-100@example.org", lists: ["linux-cxl", "netdev"], date: Date.UTC(2024, 6, 1) + 100 * 60_000 });

    const table = await tg("query", "--store", store, "--table", "SELECT count(*) AS n FROM messages");
    assert.match(table.stdout, /^\s*n\n-+\n\s*180$/m);

    const bad = await tg("query", "--store", store, "SELECT nope FROM messages");
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /nope/);
    // a user-named list: messages addressed to it get its name
    const c = join(t.dir, "c.mbox");
    writeSyntheticMbox(c, { messages: 5, offset: 500, lists: ["tools@lists.example.org"] });
    const withList = await tg("ingest", "--store", store, "--json", "--no-analyze", "--list", "tools=tools@lists.example.org", c);
    assert.equal(withList.status, 0, withList.stderr);
    const s2 = JSON.parse((await tg("stats", "--store", store, "--json")).stdout);
    assert.equal(s2.all_time.per_list.tools, 5);
    assert.equal(s2.all_time.messages, 185);
    assert.equal(s2.window.tables.message_threads, 180, "--no-analyze leaves the derived tables as they were");
    assert.equal(s2.window.messages, 180);

    const none = await tg("stats", "--store", join(t.dir, "missing"));
    assert.equal(none.status, 1);
    assert.match(none.stderr, /no store here/);
  } finally {
    t.cleanup();
  }
});
