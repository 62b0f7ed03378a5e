// threadgraph ingest: local archives -> the store, with live progress and a per-source summary.
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { DEFAULT_LISTS, loadConfig, resolveStoreDir } from "../config.ts";
import { openSource, parseSourceSpec } from "../sources/index.ts";
import type { IngestProgress, IngestSummary } from "../store/api.ts";
import { ingest, IngestError } from "../pipeline/ingest.ts";
import { openStore } from "../store/store.ts";
import { formatTable } from "../store/format.ts";
import { storeExists } from "../store/new-store.ts";
import { analysisStale, describeRefresh, refreshAnalysis } from "../pipeline/refresh.ts";
import type { Source } from "../model/records.ts";
import { describeIdentity, resolveIdentityInputs, type ResolvedIdentity } from "../store/identity-inputs.ts";
import type { IdentityChoice } from "../store/settings.ts";
import { IDENTITY_OPTIONS, identityHelp, identityChoice } from "./identity-flags.ts";
import { MAINTAINERS_OPTIONS, keepUnanalysedChoice, maintainersChoice, maintainersHelp, preloadMaintainers } from "./maintainers-flags.ts";

export const help = `usage: threadgraph ingest [options] SOURCE...

Ingest local archives into the store. Re-running ingests only what is new.

SOURCE is [LIST=]PATH: an mbox file (plain or .gz), a Maildir directory, or a public-inbox
inbox (an inbox dir holding git/N.git epochs, or one epoch). LIST tags the archive's list,
e.g. netdev=archives/netdev.mbox.gz; it must be a tracked list (the config's lists, the default
ones, or one given with --list in the same command).

options:
  --store DIR            store directory (default: config store, data/store)
${identityHelp(23)}
${maintainersHelp(23)}
  --list NAME=ADDRESS    track another list (repeatable); linux-cxl, netdev, linux-rdma are default
  --batch-size N         messages per committed batch (default 2000)
  --json                 print the summary as JSON instead of a table
  --no-analyze           skip recomputing threads, graph and page artifacts afterwards
                         (run 'threadgraph analyze' later)
  -h, --help             this help

exit status: 0 ok, 1 a source failed (what was read before is kept), 2 usage error`;

function usageError(msg: string): number {
  console.error(`threadgraph ingest: ${msg}\n\n${help}`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        store: { type: "string" }, ...IDENTITY_OPTIONS, ...MAINTAINERS_OPTIONS,
        list: { type: "string", multiple: true }, "batch-size": { type: "string" }, json: { type: "boolean" },
        "no-analyze": { type: "boolean" },
      },
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const { values: v, positionals } = args;
  if (positionals.length === 0) return usageError("no SOURCE given");
  let choice: IdentityChoice;
  let maintainers: string | null | undefined;
  try { choice = identityChoice(v); maintainers = maintainersChoice(v); } catch (e) { return usageError((e as Error).message); }
  const extra: { name: string; address: string }[] = [];
  for (const l of v.list ?? []) {
    const m = /^([\w.+-]+)=([^@\s]+@[^@\s]+)$/.exec(l);
    if (!m) return usageError(`--list expects NAME=ADDRESS, got '${l}'`);
    extra.push({ name: m[1], address: m[2] });
  }
  const batchSize = v["batch-size"] !== undefined ? Number(v["batch-size"]) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) return usageError("--batch-size must be a positive integer");

  const config = await loadConfig();
  // A typo'd tag would silently create a new list: tags must name a tracked list.
  const tracked = new Set([...config.lists, ...DEFAULT_LISTS, ...extra].map((l) => l.name));
  for (const spec of positionals) {
    const { list } = parseSourceSpec(spec);
    if (list && !tracked.has(list)) {
      return usageError(`SOURCE ${spec}: '${list}' is not a tracked list (tracked: ${[...tracked].sort().join(", ")}). ` +
        `To track it, add --list ${list}=ADDRESS (e.g. --list ${list}=${list}@vger.kernel.org) or list it in threadgraph.config.ts; ` +
        `for a path containing '=', write ./${spec}`);
    }
  }
  let sources: Source[];
  try {
    sources = positionals.map(openSource); // fail before touching the store when a path is bad
  } catch (e) {
    console.error(`threadgraph ingest: ${(e as Error).message}`);
    return 1;
  }
  // One archive twice (netdev=x.mbox x.mbox): the second would silently re-tag (or untag) the first.
  const specOf = new Map<string, string>();
  for (const [i, s] of sources.entries()) {
    const other = specOf.get(s.id);
    if (other !== undefined) return usageError(`SOURCE ${positionals[i]} and ${other} are the same archive (${s.path}): give it once, with the list it belongs to`);
    specOf.set(s.id, positionals[i]);
  }
  const storeDir = await resolveStoreDir(v.store, config);
  let identity: ResolvedIdentity;
  try {
    identity = resolveIdentityInputs(storeDir, config, choice); // a missing file fails before the store is touched
    await preloadMaintainers(maintainers);
  } catch (e) {
    console.error(`threadgraph ingest: ${(e as Error).message}`);
    return 1;
  }
  (v.json ? console.error : console.log)(describeIdentity(identity));
  const store = await openStore(storeDir);
  const paths = new Map(sources.map((s) => [s.id, { path: s.path, size: s.sizeHint }]));
  const progress = process.stderr.isTTY ? progressPrinter(paths) : undefined;
  let summary: IngestSummary;
  let code = 0;
  let suspects = 0;
  try {
    summary = await ingest(store, sources, {
      lists: [...config.lists.map((l) => ({ name: l.name, address: l.address })), ...extra],
      mailmap: identity.mailmap, overrides: identity.overrides, rememberIdentity: identity.remember,
      batchSize,
      onProgress: progress?.update,
    });
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    summary = e.summary;
    progress?.done();
    console.error(`threadgraph ingest: ${e.message}`);
    code = 1;
  } finally {
    progress?.done();
    suspects = await countSuspects(store);
    await store.close();
  }
  if (v.json) console.log(JSON.stringify(summary));
  else printSummary(summary);
  if (suspects > 0) {
    (v.json ? console.error : console.log)(`${suspects} suspected duplicate ${suspects === 1 ? "pair" : "pairs"} of people: ` +
      `see \`threadgraph query 'SELECT * FROM people_suspects'\` (docs/identity.md)`);
  }
  for (const x of summary.sources) {
    if (x.renamed) {
      (v.json ? console.error : console.log)(`${x.renamed.to}: the stored archive ${x.renamed.from}, moved here: read on from where it was read`);
    }
    if (x.retagged) {
      (v.json ? console.error : console.log)(`${x.path ?? x.source}: re-tagged ${x.retagged.from ?? "(no list)"} -> ${x.retagged.to ?? "(no list)"}: read again, its messages now count for ${x.retagged.to ?? "no list"}`);
    }
  }
  keepUnanalysedChoice(storeDir, maintainers, v["no-analyze"], code === 0);
  // Derived tables and page artifacts follow every change, even a partial run's, and are redone
  // when missing or older than the mail (a refresh that was killed or skipped).
  // A failed ingest into a directory without a store left none: nothing to analyse, nothing to create.
  if (!v["no-analyze"] && storeExists(storeDir) && (maintainers !== undefined || summary.peopleChanged || summary.sources.some((x) => x.new + x.deleted > 0 || x.retagged) || analysisStale(storeDir))) {
    try {
      const r = await refreshAnalysis({ storeDir, lists: [...config.lists.map((l) => l.name), ...extra.map((l) => l.name)], maintainers });
      (v.json ? console.error : console.log)(describeRefresh(r));
    } catch (e) {
      // The ingest itself is committed; only the refresh failed (e.g. a bad config window).
      console.error(`threadgraph ingest: analysis failed (the ingested mail is stored; fix and run 'threadgraph analyze'): ${(e as Error).message}`);
      return 1;
    }
  }
  return code;
}

