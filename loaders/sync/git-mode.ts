// git mode: mirror the public-inbox epochs a window needs, then read them incrementally.
// Epochs are discovered from <inbox>/manifest.js.gz (what public-inbox-httpd 1.9 and lore serve
// for grokmirror and public-inbox-clone: {"/<name>/git/N.git": {modified, ...}}), falling back
// to probing <inbox>/N/info/refs. Epoch N holds mail that arrived between the tips of N-1 and
// N, so the window needs epoch N only when modified(N) >= since and modified(N-1) < until
// (both with a margin for Date skew): the last 180 days of netdev never download old epochs.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ReadContext, Source, SourceCursor, SourceItem } from "../model/records.ts";
import { publicInboxSource } from "../sources/public-inbox.ts";
import { normalizeInbox } from "../sources/lore/http-source.ts";
import { parseHeaders, first } from "../parse/headers.ts";
import { parseDate } from "../parse/dates.ts";
import type { HttpClient } from "../sources/lore/http-client.ts";
import { gunzipToBuffer } from "../sources/lore/gzip-body.ts";
import { HttpError } from "../sources/lore/http-errors.ts";
import { DAY, inWindow, type Window } from "../model/window.ts";
import { DEFAULT_MAX_EPOCH_BYTES, EpochCapError, newObjectBytes, objectFiles, refSnapshot, rollBackFetch } from "./epoch-cap.ts";

export interface Epoch {
  n: number;
  /** Tip commit time (ms), when the server said. */
  modified?: number;
}

export async function discoverEpochs(client: HttpClient, inbox: string): Promise<Epoch[]> {
  const base = normalizeInbox(inbox);
  const res = await client.request(`${base}manifest.js.gz`);
  if (res.status === 200 && res.body[0] === 0x1f && res.body[1] === 0x8b) {
    let json: unknown;
    try {
      // Bounded like every body: a manifest bomb costs at most the response limit.
      json = JSON.parse((await gunzipToBuffer(res.url, res.body, client.opts.maxResponseBytes)).toString("utf8"));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new Error(`${base}manifest.js.gz: unreadable manifest (${(e as Error).message})`);
    }
    // Untrusted JSON: anything but an object of epoch entries is no manifest (probe instead).
    const entries = json && typeof json === "object" && !Array.isArray(json) ? Object.entries(json) : [];
    const eps = entries.flatMap(([path, v]) => {
      const m = /\/git\/(\d{1,6})\.git$/.exec(path);
      const modified = v && typeof v === "object" ? (v as { modified?: unknown }).modified : undefined;
      return m ? [{ n: Number(m[1]), modified: typeof modified === "number" && Number.isFinite(modified) ? modified * 1000 : undefined }] : [];
    });
    if (eps.length) return eps.sort((a, b) => a.n - b.n);
  }
  // No manifest: probe epochs one by one (each probe is one small request).
  const eps: Epoch[] = [];
  for (let n = 0; n < 1000; n++) {
    const r = await client.request(`${base}${n}/info/refs?service=git-upload-pack`);
    if (r.status !== 200) break;
    eps.push({ n });
  }
  if (!eps.length) throw new Error(`${base}: no public-inbox epochs found (no manifest.js.gz, no ${base}0/)`);
  return eps;
}

/** The epochs whose arrival span can hold messages dated inside the window. */
export function epochsForWindow(eps: Epoch[], w: Window, marginMs = 14 * DAY): Epoch[] {
  return eps.filter((e, i) => {
    if (e.modified !== undefined && e.modified < w.since - marginMs) return false;
    const prev = eps[i - 1]?.modified;
    if (w.until !== null && prev !== undefined && prev > w.until + marginMs) return false;
    return true;
  });
}

export interface GitProgress {
  epoch: number;
  action: "clone" | "fetch";
  objects?: number;
  totalObjects?: number;
  /** Bytes received so far, as git reports them. */
  bytes?: number;
}

/**
 * git's own HTTP reads an epoch's ref advertisement whole, with no size or time limit (an endless
 * info/refs grew git-remote-http past 8 GB), and follows a redirect to any host. So the
 * advertisement is fetched first through the HttpClient (byte limit, deadline, a redirect reported
 * with its Location, never followed), and git itself is told not to follow redirects.
 */
export async function probeEpoch(client: HttpClient, url: string): Promise<void> {
  const refs = `${url}/info/refs?service=git-upload-pack`;
  const res = await client.request(refs);
  if (res.status !== 200) throw new HttpError(refs, `HTTP ${res.status}: no git epoch here`, res.status);
  const head = res.body.subarray(0, 64).toString("latin1");
  // smart HTTP (pkt-line "# service=") or the dumb protocol's "<sha>\t<ref>" lines; nothing for no refs
  if (head !== "" && !/^[0-9a-f]{4}# service=git-upload-pack\n/.test(head) && !/^[0-9a-f]{40}\t/.test(head)) {
    const what = /^\s*</.test(head) ? "an HTML page" : "no git ref advertisement";
    throw new HttpError(refs, `${what} instead of the epoch's git refs (is this a public-inbox server? try --mode http)`, res.status);
  }
}

