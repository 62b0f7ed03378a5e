// threadgraph sync: refresh the store from lore (or any public-inbox server).
import { parseArgs } from "node:util";
import { loadConfig, resolveStoreDir, type ListConfig, type SyncMode, type ThreadgraphConfig } from "../config.ts";
import { inboxOf, sync, type SyncOptions } from "../sync/index.ts";
import { summaryTable } from "../sync/progress.ts";
import { httpOptionsFrom } from "../sources/lore/http-client.ts";
import { resolveWindow } from "../model/window.ts";
import { storeExists } from "../store/new-store.ts";
import { analysisStale, describeRefresh, refreshAnalysis } from "../pipeline/refresh.ts";
import { describeIdentity, resolveIdentityInputs } from "../store/identity-inputs.ts";
import { IDENTITY_OPTIONS, identityHelp, identityChoice } from "./identity-flags.ts";
import { MAINTAINERS_OPTIONS, keepUnanalysedChoice, maintainersChoice, maintainersHelp, preloadMaintainers } from "./maintainers-flags.ts";

export const help = `usage: threadgraph sync [options]

Refresh the store from lore.kernel.org (or any public-inbox server) for the lists and window
in threadgraph.config.ts. Incremental and resumable: re-run it any time, or after a kill.

options (each overrides the config for this run):
  --store DIR             the store (config: store)
  --list NAME=INBOX_URL   sync this list from this inbox; repeatable; replaces the config's lists
                          (the address comes from the config list of that name, else NAME@vger.kernel.org)
  --mode git|http         git: mirror the public-inbox epochs the window needs into
                          <archives>/<list>/git/N.git and read them; http: fetch date slices of
                          search results (POST <inbox>/?q=d:FROM..TO&x=m)
  --since DATE            YYYY-MM-DD or N days, e.g. 180d (config: since)
  --until DATE            exclusive end, YYYY-MM-DD (config: until; default: now)
  --archives DIR          where git mode keeps mirrors (config: archives)
  --max-per-slice N       treat a search slice with N messages as capped and split it (default 5000)
  --slice-days N          first slice width in days (default 7)
  --overlap-days N        days re-read before the last fetched slice on a refresh (default 3)
  --batch-size N          messages per committed store batch (a kill loses at most one batch)
  --no-analyze            skip recomputing threads, graph and page artifacts afterwards
${identityHelp(24)}
${maintainersHelp(24)}
  --json                  print the per-list summary as JSON

The refresh afterwards uses the store's report window (see 'threadgraph analyze --help').

exit status: 0 ok, 1 a list failed or a runtime error (what was fetched before is kept), 2 usage error`;

function usageError(msg: string): number {
  console.error(`threadgraph sync: ${msg}\n\n${help}`);
  return 2;
}

