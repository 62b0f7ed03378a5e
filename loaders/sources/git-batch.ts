// Git plumbing for public-inbox epochs: a read-only-safe git dir, a streaming `git log`,
// and one long-lived `git cat-file --batch` that answers pipelined requests in order.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface GitDir {
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

/**
 * git refuses a repository without a refs/ directory, which is how some mirrored (read-only)
 * epochs arrive. Then run git against a small temp shim that borrows the epoch's objects.
 */
export function gitDirFor(epoch: string): GitDir {
  const base = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
  if (existsSync(join(epoch, "refs"))) return { env: { ...base, GIT_DIR: epoch }, dispose() {} };
  const shim = mkdtempSync(join(tmpdir(), "tg-epoch-"));
  mkdirSync(join(shim, "refs"));
  copyFileSync(join(epoch, "HEAD"), join(shim, "HEAD"));
  if (existsSync(join(epoch, "packed-refs"))) copyFileSync(join(epoch, "packed-refs"), join(shim, "packed-refs"));
  writeFileSync(join(shim, "config"), "[core]\n\tbare = true\n");
  return {
    env: { ...base, GIT_DIR: shim, GIT_OBJECT_DIRECTORY: join(epoch, "objects") },
    dispose: () => rmSync(shim, { recursive: true, force: true }),
  };
}

export function gitSync(env: NodeJS.ProcessEnv, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync("git", args, { env, encoding: "utf8", maxBuffer: 1 << 26 });
  return { ok: r.status === 0, out: r.stdout ?? "", err: r.stderr ?? "" };
}

export interface EpochCommit {
  sha: string;
  time: number; // commit time, seconds
  /** blob of `m` added or changed by this commit (a message) */
  m: string | null;
  /** blob of `d` added by this commit (a deletion) */
  d: string | null;
  /** Why this commit's `m` or `d` is no message blob (a symlink, a directory, a submodule): an errors row, not a silent skip. */
  odd?: string;
}

const MODES: Record<string, string> = { "120000": "a symlink", "160000": "a submodule", "040000": "a directory" };

/** Commits of HEAD after `since` (exclusive; all when null), oldest first, with their m/d blobs. */
export async function* listCommits(env: NodeJS.ProcessEnv, since: string | null): AsyncGenerator<EpochCommit> {
  const range = since ? `${since}..HEAD` : "HEAD";
  const p = spawn("git", ["log", "--reverse", "--raw", "--no-abbrev", "--no-renames", "--format=C %H %ct", range], { env });
  let err = "";
  p.stderr.on("data", (d) => (err += d));
  const exit = new Promise<number>((res) => {
    p.on("close", (c) => res(c ?? 1));
    p.on("error", (e) => {
      err += e.message;
      res(127);
    });
  });
  let cur: EpochCommit | null = null;
  try {
    for await (const line of createInterface({ input: p.stdout })) {
      if (line.startsWith("C ")) {
        if (cur) yield cur;
        const [, sha, t] = line.split(" ");
        cur = { sha, time: Number(t), m: null, d: null };
      } else if (line.startsWith(":") && cur) {
        // ":100644 100644 <old> <new> M\tm"
        const tab = line.indexOf("\t");
        const path = line.slice(tab + 1);
        const f = line.slice(0, tab).split(" ");
        const status = f[4];
        if (status === "D") continue;
        const top = path.split("/")[0];
        if (top !== "m" && top !== "d") continue;
        const mode = f[1];
        if (path !== top) cur.odd ??= `${top} is a directory (it holds ${path}), not a message blob`;
        else if (mode !== "100644" && mode !== "100755") cur.odd ??= `${top} is ${MODES[mode] ?? `of mode ${mode}`}, not a message blob`;
        else if (top === "m") cur.m = f[3];
        else cur.d = f[3];
      }
    }
    if (cur) yield cur;
    const code = await exit;
    if (code !== 0) throw new Error(`git log failed (${code}): ${err.trim()}`);
  } finally {
    if (p.exitCode === null) p.kill(); // the consumer stopped early
  }
}

/**
 * One `git cat-file --batch` process; get() calls may be pipelined and resolve in order. An object
 * over maxBytes is not held: its bytes are dropped as they arrive and get() gives its size.
 */
export class CatFile {
  private p: ChildProcessWithoutNullStreams;
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (b: Buffer | number | null) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | null = null;

  constructor(env: NodeJS.ProcessEnv, private readonly maxBytes = Infinity) {
    this.p = spawn("git", ["cat-file", "--batch"], { env });
    this.p.stdout.on("data", (d: Buffer) => this.onData(d));
    let err = "";
    this.p.stderr.on("data", (d) => (err += d));
    this.p.on("close", (code) => {
      if (this.waiting.length) this.fail(new Error(`git cat-file exited (${code}): ${err.trim()}`));
    });
    this.p.stdin.on("error", (e) => this.fail(e));
    this.p.on("error", (e) => this.fail(new Error(`git cat-file: ${e.message}`)));
  }

  /** The object's bytes, its size when over maxBytes, or null when it is missing. */
  get(sha: string): Promise<Buffer | number | null> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.requests += sha + "\n";
      this.flushing ??= setImmediate(() => this.flush());
    });
  }

  // Requests are written together once per event-loop turn: one pipe write per request cost
  // more main-thread time than reading the blobs.
  private requests = "";
  private flushing: NodeJS.Immediate | null = null;
  private flush(): void {
    this.flushing = null;
    if (this.requests && !this.failed) this.p.stdin.write(this.requests);
    this.requests = "";
  }

  close(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flush();
    this.p.stdin.end();
  }

  private fail(e: Error) {
    this.failed = e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }

  // Chunks wait in a list until a whole object is there, so a multi-MB blob arriving in 64 KiB
  // pieces is copied once, not once per piece.
  private chunks: Buffer[] = [];
  private pending = 0; // bytes in chunks
  private need = 0; // bytes the current object needs (header + body + "\n"), 0 when unknown
  private skip = 0; // bytes of an object over maxBytes still to drop

  private onData(d: Buffer) {
    if (this.skip) {
      const n = Math.min(this.skip, d.length);
      this.skip -= n;
      if (n === d.length) return;
      d = d.subarray(n);
    }
    this.chunks.push(d);
    this.pending += d.length;
    if (this.need && this.pending < this.need) return;
    this.buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [];
    this.pending = 0;
    this.need = 0;
    for (;;) {
      const nl = this.buf.indexOf(0x0a);
      if (nl < 0) break;
      const header = this.buf.toString("latin1", 0, nl);
      if (header.endsWith(" missing")) {
        this.buf = this.buf.subarray(nl + 1);
        this.waiting.shift()?.resolve(null);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(" ") + 1));
      if (size > this.maxBytes) {
        this.waiting.shift()?.resolve(size);
        const here = Math.min(this.buf.length - (nl + 1), size + 1);
        this.buf = this.buf.subarray(nl + 1 + here);
        this.skip = size + 1 - here;
        if (this.skip) break; // the rest of it is dropped as it arrives
        continue;
      }
      if (this.buf.length < nl + 1 + size + 1) {
        this.need = nl + 1 + size + 1;
        break;
      }
      const body = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.waiting.shift()?.resolve(body);
    }
    if (this.buf.length) {
      this.chunks.push(this.buf);
      this.pending = this.buf.length;
    }
    this.buf = Buffer.alloc(0);
  }
}
