// Per-list series figures, as one table (`series_lists`, `threadgraph series --json` without a
// message): the outcome measures (acceptance share, Kaplan–Meier median time to acceptance,
// revisions before acceptance, never answered / never answered and never applied) and a
// "netdev-comparable" block computed with the definitions of netdev's per-cycle "[ANN] netdev
// development stats" mails where mail allows (docs/analysis.md "netdev-comparable figures"):
//   messages/day    messages that reached the list / days of the analysed window;
//   people          distinct senders after identity resolution (bots left out);
//   roles           of those: posted patches but never replied to a thread another person started,
//                   only replied so, both, neither;
//   review tags     of applied patches (netdev: commits), the share carrying at least one
//                   Reviewed-by/Acked-by (carried in the posting, or given in a reply to the patch
//                   or its cover), and of those the share with a tag from another email domain
//                   than the author's; the same per applied series.
import type { Analysis } from "./analyze.ts";
import type { GroupRow } from "./series.ts";
import { kaplanMeier } from "./survival.ts";
import { threadIndexOf } from "../thread/index.ts";

const DAY = 86400_000;
const REVIEW_TAGS = new Set(["reviewed-by", "acked-by"]);

export interface ListSeriesStats {
  list: string;
  groups: number; applied: number; acceptance_share: number | null;
  median_days_to_accept: number | null;
  /** Kaplan–Meier share applied within 30 / 90 days of the first posting (1 - S(t)). */
  km_applied_30d: number | null; km_applied_90d: number | null;
  median_revisions_to_accept: number | null; mean_revisions_to_accept: number | null;
  never_answered_share: number | null; never_answered_never_applied_share: number | null;
  // netdev-comparable
  window_days: number; messages: number; messages_per_day: number | null; people: number;
  posted_only_share: number | null; replied_only_share: number | null; both_share: number | null; neither_share: number | null;
  applied_patches: number; applied_patches_reviewed_share: number | null; reviewed_patches_cross_domain_share: number | null;
  applied_series_reviewed_share: number | null; reviewed_series_cross_domain_share: number | null;
}

