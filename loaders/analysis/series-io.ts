// The series analysis' contact with the store: read the verdicts view (a core view: a store
// ingested before verdicts existed reads it empty, plus its NAKs) and the revision links, and
// write the series and revision_groups tables.
import type { Store } from "../store/api.ts";
import type { VerdictRecord, VerdictItem } from "../model/verdict.ts";
import type { Corpus } from "../model/corpus.ts";
import type { Analysis } from "./analyze.ts";
import { readRowSets, type RowSet } from "./read-rows.ts";
import type { JoinReason } from "../series/index.ts";
import { SERIES_LIST_COLUMNS, seriesListStats } from "./series-stats.ts";
import { groupResponders } from "./series-load.ts";
import { allWritten } from "./all-written.ts";

/** Items as stored: a list of structs, or JSON text; either way [{subject, commit}]. */
function items(v: unknown): VerdictItem[] {
  let x = v;
  if (typeof x === "string") { try { x = JSON.parse(x); } catch { return []; } }
  if (!Array.isArray(x)) return [];
  return x.filter((it) => it && typeof it === "object").map((it) => ({
    subject: String(it.subject ?? ""), commit: it.commit === null || it.commit === undefined || it.commit === "" ? null : String(it.commit) }));
}

/** The verdicts view's rows, for readRowSets (read with the corpus: store-io.ts readAnalysisInput). */
export const VERDICT_SET = {
  select: "SELECT message_id, kind, rule, person_id, email, name, tree, branch, scope, to_json(items) AS items, raw FROM verdicts",
  cols: ["message_id", "kind", "rule", "person_id", "email", "name", "tree", "branch", "scope", "items", "raw"], order: "message_id, kind, rule, raw",
} satisfies RowSet;

export function verdictsOf(rows: unknown[][]): VerdictRecord[] {
  return rows.map((r) => {
    const [messageId, kind, rule, personId, email, name, tree, branch, scope, its, raw] = r as (string | null)[];
    return { messageId: messageId!, kind: (kind ?? "other") as VerdictRecord["kind"], rule: rule ?? "", personId, email, name, tree, branch,
      scope: scope === "series" || scope === "patch" || scope === "pull-request" ? scope : null, items: items(its), raw };
  });
}

export async function readVerdicts(store: Store): Promise<VerdictRecord[]> {
  return verdictsOf((await readRowSets(store, { verdicts: VERDICT_SET })).verdicts);
}

/**
 * b4 change-ids and previous-revision links of patch postings, and the revision pointers of any
 * message ("v2 is at <link>"), only for the messages that have one (a few percent) and that the
 * messages view shows (a copy left in `arrivals`). Those few are found in raw_messages first: the
 * messages view would aggregate every message's arrivals for them. Older stores lack the pointer
 * columns: they read NULL (no pointers).
 */
export const REVISION_SET = {
  select: `SELECT message_id, change_id, previous_revisions, revision_links, revision_link_rules FROM raw_messages
    WHERE (change_id IS NOT NULL OR len(coalesce(previous_revisions, [])) > 0 OR len(coalesce(revision_links, [])) > 0)
      AND message_id IN (SELECT message_id FROM arrivals)`,
  cols: ["message_id", "change_id", "previous_revisions", "revision_links", "revision_link_rules"], order: "message_id",
} satisfies RowSet;

export function revisionLinksOf(rows: unknown[][]): NonNullable<Corpus["revisionLinks"]> {
  const out: NonNullable<Corpus["revisionLinks"]> = new Map();
  for (const [id, c, p, l, r] of rows) {
    const ids = (l as string[] | null) ?? [], rules = (r as string[] | null) ?? [];
    out.set(id as string, { changeId: (c as string | null) ?? null, previous: (p as string[] | null) ?? [],
      pointers: ids.map((x, k) => ({ id: x, rule: rules[k] ?? "version-link" })) });
  }
  return out;
}

export async function readRevisionLinks(store: Store): Promise<NonNullable<Corpus["revisionLinks"]>> {
  return revisionLinksOf((await readRowSets(store, { links: REVISION_SET })).links);
}

