// Subsystems of patches and people, home list and home subsystem: the rules of
// loaders/maintainers/subsystems.ts and home.ts on synthetic MAINTAINERS snippets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { SectionMatcher } from "../../loaders/maintainers/match.ts";
import { messageSubsystems, patchSections, sectionRoles, spansListsApart } from "../../loaders/maintainers/subsystems.ts";
import { CROSS_LIST, INSUFFICIENT, homeList, homeSubsystem, patchShares, sectionBreadth } from "../../loaders/maintainers/home.ts";
import { maintainersText, THE_REST } from "./snippet.ts";

const m = parseMaintainers(maintainersText(
  ["WIDGET CORE", "M:\tWendy Widget <wendy@widget.example>", "R:\tRoy Review <roy@review.example>", "L:\twidget@vger.kernel.org", "S:\tMaintained", "F:\tdrivers/widget/"],
  ["WIDGET NET", "M:\tNed Net <ned@net.example>", "L:\tnetdev@vger.kernel.org", "L:\twidget@vger.kernel.org", "F:\tdrivers/widget/net/"],
  ["GADGET", "M:\tGail Gadget <gail@gadget.example>", "M:\tAnon Ymous <anon@nowhere.example>", "L:\tgadget@vger.kernel.org", "F:\tdrivers/gadget/"],
  THE_REST,
));
const sm = new SectionMatcher(m);
const names = (xs: { name: string }[]) => xs.map((x) => x.name);

test("a patch maps to every section matching one of its files, best first; THE REST only when nothing else does", () => {
  assert.deepEqual(names(patchSections(sm, ["drivers/widget/net/a.c"])), ["WIDGET NET", "WIDGET CORE"]);
  assert.deepEqual(names(patchSections(sm, ["drivers/widget/a.c", "drivers/gadget/b.c"])), ["WIDGET CORE", "GADGET"]);
  assert.deepEqual(names(patchSections(sm, ["README"])), ["THE REST"]);
  // a rename out of a section: both names count
  assert.deepEqual(names(patchSections(sm, ["drivers/gadget/x.c", "drivers/widget/x.c"])), ["WIDGET CORE", "GADGET"]);
});

test("a cover letter maps to the union of its series; unparsed files (null) map nothing", () => {
  const out = messageSubsystems(sm, [
    { id: "c", isPatch: true, isCover: true, seriesId: "s", files: [] },
    { id: "p1", isPatch: true, isCover: false, seriesId: "s", files: ["drivers/widget/a.c"] },
    { id: "p2", isPatch: true, isCover: false, seriesId: "s", files: ["drivers/gadget/a.c"] },
    { id: "old", isPatch: true, isCover: false, seriesId: null, files: null },
    { id: "reply", isPatch: false, isCover: false, seriesId: null, files: ["drivers/widget/a.c"] },
  ]);
  assert.deepEqual([...out.keys()].sort(), ["c", "p1", "p2"]);
  assert.deepEqual(out.get("c")!.sort(), ["GADGET", "WIDGET CORE"]);
});

test("roles: by resolved address first, else by a name exactly one person has; evidence says which", () => {
  const people = [
    { id: "wendy@home.example", name: "Wendy Widget", emails: ["wendy@home.example", "wendy@widget.example"] },
    { id: "roy@other.example", name: "Roy Review", emails: ["roy@other.example"] },
    { id: "anon1@x.example", name: "Anon Ymous", emails: ["anon1@x.example"] },
    { id: "anon2@y.example", name: "Anon Ymous", emails: ["anon2@y.example"] },
  ];
  const personOfEmail = new Map([["wendy@widget.example", "wendy@home.example"], ["wendy@home.example", "wendy@home.example"]]);
  const rows = sectionRoles(m.sections, people, personOfEmail);
  assert.deepEqual(rows.map((r) => [r.personId, r.subsystem, r.role, r.evidence]), [
    ["wendy@home.example", "WIDGET CORE", "maintainer", "address:wendy@widget.example"],
    ["roy@other.example", "WIDGET CORE", "reviewer", "name:Roy Review"],
  ]); // "Anon Ymous" is two people: no guess
});

test("a patch spans subsystems when two of its sections share no L: list", () => {
  const by = new Map(m.sections.map((s) => [s.name, s]));
  assert.equal(spansListsApart([by.get("WIDGET NET")!, by.get("WIDGET CORE")!]), false);
  assert.equal(spansListsApart([by.get("WIDGET CORE")!, by.get("GADGET")!]), true);
});

