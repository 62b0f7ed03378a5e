// People resolution: addresses -> persons, by exact (normalised) address, git-mailmap,
// unambiguous display name, then user overrides. Pure function over observed (email, name)
// pairs, so it is cheap to recompute after every ingest and a mailmap change rewrites nothing else.
import { MailmapIndex, type Mailmap } from "./mailmap.ts";
import { DOMAIN_LIST_VERSION, isNeutralDomain, isPersonalDomain, orgOf } from "./domains.ts";
import { findSuspects, type Suspect } from "./suspects.ts";
import { nameAbbrevKey, nameKey, nameWords, normalizeEmail } from "./normalize.ts";
import { emptyOverrides, type Overrides } from "./overrides.ts";

export interface Observation {
  email: string;
  name: string;
  /** Messages sent with this pair (trailer mentions count 0 here but still create the address). */
  messages: number;
  /** Some message with this pair was flagged as a bot by the parser. */
  botFlag?: boolean;
}

export interface Evidence {
  rule: "mailmap" | "bot-tag" | "display-name" | "display-name-local-part" | "override-join";
  addresses: string[];
  detail: string;
}

export interface Person {
  person_id: string;
  name: string;
  emails: string[];
  is_bot: boolean;
  messages: number;
  evidence: Evidence[];
}

export interface PeopleResult {
  people: Person[];
  /** Every known address -> person_id. */
  emailToPerson: Map<string, string>;
  /** People the rules kept apart who look alike (people_suspects view). */
  suspects: Suspect[];
}

/** Version of the merge rules: part of the identity inputs, so a change re-resolves stores. */
export const IDENTITY_RULES_VERSION = `3;domains:${DOMAIN_LIST_VERSION}`;

export interface ResolveOptions {
  mailmaps?: Mailmap[];
  overrides?: Overrides;
  isBot?: (name: string, email: string) => boolean;
}

class UnionFind {
  parent = new Map<string, string>();
  add(x: string) { if (!this.parent.has(x)) this.parent.set(x, x); }
  find(x: string): string {
    let r = x;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    while (this.parent.get(x) !== r) { const n = this.parent.get(x)!; this.parent.set(x, r); x = n; }
    return r;
  }
  union(a: string, b: string): boolean {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return false;
    // Deterministic root choice keeps results independent of input order.
    if (ra < rb) this.parent.set(rb, ra); else this.parent.set(ra, rb);
    return true;
  }
}

/** Long enough to be rare: "Yang Li" or "Wei Wang" recur across employers, "Saeed Mahameed" hardly. */
export function distinctiveName(words: string[]): boolean {
  // a loop, not Math.max(...words): spreading a hostile 200k-word name overflows the stack
  let total = 0, longest = 0;
  for (const w of words) { total += w.length; if (w.length > longest) longest = w.length; }
  return total >= 10 && longest >= 5;
}

export interface NameMergeGroup {
  emails: string[];
  rule: "display-name" | "display-name-local-part";
  /** Organisations joined by a shared local part (display-name-local-part only). */
  orgs?: string[];
}

/**
 * Which addresses sharing a display name are one person. Neutral addresses (free mail, community
 * hosts such as kernel.org, the person's own vanity domain: see domains.ts) say nothing about the
 * employer. Organisation domains do: a common name ("Yang Li") recurs across employers, so
 * - one organisation: everything merges;
 * - several: organisations are joined only when the name is distinctive AND the same local part
 *   is used at both (saeedm@mellanox.com / saeedm@nvidia.com, a typo'd domain); if that leaves one
 *   organisation, the neutral addresses join it, else each organisation merges on its own and
 *   neutral addresses stay apart (people_suspects lists them).
 * `words`: the name words seen on these addresses (for vanity domains); `key`: the name key.
 */
