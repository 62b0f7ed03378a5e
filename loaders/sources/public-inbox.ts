// public-inbox v2 source: one epoch (`git/N.git`) or an inbox dir holding git/*.git, epochs
// read in numeric order. Each commit adds blob `m` (a message) or `d` (a deletion). Blobs come
// through ONE long-lived `git cat-file --batch` per epoch, with requests pipelined ahead.
// Cursor: { epochs: { "<N>": lastCommitSha }, rereading?: ["<N>", ...] } (epochs being read again
// from their start; see readInbox). The commit time is the message's fallbackDate.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { ReadContext, Source, SourceCursor, SourceItem, StoredCopy } from "../model/records.ts";
import { SourceError } from "./errors.ts";
import { MAX_MESSAGE_BYTES, oversizedReason } from "./message-limit.ts";
import { CatFile, gitDirFor, gitSync, listCommits, type EpochCommit } from "./git-batch.ts";

export function isBareRepo(path: string): boolean {
  return existsSync(join(path, "HEAD")) && existsSync(join(path, "objects")) && statSync(path).isDirectory();
}

/** The epochs of an inbox dir (or [path] for one epoch), numerically ordered, or null. */
export function findEpochs(path: string): { n: number; dir: string }[] | null {
  if (/(^|\/)\d+\.git\/?$/.test(path) && isBareRepo(path)) return [{ n: Number(basename(path).replace(/\.git$/, "")), dir: path }];
  const gitDir = basename(path) === "git" ? path : join(path, "git");
  if (!existsSync(gitDir) || !statSync(gitDir).isDirectory()) return null;
  const eps = readdirSync(gitDir)
    .filter((e) => /^\d+\.git$/.test(e) && isBareRepo(join(gitDir, e)))
    .map((e) => ({ n: Number(e.slice(0, -4)), dir: join(gitDir, e) }))
    .sort((a, b) => a.n - b.n);
  return eps.length ? eps : null;
}

/**
 * Is the inbox (or epoch) at `path` the one `cursor` was taken on, moved or renamed? Every epoch
 * the cursor names is there, under the same number, and holds the commit read last: an epoch's
 * history is its identity (a commit id covers every commit before it).
 */
export function continuesInbox(path: string, cursor: SourceCursor | null | undefined): boolean {
  const read = cursor?.epochs && typeof cursor.epochs === "object" ? Object.entries(cursor.epochs as Record<string, unknown>) : [];
  const epochs = findEpochs(resolve(path));
  if (read.length === 0 || !epochs) return false;
  return read.every(([n, sha]) => {
    const ep = epochs.find((e) => String(e.n) === n);
    if (!ep || typeof sha !== "string" || !/^[0-9a-f]{40,64}$/.test(sha)) return false;
    const git = gitDirFor(ep.dir);
    try {
      return gitSync(git.env, ["cat-file", "-e", `${sha}^{commit}`]).ok;
    } finally {
      git.dispose();
    }
  });
}

export function publicInboxSource(path: string, opts: { list?: string; maxMessageBytes?: number } = {}): Source {
  const abs = resolve(path);
  const epochs = findEpochs(abs);
  if (!epochs) throw new SourceError(abs, "not a public-inbox epoch or inbox dir (expected git/N.git)");
  const id = `pi:${abs}`;
  return { id, kind: "public-inbox", path: abs, list: opts.list, read: (c?: SourceCursor, ctx?: ReadContext) => readInbox(abs, id, opts.list, epochs, opts.maxMessageBytes ?? MAX_MESSAGE_BYTES, c, ctx) };
}

const EMPTY = Buffer.alloc(0);

/** How many blob requests may be in flight ahead of the consumer. */
const AHEAD = 64;

