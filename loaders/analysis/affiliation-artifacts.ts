// Page artifacts of the subsystem/organisation analysis: facts-subsystems.json (the fact tables
// the Subsystems and Organisations pages filter in the browser, facts-subsystems.ts), the same
// pages' figures over all data (subsystems.json, organisations.json: for the CLI and as the
// reference the browser computation is tested against, test/site/affiliation-figures.test.ts),
// and an `affiliations` map added to every thread/<key>.json. Built from an Affiliations result,
// so the core artifacts (artifacts.ts) stay untouched.
// The figures' definitions (src/components/affiliation-figures.js computes them for any filter):
// patches are patches that are not cover letters; reviews are those given in replies and NAKs
// (facts.json's), by their message's date and their thread's lists; a patch's section in the
// matrix is its best-ranked one; organisations of messages and patches are the sender's or
// author's current one, of reviews the reviewer's and author's at the dates.
import type { Analysis } from "./analyze.ts";
import type { Affiliations, PersonHome } from "./affiliations.ts";
import { FILES } from "./artifacts.ts";
import { ShardSet } from "./shards.ts";
import { INSUFFICIENT } from "../maintainers/home.ts";
import { authorOf } from "../model/corpus.ts";
import { factPersonIndex } from "./fact-index.ts";
import { buildFactsSubsystems, isPatchNotCover } from "./facts-subsystems.ts";
import { factReviewOrder } from "./fact-index.ts";
import { clipText } from "../model/clip.ts";
import { messageIndex } from "../model/message-index.ts";

export const MAINTAINERS_HINT = "Add the kernel's MAINTAINERS file to see subsystems: `threadgraph analyze --maintainers PATH|URL` " +
  "(e.g. https://raw.githubusercontent.com/torvalds/linux/master/MAINTAINERS), or `maintainers:` in threadgraph.config.ts. It is saved in the store.";

/** Shown rows (the browser copy has the same numbers). */
export const TOP = { sections: 15, perList: 8, load: 40, orgs: 30, pairs: 40, perSection: 20 } as const;
const OTHER = "(other sections)";
const byName = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
type Cell = { from: string; to: string; reviews: number; naks: number };
type Share = { reviews: number; cross: number };

export function affiliationFiles(a: Analysis, r: Affiliations, hint = MAINTAINERS_HINT): Map<string, string> {
  const files = new Map<string, string>();
  files.set(FILES.factsSubsystems, JSON.stringify(buildFactsSubsystems(a, r, hint)));
  const s = subsystemFigures(a, r);
  files.set("subsystems.json", JSON.stringify({ status: r.status, hint: r.status === "no-maintainers" ? hint : null,
    unparsed_patches: r.unparsedPatches, sections: r.sections.length, roles: r.roles.length, ...s }));
  files.set("organisations.json", JSON.stringify(organisationFigures(a, r)));
  return files;
}

/** The Subsystems page's figures over all data. */
export function subsystemFigures(a: Analysis, r: Affiliations) {
  const msgs = a.corpus.messages;
  const home = new Map(r.homes.map((h) => [h.personId, h]));
  const secs = (id: string | null) => (id ? r.messageSubsystems.get(id) : undefined) ?? [];
  let patches = 0, mapped = 0;
  const perList = new Map<string, Map<string, number>>();
  for (const m of msgs) {
    if (!isPatchNotCover(m)) continue;
    patches++;
    const s = secs(m.id);
    if (!s.length) continue;
    mapped++;
    for (const l of m.lists) {
      const pl = perList.get(l) ?? new Map<string, number>();
      pl.set(s[0], (pl.get(s[0]) ?? 0) + 1);
      perList.set(l, pl);
    }
  }
  const cells = new Map<string, Cell>();
  const given = new Map<string, { reviews: number; naks: number }>();
  for (const i of factReviewOrder(a)) {
    const x = r.reviews[i], nak = a.reviews[i].kind === "nacked-by" || a.reviews[i].kind === "nak-line";
    const g = given.get(x.reviewer) ?? { reviews: 0, naks: 0 };
    if (nak) g.naks++; else g.reviews++;
    given.set(x.reviewer, g);
    const to = secs(x.target)[0], from = home.get(x.reviewer)?.homeSubsystem;
    if (!to || !from || from === INSUFFICIENT) continue;
    const k = `${from}\u0000${to}`;
    const c = cells.get(k) ?? { from, to, reviews: 0, naks: 0 };
    if (nak) c.naks++; else c.reviews++;
    cells.set(k, c);
  }
  const maintained = new Map<string, Set<string>>();
  for (const x of r.roles) if (x.role === "maintainer") maintained.set(x.personId, (maintained.get(x.personId) ?? new Set()).add(x.subsystem));
  const person = factPersonIndex(a);
  // Patches touching each maintainer's sections: one pass over the patches (each counted once per maintainer).
  const maintainersOf = new Map<string, string[]>();
  for (const [id, mine] of maintained) for (const sec of mine) maintainersOf.set(sec, [...(maintainersOf.get(sec) ?? []), id]);
  const patchesOf = new Map<string, number>();
  for (const m of msgs) {
    if (!isPatchNotCover(m)) continue;
    for (const id of new Set(secs(m.id).flatMap((x) => maintainersOf.get(x) ?? []))) patchesOf.set(id, (patchesOf.get(id) ?? 0) + 1);
  }
  const load = [...maintained].filter(([id]) => person.has(id))
    .map(([id, mine]) => ({ person: { id, name: clipText(a.people.get(id)?.name || a.people.get(id)?.email || id, 80) }, sections: [...mine].sort(byName),
      patches: patchesOf.get(id) ?? 0, ...(given.get(id) ?? { reviews: 0, naks: 0 }), k: person.get(id)! }))
    .filter((x) => x.patches + x.reviews + x.naks > 0)
    .sort((p, q) => q.patches - p.patches || q.reviews - p.reviews || p.k - q.k).slice(0, TOP.load)
    .map(({ k: _k, ...x }) => x);
  return {
    patches, mapped, matrix: foldCells([...cells.values()]),
    per_list: a.corpus.lists.filter((l) => perList.has(l)).map((list) => ({ list, sections: topCounts(perList.get(list)!, TOP.perList).map(([section, patches]) => ({ section, patches })) })),
    load,
  };
}

