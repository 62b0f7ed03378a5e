// Page artifacts of the subsystem/organisation analysis (the Subsystems and Organisations pages,
// and each thread page's participants): subsystems.json, organisations.json, and an
// `affiliations` map added to every thread/<key>.json. Built from an Affiliations result, so the
// core artifacts (artifacts.ts) stay untouched.
import type { Analysis } from "./analyze.ts";
import type { Affiliations } from "./affiliations.ts";
import { FILES } from "./artifacts.ts";
import { ShardSet } from "./shards.ts";
import { fileKey } from "./keys.ts";
import { INSUFFICIENT } from "../maintainers/home.ts";

export const MAINTAINERS_HINT = "Add the kernel's MAINTAINERS file to see subsystems: `threadgraph analyze --maintainers PATH|URL` " +
  "(e.g. https://raw.githubusercontent.com/torvalds/linux/master/MAINTAINERS), or `maintainers:` in threadgraph.config.ts. It is saved in the store.";

const TOP_SECTIONS = 15, TOP_PER_LIST = 8, TOP_LOAD = 40, TOP_ORGS = 30, TOP_PAIRS = 40;
const OTHER = "(other sections)";
const NAK = new Set(["nacked-by", "nak-line"]);
const REVIEW = new Set(["reviewed-by", "acked-by", "tested-by"]);

interface Ref { key: string; name: string }