/** Column types of the series_lists table, in order. */
export const SERIES_LIST_COLUMNS = {
  list: "VARCHAR", groups: "INTEGER", applied: "INTEGER", acceptance_share: "DOUBLE", median_days_to_accept: "DOUBLE", km_applied_30d: "DOUBLE", km_applied_90d: "DOUBLE",
  median_revisions_to_accept: "DOUBLE", mean_revisions_to_accept: "DOUBLE", never_answered_share: "DOUBLE", never_answered_never_applied_share: "DOUBLE",
  window_days: "DOUBLE", messages: "INTEGER", messages_per_day: "DOUBLE", people: "INTEGER",
  posted_only_share: "DOUBLE", replied_only_share: "DOUBLE", both_share: "DOUBLE", neither_share: "DOUBLE",
  applied_patches: "INTEGER", applied_patches_reviewed_share: "DOUBLE", reviewed_patches_cross_domain_share: "DOUBLE",
  applied_series_reviewed_share: "DOUBLE", reviewed_series_cross_domain_share: "DOUBLE",
} as const satisfies Record<keyof ListSeriesStats, "VARCHAR" | "INTEGER" | "DOUBLE">;

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1e4) / 1e4 : null);
const median = (xs: number[]) => { if (!xs.length) return null; const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const domain = (email: string) => { const at = email.lastIndexOf("@"); return at < 0 ? "" : email.slice(at + 1).toLowerCase(); };

/** One row per list the corpus holds, then "*" for all of them. */
export function seriesListStats(a: Analysis): ListSeriesStats[] {
  const { messages, trailers, people } = a.corpus;
  const lc = a.series.lifecycle;
  const groups = a.series.groups.filter((g) => !a.bots.has(g.author));
  // Review tags per applied patch (message index -> tag emails), and per applied revision.
  const patchTags = new Map<number, string[]>();
  const appliedRev = new Set<number>();
  lc.outcomes.forEach((o, r) => { if (o.outcome === "applied") appliedRev.add(r); });
  // Only the messages under an applied revision (its members, and what revisionOf puts in it) read
  // review tags: their ids alone are keyed, in message order (a map of every tagged message, probed
  // by every message, was most of this function's time at ~200k messages).
  const under: number[] = [];
  for (let i = 0; i < messages.length; i++) if (appliedRev.has(lc.revisionOf[i])) under.push(i);
  const tagsOf = new Map<string, string[]>();
  const keep = (i: number) => { if (!tagsOf.has(messages[i].id)) tagsOf.set(messages[i].id, []); };
  for (const i of under) keep(i);
  for (const r of appliedRev) for (const i of lc.revisions[r].members) keep(i);
  for (const t of trailers) if (REVIEW_TAGS.has(t.kind)) tagsOf.get(t.messageId)?.push(t.email);
  for (const r of appliedRev) for (const i of lc.revisions[r].members) if (!messages[i].patch.isCover) patchTags.set(i, [...tagsOf.get(messages[i].id)!]);
  const { parent } = a.tr.threading;
  // The revision each message is a member of (cover or patch), -1: none. A members.includes per
  // message was quadratic in a revision's size.
  const memberOf = new Int32Array(messages.length).fill(-1);
  lc.revisions.forEach((rev, r) => { for (const i of rev.members) memberOf[i] = r; });
  const taggedMembers = new Map<number, number[]>();
  for (const i of under) {
    const m = messages[i], r = lc.revisionOf[i];
    const tags = tagsOf.get(m.id)!;
    if (!tags.length || m.patch.isPatch) continue;
    // The member it answers: its nearest ancestor among the revision's messages; the cover (or none) means all patches.
    let p = parent[i];
    for (let n = 0; p >= 0 && n < 10_000 && lc.revisionOf[p] === r && memberOf[p] !== r; n++) p = parent[p];
    let targets: number[];
    if (p >= 0 && patchTags.has(p)) targets = [p];
    else {
      let all = taggedMembers.get(r);
      if (!all) taggedMembers.set(r, (all = lc.revisions[r].members.filter((j) => patchTags.has(j))));
      targets = all;
    }
    // A loop, not push(...tags): one hostile message can carry more trailers than a call has arguments.
    for (const j of targets) { const into = patchTags.get(j)!; for (const t of tags) into.push(t); }
  }
  const domainsOf = new Map(people.map((p) => [p.id, new Set([p.email, ...p.emails].map(domain))]));
  const domainOf = new Map<string, string>();
  const crossDomain = (author: string, emails: string[]) => {
    const own = domainsOf.get(author) ?? new Set<string>();
    return emails.some((e) => { let d = domainOf.get(e); if (d === undefined) domainOf.set(e, (d = domain(e))); return !own.has(d); });
  };
  // Per applied revision (its author not a bot) and per applied group: the review tag figures,
  // the same for every list (each list adds up those it reached).
  const revisionTags: { r: number; patches: number; reviewed: number; cross: number }[] = [];
  for (const r of appliedRev) {
    const rev = lc.revisions[r];
    if (a.bots.has(rev.author)) continue;
    const t = { r, patches: 0, reviewed: 0, cross: 0 };
    for (const i of rev.members) {
      const tags = patchTags.get(i);
      if (!tags) continue;
      t.patches++;
      if (tags.length) { t.reviewed++; if (crossDomain(rev.author, tags)) t.cross++; }
    }
    revisionTags.push(t);
  }
  const groupTags = new Map<GroupRow, { reviewed: boolean; cross: boolean }>();
  for (const g of groups) if (g.applied >= 0) {
    const tags = lc.revisions[g.applied].members.flatMap((i) => patchTags.get(i) ?? []);
    groupTags.set(g, { reviewed: tags.length > 0, cross: tags.length > 0 && crossDomain(g.author, tags) });
  }

  const start = a.windowStart, end = a.windowEnd;
  const windowDays = start !== null && end !== null ? Math.max(1, Math.round(((end - start) / DAY) * 100) / 100) : 0;
  const lists = [...a.corpus.lists, "*"];
  // People and roles of every list in one pass over the messages (a message counts for each list it reached, and for "*").
  // Per list a byte per sender (1: seen, 2: posted, 4: replied), senders by slot; the lists a
  // message counts for are found once per (shared) lists array.
  const counts = lists.map(() => 0);
  const listAt = new Map<string, number[]>(), star: number[] = [];
  lists.forEach((l, k) => { if (l === "*") star.push(k); else listAt.set(l, [...(listAt.get(l) ?? []), k]); });
  const onOf = new Map<readonly string[], number[]>();
  const countsFor = (ls: readonly string[]) => {
    let on = onOf.get(ls);
    if (!on) {
      on = [];
      for (const l of ls) for (const k of listAt.get(l) ?? []) if (!on.includes(k)) on.push(k);
      on.push(...star);
      onOf.set(ls, on);
    }
    return on;
  };
  const slot = new Map<string, number>();
  let flags = lists.map(() => new Uint8Array(1024));
  const threadOf = threadIndexOf(a.tr);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const on = countsFor(m.lists);
    for (let j = 0; j < on.length; j++) counts[on[j]]++;
    if (m.isBot || a.bots.has(m.from)) continue;
    let bit = 1;
    if (m.patch.isPatch && lc.revisionOf[i] >= 0 && memberOf[i] === lc.revisionOf[i]) bit |= 2;
    else {
      const t = a.tr.threads[threadOf[i]];
      if (t && t.sender !== m.from && t.root !== i) bit |= 4;
    }
    let p = slot.get(m.from);
    if (p === undefined) {
      slot.set(m.from, (p = slot.size));
      if (p === flags[0].length) flags = flags.map((f) => { const g = new Uint8Array(f.length * 2); g.set(f); return g; });
    }
    for (let j = 0; j < on.length; j++) flags[on[j]][p] |= bit;
  }
  const roles = flags.map((f) => {
    const r = { people: 0, posted: 0, replied: 0, both: 0, neither: 0 };
    for (let p = 0; p < slot.size; p++) {
      const b = f[p];
      if (!b) continue;
      r.people++;
      if (b & 2 && b & 4) r.both++; else if (b & 2) r.posted++; else if (b & 4) r.replied++; else r.neither++;
    }
    return r;
  });
  return lists.map((list, li) => {
    const on = (ls: string[]) => list === "*" || ls.includes(list);
    const gs = groups.filter((g) => on(g.lists));
    const acc = gs.filter((g) => g.applied >= 0);
    const timed = gs.filter((g) => g.time !== null);
    const km = timed.length ? kaplanMeier(timed.map((g) => ({ time: g.time!, answered: g.accepted }))) : null;
    const revs = acc.map((g) => g.revisionsToAccept!);
    const count = counts[li];
    const rs = roles[li], n = rs.people;
    // Review tags of applied patches and series (tallied once per revision and group above).
    let patches = 0, reviewedP = 0, crossP = 0;
    for (const t of revisionTags) if (on(lc.revisions[t.r].lists)) { patches += t.patches; reviewedP += t.reviewed; crossP += t.cross; }
    let reviewedS = 0, crossS = 0;
    for (const g of acc) { const t = groupTags.get(g)!; if (t.reviewed) reviewedS++; if (t.cross) crossS++; }
    return {
      list, groups: gs.length, applied: acc.length, acceptance_share: share(acc.length, gs.length),
      median_days_to_accept: km?.median == null ? null : Math.round((km.median / DAY) * 100) / 100,
      km_applied_30d: km ? Math.round((1 - km.at(30 * DAY)) * 1e4) / 1e4 : null, km_applied_90d: km ? Math.round((1 - km.at(90 * DAY)) * 1e4) / 1e4 : null,
      median_revisions_to_accept: median(revs), mean_revisions_to_accept: revs.length ? Math.round((revs.reduce((x, y) => x + y, 0) / revs.length) * 100) / 100 : null,
      never_answered_share: share(gs.filter((g) => !g.answered).length, gs.length),
      never_answered_never_applied_share: share(gs.filter((g) => !g.answered && g.applied < 0).length, gs.length),
      window_days: windowDays, messages: count, messages_per_day: windowDays ? Math.round((count / windowDays) * 10) / 10 : null, people: n,
      posted_only_share: share(rs.posted, n), replied_only_share: share(rs.replied, n),
      both_share: share(rs.both, n), neither_share: share(rs.neither, n),
      applied_patches: patches, applied_patches_reviewed_share: share(reviewedP, patches),
      reviewed_patches_cross_domain_share: share(crossP, reviewedP),
      applied_series_reviewed_share: share(reviewedS, acc.length), reviewed_series_cross_domain_share: share(crossS, reviewedS),
    };
  }).filter((x) => x.messages > 0 || x.groups > 0);
}