/** The TOP.sections busiest sections (reviews + NAKs as row or column), the rest folded into OTHER; cells by row, then column. */
export function foldCells(cells: Cell[]): { sections: string[]; cells: Cell[] } {
  const weight = new Map<string, number>();
  for (const c of cells) for (const s of new Set([c.from, c.to])) weight.set(s, (weight.get(s) ?? 0) + c.reviews + c.naks);
  const top = topCounts(weight, TOP.sections).map(([s]) => s), shown = new Set(top);
  const folded = new Map<string, Cell>();
  for (const c of cells) {
    const from = shown.has(c.from) ? c.from : OTHER, to = shown.has(c.to) ? c.to : OTHER;
    const k = `${from}\u0000${to}`;
    const f = folded.get(k) ?? { from, to, reviews: 0, naks: 0 };
    f.reviews += c.reviews; f.naks += c.naks;
    folded.set(k, f);
  }
  const out = [...folded.values()].sort((p, q) => byName(p.from, q.from) || byName(p.to, q.to));
  return { sections: [...top, ...(out.some((c) => c.from === OTHER || c.to === OTHER) ? [OTHER] : [])], cells: out };
}

/** The n largest counts, largest first, ties by name. */
export function topCounts(m: Map<string, number>, n: number): [string, number][] {
  return [...m].sort((p, q) => q[1] - p[1] || byName(p[0], q[0])).slice(0, n);
}