export function affiliationFiles(a: Analysis, r: Affiliations, hint = MAINTAINERS_HINT): Map<string, string> {
  const name = (id: string | null): Ref | null => (id === null ? null : { key: fileKey(id), name: a.people.get(id)?.name || id });
  const home = new Map(r.homes.map((h) => [h.personId, h]));
  const msgs = a.corpus.messages;
  const files = new Map<string, string>();

  // Subsystems page
  const primary = (id: string | null) => (id ? r.messageSubsystems.get(id)?.[0] ?? null : null);
  const patchCount = new Map<string, number>();
  const perList = new Map<string, Map<string, number>>();
  msgs.forEach((m) => {
    const s = r.messageSubsystems.get(m.id);
    if (!s || m.patch.isCover) return;
    for (const x of s) patchCount.set(x, (patchCount.get(x) ?? 0) + 1);
    for (const l of m.lists) {
      const pl = perList.get(l) ?? new Map<string, number>();
      pl.set(s[0], (pl.get(s[0]) ?? 0) + 1);
      perList.set(l, pl);
    }
  });
  const cells = new Map<string, { from: string; to: string; reviews: number; naks: number }>();
  for (const x of r.reviews) {
    const to = primary(x.target);
    const from = home.get(x.reviewer)?.homeSubsystem;
    if (!to || !from || from === INSUFFICIENT || !(REVIEW.has(x.kind) || NAK.has(x.kind))) continue;
    const k = `${from}\u0000${to}`;
    const c = cells.get(k) ?? { from, to, reviews: 0, naks: 0 };
    if (NAK.has(x.kind)) c.naks++; else c.reviews++;
    cells.set(k, c);
  }
  const weight = new Map<string, number>();
  for (const c of cells.values()) for (const s of [c.from, c.to]) weight.set(s, (weight.get(s) ?? 0) + c.reviews + c.naks);
  const top = new Set([...weight].sort((p, q) => q[1] - p[1]).slice(0, TOP_SECTIONS).map(([s]) => s));
  const folded = new Map<string, { from: string; to: string; reviews: number; naks: number }>();
  for (const c of cells.values()) {
    const from = top.has(c.from) ? c.from : OTHER, to = top.has(c.to) ? c.to : OTHER;
    const k = `${from}\u0000${to}`;
    const f = folded.get(k) ?? { from, to, reviews: 0, naks: 0 };
    f.reviews += c.reviews; f.naks += c.naks;
    folded.set(k, f);
  }
  const maintained = new Map<string, Set<string>>();
  for (const x of r.roles) if (x.role === "maintainer") maintained.set(x.personId, (maintained.get(x.personId) ?? new Set()).add(x.subsystem));
  const given = new Map<string, { reviews: number; naks: number }>();
  for (const x of r.reviews) {
    const g = given.get(x.reviewer) ?? { reviews: 0, naks: 0 };
    if (NAK.has(x.kind)) g.naks++; else if (REVIEW.has(x.kind)) g.reviews++;
    given.set(x.reviewer, g);
  }
  // Patches touching each maintainer's sections: one pass over the patches (each counted once per maintainer).
  const maintainersOf = new Map<string, string[]>();
  for (const [id, secs] of maintained) for (const sec of secs) maintainersOf.set(sec, [...(maintainersOf.get(sec) ?? []), id]);
  const patchesOf = new Map<string, number>();
  for (const m of msgs) {
    const s = r.messageSubsystems.get(m.id);
    if (!s || m.patch.isCover) continue;
    for (const id of new Set(s.flatMap((x) => maintainersOf.get(x) ?? []))) patchesOf.set(id, (patchesOf.get(id) ?? 0) + 1);
  }
  const load = [...maintained].map(([id, secs]) => ({ person: name(id)!, sections: [...secs].sort(), patches: patchesOf.get(id) ?? 0,
    ...(given.get(id) ?? { reviews: 0, naks: 0 }) })).filter((x) => x.patches + x.reviews + x.naks > 0).sort((p, q) => q.patches - p.patches || q.reviews - p.reviews).slice(0, TOP_LOAD);
  files.set("subsystems.json", JSON.stringify({
    status: r.status, hint: r.status === "no-maintainers" ? hint : null,
    unparsed_patches: r.unparsedPatches, patches: r.patches,
    sections: r.sections.length, mapped: r.messageSubsystems.size, roles: r.roles.length,
    matrix: { sections: [...top, ...(folded.size > [...folded.values()].filter((c) => c.from !== OTHER && c.to !== OTHER).length ? [OTHER] : [])], cells: [...folded.values()] },
    per_list: [...perList].map(([list, m]) => ({ list, sections: [...m].sort((p, q) => q[1] - p[1]).slice(0, TOP_PER_LIST).map(([section, patches]) => ({ section, patches })) })),
    load,
    top_sections: [...patchCount].sort((p, q) => q[1] - p[1]).slice(0, 40).map(([section, patches]) => ({ section, patches })),
  }));

  // Organisations page
  const orgOf = (id: string | null) => (id ? home.get(id)?.organisation ?? null : null);
  interface OrgRow { organisation: string; people: Set<string>; messages: number; patches: number; reviews_given: number; reviews_received: number }
  const orgs = new Map<string, OrgRow>();
  const org = (o: string) => {
    let x = orgs.get(o);
    if (!x) orgs.set(o, (x = { organisation: o, people: new Set(), messages: 0, patches: 0, reviews_given: 0, reviews_received: 0 }));
    return x;
  };
  for (const m of msgs) {
    const o = orgOf(m.from);
    if (o) { const x = org(o); x.messages++; x.people.add(m.from); }
    const ao = orgOf(m.author ?? m.from);
    if (ao && m.patch.isPatch && !m.patch.isCover) org(ao).patches++;
  }
  const months = new Map<string, { reviews: number; cross: number }>();
  const byList = new Map<string, { reviews: number; cross: number }>();
  const bySection = new Map<string, { reviews: number; cross: number }>();
  const pairs = new Map<string, { reviewer: string; author: string; reviews: number }>();
  const tally = (m: Map<string, { reviews: number; cross: number }>, k: string, cross: boolean) => {
    const x = m.get(k) ?? { reviews: 0, cross: 0 };
    x.reviews++; if (cross) x.cross++;
    m.set(k, x);
  };
  const idx = new Map(msgs.map((m, i) => [m.id, i]));
  for (const x of r.reviews) {
    if (!REVIEW.has(x.kind)) continue;
    if (x.reviewerOrg) org(x.reviewerOrg).reviews_given++;
    if (x.authorOrg) org(x.authorOrg).reviews_received++;
    if (x.crossCompany === null) continue;
    const i = idx.get(x.messageId);
    const m = i === undefined ? null : msgs[i];
    if (m?.date != null) tally(months, new Date(m.date).toISOString().slice(0, 7), x.crossCompany);
    for (const l of m?.lists ?? []) tally(byList, l, x.crossCompany);
    const s = primary(x.target);
    if (s) tally(bySection, s, x.crossCompany);
    if (x.crossCompany) {
      const k = `${x.reviewerOrg}\u0000${x.authorOrg}`;
      const p = pairs.get(k) ?? { reviewer: x.reviewerOrg!, author: x.authorOrg!, reviews: 0 };
      p.reviews++;
      pairs.set(k, p);
    }
  }
  const share = ([k, v]: [string, { reviews: number; cross: number }]) => ({ key: k, reviews: v.reviews, cross: v.cross, share: v.reviews ? v.cross / v.reviews : null });
  files.set("organisations.json", JSON.stringify({
    people_with_org: r.homes.filter((h) => h.organisation).length, people: r.homes.length,
    by_org: [...orgs.values()].map((x) => ({ ...x, people: x.people.size })).sort((p, q) => q.messages - p.messages).slice(0, TOP_ORGS),
    monthly: [...months].sort((p, q) => (p[0] < q[0] ? -1 : 1)).map(share),
    per_list: [...byList].map(share).sort((p, q) => q.reviews - p.reviews),
    per_section: [...bySection].map(share).sort((p, q) => q.reviews - p.reviews).slice(0, 20),
    pairs: [...pairs.values()].sort((p, q) => q.reviews - p.reviews).slice(0, TOP_PAIRS),
  }));
  return files;
}

