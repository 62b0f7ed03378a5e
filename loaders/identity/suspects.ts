// Suspected duplicates: people the conservative rules kept apart but who look like one person.
// Listed (people_suspects view), never merged: a user confirms with an override `join` line.
import { nameAbbrevKey, nameKey, nameWords } from "./normalize.ts";
import type { Person } from "./resolve.ts";

export interface Suspect {
  person_a: string; name_a: string; emails_a: string[]; messages_a: number;
  person_b: string; name_b: string; emails_b: string[]; messages_b: number;
  /** same-name: a normalised name in common; same-local-part: one local part and a name word in common. */
  reason: "same-name" | "same-local-part";
  detail: string;
  /** The override line that joins them (docs/identity.md). */
  override: string;
}

// Local parts many unrelated people use: no evidence of anything.
const GENERIC_LOCAL = new Set(["info", "admin", "root", "dev", "devel", "linux", "kernel", "git", "mail", "me", "hi",
  "hello", "contact", "patches", "patch", "list", "lists", "bugs", "security", "office", "support", "test", "news",
  "noreply", "no-reply", "postmaster", "webmaster", "maintainers", "team"]);
// A name or local part shared by more people than this is a common name, not a duplicate.
const MAX_GROUP = 6;

/** Pairs of non-bot people sharing a name key, or a local part plus a name word. */
export function findSuspects(people: Person[], namesOf: (email: string) => string[]): Suspect[] {
  const humans = people.filter((p) => !p.is_bot).sort((a, b) => (a.person_id < b.person_id ? -1 : 1));
  const names = new Map(humans.map((p) => [p.person_id, [p.name, ...p.emails.flatMap(namesOf)]]));
  const index = (keysOf: (p: Person) => string[]) => {
    const m = new Map<string, Person[]>();
    for (const p of humans) for (const k of new Set(keysOf(p).filter(Boolean))) {
      const l = m.get(k); // push in place: re-spreading per person is quadratic on a shared key
      if (l) l.push(p); else m.set(k, [p]);
    }
    return m;
  };
  const out: Suspect[] = [];
  const seen = new Set<string>();
  const add = (a: Person, b: Person, reason: Suspect["reason"], detail: string) => {
    const id = `${a.person_id} ${b.person_id}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({
      person_a: a.person_id, name_a: a.name, emails_a: a.emails, messages_a: a.messages,
      person_b: b.person_id, name_b: b.name, emails_b: b.emails, messages_b: b.messages,
      reason, detail, override: `join ${a.person_id} ${b.person_id}`,
    });
  };
  const pairs = (groups: Map<string, Person[]>, reason: Suspect["reason"], ok: (a: Person, b: Person, key: string) => boolean) => {
    for (const [k, ps] of [...groups].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      if (ps.length < 2 || ps.length > MAX_GROUP) continue;
      for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) if (ok(ps[i], ps[j], k)) add(ps[i], ps[j], reason, k);
    }
  };
  // Same name once folded (case, diacritics, word order).
  pairs(index((p) => names.get(p.person_id)!.map(nameKey)), "same-name", () => true);
  // A short form and its full name ("Greg KH" / "Greg Kroah-Hartman"), not two full names that
  // merely share initials ("John Smith" / "John Stone").
  const shortForms = (p: Person) => names.get(p.person_id)!.filter((n) => nameAbbrevKey(n) && nameAbbrevKey(n) === nameWords(n).join(" "));
  pairs(index((p) => names.get(p.person_id)!.map(nameAbbrevKey)), "same-name",
    (a, b, k) => [...shortForms(a), ...shortForms(b)].some((n) => nameAbbrevKey(n) === k));
  // Same local part at different domains, with a name word in common besides the local part
  // itself (andrew@ is any Andrew: "Andrew Lunn" and "Andrew Strohman" are not suspects).
  const words = (p: Person) => new Set(names.get(p.person_id)!.flatMap(nameWords).filter((w) => w.length >= 3));
  pairs(index((p) => p.emails.map((e) => e.slice(0, e.lastIndexOf("@"))).filter((l) => l.length >= 3 && !GENERIC_LOCAL.has(l))),
    "same-local-part", (a, b, local) => { const wa = words(a); return [...words(b)].some((w) => w !== local && wa.has(w)); });
  return out;
}
