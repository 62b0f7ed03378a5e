// A directory cache shared between test processes (npm test runs files in parallel): an entry is built
// once, under a lock, in its own directory, and every other process that wants it waits for that build
// instead of building the same thing beside it (site builds, indexed public-inbox inboxes).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const READY = ".built";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Drop the leftovers of builders that died, and (with maxAgeMs) entries unused for that long. */
function prune(root: string, maxAgeMs?: number): void {
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    const dead = /\.(?:lock|part)-(\d+)$/.exec(name);
    try {
      if (dead ? !alive(Number(dead[1])) : maxAgeMs !== undefined && Date.now() - statSync(p).mtimeMs > maxAgeMs) rmSync(p, { recursive: true, force: true });
    } catch { /* another process pruned it first */ }
  }
}

export interface CacheOptions {
  /** Printed before the progress lines ("site 1a2b", "inbox netdev"). */
  label: string;
  say: (msg: string) => void;
  /** Delete entries of `root` unused for this long (default: never). */
  maxAgeMs?: number;
}

/**
 * The entry `root`/`key`, built by `build(dir)` in the entry's own directory if no process has built it
 * yet (in place, so the paths a build saw are the paths its users see). Entries are shared and
 * read-only: callers must not write to them. `built` tells whether this call built it.
 */
export async function cachedEntry(root: string, key: string, build: (dir: string) => Promise<void>, opts: CacheOptions): Promise<{ dir: string; built: boolean }> {
  const { label, say } = opts;
  mkdirSync(root, { recursive: true });
  prune(root, opts.maxAgeMs);
  const dir = join(root, key);
  const lockPrefix = `${key}.lock-`;
  const holders = () => readdirSync(root).filter((n) => n.startsWith(lockPrefix) && alive(Number(n.slice(lockPrefix.length))));
  let waited = false;
  for (;;) {
    if (existsSync(join(dir, READY))) {
      const now = new Date();
      utimesSync(dir, now, now); // in use: not pruned
      say(waited ? `${label}: built by another test process, reused` : `${label}: reused from ${root}`);
      return { dir, built: false };
    }
    const busy = holders();
    if (busy.length === 0) break;
    if (!waited) say(`${label}: another test process (${busy.join(", ")}) is building it; waiting`);
    waited = true;
    await sleep(500);
  }
  // Take the lock: our own lock file, then check that no other live process has one. Whoever sees
  // another withdraws and tries again after a random pause: of two that wrote theirs at once, at
  // least the later one sees the earlier one, so two never both build. ("The lowest pid wins" let a
  // higher pid that had already checked build beside a lower one that wrote its file just after.)
  const mine = `${lockPrefix}${process.pid}`;
  writeFileSync(join(root, mine), "");
  if (holders().some((n) => n !== mine)) {
    rmSync(join(root, mine), { force: true });
    await sleep(20 + Math.random() * 200);
    return cachedEntry(root, key, build, opts);
  }
  try {
    if (existsSync(join(dir, READY))) return { dir, built: false }; // finished between our check and our lock
    rmSync(dir, { recursive: true, force: true }); // a partial entry from a build that died
    mkdirSync(dir);
    try {
      await build(dir);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    writeFileSync(join(dir, READY), "");
    return { dir, built: true };
  } finally {
    rmSync(join(root, mine), { force: true });
  }
}
