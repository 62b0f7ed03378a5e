// Identity inputs stick like the report window: --mailmap/--overrides are saved in the store when
// people are recomputed with them, so a later ingest, sync or (failing) thread without the flags
// keeps their merges; a failed command changes nothing; the config's mailmap is used when nothing
// else is chosen; --no-mailmap clears it; a vanished saved mailmap is a clear error, not lost merges.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { tempDir } from "../store/helpers.ts";
import { openStore } from "../../loaders/store/store.ts";
import { buildInbox, skipReason, startServer } from "../helpers/public-inbox-server.ts";

/** The CLI run from `cwd` (where its threadgraph.config.ts is read), in-process
 * (test/helpers/cli-in-process.ts): the event loop keeps running, so the test's own HTTP server answers. */
function tg(cwd: string, ...args: string[]) {
  return cli(args, { cwd, env: { THREADGRAPH_STORE: "" } });
}

/** Synthetic mail: "Pat" writes from two addresses under two unrelated names, so only a mailmap joins them. */
function mbox(from: number, n: number, date = Date.UTC(2024, 6, 1)): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const who = i % 2 ? "Pat Old <pat@old.example>" : "Patricia Newname <pat@new.example>";
    out.push(`From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: ${who}\nTo: netdev@vger.kernel.org\n` +
      `Subject: synthetic ${i}\nDate: ${new Date(date + i * 60_000).toUTCString()}\nMessage-ID: <id-${i}@synthetic.example>\n\nbody ${i}\n\n`);
  }
  return out.join("");
}

async function peopleState(store: string) {
  const s = await openStore(store);
  try {
    const rows = await s.query<{ person_id: string; emails: string[]; evidence: string }>("SELECT person_id, emails, evidence FROM people ORDER BY person_id");
    const merges = rows.filter((r) => JSON.parse(r.evidence).some((e: { rule: string }) => e.rule === "mailmap")).length;
    return { people: rows.length, merges, generation: s.manifest().generation };
  } finally {
    await s.close();
  }
}

const settings = (store: string) => existsSync(join(store, "settings.json")) ? JSON.parse(readFileSync(join(store, "settings.json"), "utf8")) : {};

test("a saved --mailmap survives later ingest and a failing thread fetch; --no-mailmap clears it; a vanished one is an error", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-identity-");
  // A lore stand-in that knows no thread: the fetch fails (404) after the store is opened.
  const lore = createServer((_q, r) => { r.statusCode = 404; r.end("not found"); });
  await new Promise<void>((r) => lore.listen(0, "127.0.0.1", r));
  try {
    const store = join(t.dir, "store");
    const mm = join(t.dir, "linux.mailmap");
    writeFileSync(mm, "Pat Person <pat@new.example> <pat@old.example>\n");
    writeFileSync(join(t.dir, "a.mbox"), mbox(0, 6));
    writeFileSync(join(t.dir, "b.mbox"), mbox(6, 6));

    const first = await tg(t.dir, "ingest", "--store", store, "--mailmap", "linux.mailmap", "netdev=a.mbox");
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`identity: mailmap ${mm} \\(from --mailmap, saved in the store\\), overrides none`));
    const withMailmap = await peopleState(store);
    assert.deepEqual([withMailmap.people, withMailmap.merges], [1, 1]);
    assert.equal(settings(store).identity.mailmap, mm, "saved as an absolute path");

    // Later ingest without the flag: the saved mailmap is used and said so.
    const second = await tg(t.dir, "ingest", "--store", store, "netdev=b.mbox");
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /identity: mailmap \S+linux\.mailmap \(saved in the store; --no-mailmap clears it\)/);
    assert.deepEqual(await peopleState(store).then((s) => [s.people, s.merges]), [1, 1]);

    // A failing thread fetch: exit 1, people not recomputed, nothing written.
    const before = await peopleState(store);
    const settingsBefore = readFileSync(join(store, "settings.json"), "utf8");
    const port = (lore.address() as { port: number }).port;
    const th = await tg(t.dir, "thread", "--store", store, "--no-mailmap", "missing@synthetic.example", "--inbox", `http://127.0.0.1:${port}/netdev/`);
    assert.equal(th.status, 1, th.stdout + th.stderr);
    assert.deepEqual(await peopleState(store), before, "a failed thread changes nothing, even with --no-mailmap");
    assert.equal(readFileSync(join(store, "settings.json"), "utf8"), settingsBefore);

    // --no-mailmap on a successful run clears it, and the analysis follows though no mail is new.
    const cleared = await tg(t.dir, "ingest", "--store", store, "--no-mailmap", "netdev=b.mbox");
    assert.equal(cleared.status, 0, cleared.stderr);
    assert.match(cleared.stdout, /mailmap none \(--no-mailmap, saved in the store\)/);
    assert.match(cleared.stdout, /analyzed 12 messages: .* 2 people active/);
    assert.deepEqual(await peopleState(store).then((s) => [s.people, s.merges]), [2, 0]);
    assert.equal(settings(store).identity.mailmap, null);

    // Back on, then the file vanishes: a clear error, the store untouched.
    assert.equal((await tg(t.dir, "ingest", "--store", store, "--mailmap", mm, "netdev=b.mbox")).status, 0);
    const kept = await peopleState(store);
    assert.equal(kept.merges, 1);
    rmSync(mm);
    const gone = await tg(t.dir, "ingest", "--store", store, "netdev=b.mbox");
    assert.equal(gone.status, 1);
    assert.match(gone.stderr, /mailmap file \S+linux\.mailmap \(saved in the store by an earlier --mailmap\) does not exist.*--no-mailmap/);
    assert.deepEqual(await peopleState(store), kept);
  } finally {
    lore.close();
    t.cleanup();
  }
});

