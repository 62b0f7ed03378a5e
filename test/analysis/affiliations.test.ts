// The subsystem/organisation analysis over a hand-made corpus: the two cross-subsystem flags and
// the rule each names, cross-company by organisation at the dates, lists reached beyond the
// tracked ones, and the run without MAINTAINERS. Synthetic data only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { computeAffiliations, type Affiliations, type MessageList } from "../../loaders/analysis/affiliations.ts";
import type { AffiliationInput } from "../../loaders/analysis/affiliation-input.ts";
import { parseMaintainers } from "../../loaders/maintainers/parse.ts";
import { corpus, msg, trailer, T0, D } from "./fixture.ts";
import { maintainersText } from "../maintainers/snippet.ts";

/** The message_lists columns as rows, each column read at the same k (checks they stay aligned). */
const listRows = (r: Affiliations): MessageList[] => {
  const c = r.messageLists;
  for (const col of [c.list, c.address, c.tracked, c.via]) assert.equal(col.length, c.messageId.length);
  return c.messageId.map((messageId, k) => ({ messageId, list: c.list[k], address: c.address[k], tracked: c.tracked[k], via: c.via[k] }));
};

const M = parseMaintainers(maintainersText(
  ["WIDGET", "M:\tWendy <wendy@example.org>", "L:\twidget@vger.kernel.org", "F:\tdrivers/widget/"],
  ["GADGET", "M:\tGail <gail@example.org>", "L:\tgadget@vger.kernel.org", "F:\tdrivers/gadget/"],
  ["WIDGET GADGET GLUE", "M:\tGlen <glen@example.org>", "L:\twidget@vger.kernel.org", "F:\tdrivers/widget/glue/"],
));

// p1 touches WIDGET only; p2 touches WIDGET and GADGET (lists apart); p3 WIDGET + its glue (shared list).
const c = corpus([
  msg("p1", "ann", T0, { patch: { index: 1, total: 1 }, subject: "[PATCH] widget: a", lists: ["alpha"] }),
  msg("r1", "gail", T0 + D, { irt: "p1" }),     // GADGET's maintainer reviews a WIDGET patch
  msg("r1b", "wendy", T0 + D, { irt: "p1" }),   // WIDGET's own maintainer
  msg("p2", "ann", T0 + 2 * D, { patch: { index: 1, total: 1 }, subject: "[PATCH] widget+gadget", lists: ["alpha"] }),
  msg("r2", "wendy", T0 + 3 * D, { irt: "p2" }),
  msg("p3", "ann", T0 + 4 * D, { patch: { index: 1, total: 1 }, subject: "[PATCH] widget glue", lists: ["alpha"] }),
  msg("r3", "zed", T0 + 5 * D, { irt: "p3" }),  // no role anywhere
], [trailer("r1", "reviewed-by", "gail"), trailer("r1b", "acked-by", "wendy"), trailer("r2", "reviewed-by", "wendy"), trailer("r3", "reviewed-by", "zed")]);

const input = (): AffiliationInput => ({
  addressed: new Map([["p1", { to: ["widget@vger.kernel.org", "linux-media@vger.kernel.org", "someone@example.org"], listId: "alpha.vger.kernel.org" }]]),
  files: new Map([["p1", ["drivers/widget/a.c"]], ["p2", ["drivers/widget/b.c", "drivers/gadget/b.c"]], ["p3", ["drivers/widget/glue/c.c", "drivers/widget/c.c"]]]),
  unparsed: new Set(),
  personOfEmail: new Map(["ann", "gail", "wendy", "glen", "zed"].map((p) => [`${p}@example.org`, p])),
  observations: new Map([
    ["ann", [{ email: "ann@intel.com", firstSeen: T0 - 100 * D, lastSeen: T0 + 10 * D }]],
    ["gail", [{ email: "gail@intel.com", firstSeen: T0 - 100 * D, lastSeen: T0 + 10 * D }]],
    ["wendy", [{ email: "wendy@amd.com", firstSeen: T0 - 100 * D, lastSeen: T0 + 10 * D }]],
  ]),
});

test("cross-subsystem: reviewer-outside and patch-spans-lists are separate flags, each naming its rule", () => {
  const a = analyzeCorpus(c);
  const r = computeAffiliations(a, input(), { maintainers: M, tracked: [{ name: "alpha", address: "alpha@vger.kernel.org" }] });
  const row = (id: string) => r.reviews.find((x) => x.messageId === id)!;
  assert.deepEqual([row("r1").crossSubsystemReviewer, row("r1").crossSubsystemPatch, row("r1").rule], [true, false, "reviewer-outside"]);
  assert.deepEqual([row("r1b").crossSubsystemReviewer, row("r1b").rule], [false, ""]);
  assert.deepEqual([row("r2").crossSubsystemReviewer, row("r2").crossSubsystemPatch, row("r2").rule], [false, true, "patch-spans-lists"]);
  // p3's sections share a list: not spanning; zed holds no role: unknown, not "false"
  assert.deepEqual([row("r3").crossSubsystemReviewer, row("r3").crossSubsystemPatch], [null, false]);
  // cross-company by organisation: Intel reviewing Intel is not, AMD reviewing Intel is; unknown stays null
  assert.equal(row("r1").crossCompany, false);
  assert.equal(row("r2").crossCompany, true);
  assert.equal(row("r3").crossCompany, null);
  assert.equal(r.homes.find((h) => h.personId === "wendy")!.homeSubsystem, "WIDGET");
  assert.equal(r.homes.find((h) => h.personId === "ann")!.organisation, "Intel");
});