export async function writeSeriesTables(store: Store, a: Analysis): Promise<void> {
  const w: Promise<void>[] = [];
  const { lifecycle: lc } = a.series;
  const msgs = a.corpus.messages;
  // Each revision's previous one in its group (an indexOf per revision was quadratic in a group's length).
  const prevOf = new Int32Array(lc.revisions.length).fill(-1);
  for (const g of lc.grouping.groups) for (let k = 1; k < g.revisions.length; k++) prevOf[g.revisions[k]] = g.revisions[k - 1];
  w.push(store.writeDerived("series", {
    series_id: "VARCHAR", revision_group: "VARCHAR", version: "INTEGER", root_message_id: "VARCHAR", author: "VARCHAR", sender: "VARCHAR",
    subject: "VARCHAR", posted_at: "TIMESTAMP", patches: "INTEGER", lists: "VARCHAR[]", interval_ms: "BIGINT", answered: "BOOLEAN",
    outcome: "VARCHAR", verdict: "VARCHAR", outcome_at: "TIMESTAMP", outcome_by: "VARCHAR", outcome_evidence: "VARCHAR", outcome_rule: "VARCHAR",
    applied_to: "VARCHAR", partly_applied: "BOOLEAN", applied_patches: "INTEGER", joined_by: "VARCHAR", joined_evidence: "VARCHAR",
  }, lc.revisions.map((r, i) => {
    const g = lc.grouping.groups[lc.grouping.groupOf[i]];
    const prev = prevOf[i] >= 0 ? lc.revisions[prevOf[i]].date : null;
    const o = lc.outcomes[i];
    return { series_id: r.id, revision_group: g.id, version: r.version, root_message_id: msgs[r.head].id, author: r.author, sender: r.sender,
      subject: r.subject, posted_at: r.date, patches: r.patches, lists: r.lists,
      interval_ms: prev !== null && r.date !== null ? r.date - prev : null, answered: lc.answered[i],
      outcome: o.outcome, verdict: o.verdict, outcome_at: o.at, outcome_by: o.by, outcome_evidence: o.evidence?.messageId ?? null,
      outcome_rule: o.evidence?.rule ?? null, applied_to: o.tree, partly_applied: o.partial, applied_patches: o.appliedPatches,
      joined_by: joinRule(lc.grouping.joinedBy[i]), joined_evidence: lc.grouping.joinedBy[i]?.messageId ?? null };
  })));
  w.push(writeRevisionGroups(store, a));
  w.push(writeSeriesLists(store, a));
  await allWritten(w);
}

/** series_lists: per list (and '*': all), the outcome measures and the netdev-comparable figures (series-stats.ts). */
async function writeSeriesLists(store: Store, a: Analysis): Promise<void> {
  await store.writeDerived("series_lists", SERIES_LIST_COLUMNS, seriesListStats(a) as unknown as Record<string, unknown>[]);
}

/** How a revision joined its group: 'change-id', 'title', 'link:<rule>' (e.g. link:version-link), or NULL (it started it). */
function joinRule(j: JoinReason | null): string | null {
  return j === null ? null : j.rule === "link" ? `link:${j.linkRule}` : j.rule;
}

/** revision_groups: each group with its sections, outcome and who answered under it. */
async function writeRevisionGroups(store: Store, a: Analysis): Promise<void> {
  const { lifecycle: lc, groups } = a.series;
  // Who sent something under it: the reviewer load's "answered" (`threadgraph series --since`).
  const spoke = groupResponders(a.corpus.messages, a.series);
  await store.writeDerived("revision_groups", {
    revision_group: "VARCHAR", author: "VARCHAR", subject: "VARCHAR", revisions: "INTEGER", first_posted_at: "TIMESTAMP", lists: "VARCHAR[]",
    subsystems: "VARCHAR[]", outcome: "VARCHAR", applied_series_id: "VARCHAR", applied_at: "TIMESTAMP", revisions_to_accept: "INTEGER",
    time_to_accept_ms: "BIGINT", observed_ms: "BIGINT", answered: "BOOLEAN", reviewed: "BOOLEAN", responders: "VARCHAR[]",
  }, groups.map((g) => {
    const last = lc.grouping.groups[g.group].revisions.at(-1)!;
    return { revision_group: g.id, author: g.author, subject: lc.revisions[last].subject, revisions: g.revisions, first_posted_at: g.start,
      lists: g.lists, subsystems: g.subsystems, outcome: g.outcome, applied_series_id: g.applied >= 0 ? lc.revisions[g.applied].id : null,
      applied_at: g.applied >= 0 ? lc.outcomes[g.applied].at : null, revisions_to_accept: g.revisionsToAccept,
      time_to_accept_ms: g.accepted ? g.time : null, observed_ms: g.time, answered: g.answered, reviewed: g.reviewed,
      responders: [...spoke[g.group]].sort() };
  }));
}
