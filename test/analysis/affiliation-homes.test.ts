// Home subsystem verdicts over hand-made corpora (loaders/analysis/affiliation-homes.ts, rules in
// maintainers/home.ts): a CXL-like maintainer whose list is shared with a second section, and a
// media-like maintainer with many small sections who posted only in an unrelated cross-posted thread.
// Synthetic data only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { computeAffiliations } from "../../loaders/analysis/affiliations.ts";
import type { AffiliationInput } from "../../loaders/analysis/affiliation-input.ts";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { corpus, msg, T0, D } from "./fixture.ts";
import { maintainersText, THE_REST } from "../maintainers/snippet.ts";

const tracked = [
  { name: "linux-cxl", address: "linux-cxl@vger.kernel.org" },
  { name: "nvdimm", address: "nvdimm@lists.linux.dev" },
  { name: "linux-mm", address: "linux-mm@kvack.org" },
];
const inputFor = (files: [string, string[]][], addressed: [string, string[]][] = []): AffiliationInput => ({
  addressed: new Map(addressed.map(([id, to]) => [id, { to, listId: null }])),
  files: new Map(files), unparsed: new Set(), personOfEmail: new Map([["dan@example.org", "dan"], ["laura@example.org", "laura"]]),
  observations: new Map(),
});

test("a CXL-like maintainer: the section whose files his threads touch wins over one that only shares its list", () => {
  const mm = Array.from({ length: 10 }, (_, i) => [`MM PART ${i}`, "M:\tMo <mo@example.org>", "L:\tlinux-mm@kvack.org", `F:\tmm/part${i}/`]);
  const M = parseMaintainers(maintainersText(
    ["COMPUTE LINK", "M:\tDan <dan@example.org>", "L:\tlinux-cxl@vger.kernel.org", "F:\tdrivers/cxl/"],
    ["DIRECT ACCESS", "M:\tDan <dan@example.org>", "L:\tnvdimm@lists.linux.dev", "L:\tlinux-cxl@vger.kernel.org", "F:\tdrivers/dax/"],
    ...mm,
  ));
  const msgs = [
    // three CXL patch threads, one reply each
    ...[1, 2, 3].flatMap((k) => [
      msg(`c${k}`, "ann", T0 + k * D, { patch: { index: 1, total: 1 }, subject: `[PATCH] cxl: fix ${k}`, lists: ["linux-cxl"] }),
      msg(`c${k}r`, "dan", T0 + k * D + 1, { irt: `c${k}`, lists: ["linux-cxl"] }),
    ]),
    // a big mm series touching DAX among ten other sections, on nvdimm and linux-mm: six replies
    msg("s0", "ann", T0 + 5 * D, { patch: { index: 1, total: 1 }, subject: "[PATCH] mm: rework pages", lists: ["nvdimm", "linux-mm"] }),
    ...Array.from({ length: 6 }, (_, k) => msg(`s0r${k}`, "dan", T0 + 5 * D + k + 1, { irt: "s0", lists: ["nvdimm", "linux-mm"] })),
    // four plain discussions on linux-cxl
    ...[1, 2, 3, 4].map((k) => msg(`d${k}`, "dan", T0 + 10 * D + k, { subject: `question ${k}`, lists: ["linux-cxl"] })),
  ];
  const a = analyzeCorpus(corpus(msgs, [], [], ["linux-cxl", "nvdimm", "linux-mm"]));
  const input = inputFor([["c1", ["drivers/cxl/a.c"]], ["c2", ["drivers/cxl/b.c"]], ["c3", ["drivers/cxl/c.c"]],
    ["s0", ["drivers/dax/x.c", ...Array.from({ length: 10 }, (_, i) => `mm/part${i}/x.c`)]]]);
  const r = computeAffiliations(a, input, { maintainers: M, tracked });
  const dan = r.homes.find((h) => h.personId === "dan")!;
  assert.equal(dan.homeSubsystem, "COMPUTE LINK", dan.evidence ?? "");
});

