// CLI contracts found by a user-eye review: list-tag typos, analyze on a missing store or unknown
// lists, the saved report window, error prefixes and exit codes, help texts, query timestamps,
// and the suspected-duplicates hint. Synthetic archives only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { tempDir } from "../store/helpers.ts";
import { writeSyntheticMbox } from "../store/synthetic-mbox.ts";

// In-process (test/helpers/cli-in-process.ts): these test what the commands say and do; the process
// boundary (exit status and stderr of the real process) is test/cli.test.ts's.
const tg = (...args: string[]) => cli(args, { env: { THREADGRAPH_STORE: "" } });

test("ingest: a SOURCE tag naming an untracked list is a usage error that says how to track it", { timeout: 60_000 }, async () => {
  const t = tempDir("tg-cli-");
  try {
    const store = join(t.dir, "store"), a = join(t.dir, "a.mbox"), b = join(t.dir, "b.mbox");
    writeSyntheticMbox(a, { messages: 3, lists: ["netdev@vger.kernel.org"] });
    writeSyntheticMbox(b, { messages: 3, lists: ["netdev@vger.kernel.org"] });
    const typo = await tg("ingest", "--store", store, "--no-analyze", `nolist=${a}`);
    assert.equal(typo.status, 2, typo.stderr);
    assert.match(typo.stderr, /^threadgraph ingest: .*'nolist' is not a tracked list.*--list nolist=ADDRESS/);
    assert.ok(!existsSync(store), "nothing created");
    // the README form: --list and the tag in one command
    const ok = await tg("ingest", "--store", store, "--no-analyze", "--json", "--list", "nolist=nolist@lists.example.org", `nolist=${a}`, `netdev=${b}`);
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout).sources.map((s: { list: string }) => s.list), ["nolist", "netdev"]);
  } finally {
    t.cleanup();
  }
});

test("ingest names the suspected duplicates count; none, no line", { timeout: 60_000 }, async () => {
  const t = tempDir("tg-cli-");
  try {
    const store = join(t.dir, "store"), mbox = join(t.dir, "m.mbox");
    const msg = (i: number, from: string) => `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: ${from}\nTo: netdev@vger.kernel.org\n` +
      `Subject: note ${i}\nDate: Mon, 01 Jul 2024 12:0${i}:00 +0000\nMessage-ID: <s${i}@example.org>\n\nbody ${i}\n\n`;
    writeFileSync(mbox, msg(1, "Mara Kelp-Bunting <mkb@corp-a.example>") + msg(2, "Mara Kelp-Bunting <frog@pond.example>"));
    const r = await tg("ingest", "--store", store, "--no-analyze", mbox);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^1 suspected duplicate pair of people: see `threadgraph query 'SELECT \* FROM people_suspects'`/m);
    const q = await tg("query", "--store", store, "SELECT override FROM people_suspects");
    assert.deepEqual(JSON.parse(q.stdout), { override: "join frog@pond.example mkb@corp-a.example" });
    const none = join(t.dir, "n.mbox");
    writeSyntheticMbox(none, { messages: 3, lists: ["netdev@vger.kernel.org"] });
    const r2 = await tg("ingest", "--store", join(t.dir, "store2"), "--no-analyze", none);
    assert.doesNotMatch(r2.stdout, /suspected/);
  } finally {
    t.cleanup();
  }
});

test("analyze: missing store, unknown --lists, bad dates: clear errors with the command's prefix, nothing created", { timeout: 60_000 }, async () => {
  const t = tempDir("tg-cli-");
  try {
    const missing = join(t.dir, "nonexistent");
    const r = await tg("analyze", "--store", missing);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^threadgraph analyze: .*no store here/);
    assert.ok(!existsSync(missing), "no store or site dir created");

    const store = join(t.dir, "store"), a = join(t.dir, "a.mbox");
    writeSyntheticMbox(a, { messages: 5, lists: ["netdev@vger.kernel.org"] });
    assert.equal((await tg("ingest", "--store", store, "--no-analyze", a)).status, 0);
    const lists = await tg("analyze", "--store", store, "--graph-out", join(t.dir, "g"), "--lists", "netdev,nosuchlist");
    assert.equal(lists.status, 2);
    assert.match(lists.stderr, /^threadgraph analyze: --lists: unknown list 'nosuchlist'/);
    assert.ok(!existsSync(join(t.dir, "g")));
    for (const args of [["--since", "notadate"], ["--until", "2024-13-45"], ["--since", "2024-09-01", "--until", "2024-08-01"], ["--all-time", "--since", "30d"], ["--bogus"]]) {
      const bad = await tg("analyze", "--store", store, ...args);
      assert.equal(bad.status, 2, `${args.join(" ")}: ${bad.stderr}`);
      assert.match(bad.stderr, /^threadgraph analyze: /, args.join(" "));
    }
    assert.ok(!existsSync(join(store, "settings.json")), "a rejected window is not saved");
    const th = await tg("thread");
    assert.equal(th.status, 2);
    assert.match(th.stderr, /^threadgraph thread: /);
    const sy = await tg("sync", "--store", store, "--since", "yesterday-ish");
    assert.equal(sy.status, 2);
    assert.match(sy.stderr, /^threadgraph sync: bad date/);
  } finally {
    t.cleanup();
  }
});

