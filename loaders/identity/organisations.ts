// Which organisation an address speaks for, from its mail domain (the table in org-table.ts),
// and a person's organisations over time, from the dates each of their addresses was seen.
// Period rules (docs/maintainers.md): an address with an organisation covers [first seen, last
// seen]; where two organisations overlap the more recently started one wins (people move, old
// addresses linger in trailers); equal neighbours merge, also across a stretch with no
// organisation; user overrides win within their range.
import { isNeutralDomain, orgOf } from "./domains.ts";
import { ORG_TABLE } from "./org-table.ts";

export { ORG_TABLE_VERSION } from "./org-table.ts";

const BY_DOMAIN = new Map<string, { organisation: string; sub: boolean }>();
for (const e of ORG_TABLE) for (const d of e.domains) BY_DOMAIN.set(d, { organisation: e.organisation, sub: e.sub ?? false });
/** Domains of acquired companies: their former organisation before the acquisition (epoch ms, exclusive). */
const FORMERLY = new Map<string, { organisation: string; until: number }>();
for (const e of ORG_TABLE) for (const f of e.formerly ?? []) for (const d of f.domains) FORMERLY.set(d, { organisation: f.organisation, until: Date.parse(f.until) });

/** The domain of the table behind `domain` (itself or a `sub` parent), or null. */
function tableDomain(domain: string): string | null {
  const d = domain.trim().toLowerCase().replace(/\.$/, "");
  if (!d || isNeutralDomain(d) || isNeutralDomain(orgOf(d))) return null;
  if (BY_DOMAIN.has(d)) return d;
  for (let i = d.indexOf("."); i >= 0; i = d.indexOf(".", i + 1)) {
    const parent = d.slice(i + 1);
    if (BY_DOMAIN.get(parent)?.sub) return parent;
  }
  return null;
}

/** Every organisation of the table with its domains (for the `organisations` table). */
export function organisationTable(): { organisation: string; domains: string[]; subdomains: boolean }[] {
  return ORG_TABLE.map((e) => ({ organisation: e.organisation, domains: [...e.domains], subdomains: e.sub ?? false }));
}

/**
 * The organisation a domain belongs to by the table: itself, or a parent marked `sub`. With a
 * date (epoch ms), an acquired company's domain gives its former name before the acquisition.
 */
export function organisationOfDomain(domain: string, at?: number): string | null {
  const d = tableDomain(domain);
  if (d === null) return null;
  const former = at === undefined ? undefined : FORMERLY.get(d);
  return former && at! < former.until ? former.organisation : BY_DOMAIN.get(d)!.organisation;
}

/** The acquisition date (epoch ms) at which a domain changes organisation, if any. */
function acquiredAt(domain: string): number | undefined {
  const d = tableDomain(domain);
  return d === null ? undefined : FORMERLY.get(d)?.until;
}

/**
 * The organisation of an address, by its domain. Neutral domains (free mail, kernel.org...) give
 * null, and so does any domain the table does not name: vanity domains (toke@toke.dk) and
 * unknown companies alike. The table is the only source, so a missing company is one line to
 * add, never a guess.
 */
export function organisationOf(email: string, date?: number): string | null {
  const at = email.lastIndexOf("@");
  return at < 0 ? null : organisationOfDomain(email.slice(at + 1), date);
}

export interface AddressObservation {
  email: string;
  /** Epoch ms, inclusive. */
  firstSeen: number;
  lastSeen: number;
}

export interface OrganisationOverride {
  /** null: no organisation in this range (an independent contributor). */
  organisation: string | null;
  /** Epoch ms, inclusive; absent = from the person's first message / until their last. */
  from?: number;
  until?: number;
}

export interface OrganisationPeriod {
  organisation: string;
  from: number;
  until: number;
  /** "address:x@intel.com" for each address behind the period, or "override". */
  evidence: string[];
}

interface Span { org: string | null; from: number; end: number; evidence: string; override: boolean; order: number }

/** Half-open spans: the addresses with an organisation, and the overrides clipped to the person's dates. */
function spansOf(observations: AddressObservation[], overrides: OrganisationOverride[]): Span[] {
  const valid = observations.filter((o) => Number.isFinite(o.firstSeen) && Number.isFinite(o.lastSeen));
  const spans: Span[] = [];
  let first = Infinity, last = -Infinity;
  for (const o of valid) {
    const from = Math.min(o.firstSeen, o.lastSeen), until = Math.max(o.firstSeen, o.lastSeen);
    first = Math.min(first, from);
    last = Math.max(last, until);
    const evidence = `address:${o.email.toLowerCase()}`;
    // An acquired company's address seen across its acquisition: two spans, two organisations.
    const cut = acquiredAt(o.email.slice(o.email.lastIndexOf("@") + 1));
    const pieces = cut !== undefined && from < cut && cut <= until ? [[from, cut - 1], [cut, until]] : [[from, until]];
    for (const [a, b] of pieces) {
      const org = organisationOf(o.email, a);
      if (org) spans.push({ org, from: a, end: b + 1, evidence, override: false, order: spans.length });
    }
  }
  overrides.forEach((ov, i) => {
    const from = ov.from ?? first, until = ov.until ?? last;
    if (!Number.isFinite(from) || !Number.isFinite(until) || until < from) return;
    spans.push({ org: ov.organisation, from, end: until + 1, evidence: "override", override: true, order: i });
  });
  return spans;
}

/** Which span speaks for [a, b): the last override covering it, else the most recently started address. */
function winner(spans: Span[], a: number, b: number): Span | null {
  let best: Span | null = null;
  for (const s of spans) {
    if (s.from > a || s.end < b) continue;
    if (!best) { best = s; continue; }
    if (s.override !== best.override) { if (s.override) best = s; continue; }
    if (s.override ? s.order > best.order : s.from > best.from) best = s;
  }
  return best;
}

export function organisationPeriods(observations: AddressObservation[], overrides: OrganisationOverride[] = []): OrganisationPeriod[] {
  const spans = spansOf(observations, overrides);
  const cuts = [...new Set(spans.flatMap((s) => [s.from, s.end]))].sort((x, y) => x - y);
  const out: (OrganisationPeriod & { end: number })[] = [];
  let open: (OrganisationPeriod & { end: number }) | null = null; // the period that may still grow
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const w = winner(spans, a, b);
    if (!w) continue; // no evidence: a gap, bridged when the same organisation follows
    if (w.org === null) { open = null; continue; } // an override says "none": nothing bridges it
    if (open && open.organisation === w.org) {
      open.end = b;
      open.until = b - 1;
    } else {
      open = { organisation: w.org, from: a, until: b - 1, end: b, evidence: [] };
      out.push(open);
    }
    // every address of this organisation active here is evidence, not only the winner
    for (const s of spans) {
      if (s.org === w.org && s.from <= a && s.end >= b && s.override === w.override && !open.evidence.includes(s.evidence)) open.evidence.push(s.evidence);
    }
  }
  return out.map(({ end: _end, ...p }) => ({ ...p, evidence: p.evidence.sort() }));
}