/** Participants shown per thread (the most active first), as thread pages cap them (bounded.ts). */
const THREAD_PARTICIPANTS_MAX = 500;

/**
 * Thread pages name each participant's home list, home subsystem and organisation. The thread
 * shards are written before the subsystems are known, so these go into their own shards
 * (thread/a-XX.json, keyed by thread id like thread/t-XX.json), read beside the thread's.
 * Without affiliations (no store yet) every shard is an empty object.
 */
export function threadAffiliationFiles(a: Analysis, r: Affiliations | null, files: Map<string, string>): void {
  const shards = new ShardSet(FILES.threadAffiliationShard);
  if (r) {
    const home = new Map(r.homes.map((h) => [h.personId, h]));
    const byThread = new Map<string, Map<string, number>>();
    const tid = a.tr.threading.threadId;
    a.corpus.messages.forEach((m, i) => {
      let c = byThread.get(tid[i]);
      if (!c) byThread.set(tid[i], (c = new Map()));
      c.set(m.from, (c.get(m.from) ?? 0) + 1);
    });
    for (const [t, counts] of byThread) {
      const ids = [...counts].sort((x, y) => y[1] - x[1]).slice(0, THREAD_PARTICIPANTS_MAX).map(([id]) => id);
      shards.add(t, JSON.stringify(Object.fromEntries(ids.map((id) => {
        const h = home.get(id);
        return [id, { home_list: h?.homeList ?? null, home_subsystem: h?.homeSubsystem ?? null, organisation: h?.organisation ?? null }];
      }))));
    }
  }
  shards.writeTo(files);
}

/** Without a store (or before any analysis): the pages still find their files, and say why they are empty. */
export function emptyAffiliationFiles(hint = MAINTAINERS_HINT): Map<string, string> {
  return new Map([
    ["subsystems.json", JSON.stringify({ status: "no-data", hint, unparsed_patches: 0, patches: 0, sections: 0, mapped: 0, roles: 0,
      matrix: { sections: [], cells: [] }, per_list: [], load: [], top_sections: [] })],
    ["organisations.json", JSON.stringify({ people_with_org: 0, people: 0, by_org: [], monthly: [], per_list: [], per_section: [], pairs: [] })],
  ]);
}