async function* readInbox(
  abs: string, id: string, list: string | undefined, epochs: { n: number; dir: string }[], maxBytes: number, cursor?: SourceCursor, ctx?: ReadContext,
): AsyncGenerator<SourceItem> {
  const last: Record<string, string> = { ...((cursor?.epochs as Record<string, string>) ?? {}) };
  const rereading = new Set(Array.isArray(cursor?.rereading) ? (cursor.rereading as unknown[]).map(String) : []);
  const cursorNow = (): SourceCursor => ({ epochs: { ...last }, ...(rereading.size && { rereading: [...rereading] }) });
  const broken: SourceError[] = []; // an unreadable epoch does not stop the others
  for (const ep of epochs) {
    const git = gitDirFor(ep.dir);
    const head = epochHead(git.env);
    if (head !== "ok") {
      git.dispose();
      if (head !== "empty") broken.push(new SourceError(ep.dir, head));
      continue; // an epoch without commits holds 0 messages
    }
    const cat = new CatFile(git.env, maxBytes);
    let commits: AsyncGenerator<EpochCommit> | undefined;
    try {
      let since: string | null = last[String(ep.n)] ?? null;
      const source = `${id}#${ep.n}`;
      // History rewritten (e.g. a purge) or an unknown commit: read the epoch again, dedup copes.
      if (since && !gitSync(git.env, ["merge-base", "--is-ancestor", since, "HEAD"]).ok) since = null;
      // Read from the start (a rewritten history, a re-tag, a wider window, a lost cursor), or
      // resuming such a read: the stored copies whose commits the history now lacks are gone from
      // the archive. A re-tag reads from the start without a cursor to compare, and a purge may
      // come with it; a re-read cut short leaves copies past its cursor that a purge may remove.
      // Commits already stored with this tag are not stored again (a second, identical copy).
      let stored = new Set<string>();
      if ((since === null || rereading.has(String(ep.n))) && ctx?.storedCopies) {
        const copies = await ctx.storedCopies(source);
        if (since === null && copies.length) rereading.add(String(ep.n));
        yield* goneCopies(git.env, source, list, copies, cursorNow);
        stored = new Set(copies.filter((c) => (c.list ?? null) === (list ?? null)).map((c) => c.position));
      }
      // The depth of the first commit read: counted once, then one more per commit.
      let depth = since ? commitDepth(git.env, since) : 0;
      const queue: { c: EpochCommit; blob: Promise<Buffer | number | null> | null }[] = [];
      commits = listCommits(git.env, since);
      let exhausted = false;
      for (;;) {
        while (!exhausted && queue.length < AHEAD) {
          const r = await commits.next();
          if (r.done) {
            exhausted = true;
            break;
          }
          const sha = r.value.m ?? r.value.d;
          // a copy already stored is not read again
          queue.push({ c: r.value, blob: r.value.m && stored.has(r.value.sha) ? Promise.resolve(EMPTY) : sha ? cat.get(sha) : null });
        }
        const q = queue.shift();
        if (!q) break;
        last[String(ep.n)] = q.c.sha;
        // once its last commit is read, the epoch is no longer being read again
        if (exhausted && queue.length === 0) rereading.delete(String(ep.n));
        const cur = cursorNow();
        const provenance = { source, position: q.c.sha, list, seq: eventSeq(ep.n, ++depth) };
        const bytes = q.blob ? await q.blob : null;
        if (q.c.odd) {
          yield { kind: "error", provenance, reason: `commit ${q.c.sha}: ${q.c.odd}`, cursor: cur };
          continue;
        }
        if (!q.blob) {
          // a commit touching neither m nor d (none in real epochs): nothing to read, but the cursor
          // moves past it, so an epoch ending with such commits is read to its end (and its re-read clears)
          yield { kind: "advance", provenance, cursor: cur };
          continue;
        }
        if (!bytes) {
          yield { kind: "error", provenance, reason: `blob missing for commit ${q.c.sha}`, cursor: cur };
        } else if (typeof bytes === "number") {
          yield { kind: "error", provenance, reason: oversizedReason(bytes, maxBytes), cursor: cur };
        } else if (q.c.m && stored.has(q.c.sha)) {
          yield { kind: "stored", provenance, cursor: cur };
        } else if (q.c.m) {
          yield { kind: "message", bytes, provenance, fallbackDate: q.c.time * 1000, cursor: cur };
        } else {
          yield { kind: "delete", bytes, provenance, cursor: cur };
        }
      }
      // A re-read with no commit left to read (a cursor already at the epoch's tip): it ends here,
      // and an item says so, or every later run would check the epoch's stored copies again.
      if (rereading.delete(String(ep.n))) yield { kind: "advance", provenance: { source, position: last[String(ep.n)] ?? "", list }, cursor: cursorNow() };
    } catch (e) {
      throw new SourceError(ep.dir, `reading epoch: ${(e as Error).message}`);
    } finally {
      await commits?.return(undefined); // stop `git log` when the consumer stops early
      cat.close();
      git.dispose();
    }
  }
  if (broken.length === 1) throw broken[0];
  if (broken.length) throw new SourceError(abs, broken.map((b) => b.message).join("; "));
}

