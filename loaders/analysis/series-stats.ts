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
import { kaplanMeier } from "./survival.ts";

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
  const isBot = (i: number) => messages[i].isBot || a.bots.has(messages[i].from);
  // Review tags per applied patch (message index -> tag emails), and per applied revision.
  const tagsOf = new Map<string, string[]>();
  for (const t of trailers) if (REVIEW_TAGS.has(t.kind)) { const x = tagsOf.get(t.messageId); if (x) x.push(t.email); else tagsOf.set(t.messageId, [t.email]); }
  const patchTags = new Map<number, string[]>();
  const appliedRev = new Set<number>();
  lc.outcomes.forEach((o, r) => { if (o.outcome === "applied") appliedRev.add(r); });
  for (const r of appliedRev) for (const i of lc.revisions[r].members) if (!messages[i].patch.isCover) patchTags.set(i, [...(tagsOf.get(messages[i].id) ?? [])]);
  const { parent } = a.tr.threading;
  // The revision each message is a member of (cover or patch), -1: none. A members.includes per
  // message was quadratic in a revision's size.
  const memberOf = new Int32Array(messages.length).fill(-1);
  lc.revisions.forEach((rev, r) => { for (const i of rev.members) memberOf[i] = r; });
  const taggedMembers = new Map<number, number[]>();
  messages.forEach((m, i) => {
    const r = lc.revisionOf[i];
    if (r < 0 || !appliedRev.has(r) || m.patch.isPatch) return;
    const tags = tagsOf.get(m.id); // after the cheap tests: a Message-ID lookup per message was most of this loop
    if (!tags) return;
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
    for (const j of targets) patchTags.get(j)!.push(...tags);
  });
  const domainsOf = new Map(people.map((p) => [p.id, new Set([p.email, ...p.emails].map(domain))]));
  const crossDomain = (author: string, emails: string[]) => { const own = domainsOf.get(author) ?? new Set<string>(); return emails.some((e) => !own.has(domain(e))); };

  const start = a.windowStart, end = a.windowEnd;
  const windowDays = start !== null && end !== null ? Math.max(1, Math.round(((end - start) / DAY) * 100) / 100) : 0;
  const lists = [...a.corpus.lists, "*"];
  // People and roles of every list in one pass over the messages (a message counts for each list it reached, and for "*").
  const counts = lists.map(() => 0);
  const roles = lists.map(() => new Map<string, { posted: boolean; replied: boolean }>());
  const listAt = new Map<string, number[]>(), star: number[] = [];
  lists.forEach((l, k) => { if (l === "*") star.push(k); else listAt.set(l, [...(listAt.get(l) ?? []), k]); });
  // The rows a message counts for, once per lists array: messages share a few frozen ones (corpusOf).
  const rowsOf = new Map<readonly string[], number[]>();
  const rowsFor = (ls: readonly string[]): number[] => {
    let on = rowsOf.get(ls);
    if (!on) {
      on = [];
      for (const l of ls) for (const k of listAt.get(l) ?? []) if (!on.includes(k)) on.push(k);
      on.push(...star);
      rowsOf.set(ls, on);
    }
    return on;
  };
  messages.forEach((m, i) => {
    const on = rowsFor(m.lists);
    for (const k of on) counts[k]++;
    if (isBot(i)) return;
    let posted = false, replied = false;
    if (m.patch.isPatch && lc.revisionOf[i] >= 0 && memberOf[i] === lc.revisionOf[i]) posted = true;
    else {
      const t = a.tr.threads[a.tr.threadIndex.get(a.tr.threading.threadId[i])!];
      if (t && t.sender !== m.from && t.root !== i) replied = true;
    }
    for (const k of on) {
      let x = roles[k].get(m.from);
      if (!x) roles[k].set(m.from, (x = { posted: false, replied: false }));
      if (posted) x.posted = true;
      if (replied) x.replied = true;
    }
  });
  return lists.map((list, li) => {
    const on = (ls: string[]) => list === "*" || ls.includes(list);
    const gs = groups.filter((g) => on(g.lists));
    const acc = gs.filter((g) => g.applied >= 0);
    const timed = gs.filter((g) => g.time !== null);
    const km = timed.length ? kaplanMeier(timed.map((g) => ({ time: g.time!, answered: g.accepted }))) : null;
    const revs = acc.map((g) => g.revisionsToAccept!);
    const count = counts[li];
    const rs = [...roles[li].values()];
    const n = rs.length;
    // Review tags of applied patches and series.
    const patches: [number, number][] = []; // [patch index, revision]
    for (const r of appliedRev) if (!a.bots.has(lc.revisions[r].author) && on(lc.revisions[r].lists))
      for (const i of lc.revisions[r].members) if (patchTags.has(i)) patches.push([i, r]);
    const reviewedP = patches.filter(([i]) => patchTags.get(i)!.length > 0);
    const crossP = reviewedP.filter(([i, r]) => crossDomain(lc.revisions[r].author, patchTags.get(i)!));
    const seriesTags = acc.map((g) => lc.revisions[g.applied].members.flatMap((i) => patchTags.get(i) ?? []));
    const reviewedS = acc.filter((_, k) => seriesTags[k].length > 0);
    const crossS = acc.filter((g, k) => seriesTags[k].length > 0 && crossDomain(g.author, seriesTags[k]));
    return {
      list, groups: gs.length, applied: acc.length, acceptance_share: share(acc.length, gs.length),
      median_days_to_accept: km?.median == null ? null : Math.round((km.median / DAY) * 100) / 100,
      km_applied_30d: km ? Math.round((1 - km.at(30 * DAY)) * 1e4) / 1e4 : null, km_applied_90d: km ? Math.round((1 - km.at(90 * DAY)) * 1e4) / 1e4 : null,
      median_revisions_to_accept: median(revs), mean_revisions_to_accept: revs.length ? Math.round((revs.reduce((x, y) => x + y, 0) / revs.length) * 100) / 100 : null,
      never_answered_share: share(gs.filter((g) => !g.answered).length, gs.length),
      never_answered_never_applied_share: share(gs.filter((g) => !g.answered && g.applied < 0).length, gs.length),
      window_days: windowDays, messages: count, messages_per_day: windowDays ? Math.round((count / windowDays) * 10) / 10 : null, people: n,
      posted_only_share: share(rs.filter((x) => x.posted && !x.replied).length, n), replied_only_share: share(rs.filter((x) => !x.posted && x.replied).length, n),
      both_share: share(rs.filter((x) => x.posted && x.replied).length, n), neither_share: share(rs.filter((x) => !x.posted && !x.replied).length, n),
      applied_patches: patches.length, applied_patches_reviewed_share: share(reviewedP.length, patches.length),
      reviewed_patches_cross_domain_share: share(crossP.length, reviewedP.length),
      applied_series_reviewed_share: share(reviewedS.length, acc.length), reviewed_series_cross_domain_share: share(crossS.length, reviewedS.length),
    };
  }).filter((x) => x.messages > 0 || x.groups > 0);
}