export function nameMergeGroups(emails: string[], key = "", words: string[] = key.split(" ")): NameMergeGroup[] {
  const byOrg = new Map<string, string[]>();
  const neutral: string[] = [];
  for (const e of emails) {
    const domain = e.slice(e.lastIndexOf("@") + 1);
    if (isNeutralDomain(domain) || isPersonalDomain(e, words)) { neutral.push(e); continue; }
    pushTo(byOrg, orgOf(domain), e); // mail.intel.com ~ intel.com
  }
  if (byOrg.size <= 1) return [{ emails: [...emails], rule: "display-name" }];
  // Join organisations that share a local part, for distinctive names only: one pass over the
  // addresses, indexed by local part (not every pair of organisations).
  const orgs = [...byOrg.keys()].sort();
  const uf = new UnionFind();
  for (const o of orgs) uf.add(o);
  if (key && distinctiveName(key.split(" "))) {
    const orgOfLocal = new Map<string, string>();
    for (const o of orgs) {
      for (const e of byOrg.get(o)!) {
        const local = e.slice(0, e.lastIndexOf("@"));
        const seen = orgOfLocal.get(local);
        if (seen === undefined) orgOfLocal.set(local, o);
        else uf.union(seen, o);
      }
    }
  }
  const clusters = new Map<string, string[]>();
  for (const o of orgs) pushTo(clusters, uf.find(o), o);
  const group = (os: string[], extra: string[] = []): NameMergeGroup => ({
    emails: [...os.flatMap((o) => byOrg.get(o)!), ...extra],
    ...(os.length > 1 ? { rule: "display-name-local-part" as const, orgs: os } : { rule: "display-name" as const }),
  });
  if (clusters.size === 1) return [group(orgs, neutral)];
  return [...clusters.values()].map((os) => group(os));
}

/** Append to the list under `key` (in place: re-spreading the list per item is quadratic). */
function pushTo<V>(m: Map<string, V[]>, key: string, v: V): void {
  const l = m.get(key);
  if (l) l.push(v); else m.set(key, [v]);
}

// Domains whose bots tag every report's address (syzbot+<hash>@syzkaller.appspotmail.com).
const PER_REPORT_TAG_DOMAINS = new Set(["syzkaller.appspotmail.com"]);

/** syzbot+abc@syzkaller.appspotmail.com -> syzbot@syzkaller.appspotmail.com; null otherwise. */
export function botTagBase(email: string): string | null {
  const m = /^([^+@]+)\+[^@]+@(.+)$/.exec(email);
  return m && PER_REPORT_TAG_DOMAINS.has(m[2]) ? `${m[1]}@${m[2]}` : null;
}

