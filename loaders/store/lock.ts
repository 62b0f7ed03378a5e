// One writer at a time per store. store.lock names its owner: a random token, pid, the process's
// start time (/proc/<pid>/stat) and host. A lock whose owner died (or whose pid now belongs to
// another process: pid reuse, pid 1 in containers) is stale and taken over.
//
// Races: the lock file appears whole (written to a temp file, then link()ed: no reader ever sees
// an empty lock). A stale lock is never unlinked, it is replaced: a taker first claims the dead
// owner's token by link()ing `store.lock.next-<token>` (exactly one taker can), checks that the
// claimed owner is still in the chain that starts at store.lock, then renames its record over
// store.lock. A claim left by a taker that died is followed like the lock itself. Release removes
// store.lock only if it still holds the releaser's token.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from "node:fs";
import { hostname } from "node:os";
import { basename, join } from "node:path";
import { namedError, writeFileNamed } from "./write-file.ts";

export const LOCK_FILE = "store.lock";

export interface LockOwner {
  token: string; pid: number; start: string | null; host: string; time: number;
  /** The file held no owner record (junk, or a writer of an older version between create and write). */
  unreadable?: boolean;
}

export interface StoreLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** Whether store.lock still names this owner. */
  held(): boolean;
  /** Remove store.lock if it is still ours (never someone else's). */
  release(): void;
}

export function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function processStart(pid: number): string | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    return s.slice(s.lastIndexOf(")") + 2).split(" ")[19] ?? null; // fields after comm start at field 3
  } catch {
    return null;
  }
}

/** Epoch ms at which the process started (Linux; USER_HZ is 100), or null. */
function processStartMs(pid: number): number | null {
  const ticks = processStart(pid);
  if (ticks === null) return null;
  try {
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    return Number.isFinite(btime) ? btime * 1000 + Number(ticks) * 10 : null;
  } catch {
    return null;
  }
}

/** Whether the writer that wrote this record may still be running. */
export function ownerAlive(o: LockOwner, writtenMs: number): boolean {
  if (o.host !== hostname()) return true; // another machine's processes cannot be checked here
  if (!(o.pid > 0) || !processAlive(o.pid)) return false;
  if (o.start !== null) {
    const now = processStart(o.pid);
    return now === null || now === o.start; // same pid, other start time: the pid was reused
  }
  // A record without start time (written by an older version): a process that started after
  // the lock was written cannot be its owner.
  const started = processStartMs(o.pid);
  return started === null || started <= writtenMs + 2000;
}

interface Rec { owner: LockOwner; file: string; writtenMs: number }

/** The record in `file`, or null when it does not exist (any more). */
function readRec(file: string): Rec | null {
  let text: string, st;
  try {
    text = readFileSync(file, "utf8");
    st = statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    if ((e as NodeJS.ErrnoException).code === "EISDIR") {
      throw new Error(`${file}: the store lock is a directory, which threadgraph never makes; nothing was changed. ` +
        `If no threadgraph command is running on this store, remove it (rm -r ${file}) and run the command again`);
    }
    throw new Error(`${file}: cannot read the store lock (${(e as Error).message})`);
  }
  const legacy = { token: `legacy-${st.ino}-${Math.round(st.mtimeMs)}`, start: null, host: hostname(), time: st.mtimeMs };
  let owner: LockOwner;
  if (/^\s*\d+\s*$/.test(text)) owner = { ...legacy, pid: Number(text) }; // older versions wrote the bare pid
  else {
    try {
      const o = JSON.parse(text);
      if (!o || typeof o !== "object" || !Number.isInteger(o.pid) || o.pid <= 0) throw new Error("bad record");
      const rec = { pid: o.pid, start: typeof o.start === "string" ? o.start : null, host: typeof o.host === "string" ? o.host : hostname() };
      // A record naming a process and its start time, but with a token of another shape (another
      // version's), is still that process's lock (the start time tells a live owner from pid reuse):
      // it gets a token of ours, as claim files are named after it. Without a start time it is junk.
      if (typeof o.token === "string" && /^[a-z0-9-]{1,80}$/.test(o.token)) owner = { token: o.token, ...rec, time: Number(o.time) };
      else if (rec.start !== null) owner = { ...legacy, ...rec };
      else throw new Error("bad record");
    } catch {
      // Unreadable: an older writer between creating and writing it, or junk. Junk goes stale after a while.
      owner = { ...legacy, pid: Date.now() - st.mtimeMs < 10_000 ? process.pid : 0, unreadable: true };
    }
  }
  return { owner, file, writtenMs: st.mtimeMs };
}

