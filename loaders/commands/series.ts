// threadgraph series: the lifecycle of the series that holds a message, from the store's
// derived series tables (written by analyze): every revision, its reviews and its outcome.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openExistingStore } from "./existing-store.ts";
import { analysisStale } from "../pipeline/refresh.ts";
import { formatTable } from "../store/format.ts";
import { sqlString } from "../store/sql.ts";
import { bareId, parseThreadRef } from "../sources/lore/thread-source.ts";
import type { Store } from "../store/api.ts";
import { computeSeriesWindow, computeReviewerLoadWindow } from "../analysis/series-window.ts";
import { printSeriesSummary } from "./series-summary.ts";

export const help = `usage: threadgraph series [--store DIR] [--json | --table] [<message-id | lore URL>]
       threadgraph series [--store DIR] [--json] [--since DAY] [--until DAY] [--lists A,B]

Without a message or window: per list (and * for all), the series outcome figures (acceptance share,
median time to acceptance by Kaplan-Meier, revisions before acceptance, shares never answered and
never answered nor applied) and a "netdev-comparable" block computed with the definitions of
netdev's "[ANN] netdev development stats" mails where mail allows (messages/day, people, who only
posted patches / only replied / both, applied patches and series with a Reviewed-by/Acked-by and how
many of those from another email domain): docs/analysis.md "netdev-comparable figures".

Print the lifecycle of the patch series that holds the message (a cover letter, a patch, or any
reply under them): every revision v1..vN with its date, size, reviews (Reviewed/Acked/Tested-by in
replies, NAKs) and outcome (applied, changes_requested, rejected, deferred, superseded, pending)
with who, when, the tree and the evidence (message id and rule). Rules: docs/analysis.md
"Series lifecycle". Reads the series tables \`threadgraph analyze\` writes.

With --since/--until/--lists instead of a message: the Series page's headline figures for that
window, as the page computes them under the same filter (docs/site.md "The filter"): series
(revision groups) first posted in the window that reached one of the lists, bots' series left out;
postings (their revisions), applied (known by the end of the data), partly applied, answered,
reviewed, never answered, and the outcome of each posting; with MAINTAINERS, the reviewer load per
maintainer over those series (the busiest 15 on a terminal, 200 in --json's reviewer_load).

options:
  --store DIR   store directory (default: config store, data/store)
  --json        one JSON object (default when stdout is not a terminal)
  --table       the revisions as a text table (default on a terminal)
  --since DAY   window start, YYYY-MM-DD (inclusive)
  --until DAY   window end, YYYY-MM-DD (exclusive)
  --lists A,B   only series that reached one of these lists
  -h, --help    this help

exit status: 0 ok, 1 not found or runtime error, 2 usage error`;

/** Ancestors followed at most, looking for the posting a reply sits under. */
const MAX_UP = 200;

/** The revision (series.series_id) the message belongs to: its own posting, or the nearest one above it. */
async function revisionOf(store: Store, messageId: string): Promise<string | null> {
  let id: string | null = messageId;
  for (let i = 0; id !== null && i < MAX_UP; i++) {
    const r: { s: string | null; irt: string | null; found: boolean }[] = await store.query(`SELECT
        (SELECT series_id FROM series WHERE series_id = coalesce(m.series_id, m.message_id) OR series_id = m.message_id LIMIT 1) AS s,
        m.in_reply_to AS irt, true AS found
      FROM messages m WHERE m.message_id = ${sqlString(id)}`);
    if (!r.length) return null;
    if (r[0].s) return r[0].s;
    id = r[0].irt;
  }
  return null;
}

/**
 * The ids a message argument may name: a lore URL's id, else the text as typed and without its
 * enclosing angle brackets (a stored id may itself start with '<', and need not hold '@').
 */
