// A REAL public-inbox server on loopback for the sync tests and benchmark (Debian public-inbox 1.9).
// Builds v2 inboxes in temp dirs, either from real epochs (../shared/archives) or from mbox.gz files
// (../shared/corpus) written into epochs with `git fast-import` (the way public-inbox's own importer
// writes them: one commit per message, blob `m`), then runs public-inbox-index and public-inbox-httpd.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, cpSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { splitMbox } from "../../loaders/sources/mbox.ts";

import { SHARED } from "./shared.ts";
import { cachedEntry } from "./cache-entry.ts";
export { SHARED };

/** Why the real-server tests cannot run here, or undefined when they can. */
export function skipReason(needShared = true): string | undefined {
  for (const bin of ["public-inbox-init", "public-inbox-index", "public-inbox-httpd", "git"]) {
    if (spawnSync("which", [bin]).status !== 0) return `${bin} not installed (apt-get install -y public-inbox git)`;
  }
  if (needShared && !existsSync(join(SHARED, "archives")) ) return `../shared is absent (${SHARED})`;
  return undefined;
}

export interface InboxSpec {
  name: string;
  address: string;
  /** Copy these real v2 epoch dirs (e.g. ../shared/archives/ksummit.lists.linux.dev). */
  epochsFrom?: string;
  /** Or import these mbox(.gz) files (deduplicated by Message-ID) ... */
  mboxes?: string[];
  /** ... or these raw messages. */
  messages?: Buffer[];
  /** Messages dated at or after these times (ms) go to the next epoch: [t] gives epochs 0 and 1. */
  epochSplits?: number[];
}