/**
 * Deletions of the stored copies of `source` (one epoch) whose commit is not in the epoch's
 * history any more (public-inbox-purge rewrites it without the purged message). Each hides that
 * copy only: a message still in the new history is read again at its new commit.
 */
async function* goneCopies(
  env: NodeJS.ProcessEnv, source: string, list: string | undefined, stored: StoredCopy[], cursor: () => SourceCursor,
): AsyncGenerator<SourceItem> {
  if (stored.length === 0) return;
  const r = gitSync(env, ["rev-list", "HEAD"]);
  if (!r.ok) throw new Error(`git rev-list HEAD failed: ${r.err.trim()}`);
  const reachable = new Set(r.out.split("\n").filter(Boolean));
  for (const c of stored) {
    if (reachable.has(c.position)) continue;
    yield { kind: "delete", bytes: Buffer.alloc(0), copyOf: c.messageId, provenance: { source, position: c.position, list }, cursor: cursor() };
  }
}

/** Commits per epoch the order leaves room for (public-inbox caps an epoch near 1 GB: far fewer). */
const EPOCH_SPAN = 1e9;
/** Epoch numbers past this (none real) share the last slot: the order stays a safe integer. */
const MAX_EPOCH = Math.floor(Number.MAX_SAFE_INTEGER / EPOCH_SPAN) - 1;

/**
 * The order of a commit in its inbox: epochs in number order, commits by depth in their epoch.
 * Intrinsic to the archive, so it is the same whichever run, re-read or path read the commit, and
 * a deletion and a later re-addition of the same message compare right (store/schema.ts arrivals).
 */
export function eventSeq(epoch: number, depth: number): number {
  return Math.min(epoch, MAX_EPOCH) * EPOCH_SPAN + Math.min(depth, EPOCH_SPAN - 1);
}

/** How many commits lead to `sha`, itself included (its depth in a linear epoch history). */
function commitDepth(env: NodeJS.ProcessEnv, sha: string): number {
  const r = gitSync(env, ["rev-list", "--count", sha]);
  const n = Number(r.out.trim());
  if (!r.ok || !Number.isSafeInteger(n)) throw new Error(`git rev-list --count ${sha} failed: ${r.err.trim()}`);
  return n;
}

/** "ok" when HEAD names a commit; "empty" for an epoch without any commit; else why HEAD is unusable. */
function epochHead(env: NodeJS.ProcessEnv): "ok" | "empty" | string {
  if (gitSync(env, ["rev-parse", "--verify", "-q", "HEAD^{commit}"]).ok) return "ok";
  const refs = gitSync(env, ["for-each-ref", "--format=%(refname)"]);
  const names = refs.out.split("\n").filter(Boolean);
  if (refs.ok && names.length === 0) return "empty";
  const target = gitSync(env, ["symbolic-ref", "-q", "HEAD"]);
  const what = target.ok ? `HEAD points at ${target.out.trim()}, which does not exist` : "HEAD does not name a commit";
  return `not a readable public-inbox epoch: ${what}${names.length ? ` (its branches: ${names.slice(0, 5).join(", ")})` : ""}`;
}
