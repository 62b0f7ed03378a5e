// A missing or damaged manifest never reads as an empty store (the next ingest would delete every
// part as an orphan); a damaged part or derived table gives an error naming the file and the fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";
import { snapshotFiles } from "./snapshot.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

// In-process (test/helpers/cli-in-process.ts): what the commands do, not the process boundary (test/cli.test.ts).
const cli = (...args: string[]) => inProcess(args);

async function makeStore(dir: string, n = 300): Promise<void> {
  const store = await openStore(dir);
  try {
    const entries = msgs(...Array.from({ length: n }, (_, i) => pm(`m${i}@h`, { lists: ["netdev"] })));
    await ingest(store, [fakeSource("s", entries)], { batchSize: 40 }, { parseStream: fakeParse });
  } finally {
    await store.close();
  }
}

async function ingestMore(dir: string): Promise<void> {
  const store = await openStore(dir);
  try {
    await ingest(store, [fakeSource("t", msgs(pm("new@h")))], {}, { parseStream: fakeParse });
  } finally {
    await store.close();
  }
}

const damaged = [
  { name: "deleted", damage: (f: string) => unlinkSync(f), error: /holds \d+ store data files .* but no manifest\.json/ },
  { name: "without parts", damage: (f: string) => writeFileSync(f, JSON.stringify({ format: 1, generation: 9, people: null, sources: {} })), error: /damaged store manifest: it has no parts list/ },
  { name: "missing a table's parts", damage: (f: string) => {
    const m = JSON.parse(readFileSync(f, "utf8"));
    delete m.parts.arrivals;
    writeFileSync(f, JSON.stringify(m));
  }, error: /names no arrivals parts but arrivals\/part-\d+\.(parquet|jsonl) exists/ },
  { name: "listing no messages parts while the directory holds them", damage: (f: string) => {
    const m = JSON.parse(readFileSync(f, "utf8"));
    m.parts.messages = [];
    m.retired = [];
    writeFileSync(f, JSON.stringify(m));
  }, error: /it does not name messages\/part-\d+\.(parquet|jsonl), which holds committed data/ },
  { name: "dropping one of several parts", damage: (f: string) => {
    const m = JSON.parse(readFileSync(f, "utf8"));
    assert.ok(m.parts.arrivals.length > 1, "the fixture has several arrivals parts");
    m.parts.arrivals = m.parts.arrivals.slice(1);
    writeFileSync(f, JSON.stringify(m));
  }, error: /it does not name arrivals\/part-\d+\.(parquet|jsonl), which holds committed data/ },
  { name: "naming a path outside the store", damage: (f: string) => {
    const m = JSON.parse(readFileSync(f, "utf8"));
    m.parts.messages = ["../../etc/passwd"];
    writeFileSync(f, JSON.stringify(m));
  }, error: /parts\.messages names "\.\.\/\.\.\/etc\/passwd", not a part file/ },
  { name: "naming a part twice (its rows would count twice)", damage: (f: string) => {
    const m = JSON.parse(readFileSync(f, "utf8"));
    m.parts.messages.push(m.parts.messages[0]);
    writeFileSync(f, JSON.stringify(m));
  }, error: /damaged store manifest: parts\.messages names "messages\/part-\d+\.(parquet|jsonl)" twice/ },
  { name: "naming one people table as two", damage: (f: string) => {
    const m = JSON.parse(readFileSync(f, "utf8"));
    m.people.emails = m.people.people;
    writeFileSync(f, JSON.stringify(m));
  }, error: /damaged store manifest: people\.emails names "people\/people-\d+\.parquet", not a people\/emails-NNNNNN\.parquet table/ },
  { name: "truncated", damage: (f: string) => writeFileSync(f, readFileSync(f, "utf8").slice(0, 40)), error: /unreadable store manifest/ },
];

