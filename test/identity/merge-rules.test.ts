// Display-name merges beyond one address: neutral and vanity domains, folded names, short forms,
// the local-part rule across organisations, and the suspected-duplicates report. Synthetic people.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isNeutralDomain, isPersonalDomain, orgOf } from "../../loaders/identity/domains.ts";
import { nameAbbrevKey, nameKey } from "../../loaders/identity/normalize.ts";
import { resolvePeople, type Observation } from "../../loaders/identity/resolve.ts";

const obs = (email: string, name: string, messages = 1): Observation => ({ email, name, messages });

test("domains: community hosts are neutral, vanity domains name the person, registrable domain per org", () => {
  for (const d of ["kernel.org", "infradead.org", "gmail.com", "linux.dev", "yahoo.co.uk", "gmx.net"]) assert.ok(isNeutralDomain(d), d);
  for (const d of ["huawei.example", "corp.example", "lst.example"]) assert.ok(!isNeutralDomain(d), d);
  assert.equal(orgOf("mail.corp.example"), "corp.example");
  assert.equal(orgOf("x.vanity.co.uk"), "vanity.co.uk");
  assert.ok(isPersonalDomain("zq9@zq9.snubby.co.uk", ["zara", "quell"]), "local part as a domain label");
  assert.ok(isPersonalDomain("z@quell.dk", ["zara", "quell"]), "surname as the domain");
  assert.ok(!isPersonalDomain("z@corp.example", ["zara", "quell"]));
  assert.ok(!isPersonalDomain("li@li.example", ["yu", "li"]), "two-letter labels are too short to say");
});

test("names fold case, diacritics and hyphens to one key; short forms share an abbreviation key", () => {
  assert.equal(nameKey("Søren Ærø-Müller"), nameKey("soren aero muller"));
  assert.equal(nameKey("Tøke Hœiland-Jörgensen"), nameKey("TOKE HOEILAND-JORGENSEN"));
  assert.equal(nameKey("Ştefan Weißberg"), nameKey("Stefan Weissberg"));
  assert.notEqual(nameKey("Søren Muller"), nameKey("Soren Miller"));
  assert.equal(nameAbbrevKey("Greta Kroll-Hansen"), "greta kh");
  assert.equal(nameAbbrevKey("Greta KH"), "greta kh");
  assert.equal(nameAbbrevKey("Greta Kim"), "greta k");
  assert.equal(nameAbbrevKey("Hansen, Greta"), "");
});

test("one organisation plus neutral and vanity domains is one person; diacritic variants merge", () => {
  const r = resolvePeople([
    obs("zquell@corp-a.example", "Zara Quell", 30), obs("zq@kernel.org", "Zara Quell", 5),
    obs("zq@infradead.org", "Zara Quell", 4), obs("zq@quell.example", "Zara Quell", 2), // vanity: surname domain
    obs("zq9@zq9.snubby.co.uk", "Zara Quell", 1), // vanity: local part as a label
    obs("tj@corp-b.example", "Tøke Jørgensen-Ålund", 9), obs("tj@gmail.com", "Toke Jorgensen-Alund", 2),
  ]);
  const person = (e: string) => r.emailToPerson.get(e);
  for (const e of ["zq@kernel.org", "zq@infradead.org", "zq@quell.example", "zq9@zq9.snubby.co.uk"]) assert.equal(person(e), "zquell@corp-a.example", e);
  assert.equal(person("tj@gmail.com"), "tj@corp-b.example");
  assert.equal(r.people.length, 2);
  assert.equal(r.people.find((p) => p.person_id === "zquell@corp-a.example")!.evidence[0].rule, "display-name");
});

