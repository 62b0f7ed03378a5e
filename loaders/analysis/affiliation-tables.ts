// The derived tables of the subsystem/organisation analysis (docs/schema.md "Subsystems and
// organisations"), and the run step that computes them: read -> compute -> write.
import type { Store } from "../store/api.ts";
import type { Analysis } from "./analyze.ts";
import type { TrackedList } from "../model/records.ts";
import { parseMaintainers, type Maintainers } from "../maintainers/parse.ts";
import { organisationTable } from "../identity/organisations.ts";
import type { OrganisationOverride } from "../identity/organisations.ts";
import type { AffiliationInput, AffiliationLists } from "./affiliation-input.ts";
import { ListDirectory, maintainersLists } from "../maintainers/lists.ts";
import { computeAffiliations, type Affiliations } from "./affiliations.ts";
import { columnsOf, readAnalysisInput } from "./store-io.ts";
import { sectionListNames } from "./series.ts";
import { allWritten } from "./all-written.ts";

export interface AffiliationOptions {
  /** MAINTAINERS text and where it came from; null: none configured. */
  maintainers: { text: string; spec: string } | null;
  tracked: TrackedList[];
  orgOverrides?: { email: string; override: OrganisationOverride }[];
  writeDerived: boolean;
}

/** MAINTAINERS parsed and what the analysis reads from the store besides the corpus (no analysis needed). */
export interface AffiliationRead { maintainers: Maintainers | null; input: AffiliationInput }

/** The options, MAINTAINERS parsed, and which To/Cc addresses can be lists (what the store read keeps). */
export interface AffiliationPlan { inputs: AffiliationOptions; maintainers: Maintainers | null; lists: AffiliationLists }

export function planAffiliations(o: AffiliationOptions): AffiliationPlan {
  const m: Maintainers | null = o.maintainers ? parseMaintainers(o.maintainers.text) : null;
  const dir = new ListDirectory(maintainersLists(m?.sections ?? []), o.tracked);
  // Addresses at list-only hosts are matched by host: only the other known lists are named.
  const hosts = ListDirectory.listHosts();
  return { inputs: o, maintainers: m, lists: { addresses: dir.addresses().filter((x) => !hosts.includes(x.slice(x.lastIndexOf("@") + 1))), hosts } };
}

/**
 * The store side of the step alone. runAnalysis reads it with the corpus instead (store-io.ts
 * readAnalysisInput: one scan of the messages view for both).
 */
export async function readAffiliations(store: Store, o: AffiliationOptions): Promise<AffiliationRead> {
  const plan = planAffiliations(o);
  return { maintainers: plan.maintainers, input: await (await readAnalysisInput(store, null, plan.lists)).affiliation! };
}

/**
 * The subsystems and organisations of `a` (`read`: readAffiliations(store, o), when already started), and
 * what the analysis learns from them: the series lifecycle learns its sections, and who may set states with
 * pw-bot (message_subsystems needs the threads), so it is computed again with them. The caller writes the
 * tables (writeAffiliationTables) and builds the files from the result.
 */
export async function runAffiliations(store: Store, a: Analysis, o: AffiliationOptions, read?: Promise<AffiliationRead>): Promise<Affiliations> {
  const { maintainers: m, input } = await (read ?? readAffiliations(store, o));
  const r = computeAffiliations(a, input, { maintainers: m, tracked: o.tracked, orgOverrides: o.orgOverrides });
  if (r.status === "ok") {
    a.corpus.subsystems = r.messageSubsystems;
    a.corpus.maintainerRoles = r.roles;
    a.corpus.sectionLists = sectionListNames(r.sections);
    a.series = a.series.recompute();
  }
  return r;
}

const person = (p: { name: string; email: string }) => (p.email ? `${p.name} <${p.email}>` : p.name);