/**
 * `git clone --mirror` a missing epoch (into a temp name, renamed when complete) or `git fetch` a
 * present one. With a client, the epoch is probed first (probeEpoch), so git never meets an
 * answer the client would refuse. At most `maxBytes` may arrive (epoch-cap.ts): past it git is
 * stopped, a clone leaves nothing and a fetch is rolled back, with an EpochCapError.
 */
export async function mirrorEpoch(inbox: string, n: number, dest: string, onProgress?: (p: GitProgress) => void, client?: HttpClient,
  maxBytes = DEFAULT_MAX_EPOCH_BYTES): Promise<"clone" | "fetch"> {
  const url = `${normalizeInbox(inbox)}${n}`;
  // Something else where the mirror goes (a file, a damaged mirror without HEAD): cloning a whole
  // epoch (about 1 GB) would end in a rename that fails; say so before anything is fetched.
  if (existsSync(dest) && !existsSync(join(dest, "HEAD")) && !isEmptyDir(dest)) {
    throw new Error(`${dest}: is in the way of epoch ${n}'s mirror (${statSync(dest).isDirectory() ? "a directory that is no git mirror: it has no HEAD" : "not a directory"}); ` +
      "nothing was fetched. Move it away (or delete it) and run sync again: the epoch is then cloned afresh");
  }
  if (client) await probeEpoch(client, url);
  if (existsSync(join(dest, "HEAD"))) {
    const refs = refSnapshot(dest), packs = objectFiles(dest);
    try {
      await git(["--git-dir", dest, "fetch", "--progress", "--prune", "origin"], url, (o, t, b) => onProgress?.({ epoch: n, action: "fetch", objects: o, totalObjects: t, bytes: b }),
        { epoch: n, dir: dest, before: packs, cap: maxBytes });
    } catch (e) {
      if (e instanceof EpochCapError) rollBackFetch(dest, refs, packs);
      throw e;
    }
    return "fetch";
  }
  const partial = `${dest}.partial`;
  rmSync(partial, { recursive: true, force: true }); // a killed clone starts over
  const created = mkdirSync(dirname(dest), { recursive: true });
  try {
    await git(["clone", "--mirror", "--progress", url, partial], url, (o, t, b) => onProgress?.({ epoch: n, action: "clone", objects: o, totalObjects: t, bytes: b }),
      { epoch: n, dir: partial, before: new Map(), cap: maxBytes });
  } catch (e) {
    // A failed clone leaves nothing behind: not its partial mirror, not the folders made for it.
    rmSync(partial, { recursive: true, force: true });
    if (created) removeEmptyDirs(dirname(dest), created);
    throw e;
  }
  renameSync(partial, dest);
  return "clone";
}

function isEmptyDir(p: string): boolean {
  try {
    return statSync(p).isDirectory() && readdirSync(p).length === 0;
  } catch {
    return false;
  }
}

const UNITS: Record<string, number> = { bytes: 1, KiB: 1024, MiB: 1 << 20, GiB: 1 << 30 };

/** What git may write: new pack bytes in `dir` beyond `before`, at most `cap`. */
interface Watch { epoch: number; dir: string; before: Map<string, number>; cap: number }

/** How often the pack being written is measured (git's progress lines may be rare or absent). */
const WATCH_MS = 100;

function git(args: string[], url: string, onObjects: (done: number, total: number, bytes?: number) => void, watch: Watch): Promise<void> {
  return new Promise((resolve, reject) => {
    // A stalled or drip-feeding server: git gives up below 1000 bytes/s for 60 s (unless set otherwise).
    const env = { GIT_HTTP_LOW_SPEED_LIMIT: "1000", GIT_HTTP_LOW_SPEED_TIME: "60", ...process.env, GIT_TERMINAL_PROMPT: "0" };
    // Received objects stay one pack (never exploded into loose objects), so what a transfer
    // wrote is its new pack files: measured while they grow, removed on a rollback.
    const p = spawn("git", ["-c", "http.followRedirects=false", "-c", "fetch.unpackLimit=1", "-c", "transfer.unpackLimit=1", ...args],
      { stdio: ["ignore", "ignore", "pipe"], env });
    const action = args.find((a) => a === "clone" || a === "fetch") ?? "fetch";
    let tail = "";
    let over = 0; // bytes seen when the cap was passed
    const stop = (seen: number) => {
      if (over) return;
      over = seen;
      // SIGTERM: git removes its temp files and stops the helpers it started (remote-http, index-pack)
      p.kill("SIGTERM");
    };
    const timer = setInterval(() => {
      const n = newObjectBytes(watch.dir, watch.before);
      if (n > watch.cap) stop(n);
    }, WATCH_MS);
    p.stderr.on("data", (c: Buffer) => {
      const s = c.toString();
      tail = (tail + s).slice(-4000);
      for (const m of s.matchAll(/Receiving objects:\s+\d+% \((\d+)\/(\d+)\)(?:, ([\d.]+) (bytes|KiB|MiB|GiB))?/g)) {
        const bytes = m[3] ? Math.round(Number(m[3]) * UNITS[m[4]]) : undefined;
        onObjects(Number(m[1]), Number(m[2]), bytes);
        if (bytes !== undefined && bytes > watch.cap) stop(bytes);
      }
    });
    p.on("error", (e) => {
      clearInterval(timer);
      reject(new Error(`git: ${e.message}`));
    });
    p.on("close", (code) => {
      clearInterval(timer);
      // a transfer too quick to be caught while it ran is measured once it ended
      const wrote = newObjectBytes(watch.dir, watch.before);
      if (!over && code === 0 && wrote > watch.cap) over = wrote;
      // a helper that outlived git may still be writing: clean up only once the pack dir is still
      if (over) void quiet(watch.dir).then(() => reject(new EpochCapError(watch.epoch, url, watch.cap, over, action)));
      else if (code === 0) resolve();
      else reject(new Error(`${url}: git ${action} failed (exit ${code}): ${tail.trim().split("\n").pop()}`));
    });
  });
}