for (const d of damaged) {
  test(`manifest ${d.name}: readers and writers refuse with how to recover, and no data file changes`, async () => {
    const t = tempDir();
    try {
      await makeStore(t.dir);
      d.damage(join(t.dir, "manifest.json"));
      const before = snapshotFiles(t.dir);
      await assert.rejects(openStore(t.dir), (e: Error) => d.error.test(e.message) && /restore manifest\.json from a backup/.test(e.message));
      // the ingest that used to delete every part as an orphan
      await assert.rejects(ingestMore(t.dir), d.error);
      assert.deepEqual(snapshotFiles(t.dir), before);
      if (d.name === "deleted") {
        const r = await cli("stats", "--store", t.dir, "--json");
        assert.equal(r.status, 1);
        assert.match(r.stderr, /no manifest\.json/);
        assert.doesNotMatch(r.stderr, /run 'threadgraph ingest' first/);
      }
    } finally {
      t.cleanup();
    }
  });
}

test("a new store gets its manifest before any data file, so a kill before the first commit is not mistaken for damage", async () => {
  const t = tempDir();
  try {
    const store = await openStore(join(t.dir, "new"));
    const src = fakeSource("s", msgs(pm("a@h")));
    const read = src.read;
    src.read = async function* (c) {
      assert.ok(existsSync(join(t.dir, "new", "manifest.json")), "manifest written before the first part");
      yield* read(c);
    };
    await ingest(store, [src], {}, { parseStream: fakeParse });
    await store.close();
  } finally {
    t.cleanup();
  }
});

test("a damaged part is named with what to do; files the manifest cannot account for are never deleted", async () => {
  const t = tempDir();
  try {
    await makeStore(t.dir);
    const store = await openStore(t.dir);
    const m = store.manifest();
    // Not named, not retired, from a committed generation: nothing says what it is, so it stays.
    const stray = join(t.dir, "messages", "part-000001.parquet");
    writeFileSync(stray, "not mine");
    // Written for a generation that was never committed: a killed writer's, removed.
    const orphan = join(t.dir, "messages", `part-${String(m.generation + 1000).padStart(6, "0")}.jsonl`);
    writeFileSync(orphan, "{}\n");
    await store.close();
    // The stray may be mail a damaged manifest lost: refused by name, and left alone.
    await assert.rejects(ingestMore(t.dir), /it does not name messages\/part-000001\.parquet, which holds committed data.*move that file out of the store/s);
    assert.equal(readFileSync(stray, "utf8"), "not mine");
    assert.equal(existsSync(orphan), true, "nothing is deleted from a store that is refused");
    rmSync(stray); // the user moves away what is not store data, as the message says
    await ingestMore(t.dir);
    assert.equal(existsSync(orphan), false);

    const healthy = await openStore(t.dir);
    await assert.rejects(healthy.query("SELECT nope FROM errors"), (e: Error) => /nope/.test(e.message) && !/cannot be read/.test(e.message),
      "a mistake in the SQL is reported as such");
    await healthy.close();
    const part = join(t.dir, openStoreManifest(t.dir).parts.messages[0]);
    truncateSync(part, 10);
    const s2 = await openStore(t.dir);
    try {
      await assert.rejects(s2.query("SELECT count(*) FROM messages"), (e: Error) =>
        e.message.startsWith(part) && /named by manifest\.json, cannot be read/.test(e.message) && /restore this file from a backup/.test(e.message));
    } finally {
      await s2.close();
    }
    const r = await cli("query", "--store", t.dir, "--json", "SELECT count(*) FROM messages");
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`${part}: store file messages/part-\\d+\\.parquet, named by manifest\\.json, cannot be read`));
    rmSync(part);
    const gone = await cli("stats", "--store", t.dir, "--json");
    assert.equal(gone.status, 1);
    assert.match(gone.stderr, /cannot be read: it is missing/);
  } finally {
    t.cleanup();
  }
});

function openStoreManifest(dir: string) {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
}