export async function writeAffiliationTables(store: Store, a: Analysis, r: Affiliations): Promise<void> {
  const w: Promise<void>[] = [];
  const patchesBy = new Map<string, number>();
  for (const subs of r.messageSubsystems.values()) {
    for (const s of subs) patchesBy.set(s, (patchesBy.get(s) ?? 0) + 1);
  }
  w.push(store.writeDerived("subsystems", { name: "VARCHAR", status: "VARCHAR", lists: "VARCHAR[]", maintainers: "VARCHAR[]",
    reviewers: "VARCHAR[]", messages: "INTEGER" }, r.sections.map((s) => ({ name: s.name, status: s.status, lists: s.lists,
    maintainers: s.maintainers.map(person), reviewers: s.reviewers.map(person), messages: patchesBy.get(s.name) ?? 0 }))));
  // The big tables as columns (DerivedColumns): no object per row beside the analysis' own (message_lists
  // has ~4 rows per message; at 200k messages the copies were most of this step's garbage).
  const ids: string[] = [], subsystems: string[] = [];
  for (const [id, subs] of r.messageSubsystems) for (const s of subs) { ids.push(id); subsystems.push(s); }
  w.push(store.writeDerived("message_subsystems", { message_id: "VARCHAR", subsystem: "VARCHAR" },
    { length: ids.length, columns: { message_id: ids, subsystem: subsystems } }));
  w.push(store.writeDerived("person_subsystems", { person_id: "VARCHAR", subsystem: "VARCHAR", role: "VARCHAR", evidence: "VARCHAR" },
    r.roles.map((x) => ({ person_id: x.personId, subsystem: x.subsystem, role: x.role, evidence: x.evidence }))));
  w.push(store.writeDerived("message_lists", { message_id: "VARCHAR", list: "VARCHAR", address: "VARCHAR", tracked: "BOOLEAN", via: "VARCHAR" },
    { length: r.messageLists.messageId.length, columns: { message_id: r.messageLists.messageId, list: r.messageLists.list,
      address: r.messageLists.address, tracked: r.messageLists.tracked, via: r.messageLists.via } }));
  const current = new Map<string, number>();
  for (const h of r.homes) if (h.organisation) current.set(h.organisation, (current.get(h.organisation) ?? 0) + 1);
  w.push(store.writeDerived("organisations", { organisation: "VARCHAR", domains: "VARCHAR[]", subdomains: "BOOLEAN", people: "INTEGER" },
    [...organisationTable().map((e) => ({ organisation: e.organisation, domains: e.domains, subdomains: e.subdomains, people: current.get(e.organisation) ?? 0 })),
      // organisations named only by `org` override lines (or a table entry's former name): no domains
      ...[...new Set([...r.periods.values()].flatMap((ps) => ps.map((p) => p.organisation)))]
        .filter((o) => !organisationTable().some((e) => e.organisation === o))
        .map((organisation) => ({ organisation, domains: [], subdomains: false, people: current.get(organisation) ?? 0 }))]));
  w.push(store.writeDerived("person_organisations", { person_id: "VARCHAR", organisation: "VARCHAR", from: "TIMESTAMP", until: "TIMESTAMP", evidence: "VARCHAR[]" },
    [...r.periods].flatMap(([person_id, ps]) => ps.map((p) => ({ person_id, organisation: p.organisation, from: p.from, until: p.until, evidence: p.evidence })))));
  w.push(store.writeDerived("person_homes", { person_id: "VARCHAR", home_list: "VARCHAR", home_subsystem: "VARCHAR", home_subsystem_evidence: "VARCHAR", organisation: "VARCHAR" },
    r.homes.map((h) => ({ person_id: h.personId, home_list: h.homeList, home_subsystem: h.homeSubsystem, home_subsystem_evidence: h.evidence, organisation: h.organisation }))));
  w.push(store.writeDerived("review_affiliations", { message_id: "VARCHAR", kind: "VARCHAR", reviewer_id: "VARCHAR", target_id: "VARCHAR",
    reviewer_organisation: "VARCHAR", author_organisation: "VARCHAR", cross_company: "BOOLEAN", cross_subsystem_reviewer: "BOOLEAN",
    cross_subsystem_patch: "BOOLEAN", cross_subsystem_rule: "VARCHAR" }, columnsOf(r.reviews, { message_id: (x) => x.messageId, kind: (x) => x.kind,
    reviewer_id: (x) => x.reviewer, target_id: (x) => x.target, reviewer_organisation: (x) => x.reviewerOrg, author_organisation: (x) => x.authorOrg,
    cross_company: (x) => x.crossCompany, cross_subsystem_reviewer: (x) => x.crossSubsystemReviewer, cross_subsystem_patch: (x) => x.crossSubsystemPatch,
    cross_subsystem_rule: (x) => x.rule })));
  await allWritten(w);
}

/** One line for the CLI and meta.json: what the subsystem analysis could do. */
export function describeAffiliations(r: Affiliations): string {
  if (r.status === "no-maintainers") return "subsystems: no MAINTAINERS file (add one with --maintainers FILE|URL or `maintainers:` in threadgraph.config.ts)";
  const mapped = [...r.messageSubsystems.keys()].length;
  const stale = r.unparsedPatches ? `; ${r.unparsedPatches} of ${r.patches} patches were ingested before message_files existed: re-ingest into a new store to map them (docs/schema.md)` : "";
  return `subsystems: ${r.sections.length} sections, ${mapped} patches and covers mapped, ${r.roles.length} roles held${stale}`;
}
