import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMailmap } from "../../loaders/identity/mailmap.ts";
import { nameKey, normalizeEmail } from "../../loaders/identity/normalize.ts";
import { parseOverrides } from "../../loaders/identity/overrides.ts";
import { resolvePeople, type Observation } from "../../loaders/identity/resolve.ts";

const obs = (email: string, name: string, messages = 1, botFlag = false): Observation => ({ email, name, messages, botFlag });

test("normalisation: addresses lower-cased and unwrapped, weak or generic names give no key", () => {
  assert.equal(normalizeEmail(" <Foo.Bar@Example.ORG> "), "foo.bar@example.org");
  assert.equal(normalizeEmail("mailto:x@y.z."), "x@y.z");
  assert.equal(normalizeEmail("not an address"), "");
  assert.equal(nameKey("Huang, Ying"), nameKey("Ying Huang"));
  assert.equal(nameKey("\"Jane Doe\" (Intel)"), nameKey("jane  doe"));
  assert.equal(nameKey("root"), "");
  assert.equal(nameKey("kernel test robot"), "");
  assert.equal(nameKey("Madonna"), "");
});

test("mailmap merges keep evidence; the canonical address becomes person_id", () => {
  const mm = parseMailmap("Joe Bloggs <joe@example.org> <joe@old.example>\n", "kernel.mailmap");
  const r = resolvePeople([obs("joe@old.example", "J. Bloggs", 5), obs("joe@example.org", "Joe B", 1)], { mailmaps: [mm] });
  assert.equal(r.people.length, 1);
  const p = r.people[0];
  assert.equal(p.person_id, "joe@example.org");
  assert.equal(p.name, "Joe Bloggs");
  assert.deepEqual(p.emails, ["joe@example.org", "joe@old.example"]);
  assert.equal(p.messages, 6);
  assert.deepEqual(p.evidence, [{ rule: "mailmap", addresses: ["joe@old.example", "joe@example.org"], detail: "kernel.mailmap:1" }]);
});

test("display-name merges only where unambiguous", () => {
  const r = resolvePeople([
    obs("ada@work.example", "Ada Lovelace", 3),
    obs("ada@gmail.com", "Lovelace, Ada", 1),
    // a relay/shared address used under two names never bridges people
    obs("devnull@relay.example", "Ada Lovelace", 1),
    obs("devnull@relay.example", "Charles Babbage", 1),
    obs("cb@example.org", "Charles Babbage", 2),
    // generic names do not merge
    obs("root@a.example", "root", 1),
    obs("root@b.example", "root", 1),
  ]);
  const byId = new Map(r.people.map((p) => [p.person_id, p]));
  assert.deepEqual(byId.get("ada@work.example")?.emails, ["ada@gmail.com", "ada@work.example"]);
  assert.equal(byId.get("ada@work.example")?.evidence[0].rule, "display-name");
  assert.deepEqual(byId.get("ada@work.example")?.evidence[0].addresses, ["ada@gmail.com", "ada@work.example"]);
  assert.deepEqual(byId.get("cb@example.org")?.emails, ["cb@example.org"]);
  assert.ok(byId.has("devnull@relay.example"));
  assert.ok(byId.has("root@a.example") && byId.has("root@b.example"));
  assert.equal(r.people.length, 5);
});

test("a name mailmap assigns to two different canonical people is ambiguous: no name merge", () => {
  const mm = parseMailmap("<jd1@corp.example> <jd1@old.example>\n<jd2@corp.example> <jd2@old.example>\n");
  const r = resolvePeople([obs("jd1@old.example", "John Doe"), obs("jd2@old.example", "John Doe")], { mailmaps: [mm] });
  assert.deepEqual(r.people.map((p) => p.person_id), ["jd1@corp.example", "jd2@corp.example"]);
});