test("the report window analyze --since/--until chose is saved and reused by the next ingest; --all-time clears it", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-cli-");
  try {
    const store = join(t.dir, "store"), a = join(t.dir, "a.mbox"), b = join(t.dir, "b.mbox");
    // synthetic message i is dated 2024-07-01 + i minutes
    writeSyntheticMbox(a, { messages: 120, lists: ["netdev@vger.kernel.org"] });
    writeSyntheticMbox(b, { messages: 20, offset: 200, lists: ["netdev@vger.kernel.org"] });
    assert.equal((await tg("ingest", "--store", store, "--no-analyze", a)).status, 0);
    const an = await tg("analyze", "--store", store, "--since", "2024-07-01T01:00:00Z");
    assert.equal(an.status, 0, an.stderr);
    assert.match(an.stdout, /^report window: 2024-07-01T01:00:00Z \.\. end \(until exclusive; from --since\/--until\)$/m);
    assert.match(an.stdout, /^analyzed 60 messages/m);
    assert.deepEqual(JSON.parse(readFileSync(join(store, "settings.json"), "utf8")), { reportWindow: { since: "2024-07-01T01:00:00Z" } });

    const ing = await tg("ingest", "--store", store, b);
    assert.equal(ing.status, 0, ing.stderr);
    assert.match(ing.stdout, /^report window: 2024-07-01T01:00:00Z \.\. end \(until exclusive; saved in the store/m);
    assert.match(ing.stdout, /^analyzed 80 messages/m, "the refresh kept the window");
    const meta = JSON.parse(readFileSync(join(store, "site", "meta.json"), "utf8"));
    assert.equal(meta.counts.messages, 80);

    const all = await tg("analyze", "--store", store, "--all-time");
    assert.equal(all.status, 0, all.stderr);
    assert.match(all.stdout, /^report window: all data$/m);
    assert.match(all.stdout, /^analyzed 140 messages/m);
    assert.deepEqual(JSON.parse(readFileSync(join(store, "settings.json"), "utf8")), {});

    // relative windows, as the config accepts them
    const rel = await tg("analyze", "--store", store, "--since", "30d");
    assert.equal(rel.status, 0, rel.stderr);
    assert.match(rel.stdout, /^report window: 30d \(\d{4}-\d{2}-\d{2}\) \.\. end/m);
    assert.match(rel.stdout, /^analyzed 0 messages/m);
  } finally {
    t.cleanup();
  }
});

test("query: tables show ISO timestamps, JSON lines keep epoch ms", { timeout: 60_000 }, async () => {
  const t = tempDir("tg-cli-");
  try {
    const store = join(t.dir, "store"), a = join(t.dir, "a.mbox");
    writeSyntheticMbox(a, { messages: 2, lists: ["netdev@vger.kernel.org"] });
    assert.equal((await tg("ingest", "--store", store, "--no-analyze", a)).status, 0);
    const sql = "SELECT message_id, date FROM messages ORDER BY date LIMIT 1";
    const table = await tg("query", "--store", store, "--table", sql);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /synthetic-0@example\.org\s+2024-07-01T00:00:00\.000Z/);
    const json = await tg("query", "--store", store, "--json", sql);
    assert.deepEqual(JSON.parse(json.stdout), { message_id: "synthetic-0@example.org", date: Date.UTC(2024, 6, 1) });
    assert.equal((await tg("query", "--store", store, "--json", "--table", sql)).status, 2);
  } finally {
    t.cleanup();
  }
});

test("help: every command states its exit codes; analyze's usage puts --since/--until beside --all-time, not under --graph-out", async () => {
  for (const cmd of ["ingest", "stats", "query", "sync", "thread", "analyze"]) {
    const h = await tg(cmd, "--help");
    assert.equal(h.status, 0);
    assert.match(h.stdout, /exit status: 0 ok, 1 .*, 2 usage error/, cmd);
  }
  const usage = (await tg("analyze", "--help")).stdout.split("\n\n")[0];
  assert.match(usage, /\[--since DATE\] \[--until DATE\] \[--all-time\]/);
  assert.match(usage, /\[--graph-out DIR \[--lists a,b\]\]/);
  assert.doesNotMatch(usage, /--graph-out DIR \[--since/);
});
