// Subsystems and organisations of messages, people and reviews (issue #9; docs/analysis.md
// "Subsystems and organisations"): which lists each message reached (tracked or not), which
// MAINTAINERS sections each patch touches, who holds which role, each person's home list, home
// subsystem and organisations over time, and per review whether it crossed subsystems or companies.
// Pure logic lives in maintainers/ and identity/; this module joins it to the analysed corpus.
import type { Analysis } from "./analyze.ts";
import type { AffiliationInput } from "./affiliation-input.ts";
import type { TrackedList } from "../model/records.ts";
import type { Maintainers, Section } from "../maintainers/parse.ts";
import { SectionMatcher } from "../maintainers/match.ts";
import { ListDirectory, maintainersLists, type ListInfo } from "../maintainers/lists.ts";
import { messageSectionMatches, sectionRoles, spansListsApart, type MessageForSubsystems, type NamedMatch, type RoleRow } from "../maintainers/subsystems.ts";
import { personHomes } from "./affiliation-homes.ts";
import { organisationPeriods, type OrganisationOverride, type OrganisationPeriod } from "../identity/organisations.ts";
import { messageIndex } from "../model/message-index.ts";

export interface MessageList { messageId: string; list: string; address: string | null; tracked: boolean; via: "archive" | "to-cc" | "list-id" }

/**
 * The message_lists rows as columns, row k of each array together making one MessageList: about
 * four rows per message, so an object per row was ~900k objects at 200k messages, each read once
 * by the table's writer.
 */
export interface MessageListColumns {
  messageId: string[]; list: string[]; address: (string | null)[]; tracked: boolean[]; via: MessageList["via"][];
}

export interface ReviewAffiliation {
  messageId: string; kind: string; reviewer: string; target: string | null;
  reviewerOrg: string | null; authorOrg: string | null;
  /** Orgs both known: they differ. null when either is unknown. */
  crossCompany: boolean | null;
  /** The reviewer holds roles, none in a section the patch touches (null: no roles, or an unmapped patch). */
  crossSubsystemReviewer: boolean | null;
  /** The patch touches sections with no L: list in common (null: unmapped patch). */
  crossSubsystemPatch: boolean | null;
  /** Which rules fired: "reviewer-outside", "patch-spans-lists", joined by ","; "" for none. */
  rule: string;
}

export interface PersonHome { personId: string; homeList: string | null; homeSubsystem: string | null; evidence: string | null; organisation: string | null }

export interface Affiliations {
  /** "ok"; "no-maintainers" (none configured); "no-files" (the store predates message_files). */
  status: "ok" | "no-maintainers" | "no-files";
  sections: Section[];
  messageLists: MessageListColumns;
  messageSubsystems: Map<string, string[]>;
  roles: RoleRow[];
  homes: PersonHome[];
  periods: Map<string, OrganisationPeriod[]>;
  reviews: ReviewAffiliation[];
  /** Patches in the window whose files were never parsed (older store parts). */
  unparsedPatches: number;
  patches: number;
}

/** "linux-media.vger.kernel.org" -> "linux-media@vger.kernel.org" (List-Id names a list by its address). */
export function listIdAddress(listId: string): string {
  const dot = listId.indexOf(".");
  return dot < 0 ? listId : `${listId.slice(0, dot)}@${listId.slice(dot + 1)}`;
}