const claimFile = (lock: string, token: string) => `${lock}.next-${token}`;

/** store.lock, then the claims that successive takers made on it; null if something vanished meanwhile. */
function readChain(lock: string): Rec[] | null {
  const first = readRec(lock);
  if (!first) return null;
  const chain = [first];
  for (let i = 0; i < 1000; i++) {
    const next = readRec(claimFile(lock, chain[chain.length - 1].owner.token));
    if (!next) break;
    chain.push(next);
  }
  return chain;
}

function busy(dir: string, lock: string, o: LockOwner): Error {
  if (o.unreadable) {
    // Not "by process <our own pid>": nobody is named in the file.
    return Object.assign(new Error(`${dir}: store lock ${lock} names no writer (it holds no owner record, written ` +
      `${Math.max(0, Math.round((Date.now() - o.time) / 1000))} s ago: a writer may be creating it). Try again in a few seconds; ` +
      "a lock that stays unreadable is taken over after 10 s"), { code: "ESTORELOCKED" });
  }
  const where = o.host === hostname() ? "" : ` on host ${o.host}`;
  return Object.assign(new Error(`${dir}: store is being written by process ${o.pid}${where} (lock ${lock}); ` +
    `wait for it to finish${where ? `, or delete ${lock} if no writer runs there` : ""}`), { code: "ESTORELOCKED" });
}

const unlinkQuiet = (f: string) => { try { unlinkSync(f); } catch { /* already gone */ } };

/** Take the store's writer lock now, or throw (code ESTORELOCKED) naming the live owner. */
export function acquireLock(dir: string): StoreLock {
  const lock = join(dir, LOCK_FILE);
  const me: LockOwner = { token: randomBytes(12).toString("hex"), pid: process.pid, start: processStart(process.pid), host: hostname(), time: Date.now() };
  const tmp = `${lock}.${me.token}.tmp`;
  try { mkdirSync(dir, { recursive: true }); } catch (e) { throw namedError(dir, e, "cannot create the store directory"); }
  writeFileNamed(tmp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        linkSync(tmp, lock);
        return taken(dir, lock, me);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw namedError(lock, e, "cannot create the store lock");
      }
      const chain = readChain(lock);
      if (!chain) continue; // released meanwhile: try again
      const last = chain[chain.length - 1];
      if (ownerAlive(last.owner, last.writtenMs)) throw busy(dir, lock, last.owner);
      const claim = claimFile(lock, last.owner.token);
      try {
        linkSync(tmp, claim);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") continue; // another taker was first: follow it
        throw new Error(`${claim}: cannot claim the stale store lock (${(e as Error).message})`);
      }
      // A finished takeover removes its claims, so a slow taker can claim a token that is no
      // longer in the chain: then it lost, and backs off.
      const now = readChain(lock);
      const mine = now?.[now.length - 1]?.owner.token === me.token && now.some((r) => r.owner.token === last.owner.token);
      if (!mine) {
        unlinkQuiet(claim);
        continue;
      }
      renameSync(tmp, lock);
      for (const r of now!) if (r.owner.token !== me.token) unlinkQuiet(claimFile(lock, r.owner.token));
      return taken(dir, lock, me);
    }
    throw new Error(`${lock}: could not take the store lock (too many concurrent takers); try again`);
  } finally {
    unlinkQuiet(tmp);
  }
}

function taken(dir: string, lock: string, me: LockOwner): StoreLock {
  // Holding the lock, every claim file is left over from a taker that lost or died; temp
  // records of dead takers go too.
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${LOCK_FILE}.`)) continue;
    const path = join(dir, f);
    if (f.startsWith(`${LOCK_FILE}.next-`)) unlinkQuiet(path);
    else if (f.endsWith(".tmp") && f !== basename(`${lock}.${me.token}.tmp`)) {
      const r = readRec(path);
      if (r && !ownerAlive(r.owner, r.writtenMs)) unlinkQuiet(path);
    }
  }
  const held = () => readRec(lock)?.owner.token === me.token;
  return {
    file: lock, owner: me, held,
    release() {
      if (held()) unlinkSync(lock); // only a dead owner's lock is ever taken over, so this cannot race
    },
  };
}

/** acquireLock, retrying while another writer holds the lock, for up to waitMs. */
export async function acquireLockWaiting(dir: string, waitMs: number): Promise<StoreLock> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return acquireLock(dir);
    } catch (e) {
      if ((e as { code?: string }).code !== "ESTORELOCKED" || Date.now() >= until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