/** The Organisations page's figures over all data. */
export function organisationFigures(a: Analysis, r: Affiliations) {
  const msgs = a.corpus.messages;
  const home = new Map(r.homes.map((h) => [h.personId, h]));
  const orgOf = (id: string | null) => (id ? home.get(id)?.organisation ?? null : null);
  interface OrgRow { organisation: string; people: Set<string>; messages: number; patches: number; reviews_given: number; reviews_received: number }
  const orgs = new Map<string, OrgRow>();
  const org = (o: string) => {
    let x = orgs.get(o);
    if (!x) orgs.set(o, (x = { organisation: o, people: new Set(), messages: 0, patches: 0, reviews_given: 0, reviews_received: 0 }));
    return x;
  };
  const people = new Set<string>(), withOrg = new Set<string>();
  for (const m of msgs) {
    const o = orgOf(m.from);
    if (!a.bots.has(m.from)) { people.add(m.from); if (o) withOrg.add(m.from); }
    if (o) { const x = org(o); x.messages++; x.people.add(m.from); }
    const ao = orgOf(authorOf(m));
    if (ao && isPatchNotCover(m)) org(ao).patches++;
  }
  const months = new Map<string, Share>(), byList = new Map<string, Share>(), bySection = new Map<string, Share>();
  const pairs = new Map<string, { reviewer: string; author: string; reviews: number }>();
  const tally = (m: Map<string, Share>, k: string, cross: boolean) => {
    const x = m.get(k) ?? { reviews: 0, cross: 0 };
    x.reviews++; if (cross) x.cross++;
    m.set(k, x);
  };
  const at = messageIndex(msgs);
  for (const i of factReviewOrder(a)) {
    const x = r.reviews[i], rv = a.reviews[i];
    if (rv.kind === "nacked-by" || rv.kind === "nak-line") continue;
    if (x.reviewerOrg) org(x.reviewerOrg).reviews_given++;
    if (x.authorOrg) org(x.authorOrg).reviews_received++;
    if (x.crossCompany === null) continue;
    const date = msgs[at.get(x.messageId)!].date;
    if (date !== null) tally(months, new Date(date).toISOString().slice(0, 7), x.crossCompany);
    for (const l of a.corpus.lists) if (rv.lists.includes(l)) tally(byList, l, x.crossCompany);
    const s = x.target ? r.messageSubsystems.get(x.target)?.[0] : undefined;
    if (s) tally(bySection, s, x.crossCompany);
    if (x.crossCompany) {
      const k = `${x.reviewerOrg}\u0000${x.authorOrg}`;
      const p = pairs.get(k) ?? { reviewer: x.reviewerOrg!, author: x.authorOrg!, reviews: 0 };
      p.reviews++;
      pairs.set(k, p);
    }
  }
  const share = ([k, v]: [string, Share]) => ({ key: k, reviews: v.reviews, cross: v.cross, share: v.reviews ? v.cross / v.reviews : null });
  const byReviews = (p: { key: string; reviews: number }, q: { key: string; reviews: number }) => q.reviews - p.reviews || byName(p.key, q.key);
  return {
    people_with_org: withOrg.size, people: people.size,
    by_org: [...orgs.values()].map((x) => ({ ...x, people: x.people.size })).sort((p, q) => q.messages - p.messages || byName(p.organisation, q.organisation)).slice(0, TOP.orgs),
    monthly: [...months].sort((p, q) => byName(p[0], q[0])).map(share),
    per_list: [...byList].map(share).sort(byReviews),
    per_section: [...bySection].map(share).sort(byReviews).slice(0, TOP.perSection),
    pairs: [...pairs.values()].sort((p, q) => q.reviews - p.reviews || byName(p.reviewer, q.reviewer) || byName(p.author, q.author)).slice(0, TOP.pairs),
  };
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
    const tid = a.tr.threading.threadId, msgs = a.corpus.messages;
    for (let i = 0; i < msgs.length; i++) {
      let c = byThread.get(tid[i]);
      if (!c) byThread.set(tid[i], (c = new Map()));
      c.set(msgs[i].from, (c.get(msgs[i].from) ?? 0) + 1);
    }
    // Each person's `"id":{...}` member is encoded once (a person is in many threads), and a thread's
    // object is those members joined: the text JSON.stringify gives the object, unless an id is an
    // array index (an object lists those first, in numeric order): such a thread is encoded as an object.
    const member = new Map<string, string>();
    const memberOf = (id: string) => {
      let x = member.get(id);
      if (x === undefined) member.set(id, (x = JSON.stringify(id) + ":" + JSON.stringify(participantAffiliation(home.get(id)))));
      return x;
    };
    for (const [t, counts] of byThread) {
      const ids = [...counts].sort((x, y) => y[1] - x[1]).slice(0, THREAD_PARTICIPANTS_MAX).map(([id]) => id);
      shards.add(t, ids.some(isArrayIndex) ? JSON.stringify(Object.fromEntries(ids.map((id) => [id, participantAffiliation(home.get(id))])))
        : "{" + ids.map(memberOf).join(",") + "}");
    }
  }
  shards.writeTo(files);
}

const participantAffiliation = (h: PersonHome | undefined) =>
  ({ home_list: h?.homeList ?? null, home_subsystem: h?.homeSubsystem ?? null, organisation: h?.organisation ?? null });

/** A key an object orders before the others, by number ("0", "17"; not "017" nor 2^32 - 1 and above). */
const isArrayIndex = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;

/** Without a store (or before any analysis): the pages still find their files, and say why they are empty. */
export function emptyAffiliationFiles(hint = MAINTAINERS_HINT): Map<string, string> {
  return new Map([
    ["subsystems.json", JSON.stringify({ status: "no-data", hint, unparsed_patches: 0, sections: 0, roles: 0, patches: 0, mapped: 0,
      matrix: { sections: [], cells: [] }, per_list: [], load: [] })],
    ["organisations.json", JSON.stringify({ people_with_org: 0, people: 0, by_org: [], monthly: [], per_list: [], per_section: [], pairs: [] })],
    [FILES.factsSubsystems, JSON.stringify(buildFactsSubsystems(null, null, hint))],
  ]);
}