export function computeAffiliations(a: Analysis, input: AffiliationInput, o: {
  maintainers: Maintainers | null; tracked: TrackedList[]; orgOverrides?: { email: string; override: OrganisationOverride }[];
}): Affiliations {
  const msgs = a.corpus.messages;
  const trackedNames = new Set([...a.corpus.lists, ...o.tracked.map((t) => t.name)]);
  const sections = o.maintainers?.sections ?? [];
  const dir = new ListDirectory(maintainersLists(sections), o.tracked);

  // Lists each message reached: archives and tracked addresses (messages.lists), every list
  // address in To/Cc, and the List-Id. What a message gets depends only on its lists, To/Cc list
  // addresses and List-Id, and the store read shares one array per combination of lists and one per
  // combination of addresses: the rows and names are worked out once per (lists, addresses,
  // List-Id) and each message only copies its rows (at 200k messages this loop was a second of
  // the analysis' critical path, then a third of a second with a lookup per address and list).
  const messageLists: MessageListColumns = { messageId: [], list: [], address: [], tracked: [], via: [] };
  const listsOf: string[][] = new Array(msgs.length);
  const known = new Map<string, ListInfo | null>();
  const lookup = (address: string) => { let r = known.get(address); if (r === undefined) known.set(address, (r = dir.lookup(address))); return r; };
  const knownListIds = new Map<string, ListInfo | null>();
  const listIdInfo = (id: string) => { let r = knownListIds.get(id); if (r === undefined) knownListIds.set(id, (r = lookup(listIdAddress(id)))); return r; };
  // The shared array of each combination of names, found by walking a tree of the names one at a
  // time: no key text made per message, and no separator a hostile List-Id could hold.
  interface Combination { names: string[] | null; next: Map<string, Combination> | null }
  const combinations: Combination = { names: null, next: null };
  const combination = (names: string[]) => {
    let c = combinations;
    for (let k = 0; k < names.length; k++) {
      let n = (c.next ??= new Map()).get(names[k]);
      if (!n) c.next.set(names[k], (n = { names: null, next: null }));
      c = n;
    }
    return (c.names ??= names);
  };
  type Row = Omit<MessageList, "messageId">;
  interface Plan { rows: Row[]; names: string[] }
  const planOf = (lists: string[], to: readonly string[], listId: string | null): Plan => {
    const names: string[] = [], rows: Row[] = [];
    const add = (info: ListInfo | null, via: MessageList["via"]) => {
      if (!info || names.includes(info.name)) return;
      names.push(info.name);
      rows.push({ list: info.name, address: info.address, tracked: trackedNames.has(info.name), via });
    };
    for (const l of lists) {
      if (names.includes(l)) continue;
      names.push(l);
      rows.push({ list: l, address: null, tracked: trackedNames.has(l), via: "archive" });
    }
    for (const a of to) add(lookup(a), "to-cc");
    if (listId) add(listIdInfo(listId), "list-id");
    // Most messages reached only their archives' lists: their (shared, read-only) lists array; the
    // others one shared array per combination (homeList weighs each distinct array's lists once).
    return { rows, names: names.length === lists.length ? lists : combination(names) };
  };
  // lists array -> addresses array -> List-Id -> plan (arrays by identity: one not shared only misses).
  const plans = new Map<string[], Map<readonly string[], Map<string | null, Plan>>>();
  const none: readonly string[] = [];
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i];
    const ad = input.addressed.get(m.id);
    const to = ad ? ad.to : none, listId = ad ? ad.listId : null;
    let byTo = plans.get(m.lists);
    if (!byTo) plans.set(m.lists, (byTo = new Map()));
    let byId = byTo.get(to);
    if (!byId) byTo.set(to, (byId = new Map()));
    let plan = byId.get(listId);
    if (!plan) byId.set(listId, (plan = planOf(m.lists, to, listId)));
    for (const r of plan.rows) {
      messageLists.messageId.push(m.id); messageLists.list.push(r.list); messageLists.address.push(r.address);
      messageLists.tracked.push(r.tracked); messageLists.via.push(r.via);
    }
    listsOf[i] = plan.names;
  }

  // Sections of patches and cover letters.
  let unparsedPatches = 0, patches = 0;
  for (const m of msgs) if (m.patch.isPatch && !m.patch.isCover) { patches++; if (input.unparsed.has(m.id)) unparsedPatches++; }
  const matcher = o.maintainers ? new SectionMatcher(o.maintainers) : null;
  // Only patches and covers can match (messageSectionMatches skips the rest): no input object for the other messages.
  const patchInput: MessageForSubsystems[] = [];
  if (matcher) msgs.forEach((m, i) => {
    if (m.patch.isPatch) patchInput.push({ id: m.id, isPatch: true, isCover: m.patch.isCover, seriesId: a.tr.series[i],
      files: input.unparsed.has(m.id) ? null : input.files.get(m.id) ?? [] });
  });
  const matches = matcher ? messageSectionMatches(matcher, patchInput) : new Map<string, NamedMatch[]>();
  const subs = new Map<string, string[]>();
  for (const [id, ms] of matches) subs.set(id, ms.map((x) => x.name));
  const byName = new Map(sections.map((s) => [s.name, s]));
  const roles = sectionRoles(sections, a.corpus.people, input.personOfEmail);

  // A section's L: lists by the names messages carry (listsOf holds names, not addresses).
  const sectionLists = new Map(sections.map((sec) => [sec.name, sec.lists.map((l) => dir.lookup(l)?.name ?? l)]));
  const homes = personHomes(a, listsOf, matches, roles, sections, sectionLists);
  const periods = new Map<string, OrganisationPeriod[]>();
  const overridesOf = new Map<string, OrganisationOverride[]>();
  for (const x of o.orgOverrides ?? []) {
    const p = input.personOfEmail.get(x.email) ?? x.email;
    overridesOf.set(p, [...(overridesOf.get(p) ?? []), x.override]);
  }
  for (const p of new Set([...input.observations.keys(), ...overridesOf.keys()])) {
    const ps = organisationPeriods(input.observations.get(p) ?? [], overridesOf.get(p) ?? []);
    if (ps.length) periods.set(p, ps);
  }
  for (const h of homes) h.organisation = periods.get(h.personId)?.at(-1)?.organisation ?? null;
  const orgAt = (person: string | null, date: number | null): string | null => {
    const ps = person ? periods.get(person) : undefined;
    if (!ps) return null;
    if (date === null) return ps.at(-1)!.organisation;
    return (ps.find((p) => p.from <= date && date <= p.until) ?? nearest(ps, date))?.organisation ?? null;
  };

  const rolesOf = new Map<string, Set<string>>();
  for (const r of roles) rolesOf.set(r.personId, (rolesOf.get(r.personId) ?? new Set()).add(r.subsystem));
  const idx = messageIndex(msgs);
  const reviews: ReviewAffiliation[] = a.reviews.map((r) => {
    const t = r.target === null ? undefined : idx.get(r.target);
    const tSubs = r.target ? subs.get(r.target) : undefined;
    const mine = rolesOf.get(r.reviewer);
    const reviewerOutside = tSubs && mine ? !tSubs.some((s) => mine.has(s)) : null;
    const spans = tSubs ? spansListsApart(tSubs.map((n) => byName.get(n)!).filter(Boolean)) : null;
    const patchDate = t === undefined ? r.date : msgs[t].date;
    const reviewerOrg = orgAt(r.reviewer, r.date), authorOrg = orgAt(r.author, patchDate);
    return { messageId: r.messageId, kind: r.kind, reviewer: r.reviewer, target: r.target, reviewerOrg, authorOrg,
      crossCompany: reviewerOrg && authorOrg ? reviewerOrg !== authorOrg : null,
      crossSubsystemReviewer: reviewerOutside, crossSubsystemPatch: spans,
      rule: reviewerOutside && spans ? "reviewer-outside,patch-spans-lists" : reviewerOutside ? "reviewer-outside" : spans ? "patch-spans-lists" : "" };
  });
  const status = !o.maintainers ? "no-maintainers" : patches > 0 && unparsedPatches === patches ? "no-files" : "ok";
  return { status, sections, messageLists, messageSubsystems: subs, roles, homes, periods, reviews, unparsedPatches, patches };
}

function nearest(ps: OrganisationPeriod[], date: number): OrganisationPeriod | undefined {
  let best: OrganisationPeriod | undefined, gap = Infinity;
  for (const p of ps) {
    const g = date < p.from ? p.from - date : date - p.until;
    if (g < gap) { gap = g; best = p; }
  }
  return best;
}
