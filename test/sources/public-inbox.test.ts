// public-inbox v2 source on a small epoch built here with git: blobs `m` (messages) and `d` (a deletion).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync, chmodSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { publicInboxSource } from "../../loaders/sources/public-inbox.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { tempDir, msg, drain, ids } from "./helpers.ts";
import { env, buildEpoch, appendCommit } from "./git-epoch.ts";

test("public-inbox: messages in commit order, a d deletion, commit time as fallback date, cursor per epoch", async (t) => {
  const inbox = tempDir(t);
  const e0 = buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100], ["d", msg("a"), 1720000200]]);
  buildEpoch(inbox, 1, [["m", msg("c"), 1720000300]]);
  // epoch 10 sorts after 2 numerically, not lexically
  buildEpoch(inbox, 10, [["m", msg("e"), 1720000500]]);
  buildEpoch(inbox, 2, [["m", msg("d"), 1720000400]]);

  const src = publicInboxSource(inbox, { list: "ksummit" });
  const r = await drain(src);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.items.map((i) => i.kind), ["message", "message", "delete", "message", "message", "message"]);
  assert.deepEqual(ids(r.items), ["a", "b", "a", "c", "d", "e"].map((x) => `${x}@example.com`));
  const first = r.items[0];
  assert.ok(first.kind === "message" && first.fallbackDate === 1720000000_000);
  assert.equal(first.provenance.list, "ksummit");
  assert.match(first.provenance.position, /^[0-9a-f]{40}$/);
  assert.match(first.provenance.source, /#0$/);
  assert.deepEqual(Object.keys(r.cursor!.epochs as object).sort(), ["0", "1", "10", "2"]);

  // nothing new -> nothing; one appended commit -> only it
  assert.equal((await drain(src, r.cursor)).items.length, 0);
  appendCommit(e0, "m", msg("f"), 1720000600);
  const again = await drain(publicInboxSource(inbox), r.cursor);
  assert.deepEqual(ids(again.items), ["f@example.com"]);

  // resuming from a mid-run cursor continues with the next commit
  const mid = JSON.parse(JSON.stringify(r.items[1].cursor));
  // (epoch 0 goes on with the deletion of a and the appended f, then epochs 1, 2, 10)
  assert.deepEqual(ids((await drain(src, mid)).items), ["a", "f", "c", "d", "e"].map((x) => `${x}@example.com`));
});

test("public-inbox: a single epoch path, and a read-only epoch without refs/ (as mirrored)", async (t) => {
  const inbox = tempDir(t);
  const bare = buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000001]]);
  execFileSync("git", ["pack-refs", "--all"], { env: { ...env, GIT_DIR: bare } });
  rmSync(join(bare, "refs"), { recursive: true, force: true });
  const chmodAll = (p: string, mode: number) => {
    for (const f of readdirSync(p)) {
      const q = join(p, f);
      if (statSync(q).isDirectory()) chmodAll(q, mode);
    }
    chmodSync(p, mode);
  };
  chmodAll(bare, 0o555);
  let r;
  try {
    const src = openSource(`ksummit=${bare}`);
    assert.equal(src.kind, "public-inbox");
    assert.equal(src.list, "ksummit");
    r = await drain(src);
  } finally {
    chmodAll(bare, 0o755); // so the temp dir can be removed
  }
  assert.equal(r.error, undefined, String(r.error));
  assert.deepEqual(ids(r.items), ["a@example.com", "b@example.com"]);
});

/** A large epoch in one `git fast-import` run (hundreds of commits in well under a second). */
function fastEpoch(inbox: string, n: number, count: number): string {
  const bare = join(inbox, "git", `${n}.git`);
  execFileSync("git", ["init", "-q", "--bare", bare], { env });
  let stream = "";
  for (let i = 0; i < count; i++) {
    const text = msg(`f${i}`);
    stream += `blob\nmark :${i + 1}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    stream += `commit refs/heads/master\ncommitter t <t@x> ${1720000000 + i} +0000\ndata 1\nx\nM 100644 :${i + 1} m\n\n`;
  }
  execFileSync("git", ["fast-import", "--quiet"], { env: { ...env, GIT_DIR: bare }, input: stream });
  return bare;
}

const children = () => execFileSync("ps", ["-o", "comm=", "--ppid", String(process.pid)]).toString().split("\n").filter((c) => c.trim() === "git");

test("public-inbox: a consumer that stops early leaves no git process behind", { timeout: 60_000 }, async (t) => {
  const inbox = tempDir(t);
  fastEpoch(inbox, 0, 1500); // `git log` output well past a pipe buffer, so it would block forever
  let n = 0;
  for await (const it of publicInboxSource(inbox).read()) {
    assert.equal(it.kind, "message");
    if (++n === 3) break;
  }
  // The source ends its git processes when the loop stops; they exit (and are reaped) a moment later,
  // later still on a loaded machine: a fixed 300 ms wait was a race. One that is never ended blocks
  // on its full pipe for ever, so it is still there when the wait gives up.
  for (const end = Date.now() + 10_000; children().length && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(children(), [], "no git children left");
  // and the same epoch read to the end gives every commit
  let all = 0;
  for await (const it of publicInboxSource(inbox).read()) if (it.kind === "message") all++;
  assert.equal(all, 1500);
});

test("public-inbox: large blobs (a 3 MB message) come through cat-file intact", async (t) => {
  const inbox = tempDir(t);
  const big = msg("big", "y".repeat(79) + "\n".repeat(1)).replace("Hello.", "") + ("z".repeat(99) + "\n").repeat(30_000);
  buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", big, 1720000001], ["m", msg("b"), 1720000002]]);
  const r = await drain(publicInboxSource(inbox));
  assert.deepEqual(ids(r.items), ["a@example.com", "big@example.com", "b@example.com"]);
  assert.ok(r.items[1].kind === "message" && r.items[1].bytes.equals(Buffer.from(big)));
});

test("public-inbox: an empty epoch is 0 messages; HEAD on a missing branch is a clear error naming the epoch, other epochs still read", async (t) => {
  const inbox = tempDir(t);
  buildEpoch(inbox, 0, [["m", msg("a"), 1720000000]]);
  execFileSync("git", ["init", "-q", "--bare", join(inbox, "git", "1.git")], { env }); // no commits yet
  buildEpoch(inbox, 3, [["m", msg("c"), 1720000300]]);
  let r = await drain(publicInboxSource(inbox));
  assert.equal(r.error, undefined, String(r.error));
  assert.deepEqual(ids(r.items), ["a@example.com", "c@example.com"]);
  assert.equal(r.cursor!.epochs && (r.cursor!.epochs as Record<string, string>)["1"], undefined);

  const e2 = buildEpoch(inbox, 2, [["m", msg("b"), 1720000200]]);
  execFileSync("git", ["symbolic-ref", "HEAD", "refs/heads/gone"], { env: { ...env, GIT_DIR: e2 } });
  r = await drain(publicInboxSource(inbox));
  assert.deepEqual(ids(r.items), ["a@example.com", "c@example.com"], "the readable epochs are read");
  assert.ok(r.error);
  assert.ok(r.error.message.includes(e2), r.error.message);
  assert.match(r.error.message, /HEAD points at refs\/heads\/gone, which does not exist \(its branches: refs\/heads\/master\)/);
  assert.doesNotMatch(r.error.message, /fatal|ambiguous argument/);
});