export function resolvePeople(observations: Observation[], opts: ResolveOptions = {}): PeopleResult {
  const ov = opts.overrides ?? emptyOverrides();
  const mm = new MailmapIndex(opts.mailmaps ?? []);
  const uf = new UnionFind();
  const evidence: Evidence[] = [];
  // Per address: message count, names used (with counts), bot flag.
  const addr = new Map<string, { messages: number; names: Map<string, number>; bot: boolean }>();
  const note = (email: string) => {
    let a = addr.get(email);
    if (!a) { a = { messages: 0, names: new Map(), bot: false }; addr.set(email, a); uf.add(email); }
    return a;
  };
  for (const o of observations) {
    const email = normalizeEmail(o.email);
    if (!email) continue;
    const a = note(email);
    a.messages += o.messages;
    const name = (o.name ?? "").trim().replace(/\s+/g, " ");
    if (name) a.names.set(name, (a.names.get(name) ?? 0) + Math.max(1, o.messages));
    if (o.botFlag || opts.isBot?.(name, email)) a.bot = true;
  }

  // 1. mailmap: commit address -> proper address; proper names remembered per address.
  const mailmapName = new Map<string, string>();
  const mailmapTarget = new Map<string, string>(); // address -> canonical mailmap address
  for (const [email, a] of [...addr.entries()]) {
    if (ov.splits.has(email)) continue;
    const names = a.names.size ? [...a.names.keys()] : [""];
    for (const name of names) {
      const e = mm.lookup(email, name);
      if (!e) continue;
      if (e.properName) mailmapName.set(e.properEmail ?? email, e.properName);
      if (e.properEmail && e.properEmail !== email && !ov.splits.has(e.properEmail)) {
        note(e.properEmail);
        mailmapTarget.set(email, e.properEmail);
        mailmapTarget.set(e.properEmail, e.properEmail);
        if (uf.union(email, e.properEmail)) {
          evidence.push({ rule: "mailmap", addresses: [email, e.properEmail], detail: e.origin });
        }
      }
    }
  }

  // 1b. bots that put a per-report tag in the address (syzbot+<bug hash>@...) are one sender.
  for (const email of [...addr.keys()]) {
    const base = botTagBase(email);
    if (!base || ov.splits.has(email)) continue;
    note(base).bot = true;
    mailmapTarget.set(base, base); // the untagged address is canonical, hence the person_id
    if (uf.union(base, email)) evidence.push({ rule: "bot-tag", addresses: [base, email], detail: "per-report address tag" });
  }

  // 2. display name, only where unambiguous: skip addresses used under several names
  //    (relays, shared role accounts), bots, weak/generic names, and names whose addresses
  //    mailmap already assigns to different canonical identities. A casual one-word name
  //    ("fan" beside "Fan Ni") gives no key, so it neither counts nor blocks.
  //    Several names on one address are fine when they are short forms of one name
  //    ("Greg KH" / "Greg Kroah-Hartman"): the address then counts under each of them.
  const byName = new Map<string, string[]>();
  for (const [email, a] of addr) {
    if (a.bot || ov.splits.has(email) || a.names.size === 0) continue;
    const named = [...a.names.keys()].filter((n) => nameKey(n));
    const keys = new Set(named.map(nameKey));
    if (keys.size === 0) continue;
    if (keys.size > 1 && new Set(named.map(nameAbbrevKey)).size !== 1) continue;
    if (keys.size > 1 && named.some((n) => !nameAbbrevKey(n))) continue;
    for (const key of keys) pushTo(byName, key, email);
  }
  for (const [key, emails] of [...byName.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (emails.length < 2) continue;
    const canon = new Set(emails.map((e) => mailmapTarget.get(e)).filter(Boolean));
    if (canon.size > 1) continue;
    const words = new Set(emails.flatMap((e) => [...addr.get(e)!.names.keys()].flatMap(nameWords)));
    for (const g of nameMergeGroups(emails, key, [...words])) {
      const group = [...g.emails].sort();
      const merged = group.filter((e) => uf.union(group[0], e));
      if (!merged.length) continue;
      const detail = g.orgs ? `${key}; same local part at ${g.orgs.join(", ")}` : key;
      evidence.push({ rule: g.rule, addresses: [group[0], ...merged], detail });
    }
  }

  // 3. overrides: explicit joins last, so they win over everything.
  for (const j of ov.joins) {
    j.emails.forEach(note);
    const merged = j.emails.slice(1).filter((e) => uf.union(j.emails[0], e));
    if (merged.length) evidence.push({ rule: "override-join", addresses: j.emails, detail: j.origin });
  }

  // Group and describe.
  const groups = new Map<string, string[]>();
  for (const email of addr.keys()) {
    const r = uf.find(email);
    const g = groups.get(r) ?? [];
    g.push(email);
    groups.set(r, g);
  }
  const evByRoot = new Map<string, Evidence[]>();
  for (const ev of evidence) {
    const r = uf.find(ev.addresses[0]);
    const l = evByRoot.get(r) ?? [];
    l.push(ev);
    evByRoot.set(r, l);
  }
  const people: Person[] = [];
  const emailToPerson = new Map<string, string>();
  for (const [root, emails] of groups) {
    emails.sort();
    const byUse = (x: string, y: string) => addr.get(y)!.messages - addr.get(x)!.messages || (x < y ? -1 : x > y ? 1 : 0);
    // Stable id: a mailmap canonical address when there is one, else the most used address.
    const targets = emails.filter((e) => mailmapTarget.get(e) === e);
    const id = (targets.length ? targets.sort(byUse) : [...emails].sort(byUse))[0];
    const nameCounts = new Map<string, number>();
    for (const e of emails) for (const [n, c] of addr.get(e)!.names) nameCounts.set(n, (nameCounts.get(n) ?? 0) + c);
    const mostUsedName = [...nameCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const overrideName = emails.map((e) => ov.names.get(e)).find(Boolean);
    const mmName = mailmapName.get(id) ?? emails.map((e) => mailmapName.get(e)).find(Boolean);
    const botOverride = emails.map((e) => ov.bots.get(e)).find((b) => b !== undefined);
    people.push({
      person_id: id,
      name: overrideName ?? mmName ?? mostUsedName ?? id,
      emails,
      is_bot: botOverride ?? emails.some((e) => addr.get(e)!.bot),
      messages: emails.reduce((n, e) => n + addr.get(e)!.messages, 0),
      evidence: evByRoot.get(root) ?? [],
    });
    for (const e of emails) emailToPerson.set(e, id);
  }
  people.sort((a, b) => (a.person_id < b.person_id ? -1 : 1));
  const suspects = findSuspects(people, (e) => [...addr.get(e)!.names.keys()]);
  return { people, emailToPerson, suspects };
}