/** Pairs in people_suspects (0 when the people tables could not be read). */
async function countSuspects(store: Awaited<ReturnType<typeof openStore>>): Promise<number> {
  try {
    return Number((await store.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM people_suspects"))[0].n);
  } catch {
    return 0;
  }
}

function printSummary(s: IngestSummary): void {
  const rows = s.sources.map((x) => ({
    source: basename(x.path ?? x.source.replace(/^\w+:/, "")), list: x.list ?? "", seen: x.seen, new: x.new,
    duplicate: x.duplicate, conflicting: x.conflicting, deleted: x.deleted, error: x.error,
  }));
  console.log(formatTable(rows));
  const n = s.sources.reduce((a, x) => a + x.seen, 0);
  console.log(`${n} entries in ${(s.elapsedMs / 1000).toFixed(1)} s (${Math.round(n / Math.max(s.elapsedMs / 1000, 1e-3))} msg/s)`);
}

/**
 * How far this process has read into `path` (Linux /proc fdinfo). For a .gz the decoded byte
 * count says nothing about the compressed file's progress; the file position does.
 */
function readPosition(path: string): number | null {
  try {
    for (const fd of readdirSync("/proc/self/fd")) {
      let target = "";
      try { target = readlinkSync(`/proc/self/fd/${fd}`); } catch { continue; }
      if (target !== path) continue;
      const m = /^pos:\s*(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, "utf8"));
      if (m) return Number(m[1]);
    }
  } catch { /* not Linux: no ETA for compressed files */ }
  return null;
}

function progressPrinter(paths: Map<string, { path: string; size?: number }>) {
  let shown = false;
  return {
    update(p: IngestProgress) {
      const secs = Math.max(p.elapsedMs / 1000, 1e-3);
      const src = paths.get(p.source);
      let line = `${basename(src?.path ?? p.source)}  ${p.messages} msgs  ${Math.round(p.messages / secs)} msg/s  ${(p.bytes / 1e6).toFixed(1)} MB`;
      // Fraction done: decoded bytes of a plain file, else the compressed file's read position.
      const total = p.totalBytes ?? src?.size;
      const done = p.totalBytes ? p.bytes : src ? readPosition(src.path) : null;
      if (total && done && done > 0 && done <= total) {
        const eta = ((total - done) / done) * secs;
        line += `  ${Math.floor((100 * done) / total)}%  ETA ${Math.round(eta)} s`;
      }
      process.stderr.write(`\r\x1b[K${line}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}