test("lists reached: To/Cc list addresses and the List-Id, tracked or not; plain addresses are no list", () => {
  const a = analyzeCorpus(c);
  const r = computeAffiliations(a, input(), { maintainers: M, tracked: [{ name: "alpha", address: "alpha@vger.kernel.org" }] });
  const p1 = listRows(r).filter((x) => x.messageId === "p1").map((x) => [x.list, x.tracked, x.via]).sort();
  assert.deepEqual(p1, [["alpha", true, "archive"], ["linux-media", false, "to-cc"], ["widget", false, "to-cc"]]);
});

test("without MAINTAINERS: lists, homes and organisations still computed; no subsystems", () => {
  const a = analyzeCorpus(c);
  const r = computeAffiliations(a, input(), { maintainers: null, tracked: [] });
  assert.equal(r.status, "no-maintainers");
  assert.equal(r.messageSubsystems.size, 0);
  assert.equal(r.roles.length, 0);
  assert.ok(r.homes.every((h) => h.homeSubsystem === null));
  assert.equal(r.homes.find((h) => h.personId === "ann")!.organisation, "Intel");
  assert.ok(r.reviews.every((x) => x.crossSubsystemReviewer === null && x.crossSubsystemPatch === null));
});

test("a store from before message_files: every patch unparsed gives status no-files, not silent emptiness", () => {
  const a = analyzeCorpus(c);
  const inp = input();
  inp.files = new Map();
  inp.unparsed = new Set(["p1", "p2", "p3", "r1", "r1b", "r2", "r3"]);
  const r = computeAffiliations(a, inp, { maintainers: M, tracked: [] });
  assert.equal(r.status, "no-files");
  assert.equal(r.unparsedPatches, 3);
});

test("lists reached, exactly and in order: archives first, then To/Cc, then List-Id; each list once per message", () => {
  // The message-lists loop looks each address up once for the whole corpus and shares the lists
  // array of messages that reached nothing more: repeated and mixed-case addresses, a List-Id
  // naming a list already reached, duplicated archive lists and messages without addresses.
  const cc = corpus([
    msg("m1", "ann", T0, { lists: ["alpha", "alpha"] }),
    msg("m2", "bob", T0 + D, { irt: "m1", lists: ["alpha"] }),
    msg("m3", "cid", T0 + 2 * D, { lists: ["beta"] }),
    msg("m4", "dee", T0 + 3 * D, { lists: ["alpha", "beta"] }),
  ], []);
  const inp = input();
  inp.addressed = new Map([
    ["m1", { to: ["Widget@vger.kernel.org", "widget@vger.kernel.org", "alpha@vger.kernel.org", "x@example.org", "gadget@vger.kernel.org"], listId: "widget.vger.kernel.org" }],
    ["m2", { to: [], listId: "alpha.vger.kernel.org" }],
    ["m3", { to: ["gadget@vger.kernel.org", "linux-media@vger.kernel.org"], listId: "linux-media.vger.kernel.org" }],
  ]);
  const a = analyzeCorpus(cc);
  const r = computeAffiliations(a, inp, { maintainers: M, tracked: [{ name: "alpha", address: "alpha@vger.kernel.org" }] });
  assert.deepEqual(listRows(r).map((x) => [x.messageId, x.list, x.address, x.tracked, x.via]), [
    ["m1", "alpha", null, true, "archive"],
    ["m1", "widget", "widget@vger.kernel.org", false, "to-cc"],
    ["m1", "gadget", "gadget@vger.kernel.org", false, "to-cc"],
    ["m2", "alpha", null, true, "archive"],
    ["m3", "beta", null, true, "archive"], // a list of the corpus counts as tracked
    ["m3", "gadget", "gadget@vger.kernel.org", false, "to-cc"],
    ["m3", "linux-media", "linux-media@vger.kernel.org", false, "to-cc"],
    ["m4", "alpha", null, true, "archive"],
    ["m4", "beta", null, true, "archive"],
  ]);
});

test("lists reached with shared arrays: messages sharing lists and To/Cc arrays still differ by the rest (To/Cc, List-Id)", () => {
  // The store read shares one lists array and one To/Cc array per combination: what is worked out
  // once per (lists, To/Cc, List-Id) must not leak to a message that shares only some of them.
  const lists = ["alpha"], to = ["widget@vger.kernel.org"];
  const cc = corpus(["s1", "s2", "s3", "s4", "s5"].map((id, k) => msg(id, "ann", T0 + k * D, { lists })), []);
  cc.messages[4].lists = ["alpha"]; // equal, not shared
  const inp = input();
  inp.addressed = new Map([
    ["s1", { to, listId: null }],
    ["s2", { to, listId: "gadget.vger.kernel.org" }],
    ["s3", { to: [], listId: "gadget.vger.kernel.org" }],
    ["s5", { to, listId: null }],
  ]);
  const r = computeAffiliations(analyzeCorpus(cc), inp, { maintainers: M, tracked: [{ name: "alpha", address: "alpha@vger.kernel.org" }] });
  assert.deepEqual(listRows(r).map((x) => [x.messageId, x.list, x.via]), [
    ["s1", "alpha", "archive"], ["s1", "widget", "to-cc"],
    ["s2", "alpha", "archive"], ["s2", "widget", "to-cc"], ["s2", "gadget", "list-id"],
    ["s3", "alpha", "archive"], ["s3", "gadget", "list-id"],
    ["s4", "alpha", "archive"],
    ["s5", "alpha", "archive"], ["s5", "widget", "to-cc"],
  ]);
});