export function storedIdCandidates(arg: string): string[] {
  if (/^https?:\/\//i.test(arg.trim())) return [parseThreadRef(arg, "https://lore.kernel.org/all/").messageId];
  const id = bareId(arg);
  if (id === null) throw new Error(`${arg}: not a Message-ID or a lore URL`);
  return [...new Set([arg.trim(), id])].filter((c) => c !== "");
}

/** The first candidate that is a stored message's id, or null. */
async function firstStored(store: Store, candidates: string[]): Promise<string | null> {
  const rows = await store.query<{ id: string }>(`SELECT message_id AS id FROM messages WHERE message_id IN (${candidates.map(sqlString).join(", ")})`);
  const found = new Set(rows.map((r) => r.id));
  return candidates.find((c) => found.has(c)) ?? null;
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { store: { type: "string" }, json: { type: "boolean" }, table: { type: "boolean" },
      since: { type: "string" }, until: { type: "string" }, lists: { type: "string" } } });
  } catch (e) {
    console.error(`threadgraph series: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  const v = parsed.values;
  if (v.since !== undefined || v.until !== undefined || v.lists !== undefined) {
    if (parsed.positionals.length) { console.error(`threadgraph series: give a message or a window (--since/--until/--lists), not both\n\n${help}`); return 2; }
    return windowRun(v.store, { since: v.since ?? null, until: v.until ?? null,
      lists: v.lists === undefined ? null : v.lists.split(",").map((l) => l.trim()).filter(Boolean) }, v.json ?? !process.stdout.isTTY);
  }
  if (parsed.positionals.length > 1) { console.error(`threadgraph series: expected at most one message-id or lore URL\n\n${help}`); return 2; }
  const json = parsed.values.json ?? (!parsed.values.table && !process.stdout.isTTY);
  if (parsed.positionals.length === 0) return summary(parsed.values.store, json);
  let candidates: string[];
  try { candidates = storedIdCandidates(parsed.positionals[0]); } catch (e) {
    console.error(`threadgraph series: ${(e as Error).message}`);
    return 2;
  }
  const store = await openExistingStore("series", parsed.values.store, await loadConfig());
  if (!store) return 1;
  try {
    const tables = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = 'series'`);
    if (!tables[0]?.n) { console.error("threadgraph series: no series table in the store: run `threadgraph analyze` first"); return 1; }
    const messageId = await firstStored(store, candidates);
    if (messageId === null) { console.error(`threadgraph series: ${candidates[0]}: not in the store (no message has this Message-ID)`); return 1; }
    const rev = await revisionOf(store, messageId);
    if (!rev) {
      // Mail stored since the last analysis (an ingest or sync still running, or --no-analyze) is in no series table yet.
      console.error(`threadgraph series: ${messageId} is in the store but ${analysisStale(store.dir)
        ? "not analysed yet (the analysis is older than the mail: an ingest or sync is running, or ran with --no-analyze); run `threadgraph analyze`, then ask again"
        : "is no patch posting and not under one"}`);
      return 1;
    }
    const group = (await store.query<{ g: string }>(`SELECT revision_group AS g FROM series WHERE series_id = ${sqlString(rev)}`))[0].g;
    const revisions = await store.query<Record<string, unknown>>(`SELECT s.version, s.posted_at, s.patches, s.subject, s.series_id,
        (SELECT count(*) FROM reviews r WHERE (r.series_id = s.series_id OR r.target_id = s.series_id) AND r.source = 'reply'
           AND r.kind IN ('reviewed-by', 'acked-by', 'tested-by'))::INTEGER AS reviews,
        (SELECT count(*) FROM reviews r WHERE (r.series_id = s.series_id OR r.target_id = s.series_id)
           AND r.kind IN ('nacked-by', 'nak-line'))::INTEGER AS naks,
        s.answered, s.outcome, s.verdict, s.outcome_at, coalesce(p.name, s.outcome_by) AS outcome_by, s.applied_to,
        s.partly_applied, s.applied_patches, s.outcome_evidence, s.outcome_rule, s.joined_by, s.joined_evidence
      FROM series s LEFT JOIN people p ON p.person_id = s.outcome_by
      WHERE s.revision_group = ${sqlString(group)} ORDER BY s.posted_at, s.series_id`);
    const g = (await store.query<Record<string, unknown>>(`SELECT g.*, coalesce(p.name, g.author) AS author_name FROM revision_groups g
      LEFT JOIN people p ON p.person_id = g.author WHERE g.revision_group = ${sqlString(group)}`))[0];
    if (json) console.log(JSON.stringify({ message_id: messageId, group: g, revisions }));
    else {
      const day = (ms: unknown) => (typeof ms === "number" ? `${(ms / 86400_000).toFixed(1)} d` : "-");
      console.log(`${g.subject}\nby ${g.author_name} · ${g.revisions} revision(s) · outcome ${g.outcome}` +
        (g.time_to_accept_ms != null ? ` after ${day(g.time_to_accept_ms)} (revision ${g.revisions_to_accept})` : "") + "\n");
      const iso = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString().slice(0, 16).replace("T", " ") : "");
      console.log(formatTable(revisions.map((r) => ({ v: r.version, posted: iso(r.posted_at), patches: r.patches, reviews: r.reviews, naks: r.naks,
        outcome: `${r.outcome}${r.partly_applied ? ` (${r.applied_patches} of ${r.patches})` : ""}`, by: r.outcome_by ?? "", when: iso(r.outcome_at),
        tree: r.applied_to ?? "", evidence: r.outcome_evidence ? `${r.outcome_rule}: ${r.outcome_evidence}` : "" }))));
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** The window's headline figures (series-window.ts), as JSON or as lines. */
async function windowRun(storeDir: string | undefined, f: { since: string | null; until: string | null; lists: string[] | null }, json: boolean): Promise<number> {
  const store = await openExistingStore("series", storeDir, await loadConfig());
  if (!store) return 1;
  try {
    const tables = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = 'revision_groups'`);
    if (!tables[0]?.n) { console.error("threadgraph series: no series table in the store: run `threadgraph analyze` first"); return 1; }
    let figures, load;
    try { figures = await computeSeriesWindow(store, f); } catch (e) { console.error(`threadgraph series: ${(e as Error).message}`); return 2; }
    // A store analysed before revision_groups had `responders` says to re-run analyze (exit 1).
    try { load = await computeReviewerLoadWindow(store, f); } catch (e) { console.error(`threadgraph series: ${(e as Error).message}`); return 1; }
    if (json) console.log(JSON.stringify({ since: f.since, until: f.until, lists: f.lists, ...figures, reviewer_load: load }));
    else {
      console.log(`window: ${f.since ?? "start"} .. ${f.until ?? "end"} (until exclusive), lists ${f.lists?.join(",") ?? "all"}`);
      const { outcomes, ...counts } = figures;
      for (const [k, n] of Object.entries(counts)) console.log(`${k.replaceAll("_", " ")}: ${n}`);
      console.log(`postings by outcome: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(", ")}`);
      if (load === null) console.log("\nreviewer load: needs MAINTAINERS (--maintainers)");
      else if (load.length) {
        console.log(`\nreviewer load per maintainer (the busiest ${Math.min(15, load.length)}; --json lists up to 200)\n`);
        console.log(formatTable(load.slice(0, 15).map((r) => ({ person: r.person.name, touching: r.touching, answered: r.answered, applied: r.applied,
          sections: r.subsystems.slice(0, 3).join("; ") + (r.subsystems.length > 3 ? "; ..." : "") }))));
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function summary(storeDir: string | undefined, json: boolean): Promise<number> {
  const store = await openExistingStore("series", storeDir, await loadConfig());
  if (!store) return 1;
  try {
    return await printSeriesSummary(store, json);
  } finally {
    await store.close();
  }
}
