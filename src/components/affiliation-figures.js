// The Subsystems and Organisations pages' figures for any filter, computed in the browser from the
// fact tables: facts.json (messages, reviews; facts.js), facts-affiliations.json (each person's
// home subsystem and current organisation) and facts-subsystems.json (per patch its sections and
// author's organisation, per review its section and organisations at the dates;
// loaders/analysis/facts-subsystems.ts). The definitions are affiliation-artifacts.ts's, which
// computes the same figures over all data: test/site/affiliation-figures.test.ts holds them equal.
// A message counts as facts.js keepRows keeps it, a review as keptReviews; lists named by the
// filter limit the per-list rows.
import { keepRows, keptReviews, isNakReview, isoOfDay, maskOf } from "./facts.js";

/** Shown rows (affiliation-artifacts.ts TOP). */
export const TOP = { sections: 15, perList: 8, load: 40, orgs: 30, pairs: 40, perSection: 20 };
export const OTHER_SECTIONS = "(other sections)";
const byName = (x, y) => (x < y ? -1 : x > y ? 1 : 0);

/** facts-subsystems.json with absolute patch rows. */
export function decodeSubsystemFacts(art) {
  const patchRow = new Int32Array(art.patches.msg.length);
  for (let i = 0, r = 0; i < patchRow.length; i++) { r += art.patches.msg[i]; patchRow[i] = r; }
  return { ...art, patchRow };
}

/** The n largest counts of a Map, largest first, ties by name. */
export function topCounts(m, n) {
  return [...m].sort((p, q) => q[1] - p[1] || byName(p[0], q[0])).slice(0, n);
}

/** Lists (indices into f.lists) a mask names, limited to the filter's lists. */
function listsOf(f, mask, only) {
  const out = [];
  for (let j = 0; j < f.lists.length; j++) if (mask & (1 << j) && (only === null || only & (1 << j))) out.push(j);
  return out;
}

/** The busiest sections of a review matrix (reviews + NAKs as row or column), the rest folded; cells by row, then column. */
export function foldCells(cells) {
  const weight = new Map();
  for (const c of cells) for (const s of new Set([c.from, c.to])) weight.set(s, (weight.get(s) ?? 0) + c.reviews + c.naks);
  const top = topCounts(weight, TOP.sections).map(([s]) => s), shown = new Set(top);
  const folded = new Map();
  for (const c of cells) {
    const from = shown.has(c.from) ? c.from : OTHER_SECTIONS, to = shown.has(c.to) ? c.to : OTHER_SECTIONS;
    const k = `${from}\u0000${to}`;
    const x = folded.get(k) ?? { from, to, reviews: 0, naks: 0 };
    x.reviews += c.reviews; x.naks += c.naks;
    folded.set(k, x);
  }
  const out = [...folded.values()].sort((p, q) => byName(p.from, q.from) || byName(p.to, q.to));
  return { sections: [...top, ...(out.some((c) => c.from === OTHER_SECTIONS || c.to === OTHER_SECTIONS) ? [OTHER_SECTIONS] : [])], cells: out };
}

/**
 * Subsystems page: patches (not covers) and those mapped to a section, the review/NAK matrix
 * (reviewer's home subsystem -> patch's best-ranked section), the busiest sections per list, and
 * maintainers' load ({ person: fact-table person index, sections, patches, reviews, naks }).
 */
export function subsystemFigures(f, aff, sf, filter, kept = keepRows(f, filter).keep) {
  const only = maskOf(f, filter.lists);
  let patches = 0, mapped = 0;
  const perList = f.lists.map(() => new Map());
  const maintainersOf = sf.names.map(() => []);
  sf.maintainers.person.forEach((p, k) => { for (const s of sf.maintainers.sec[k]) maintainersOf[s].push(k); });
  const load = sf.maintainers.person.map((person, k) => ({ person, sections: sf.maintainers.sec[k].map((s) => sf.names[s]).sort(byName), patches: 0, reviews: 0, naks: 0 }));
  const stamp = new Int32Array(load.length).fill(-1);
  for (let i = 0; i < sf.patchRow.length; i++) {
    const row = sf.patchRow[i];
    if (!kept[row]) continue;
    patches++;
    const secs = sf.patches.sec[i];
    if (!secs.length) continue;
    mapped++;
    const name = sf.names[secs[0]];
    for (const j of listsOf(f, f.listMask[row], only)) perList[j].set(name, (perList[j].get(name) ?? 0) + 1);
    for (const s of secs) for (const k of maintainersOf[s]) if (stamp[k] !== i) { stamp[k] = i; load[k].patches++; }
  }
  const maintainerAt = new Map(sf.maintainers.person.map((p, k) => [p, k]));
  const cells = new Map();
  for (const i of keptReviews(f, filter)) {
    const nak = isNakReview(f, i), reviewer = f.reviewer[i];
    const m = maintainerAt.get(reviewer);
    if (m !== undefined) { if (nak) load[m].naks++; else load[m].reviews++; }
    const from = aff.subsystem[reviewer] ?? -1, to = sf.reviews.section[i] ?? -1;
    if (reviewer < 0 || from < 0 || to < 0) continue;
    const k = `${from}\u0000${to}`;
    const c = cells.get(k) ?? { from: aff.subsystems[from], to: sf.names[to], reviews: 0, naks: 0 };
    if (nak) c.naks++; else c.reviews++;
    cells.set(k, c);
  }
  return {
    patches, mapped, matrix: foldCells([...cells.values()]),
    per_list: f.lists.flatMap((list, j) => (perList[j].size ? [{ list, sections: topCounts(perList[j], TOP.perList).map(([section, n]) => ({ section, patches: n })) }] : [])),
    load: load.filter((x) => x.patches + x.reviews + x.naks > 0).sort((p, q) => q.patches - p.patches || q.reviews - p.reviews || p.person - q.person).slice(0, TOP.load),
  };
}