test("a damaged derived table blocks nothing else; its name and 'threadgraph analyze' are in the error", async () => {
  const t = tempDir();
  try {
    await makeStore(t.dir, 20);
    const store = await openStore(t.dir);
    await store.writeDerived("message_threads", { message_id: "VARCHAR", thread_id: "VARCHAR", series_id: "VARCHAR" },
      [{ message_id: "m1@h", thread_id: "m1@h", series_id: null }]);
    await store.writeDerived("threads", { thread_id: "VARCHAR", n: "BIGINT" }, [{ thread_id: "m1@h", n: 1 }]);
    await store.close();
    for (const name of ["threads", "message_threads"]) writeFileSync(join(t.dir, "derived", `${name}.parquet`), "garbage");
    const s2 = await openStore(t.dir);
    try {
      assert.deepEqual(await s2.query("SELECT count(*)::INTEGER AS n FROM messages"), [{ n: 20 }]);
      const stats = await computeStats(s2);
      assert.equal(stats.messages, 20);
      assert.equal("threads" in stats, false);
      await assert.rejects(s2.query("SELECT * FROM threads"), (e: Error) =>
        /derived table threads cannot be read/.test(e.message) && /run 'threadgraph analyze' to rebuild it/.test(e.message));
    } finally {
      await s2.close();
    }
    await ingestMore(t.dir); // writers are not blocked either
    const r = await cli("analyze", "--store", t.dir);
    assert.equal(r.status, 0, r.stderr);
    const s3 = await openStore(t.dir);
    try {
      assert.deepEqual(await s3.query("SELECT count(*)::INTEGER AS n FROM threads"), [{ n: 21 }]);
      assert.deepEqual(await s3.query("SELECT count(*)::INTEGER AS n FROM messages WHERE thread_id IS NOT NULL"), [{ n: 21 }]);
    } finally {
      await s3.close();
    }
  } finally {
    t.cleanup();
  }
});

// Every people file (people, emails, suspects), junk or deleted: readers say "re-run ingest", and
// that ingest (even with nothing new) does rebuild it rather than refusing to write.
const peopleDamage = [
  { name: "junk", damage: (f: string) => writeFileSync(f, "junk") },
  { name: "deleted", damage: (f: string) => unlinkSync(f) },
];
for (const file of ["people", "emails", "suspects"] as const) {
  for (const d of peopleDamage) {
    test(`a ${d.name} people table (${file}): readers are told to re-run ingest, which rebuilds people from the mail`, async () => {
      const t = tempDir();
      try {
        await makeStore(t.dir, 50);
        const before = await computeStatsOf(t.dir);
        const m = JSON.parse(readFileSync(join(t.dir, "manifest.json"), "utf8"));
        d.damage(join(t.dir, m.people[file]));
        const st = await cli("stats", "--store", t.dir, "--json");
        assert.equal(st.status, 1);
        assert.match(st.stderr, new RegExp(`people table people/${file}-\\d+\\.parquet cannot be read: .*run 'threadgraph ingest' again`));
        const store = await openStore(t.dir);
        try { // a re-run with nothing new is enough, as the message says
          await ingest(store, [fakeSource("s", msgs(...Array.from({ length: 50 }, (_, i) => pm(`m${i}@h`, { lists: ["netdev"] }))))], {}, { parseStream: fakeParse });
        } finally {
          await store.close();
        }
        assert.deepEqual(await computeStatsOf(t.dir), before);
        await ingestMore(t.dir); // and later runs go on as usual
        const after = await computeStatsOf(t.dir);
        assert.equal(after.people, before.people); // every message is from the same sender
        assert.ok(after.people > 0);
        assert.equal(after.messages, before.messages + 1);
      } finally {
        t.cleanup();
      }
    });
  }
}

async function computeStatsOf(dir: string) {
  const store = await openStore(dir);
  try { return await computeStats(store); } finally { await store.close(); }
}