test("home list: all lists reached, 1/k per message; the winner must lead by a whole message, else cross-list", () => {
  const thread = ["ksummit", "linux-cxl", "linux-rdma", "netdev"];
  const many = ["linux-media", "netdev", ...Array.from({ length: 31 }, (_, i) => `l${i}`)];
  // 32 messages to one 4-list thread plus 2 to 33 lists: netdev leads by 0.06 only
  assert.equal(homeList([...Array(32).fill(thread), many, many]), CROSS_LIST);
  assert.equal(homeList([["linux-media"], ["linux-media", "netdev"], ["linux-media"]]), "linux-media");
  assert.equal(homeList([]), null);
});

test("home subsystem: role with most activity, else own patches, else too little mail is 'insufficient'", () => {
  const none = new Map<string, number>();
  assert.equal(homeSubsystem({ messages: 50, roles: [{ subsystem: "A", role: "maintainer" }, { subsystem: "B", role: "reviewer" }],
    activity: new Map([["A", 2], ["B", 9]]), ownPatches: none, answered: none }).subsystem, "B");
  assert.equal(homeSubsystem({ messages: 10, roles: [], activity: none, ownPatches: new Map([["C", 3], ["D", 1]]), answered: none }).subsystem, "C");
  const few = homeSubsystem({ messages: 2, roles: [], activity: none, ownPatches: none, answered: new Map([["E", 2]]) });
  assert.equal(few.subsystem, INSUFFICIENT);
  assert.match(few.evidence, /2 messages/);
  assert.equal(homeSubsystem({ messages: 5, roles: [], activity: none, ownPatches: none, answered: new Map([["E", 2]]) }).subsystem, "E");
  // no activity in any role section: a maintainer role over a reviewer one, whatever the order
  assert.equal(homeSubsystem({ messages: 5, roles: [{ subsystem: "GPIO", role: "reviewer" }, { subsystem: "MEDIA X", role: "maintainer" }],
    activity: none, ownPatches: none, answered: none }).subsystem, "MEDIA X");
});

test("home subsystem ties: home list's section, then maintainer over reviewer, then the broader section; never name order", () => {
  const none = new Map<string, number>();
  const facts = new Map([
    ["AAA SENSOR", { lists: ["linux-media"], breadth: sectionBreadth({ files: ["drivers/media/i2c/aaa.c", "include/media/aaa.h"] }) }],
    ["AAB GPIO", { lists: ["linux-gpio"], breadth: sectionBreadth({ files: ["drivers/gpio/gpio-aab.c"] }) }],
    ["MEDIA CORE", { lists: ["linux-media"], breadth: sectionBreadth({ files: ["drivers/media/mc/", "include/media/mc-*.h"] }) }],
    ["ZZZ REVIEWED", { lists: ["linux-gpio"], breadth: sectionBreadth({ files: ["drivers/"] }) }],
  ]);
  const roles = [{ subsystem: "AAA SENSOR", role: "maintainer" as const }, { subsystem: "AAB GPIO", role: "maintainer" as const },
    { subsystem: "MEDIA CORE", role: "maintainer" as const }, { subsystem: "ZZZ REVIEWED", role: "reviewer" as const }];
  const even = new Map(roles.map((r) => [r.subsystem, 2]));
  const h = (homeList: string | null, activity = even) => homeSubsystem({ messages: 20, roles, activity, homeList, sections: facts, ownPatches: none, answered: none }).subsystem;
  // all equal: the broadest maintained section (a directory beats single files), not the first name
  assert.equal(h(null), "MEDIA CORE");
  // the home list decides first: the only maintained linux-gpio section
  assert.equal(h("linux-gpio"), "AAB GPIO");
  // more activity always wins
  assert.equal(h(null, new Map([...even, ["AAA SENSOR", 2.5]])), "AAA SENSOR");
  // own patches tie the same way (no roles)
  const own = homeSubsystem({ messages: 20, roles: [], activity: none, homeList: null, sections: facts, ownPatches: new Map([["AAA SENSOR", 1], ["MEDIA CORE", 1]]), answered: none });
  assert.equal(own.subsystem, "MEDIA CORE");
});

test("breadth: the widest pattern first (a directory over a file at the same depth), then the number of patterns", () => {
  const b = (...files: string[]) => sectionBreadth({ files });
  assert.ok(b("drivers/media/mc/").widest > b("drivers/regulator/x.c", "drivers/gpio/y.c", "drivers/mfd/z.c").widest);
  assert.ok(b("net/").widest > b("drivers/net/").widest);
  assert.equal(b("drivers/a.c", "drivers/b.c").patterns, 2);
  assert.equal(b("*", "*/").widest, 1);
});

test("patch shares: one patch weighs 1 over its sections, the more specific match the larger share", () => {
  const s = patchShares([{ name: "DRIVER", depth: 4 }, { name: "NET DRIVERS", depth: 2 }]);
  assert.ok(Math.abs(s.get("DRIVER")! + s.get("NET DRIVERS")! - 1) < 1e-9);
  assert.ok(s.get("DRIVER")! > s.get("NET DRIVERS")!);
});