/** Remove `dir` and its parents up to `top` (inclusive) while they are empty. */
function removeEmptyDirs(dir: string, top: string): void {
  for (let d = dir; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (another epoch, another list): it stays
    }
    if (d === top || dirname(d) === d) return;
  }
}

/** Resolves once <dir>/objects/pack has not changed for a few watch intervals (at most 5 s). */
async function quiet(dir: string): Promise<void> {
  const sig = () => [...objectFiles(dir)].map(([f, n]) => `${f}:${n}`).join(",");
  let last = sig();
  for (let still = 0, waited = 0; still < 3 && waited < 5000; waited += WATCH_MS) {
    await new Promise((r) => setTimeout(r, WATCH_MS));
    const now = sig();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** Date of a raw message as the archive would index it: Date header, else the commit time. */
export function messageDate(bytes: Buffer, fallback?: number): number | null {
  return parseDate(first(parseHeaders(bytes), "date")) ?? fallback ?? null;
}

/** Only messages dated inside the window pass (deletions and errors always pass). */
export function windowed(src: Source, w: Window, counts = { outside: 0 }): Source {
  return {
    ...src,
    read: async function* (cursor?: SourceCursor, ctx?: ReadContext): AsyncGenerator<SourceItem> {
      for await (const item of src.read(cursor, ctx)) {
        if (item.kind === "message") {
          const t = messageDate(item.bytes, item.fallbackDate);
          if (t === null || !inWindow(t, w)) {
            counts.outside++;
            // not stored, but the cursor moves past it (an epoch whose last commits fall outside still ends)
            yield { kind: "advance", provenance: item.provenance, cursor: item.cursor };
            continue;
          }
        }
        yield item;
      }
    },
  };
}

/**
 * The window an epoch's cursor has been read under: `windowed()` skips out-of-window commits
 * while the cursor moves past them, so a cursor is only valid for windows inside the one it
 * was read with. Cursor: { epochs: {...}, window: { since, until } } (until null: open).
 */
type CoveredWindow = { since: number; until: number | null };

function coveredWindow(c: SourceCursor | undefined): CoveredWindow | null {
  const w = c?.window as CoveredWindow | undefined;
  return w && typeof w.since === "number" && (w.until === null || typeof w.until === "number") ? w : null;
}

/** True when the new window reaches outside the one the cursor was read under (or that is unknown). */
export function needsReread(c: SourceCursor | undefined, w: Window): boolean {
  if (!c) return false;
  const was = coveredWindow(c);
  if (!was) return true; // a cursor from before windows were recorded: its skips are unknown
  if (w.since < was.since) return true;
  return was.until !== null && (w.until === null || w.until > was.until);
}

/**
 * Re-reads an epoch from its start when the window now reaches outside the window its cursor
 * was read under (dedup makes the re-read harmless). Every cursor handed out records the current
 * window: after a re-read it is what was read; otherwise it lies inside the recorded one, and
 * commits read from here on were filtered by it.
 */
export function windowCursor(src: Source, w: Window): Source {
  const window: CoveredWindow = { since: w.since, until: w.until };
  return {
    ...src,
    read: async function* (cursor?: SourceCursor, ctx?: ReadContext): AsyncGenerator<SourceItem> {
      const from = needsReread(cursor, w) ? undefined : cursor;
      for await (const item of src.read(from, ctx)) yield { ...item, cursor: { ...item.cursor, window } };
    },
  };
}

export function epochSource(dir: string, list: string, w: Window, counts?: { outside: number }): Source {
  return windowCursor(windowed(publicInboxSource(dir, { list }), w, counts), w);
}