export function listsFromFlags(specs: string[], cfg: ThreadgraphConfig): ListConfig[] {
  return specs.map((spec) => {
    const m = /^([A-Za-z0-9][\w.+-]*)=(.+)$/.exec(spec);
    if (!m) throw new Error(`--list ${spec}: expected NAME=INBOX_URL`);
    if (!/^https?:\/\//.test(m[2])) throw new Error(`--list ${spec}: the inbox must be an http(s) URL`);
    const known = cfg.lists.find((l) => l.name === m[1]);
    return { name: m[1], address: known?.address ?? `${m[1]}@vger.kernel.org`, inbox: m[2], mode: known?.mode, aliases: known?.aliases };
  });
}

/**
 * The lists, each name and each inbox once: two lists on one inbox would share its store source
 * (its cursor and tag), each run re-tagging the other's copies; one name twice, one summary row.
 */
export function distinctLists(lists: ListConfig[]): ListConfig[] {
  const names = new Set<string>();
  const inboxes = new Map<string, string>();
  for (const l of lists) {
    if (names.has(l.name)) throw new Error(`the list ${l.name} is given twice`);
    names.add(l.name);
    const inbox = inboxOf(l);
    const other = inboxes.get(inbox);
    if (other !== undefined) throw new Error(`the lists ${other} and ${l.name} have the same inbox ${inbox}: give each list its own inbox`);
    inboxes.set(inbox, l.name);
  }
  return lists;
}

/** sync.maxEpochBytes from the config: a positive number of bytes, else a clear error. */
function maxEpochBytes(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 1) throw new Error(`sync.maxEpochBytes in threadgraph.config.ts: expected a number of bytes >= 1, got ${JSON.stringify(v)}`);
  return v;
}

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv, allowPositionals: false, strict: true,
      options: {
        store: { type: "string" }, list: { type: "string", multiple: true }, mode: { type: "string" },
        since: { type: "string" }, until: { type: "string" }, archives: { type: "string" },
        "max-per-slice": { type: "string" }, "slice-days": { type: "string" }, "overlap-days": { type: "string" },
        json: { type: "boolean" }, "batch-size": { type: "string" }, "no-analyze": { type: "boolean" },
        ...IDENTITY_OPTIONS, ...MAINTAINERS_OPTIONS,
      },
    }));
  } catch (e) {
    return usageError((e as Error).message);
  }
  const cfg = await loadConfig();
  if (values.mode && values.mode !== "git" && values.mode !== "http") return usageError(`--mode must be git or http, not '${values.mode}'`);
  const num = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} ${v}: expected a positive number`);
    return n;
  };
  const t = cfg.sync ?? {};
  let opts: SyncOptions;
  let choice;
  let maintainers: string | null | undefined;
  try {
    choice = identityChoice(values);
    maintainers = maintainersChoice(values);
    opts = {
      store: await resolveStoreDir(values.store, cfg),
      archives: values.archives ?? cfg.archives ?? "data/archives",
      lists: distinctLists(values.list?.length ? listsFromFlags(values.list, cfg) : cfg.lists),
      window: resolveWindow(values.since ?? cfg.since, values.until ?? cfg.until),
      mode: values.mode as SyncMode | undefined,
      defaultMode: cfg.mode,
      maxPerSlice: num(values["max-per-slice"], "max-per-slice") ?? t.maxPerSlice,
      initialSliceDays: num(values["slice-days"], "slice-days") ?? t.sliceDays,
      batchSize: num(values["batch-size"], "batch-size"),
      overlapDays: values["overlap-days"] !== undefined ? Number(values["overlap-days"]) : t.overlapDays,
      http: httpOptionsFrom(t),
      maxEpochBytes: maxEpochBytes(t.maxEpochBytes),
    };
  } catch (e) {
    // bad dates, list specs or numbers
    return usageError((e as Error).message);
  }
  try {
    // A missing mailmap/overrides file fails here, before anything is fetched or stored.
    const identity = resolveIdentityInputs(opts.store, cfg, choice);
    await preloadMaintainers(maintainers);
    Object.assign(opts, { mailmap: identity.mailmap, overrides: identity.overrides, rememberIdentity: identity.remember });
    (values.json ? console.error : console.log)(describeIdentity(identity));
    return await syncAndRefresh(opts, cfg, values, maintainers);
  } catch (e) {
    console.error(`threadgraph sync: ${(e as Error).message}`);
    return 1;
  }
}

async function syncAndRefresh(opts: SyncOptions, cfg: ThreadgraphConfig, values: { json?: boolean; "no-analyze"?: boolean }, maintainers?: string | null): Promise<number> {
  const res = await sync(opts);
  if (values.json) console.log(JSON.stringify(res, null, 2));
  else console.log(summaryTable(res.lists));
  keepUnanalysedChoice(opts.store, maintainers, values["no-analyze"], res.ok);
  // Derived tables and page artifacts follow every change, even a partial run's, and are redone
  // when missing or older than the mail (as ingest does).
  // A failed sync into a directory without a store left none: nothing to analyse, nothing to create.
  if (!values["no-analyze"] && storeExists(opts.store) && (maintainers !== undefined || res.peopleChanged || res.lists.some((l) => l.new + l.deleted > 0) || analysisStale(opts.store))) {
    const r = await refreshAnalysis({ storeDir: opts.store, lists: [...new Set([...cfg.lists, ...opts.lists].map((l) => l.name))], maintainers });
    (values.json ? console.error : console.log)(describeRefresh(r));
  }
  return res.ok ? 0 : 1;
}