test("overrides: join, split, name, bot", () => {
  const ov = parseOverrides([
    "join a@x.example b@y.example  # same person, different names",
    "split ada@home.example",
    "name a@x.example Alice Example",
    "bot ci@z.example",
  ].join("\n"), "ov");
  const r = resolvePeople([
    obs("a@x.example", "A"), obs("b@y.example", "B"),
    obs("ada@work.example", "Ada Lovelace", 3), obs("ada@home.example", "Ada Lovelace"),
    obs("ci@z.example", "Build Service"),
  ], { overrides: ov });
  const byEmail = (e: string) => r.people.find((p) => p.emails.includes(e))!;
  assert.equal(byEmail("a@x.example"), byEmail("b@y.example"));
  assert.equal(byEmail("a@x.example").name, "Alice Example");
  assert.equal(byEmail("a@x.example").evidence[0].rule, "override-join");
  assert.equal(byEmail("a@x.example").evidence[0].detail, "ov:1");
  assert.notEqual(byEmail("ada@home.example"), byEmail("ada@work.example"));
  assert.equal(byEmail("ci@z.example").is_bot, true);
  assert.throws(() => parseOverrides("merge a@b.c d@e.f", "bad"), /bad:1: unknown directive/);
  assert.throws(() => parseOverrides("split nobody", "bad"), /bad:1: expected an email/);
});

test("bots are flagged (parser flag or isBot), never dropped; ids do not depend on input order", () => {
  const input = [
    obs("lkp@intel.com", "kernel test robot", 9, true), obs("x@y.example", "Xavier Young", 2),
    obs("x2@y.example", "Xavier Young", 1), obs("patchwork@z.example", "patchwork-bot", 1),
  ];
  const isBot = (_n: string, e: string) => e.startsWith("patchwork");
  const a = resolvePeople(input, { isBot });
  const b = resolvePeople([...input].reverse(), { isBot });
  assert.deepEqual(a, b);
  assert.deepEqual(a.people.filter((p) => p.is_bot).map((p) => p.person_id), ["lkp@intel.com", "patchwork@z.example"]);
  assert.equal(a.emailToPerson.get("x2@y.example"), "x@y.example");
});

test("per-report bot address tags collapse into one bot; other plus-addresses stay apart", () => {
  const r = resolvePeople([
    obs("syzbot+0a1b@syzkaller.appspotmail.com", "syzbot", 2, true),
    obs("syzbot+ffee@syzkaller.appspotmail.com", "syzbot", 1, true),
    obs("patchwork-bot+netdevbpf@kernel.org", "patchwork-bot+netdevbpf@kernel.org", 3, true),
    obs("patchwork-bot+bluetooth@kernel.org", "patchwork-bot+bluetooth@kernel.org", 1, true),
    obs("dev+lists@example.org", "Dana Dev", 1),
  ]);
  const syz = r.people.filter((p) => p.person_id.startsWith("syzbot"));
  assert.equal(syz.length, 1);
  assert.equal(syz[0].person_id, "syzbot@syzkaller.appspotmail.com");
  assert.equal(syz[0].is_bot, true);
  assert.equal(syz[0].messages, 3);
  assert.ok(syz[0].evidence.some((e) => e.rule === "bot-tag"));
  assert.equal(r.people.filter((p) => p.person_id.startsWith("patchwork-bot")).length, 2);
  assert.equal(r.emailToPerson.get("dev+lists@example.org"), "dev+lists@example.org");
});

test("a shared common name across two employers is ambiguous; a casual one-word name does not block", () => {
  const r = resolvePeople([
    // two different people who happen to share a name, at two organisations
    obs("leo.li@corp-a.example", "Yang Li", 4), obs("yang.li@corp-b.example", "Li Yang", 2),
    // one person: a work address and a personal one, the personal one sometimes signed "fan"
    obs("fan.ni@corp-c.example", "Fan Ni", 10), obs("nifan@gmail.com", "Fan Ni", 67), obs("nifan@gmail.com", "fan", 5),
    // same organisation, two addresses (one on a subdomain): one person
    obs("jq@corp-d.example", "Jo Quill", 1), obs("jo.quill@mail.corp-d.example", "Jo Quill", 1),
  ]);
  const person = (e: string) => r.emailToPerson.get(e);
  assert.notEqual(person("leo.li@corp-a.example"), person("yang.li@corp-b.example"));
  assert.equal(person("fan.ni@corp-c.example"), person("nifan@gmail.com"));
  assert.equal(person("jq@corp-d.example"), person("jo.quill@mail.corp-d.example"));
  assert.equal(r.people.length, 4);
});
