// Agreement with public-inbox's own threading on the real ksummit epoch: index it with
// public-inbox-index, read each message's thread id (tid) from xap15/over.sqlite3, ingest the
// same epoch through our pipeline, and compare same-thread membership over all message pairs.
// The indexed inbox is the sync suites' cached ksummit build (indexing it costs ~30 CPU-s: once per run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { openStore } from "../../loaders/store/store.ts";
import { readCorpus } from "../../loaders/analysis/store-io.ts";
import { buildThreads } from "../../loaders/thread/index.ts";
import { buildInbox, skipReason } from "../helpers/public-inbox-server.ts";
import { KSUMMIT } from "../sync/fixture.ts";

const ARCHIVE = KSUMMIT.epochsFrom;
const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const piMissing = skipReason(false);
const skip = !existsSync(ARCHIVE) ? `skipped: ${ARCHIVE} is absent`
  : piMissing || !has("perl") ? `skipped: ${piMissing ?? "perl is not installed"}` : false;

/** Rand-style agreement from the contingency of two partitions (keys: message ids). */
export function pairAgreement(a: Map<string, string>, b: Map<string, string>) {
  const ids = [...a.keys()].filter((k) => b.has(k));
  const c2 = (n: number) => (n * (n - 1)) / 2;
  const count = (f: (id: string) => string) => { const m = new Map<string, number>(); for (const id of ids) m.set(f(id), (m.get(f(id)) ?? 0) + 1); return m; };
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + c2(n), 0);
  const sA = sum(count((id) => a.get(id)!)), sB = sum(count((id) => b.get(id)!)), sAB = sum(count((id) => `${a.get(id)}\u0000${b.get(id)}`));
  const pairs = c2(ids.length);
  const disagree = sA + sB - 2 * sAB;
  return { messages: ids.length, pairs, disagree, agreement: pairs ? 1 - disagree / pairs : 1, samePairsOurs: sA, samePairsPi: sB, samePairsBoth: sAB };
}

test("threads agree with public-inbox's tid on >= 99.5% of message pairs (ksummit epoch)", { skip, timeout: 300_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-pi-agree-"));
  try {
    // public-inbox-init + public-inbox-index of the epoch (or the build another test file made): read-only here
    const inbox = (await buildInbox(KSUMMIT)).dir;
    const env = { ...process.env, HOME: join(tmp, "home") };
    const t0 = Date.now();
    const run = (cmd: string, args: string[]) => {
      console.log(`# ${cmd} ... (${((Date.now() - t0) / 1000).toFixed(0)} s)`); // a long suite says what it is doing
      const r = spawnSync(cmd, args, { env, encoding: "utf8", maxBuffer: 64 << 20 });
      assert.equal(r.status, 0, `${cmd} failed: ${r.stderr}`);
      return r.stdout;
    };
    const sql = "SELECT m.mid, o.tid FROM over o JOIN id2num i ON i.num = o.num JOIN msgid m ON m.id = i.id";
    const out = run("perl", ["-MDBI", "-MDBD::SQLite", "-e", `my $d=DBI->connect("dbi:SQLite:dbname=$ARGV[0]","","",{RaiseError=>1,sqlite_open_flags=>DBD::SQLite::OPEN_READONLY()});
      my $s=$d->prepare($ARGV[1]); $s->execute; while (my @r=$s->fetchrow_array) { print "$r[0]\\t$r[1]\\n" }`, join(inbox, "xap15", "over.sqlite3"), sql]);
    const pi = new Map<string, string>();
    for (const line of out.split("\n")) { const [mid, tid] = line.split("\t"); if (mid) pi.set(mid, tid); }
    assert.ok(pi.size > 3000, `public-inbox indexed only ${pi.size} messages`);

    const store = join(tmp, "store");
    run(process.execPath, ["--import", "tsx", "loaders/cli.ts", "ingest", "--store", store, "--list", "ksummit=ksummit@lists.linux.dev", `ksummit=${join(inbox, "git", "0.git")}`]);
    const s = await openStore(store);
    const corpus = await readCorpus(s, ["ksummit"]);
    await s.close();
    const tr = buildThreads(corpus.messages);
    const ours = new Map(corpus.messages.map((m, i) => [m.id, tr.threading.threadId[i]]));
    const r = pairAgreement(ours, pi);
    // Print the disagreements: messages whose thread-mates differ between the two.
    const groups = (p: Map<string, string>) => { const g = new Map<string, Set<string>>(); for (const [id, t] of p) { if (!ours.has(id) || !pi.has(id)) continue; let s = g.get(t); if (!s) g.set(t, (s = new Set())); s.add(id); } return g; };
    const go = groups(ours), gp = groups(pi);
    const bad: string[] = [];
    for (const [id, t] of ours) {
      if (!pi.has(id)) continue;
      const a = go.get(t)!, b = gp.get(pi.get(id)!)!;
      if (a.size !== b.size || [...a].some((x) => !b.has(x))) bad.push(`${id}: ours ${a.size} msgs (thread ${t}), public-inbox ${b.size} msgs`);
    }
    console.log(`public-inbox agreement: ${r.messages} messages in both (ours ${ours.size}, pi ${pi.size}), ${r.pairs} pairs, ` +
      `${r.disagree} disagreeing pairs, agreement ${(100 * r.agreement).toFixed(4)}%; same-thread pairs ours ${r.samePairsOurs}, pi ${r.samePairsPi}, both ${r.samePairsBoth}`);
    console.log(`messages whose thread differs: ${bad.length}${bad.length ? "\n  " + bad.slice(0, 40).join("\n  ") : ""}`);
    assert.ok(r.agreement >= 0.995, `agreement ${r.agreement}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