export interface BuiltInbox {
  name: string;
  address: string;
  dir: string;
  /** Set when this call built the inbox (not a cache hit): ms spent importing and indexing. */
  built?: { importMs: number; indexMs: number };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: Buffer): void {
  const r = spawnSync(cmd, args, { env, input, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr?.toString().slice(-2000)}`);
}

/** run() without blocking the event loop, so several inboxes can be built at once. */
function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr!.on("data", (c) => { err = (err + c).slice(-2000); });
    p.on("error", rej);
    p.on("close", (code) => code === 0 ? res() : rej(new Error(`${cmd} ${args.join(" ")} failed (${code}): ${err}`)));
  });
}

function piEnv(home: string): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  return { ...process.env, HOME: home, PI_CONFIG: join(home, "pi-config") };
}

/** Build (or reuse from cache) an indexed v2 inbox. Cached builds are read-only: copy before mutating. */
export async function buildInbox(spec: InboxSpec, parent?: string): Promise<BuiltInbox> {
  const key = createHash("sha1").update(JSON.stringify({
    v: 4, spec: { ...spec, messages: spec.messages?.map((m) => createHash("sha1").update(m).digest("hex")) },
    inputs: [spec.epochsFrom, ...(spec.mboxes ?? [])].filter(Boolean).map((p) => { const s = statSync(p!); return [p, s.size, s.mtimeMs]; }),
  })).digest("hex").slice(0, 16);
  const cacheRoot = parent ?? join(tmpdir(), "threadgraph-pi-cache");
  let t0 = Date.now();
  // Big inboxes take minutes to build: say what is happening, so a long suite is never silent.
  const say = (what: string) => console.log(`# inbox ${spec.name}: ${what} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  let built: BuiltInbox["built"];
  // Several test files index the same inbox: one builds it under a lock, the others wait and reuse it.
  const entry = await cachedEntry(cacheRoot, `${spec.name}-${key}`, async (work) => {
    t0 = Date.now();
    const env = piEnv(join(work, ".home"));
    say(`building in ${work}`);
    if (spec.epochsFrom) {
      cpSync(join(spec.epochsFrom, "git"), join(work, "git"), { recursive: true });
      run("chmod", ["-R", "u+w", join(work, "git")], process.env); // ../shared is read-only; the inbox must be writable
    } else {
      const it = spec.mboxes ? messagesFromMboxes(spec.mboxes) : arrayIter(spec.messages ?? []);
      await importMessages(work, it, spec.epochSplits ?? [], 0, false, (n) => say(`imported ${n} messages`));
    }
    const t1 = Date.now();
    say("imported; indexing with public-inbox-index");
    const beat = setInterval(() => say("still indexing"), 30_000);
    await runAsync("public-inbox-init", ["-V2", "-L", "medium", spec.name, work, `http://127.0.0.1/${spec.name}`, spec.address], env);
    // big batches: far fewer Xapian flushes on the initial index (the default 1m flushes ~200 times for netdev)
    try {
      await runAsync("public-inbox-index", ["--no-fsync", "--batch-size=64m", work], env);
    } finally {
      clearInterval(beat);
    }
    say("indexed");
    built = { importMs: t1 - t0, indexMs: Date.now() - t1 };
    rmSync(join(work, ".home"), { recursive: true, force: true });
  }, { label: `inbox ${spec.name}`, say: (msg) => console.log(`# ${msg}`) });
  return { name: spec.name, address: spec.address, dir: entry.dir, built };
}

/** A private, writable copy of a built inbox (for tests that append to it). */
export function copyInbox(ibx: BuiltInbox, parent: string): BuiltInbox {
  const dir = join(parent, ibx.name);
  cpSync(ibx.dir, dir, { recursive: true });
  return { ...ibx, dir };
}

/** Append messages to the newest epoch (or `epoch`) and re-index, as a list delivery would. */
export async function appendMessages(ibx: BuiltInbox, msgs: Buffer[]): Promise<void> {
  const env = piEnv(mkdtempSync(join(tmpdir(), "tg-pi-home-")));
  writePiConfig(env.PI_CONFIG!, [ibx], 0);
  await importMessages(ibx.dir, arrayIter(msgs), [], lastEpoch(ibx.dir), true);
  run("public-inbox-index", [ibx.dir], env);
  rmSync(env.HOME!, { recursive: true, force: true });
}

function lastEpoch(dir: string): number {
  let n = 0;
  while (existsSync(join(dir, "git", `${n + 1}.git`))) n++;
  return n;
}

async function* arrayIter(a: Buffer[]): AsyncGenerator<Buffer> { yield* a; }

async function* messagesFromMboxes(paths: string[]): AsyncGenerator<Buffer> {
  const seen = new Set<string>();
  for (const p of paths) {
    const raw = createReadStream(p);
    const input = p.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
    for await (const m of splitMbox(input)) {
      const id = headerValue(m.bytes, "message-id") ?? createHash("sha1").update(m.bytes).digest("hex");
      if (seen.has(id)) continue;
      seen.add(id);
      yield m.bytes;
    }
  }
}

/** First value of a header in the raw head (unfolded, trimmed); good enough for test plumbing. */
export function headerValue(msg: Buffer, name: string): string | undefined {
  const end = msg.indexOf("\n\n");
  const head = msg.subarray(0, end < 0 ? msg.length : end).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head);
  return m?.[1].trim();
}

function dateOf(msg: Buffer): number {
  const d = Date.parse(headerValue(msg, "date") ?? "");
  return Number.isFinite(d) && d > 0 ? d : Date.parse("2024-01-01T00:00:00Z");
}

/**
 * Write messages as v2 commits with `git fast-import`: one fast-import process per epoch.
 * Committer time is kept non-decreasing so an epoch's tip time (manifest "modified") is its newest.
 */