test("a media-like maintainer with many small sections: the broadest on the lists used, not the first name, nor the catch-all list", () => {
  const M = parseMaintainers(maintainersText(
    ["AAA POWER PROTECTOR", "M:\tLaura <laura@example.org>", "L:\tlinux-kernel@vger.kernel.org", "F:\tdrivers/regulator/aaa.c"],
    ["AAB GPIO EXPANDER", "M:\tLaura <laura@example.org>", "L:\tlinux-gpio@vger.kernel.org", "L:\tlinux-pwm@vger.kernel.org",
      "F:\tdrivers/gpio/gpio-aab.c", "F:\tdrivers/pwm/pwm-aab.c", "F:\tdrivers/mfd/aab.c", "F:\tinclude/linux/mfd/aab.h"],
    ["AAC SENSOR", "M:\tLaura <laura@example.org>", "L:\tlinux-media@vger.kernel.org", "F:\tdrivers/media/i2c/aac.c"],
    ["MEDIA CONTROLLER", "M:\tLaura <laura@example.org>", "L:\tlinux-media@vger.kernel.org", "F:\tdrivers/media/mc/", "F:\tinclude/media/media-*.h"],
    ["NETWORKING", "M:\tNed <ned@example.org>", "L:\tnetdev@vger.kernel.org", "F:\tnet/"],
    THE_REST.map((l) => l.replace("all@lists.example.org", "linux-kernel@vger.kernel.org")),
  ));
  // a netdev patch thread (files only NETWORKING's) where Laura answers twice, Cc'ing every list;
  // and five messages to linux-kernel alone
  const msgs = [
    msg("n0", "ned", T0, { patch: { index: 1, total: 1 }, subject: "[PATCH] net: x", lists: ["netdev"] }),
    msg("n1", "laura", T0 + 1, { irt: "n0", lists: ["netdev"] }),
    msg("n2", "laura", T0 + 2, { irt: "n0", lists: ["netdev"] }),
    msg("t0", "ned", T0 + D, { subject: "a discussion", lists: ["netdev"] }),
    msg("t1", "laura", T0 + D + 1, { irt: "t0", lists: ["netdev"] }),
    msg("t2", "laura", T0 + D + 2, { irt: "t0", lists: ["netdev"] }),
    ...[1, 2, 3, 4, 5].map((k) => msg(`k${k}`, "laura", T0 + 2 * D + k, { subject: `lkml ${k}`, lists: ["netdev"] })),
  ];
  const all = ["linux-media@vger.kernel.org", "linux-gpio@vger.kernel.org", "linux-pwm@vger.kernel.org", "linux-kernel@vger.kernel.org"];
  const a = analyzeCorpus(corpus(msgs, [], [], ["netdev"]));
  const input = inputFor([["n0", ["net/core/x.c"]]], [["n1", all], ["n2", all], ["t1", all], ["t2", all],
    ...[1, 2, 3, 4, 5].map((k): [string, string[]] => [`k${k}`, ["linux-kernel@vger.kernel.org"]])]);
  const r = computeAffiliations(a, input, { maintainers: M, tracked: [{ name: "netdev", address: "netdev@vger.kernel.org" }] });
  const laura = r.homes.find((h) => h.personId === "laura")!;
  assert.equal(laura.homeSubsystem, "MEDIA CONTROLLER", laura.evidence ?? "");
});

test("list evidence counts for a section's own (first) list, not for a list it only Cc's", () => {
  const M = parseMaintainers(maintainersText(
    ["TRACE RUST", "M:\tSteve <steve@example.org>", "L:\ttrace@vger.kernel.org", "L:\trust@vger.kernel.org", "F:\trust/kernel/trace.rs"],
    ["TRACE CORE", "M:\tSteve <steve@example.org>", "L:\ttrace@vger.kernel.org", "F:\tkernel/trace/"],
    ["RUST CORE", "M:\tMig <mig@example.org>", "L:\trust@vger.kernel.org", "F:\trust/"],
  ));
  // discussions on the rust list (no patch), one on the trace list, most on a list no section names
  const msgs = [...[1, 2, 3, 4].map((k) => msg(`r${k}`, "steve", T0 + k, { subject: `rust talk ${k}`, lists: ["rust"] })),
    msg("t1", "steve", T0 + 10, { subject: "trace talk", lists: ["trace"] }),
    ...[1, 2, 3, 4, 5, 6].map((k) => msg(`s${k}`, "steve", T0 + 20 + k, { subject: `summit ${k}`, lists: ["summit"] }))];
  const a = analyzeCorpus(corpus(msgs, [], [], ["rust", "trace", "summit"]));
  const r = computeAffiliations(a, { ...inputFor([]), personOfEmail: new Map([["steve@example.org", "steve"]]) },
    { maintainers: M, tracked: [{ name: "rust", address: "rust@vger.kernel.org" }, { name: "trace", address: "trace@vger.kernel.org" }] });
  const steve = r.homes.find((h) => h.personId === "steve")!;
  // both sections' own list is trace: a tie, broken by breadth (a directory over one file)
  assert.equal(steve.homeSubsystem, "TRACE CORE", steve.evidence ?? "");
});