/**
 * Organisations page: people active (bots never counted) and those with a known organisation;
 * per organisation its people, messages, patches authored, reviews given and received; the
 * cross-company share of reviews (both organisations known) per month, list and section; and
 * which organisations review which across companies.
 */
export function organisationFigures(f, aff, sf, filter, kept = keepRows(f, filter).keep) {
  const only = maskOf(f, filter.lists);
  const orgs = new Map();
  const org = (o) => {
    let x = orgs.get(o);
    if (!x) orgs.set(o, (x = { organisation: o, people: 0, messages: 0, patches: 0, reviews_given: 0, reviews_received: 0 }));
    return x;
  };
  const seen = new Uint8Array(f.people);
  let people = 0, withOrg = 0;
  for (let r = 0; r < f.n; r++) {
    if (!kept[r]) continue;
    const p = f.person[r], o = aff.organisation[p] ?? -1;
    if (!seen[p]) {
      seen[p] = 1;
      if (!f.botPerson[p]) { people++; if (o >= 0) withOrg++; }
      if (o >= 0) org(aff.organisations[o]).people++;
    }
    if (o >= 0) org(aff.organisations[o]).messages++;
  }
  for (let i = 0; i < sf.patchRow.length; i++) if (kept[sf.patchRow[i]] && sf.patches.org[i] >= 0) org(sf.orgs[sf.patches.org[i]]).patches++;
  const months = new Map(), byList = new Map(), bySection = new Map(), pairs = new Map();
  const tally = (m, k, cross) => {
    const x = m.get(k) ?? { reviews: 0, cross: 0 };
    x.reviews++; if (cross) x.cross++;
    m.set(k, x);
  };
  for (const i of keptReviews(f, filter)) {
    if (isNakReview(f, i)) continue;
    const ro = sf.reviews.rorg[i] ?? -1, ao = sf.reviews.aorg[i] ?? -1;
    if (ro >= 0) org(sf.orgs[ro]).reviews_given++;
    if (ao >= 0) org(sf.orgs[ao]).reviews_received++;
    if (ro < 0 || ao < 0) continue;
    const cross = ro !== ao, d = f.day[f.reviewRow[i]];
    if (!Number.isNaN(d)) tally(months, isoOfDay(d).slice(0, 7), cross);
    for (const j of listsOf(f, f.reviewLists[i], only)) tally(byList, f.lists[j], cross);
    const s = sf.reviews.section[i] ?? -1;
    if (s >= 0) tally(bySection, sf.names[s], cross);
    if (cross) {
      const k = `${ro}\u0000${ao}`;
      const p = pairs.get(k) ?? { reviewer: sf.orgs[ro], author: sf.orgs[ao], reviews: 0 };
      p.reviews++;
      pairs.set(k, p);
    }
  }
  const share = ([key, v]) => ({ key, reviews: v.reviews, cross: v.cross, share: v.reviews ? v.cross / v.reviews : null });
  const byReviews = (p, q) => q.reviews - p.reviews || byName(p.key, q.key);
  return {
    people_with_org: withOrg, people,
    by_org: [...orgs.values()].sort((p, q) => q.messages - p.messages || byName(p.organisation, q.organisation)).slice(0, TOP.orgs),
    monthly: [...months].sort((p, q) => byName(p[0], q[0])).map(share),
    per_list: [...byList].map(share).sort(byReviews),
    per_section: [...bySection].map(share).sort(byReviews).slice(0, TOP.perSection),
    pairs: [...pairs.values()].sort((p, q) => q.reviews - p.reviews || byName(p.reviewer, q.reviewer) || byName(p.author, q.author)).slice(0, TOP.pairs),
  };
}