async function importMessages(dir: string, msgs: AsyncIterable<Buffer>, splits: number[], firstEpoch: number, append = false,
  progress?: (n: number) => void): Promise<void> {
  let n = 0, lastSaid = Date.now();
  const procs = new Map<number, { p: ChildProcess; done: Promise<void>; last: number; first: boolean }>();
  const open = (n: number) => {
    let e = procs.get(n);
    if (e) return e;
    const gitDir = join(dir, "git", `${n}.git`);
    const exists = existsSync(gitDir);
    if (!exists) run("git", ["init", "-q", "--bare", gitDir], process.env);
    const p = spawn("git", ["--git-dir", gitDir, "fast-import", "--quiet", "--done"], { stdio: ["pipe", "ignore", "pipe"] });
    let err = "";
    p.stderr!.on("data", (c) => { err += c; });
    p.stdin!.on("error", () => {}); // a dying fast-import reports through its exit status
    const done = new Promise<void>((res, rej) => p.on("close", (code) => code === 0 ? res() : rej(new Error(`git fast-import: ${err}`))));
    e = { p, done, last: 0, first: append && exists };
    procs.set(n, e);
    return e;
  };
  for await (const msg of msgs) {
    const date = dateOf(msg);
    const epoch = firstEpoch + splits.filter((s) => date >= s).length;
    const e = open(epoch);
    const t = Math.max(Math.floor(date / 1000), e.last);
    e.last = t;
    const subject = "m";
    const hdr = `commit refs/heads/master\nauthor tg <tg@example.invalid> ${t} +0000\ncommitter tg <tg@example.invalid> ${t} +0000\n` +
      `data ${subject.length}\n${subject}\n${e.first ? "from refs/heads/master^0\n" : ""}M 100644 inline m\ndata ${msg.length}\n`;
    e.first = false;
    e.p.stdin!.write(hdr);
    e.p.stdin!.write(msg);
    if (progress && ++n % 500 === 0 && Date.now() - lastSaid > 10_000) { lastSaid = Date.now(); progress(n); }
    if (!e.p.stdin!.write("\n")) {
      await new Promise((r) => e.p.stdin!.once("drain", r));
    }
  }
  for (const e of procs.values()) e.p.stdin!.end("done\n");
  await Promise.all([...procs.values()].map((e) => e.done));
}

function writePiConfig(file: string, inboxes: BuiltInbox[], port: number): void {
  const lines = inboxes.flatMap((i) => [
    `[publicinbox "${i.name}"]`, `\tinboxdir = ${i.dir}`, `\turl = http://127.0.0.1:${port}/${i.name}`,
    `\taddress = ${i.address}`, `\tindexlevel = medium`,
  ]);
  writeFileSync(file, lines.join("\n") + "\n");
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on("error", rej);
  });
}

export interface RunningServer {
  port: number;
  base: string;
  inboxUrl(name: string): string;
  /**
   * After appendMessages: SIGHUP makes public-inbox-httpd reload its config and reopen the
   * inboxes (a running httpd keeps its Xapian revision, so new mail is not searchable before).
   */
  reload(ready?: () => Promise<boolean>): Promise<void>;
  stop(): Promise<void>;
}

/** Start public-inbox-httpd on a free loopback port serving `inboxes`. Always call stop() (in a finally/after). */
export async function startServer(inboxes: BuiltInbox[]): Promise<RunningServer> {
  const home = mkdtempSync(join(tmpdir(), "tg-pi-httpd-"));
  const env = piEnv(home);
  const port = await freePort();
  writePiConfig(env.PI_CONFIG!, inboxes, port);
  const p = spawn("public-inbox-httpd", ["-W0", "-l", `http://127.0.0.1:${port}`], { env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  p.stderr!.on("data", (c) => { err += c; });
  const exited = new Promise<void>((r) => p.on("exit", () => r()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
    const t = setTimeout(() => p.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(t);
    rmSync(home, { recursive: true, force: true });
  };
  // Wait until it answers.
  for (let i = 0; ; i++) {
    if (p.exitCode !== null) throw new Error(`public-inbox-httpd exited: ${err}`);
    try {
      const r = await fetch(`${base}/${inboxes[0].name}/manifest.js.gz`);
      await r.arrayBuffer();
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (i > 200) { await stop(); throw new Error(`public-inbox-httpd did not start: ${err}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  const reload = async (ready?: () => Promise<boolean>) => {
    p.kill("SIGHUP");
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 200));
      if (!ready || await ready()) return;
    }
    throw new Error("public-inbox-httpd did not pick up the new mail after SIGHUP");
  };
  return { port, base, inboxUrl: (n) => `${base}/${n}/`, reload, stop };
}