test("the config's mailmap (relative to the project) is used when neither flags nor the store choose one", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-identity-cfg-");
  try {
    writeFileSync(join(t.dir, "names.mailmap"), "Pat Person <pat@new.example> <pat@old.example>\n");
    writeFileSync(join(t.dir, "threadgraph.config.ts"), `export default { mailmap: "names.mailmap", store: "st" };\n`);
    writeFileSync(join(t.dir, "a.mbox"), mbox(0, 4));
    const r = await tg(t.dir, "ingest", "netdev=a.mbox");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /identity: mailmap \S+names\.mailmap \(from threadgraph\.config\.ts\)/);
    assert.deepEqual(await peopleState(join(t.dir, "st")).then((s) => [s.people, s.merges]), [1, 1]);
    // Config choices are not saved: editing the config takes effect.
    assert.equal(settings(join(t.dir, "st")).identity, undefined);
    // A flag beats the config.
    const off = await tg(t.dir, "ingest", "--no-mailmap", "netdev=a.mbox");
    assert.equal(off.status, 0, off.stderr);
    assert.deepEqual(await peopleState(join(t.dir, "st")).then((s) => [s.people, s.merges]), [2, 0]);
    assert.equal((await tg(t.dir, "ingest", "--mailmap", "x", "--no-mailmap", "netdev=a.mbox")).status, 2);
  } finally {
    t.cleanup();
  }
});

const skip = skipReason(false);
test("a sync without --mailmap keeps the mailmap an earlier ingest saved (real public-inbox server)", { skip, timeout: 300_000 }, async () => {
  const t = tempDir("tg-identity-sync-");
  const now = Date.now() - 3 * 86_400_000;
  const msgs = mbox(100, 6, now).split(/^From mboxrd@z .*\n/m).filter(Boolean).map((m) => Buffer.from(m));
  const ibx = await buildInbox({ name: "netdev", address: "netdev@vger.kernel.org", messages: msgs }, t.dir);
  const server = await startServer([ibx]);
  try {
    const store = join(t.dir, "store");
    writeFileSync(join(t.dir, "m.mailmap"), "Pat Person <pat@new.example> <pat@old.example>\n");
    writeFileSync(join(t.dir, "a.mbox"), mbox(0, 4));
    assert.equal((await tg(t.dir, "ingest", "--store", store, "--mailmap", "m.mailmap", "netdev=a.mbox")).status, 0);
    const s = await tg(t.dir, "sync", "--store", store, "--list", `netdev=${server.inboxUrl("netdev")}`, "--since", "30d", "--mode", "http");
    assert.equal(s.status, 0, s.stdout + s.stderr);
    assert.match(s.stdout, /identity: mailmap \S+m\.mailmap \(saved in the store/);
    const st = await peopleState(store);
    assert.deepEqual([st.people, st.merges], [1, 1]);
    const o = await openStore(store);
    try {
      assert.equal(Number((await o.query<{ n: number }>("SELECT count(*)::INT AS n FROM messages"))[0].n), 10, "the sync added its 6 messages");
    } finally {
      await o.close();
    }
  } finally {
    await server.stop();
    t.cleanup();
  }
});