test("two organisations join only for a distinctive name with the same local part (employer change, typo'd domain)", () => {
  const r = resolvePeople([
    // distinctive name, same local part at two employers and a typo of one: one person
    obs("nikodem.wrzesniewski@corp-a.example", "Nikodem Wrzesniewski", 50),
    obs("nikodem.wrzesniewski@crop-a.example", "Nikodem Wrzesniewski", 0),
    obs("nwrz@corp-b.example", "Nikodem Wrzesniewski", 4), obs("nwrz@corp-c.example", "Nikodem Wrzesniewski", 3),
    obs("nw@kernel.org", "Nikodem Wrzesniewski", 2),
    // a short, common name with the same local part at two employers: kept apart
    obs("wei.li@corp-a.example", "Wei Li", 7), obs("wei.li@corp-b.example", "Wei Li", 3), obs("weili@gmail.com", "Wei Li", 1),
    // a distinctive name at two employers with different local parts: kept apart
    obs("otto@corp-a.example", "Ottoline Brackenbury", 2), obs("obrack@corp-b.example", "Ottoline Brackenbury", 2),
  ]);
  const person = (e: string) => r.emailToPerson.get(e);
  const nik = r.people.find((p) => p.person_id === "nikodem.wrzesniewski@corp-a.example")!;
  // corp-a and crop-a share a local part, corp-b and corp-c another: two clusters, so kernel.org stays apart
  assert.equal(person("nikodem.wrzesniewski@crop-a.example"), nik.person_id);
  assert.equal(person("nwrz@corp-c.example"), "nwrz@corp-b.example");
  assert.notEqual(person("nwrz@corp-b.example"), nik.person_id);
  assert.equal(person("nw@kernel.org"), "nw@kernel.org");
  assert.equal(nik.evidence[0].rule, "display-name-local-part");
  assert.match(nik.evidence[0].detail, /same local part at corp-a\.example, crop-a\.example/);
  assert.notEqual(person("wei.li@corp-a.example"), person("wei.li@corp-b.example"));
  assert.equal(person("weili@gmail.com"), "weili@gmail.com");
  assert.notEqual(person("otto@corp-a.example"), person("obrack@corp-b.example"));

  // once the two clusters are linked by a shared local part, everything is one person
  const one = resolvePeople([
    obs("nikodem.wrzesniewski@corp-a.example", "Nikodem Wrzesniewski", 50), obs("nwrz@corp-a.example", "Nikodem Wrzesniewski", 1),
    obs("nwrz@corp-b.example", "Nikodem Wrzesniewski", 4), obs("nw@kernel.org", "Nikodem Wrzesniewski", 2),
  ]);
  assert.equal(one.people.length, 1);
});

test("an address used under a name and its short form counts under both; a relay with two names still bridges no one", () => {
  const r = resolvePeople([
    obs("greta@corp-a.example", "Greta KH", 80), obs("greta@corp-a.example", "Greta Kroll-Hansen", 50),
    obs("g@kroll.example", "Greta KH", 30), // vanity domain: "kroll" is a word of her full name
    obs("devnull@relay.example", "Greta Kroll-Hansen", 1), obs("devnull@relay.example", "Hugo Brandt", 1),
    obs("hugo@corp-b.example", "Hugo Brandt", 3),
  ]);
  const person = (e: string) => r.emailToPerson.get(e);
  assert.equal(person("g@kroll.example"), person("greta@corp-a.example"));
  assert.equal(person("devnull@relay.example"), "devnull@relay.example");
  assert.equal(person("hugo@corp-b.example"), "hugo@corp-b.example");
});

test("suspects: same folded name or same local part with a shared name word, never first-name local parts", () => {
  const r = resolvePeople([
    obs("wei.li@corp-a.example", "Wei Li", 7), obs("wei.li@corp-b.example", "Li, Wei", 3),
    obs("mkb@corp-a.example", "Mara Kelp-Bunting", 40), obs("frog@pond.example", "Mara Kelp-Bunting", 1),
    obs("dorian@corp-a.example", "Dorian Vasquez-Lind", 5), obs("dorian@corp-b.example", "D. Vasquez-Lind", 2),
    // andrew@ is any Andrew: no suspicion
    obs("andrew@one.example", "Andrew Pollard", 4), obs("andrew@two.example", "Andrew Finch", 4),
    // the same common name 7 times is a common name, not a duplicate
    ...[1, 2, 3, 4, 5, 6, 7].map((i) => obs(`j${i}@org${i}.example`, "Jun Wang", 1)),
    obs("bot@ci.example", "Ci Robot Wang", 1),
  ], { isBot: (_n, e) => e.startsWith("bot@") });
  const pairs = r.suspects.map((s) => `${s.reason}:${s.person_a}|${s.person_b}`).sort();
  assert.deepEqual(pairs, [
    "same-local-part:dorian@corp-a.example|dorian@corp-b.example",
    "same-name:frog@pond.example|mkb@corp-a.example",
    "same-name:wei.li@corp-a.example|wei.li@corp-b.example",
  ]);
  const s = r.suspects.find((x) => x.person_a === "frog@pond.example")!;
  assert.equal(s.override, "join frog@pond.example mkb@corp-a.example");
  assert.deepEqual([s.messages_a, s.messages_b, s.name_b], [1, 40, "Mara Kelp-Bunting"]);
  assert.deepEqual(s.emails_b, ["mkb@corp-a.example"]);
});
