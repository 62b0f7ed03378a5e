import { test } from "node:test";
import assert from "node:assert/strict";
import { reviewRows } from "../../loaders/analysis/reviews.ts";
import { buildThreads } from "../../loaders/thread/index.ts";
import { msg, trailer, H, T0 } from "./fixture.ts";

const ms = [
  msg("cover", "ann", T0, { patch: { index: 0, total: 2, isCover: true }, lists: ["alpha", "beta"] }),
  msg("p1", "ann", T0 + 1, { irt: "cover", patch: { index: 1, total: 2 }, lists: ["alpha", "beta"] }),
  msg("p2", "ann", T0 + 2, { irt: "cover", patch: { index: 2, total: 2 }, lists: ["alpha", "beta"] }),
  msg("ack", "bob", T0 + H, { irt: "cover", lists: ["alpha"] }),          // Acked-by on the cover: series
  msg("rev", "cat", T0 + 2 * H, { irt: "p2", lists: ["alpha"] }),         // Reviewed-by on p2
  msg("disc", "dan", T0 + 3 * H, { irt: "rev", lists: ["alpha"] }),       // discussion under the review
  msg("nak", "eve", T0 + 4 * H, { irt: "disc", nak: true, lists: ["beta"] }), // free-text NAK under p2
  msg("solo", "gil", T0 + 5 * H, { lists: ["gamma"], patch: {} }),
  msg("nak2", "hal", T0 + 6 * H, { irt: "solo", lists: ["gamma"] }),      // Nacked-by on a one-list thread
  msg("self", "ann", T0 + 7 * H, { irt: "p1", lists: ["alpha"] }),        // ann reviewing her own patch
];
const trailers = [
  trailer("ack", "acked-by", "bob"),
  trailer("rev", "reviewed-by", "cat"),
  trailer("rev", "signed-off-by", "cat"),   // not a review
  trailer("disc", "tested-by", "dan"),      // under rev (not a patch) -> nearest patch above is p2
  trailer("nak2", "nacked-by", "hal"),
  trailer("self", "reviewed-by", "ann"),
  trailer("p1", "reviewed-by", "ivy"),      // carried in the patch itself
];

test("trailer provenance: cover acks apply to the series, replies to the nearest patch above", () => {
  const tr = buildThreads(ms);
  const { rows } = reviewRows(ms, trailers, tr, new Set(["alpha", "beta", "gamma"]));
  const f = (id: string, kind: string) => rows.find((r) => r.messageId === id && r.kind === kind)!;
  assert.deepEqual([f("ack", "acked-by").author, f("ack", "acked-by").appliesTo, f("ack", "acked-by").seriesId], ["ann", "series", "cover"]);
  assert.deepEqual([f("rev", "reviewed-by").target, f("rev", "reviewed-by").appliesTo, f("rev", "reviewed-by").source], ["p2", "patch", "reply"]);
  assert.deepEqual([f("disc", "tested-by").target, f("disc", "tested-by").reviewer], ["p2", "dan"]);
  assert.deepEqual([f("p1", "reviewed-by").source, f("p1", "reviewed-by").reviewer, f("p1", "reviewed-by").author], ["carried", "ivy", "ann"]);
  assert.equal(rows.some((r) => r.messageId === "self"), false);
  assert.equal(rows.some((r) => (r.kind as string) === "signed-off-by"), false);
  assert.equal(rows.length, 6); // ack, rev, disc, carried p1, nak2, nak line
});

test("NAKs from trailers and free-text lines, with the cross-subsystem flag", () => {
  const tr = buildThreads(ms);
  const { rows } = reviewRows(ms, trailers, tr, new Set(["alpha", "beta", "gamma"]));
  const naks = rows.filter((r) => r.kind === "nacked-by" || r.kind === "nak-line");
  assert.deepEqual(naks.map((r) => [r.messageId, r.reviewer, r.author, r.source, r.crossSubsystem]), [
    ["nak2", "hal", "gil", "reply", false],
    ["nak", "eve", "ann", "line", true],
  ]);
  // Only tracked lists count toward "cross-subsystem".
  const only = reviewRows(ms, trailers, tr, new Set(["alpha"])).rows.find((r) => r.messageId === "nak")!;
  assert.equal(only.crossSubsystem, false);
});

test("a message with both a Nacked-by trailer and a free-text NAK line is one NAK (the trailer)", () => {
  const both = [...ms, msg("nak3", "hal", T0 + 8 * H, { irt: "p1", nak: true, lists: ["alpha"] })];
  const tr = buildThreads(both);
  const ts = [...trailers, trailer("nak3", "nacked-by", "hal"), trailer("nak3", "nacked-by", "ivy")];
  const { rows } = reviewRows(both, ts, tr, new Set(["alpha", "beta", "gamma"]));
  const naks = rows.filter((r) => r.messageId === "nak3");
  // hal's trailer and hal's NAK line are one NAK; ivy's trailer is another NAKer.
  assert.deepEqual(naks.map((r) => [r.reviewer, r.kind, r.source]), [["hal", "nacked-by", "reply"], ["ivy", "nacked-by", "reply"]]);
});

test("pw-bot changes-requested / reject: NAK evidence with their own kinds, apart from NAKs; once per person, kind and patch", () => {
  const more = [...ms,
    msg("cr1", "eve", T0 + 9 * H, { irt: "p2", lists: ["alpha", "beta"] }),  // eve also NAKed p2 by a line: both stay
    msg("cr2", "eve", T0 + 10 * H, { irt: "cr1", lists: ["alpha"] }),        // the same cr again under p2: one
    msg("rj", "hal", T0 + 11 * H, { irt: "solo", lists: ["gamma"] }),
  ];
  const tr = buildThreads(more);
  const pw = [
    { messageId: "cr1", kind: "changes-requested" as const }, { messageId: "cr2", kind: "changes-requested" as const },
    { messageId: "rj", kind: "rejected" as const }, { messageId: "p1", kind: "rejected" as const }, // a patch posting: none
    { messageId: "gone", kind: "rejected" as const },                                              // outside the corpus: skipped
  ];
  const { rows } = reviewRows(more, trailers, tr, new Set(["alpha", "beta", "gamma"]), pw);
  const pwRows = rows.filter((r) => r.source === "pw-bot");
  assert.deepEqual(pwRows.map((r) => [r.messageId, r.kind, r.reviewer, r.author, r.target, r.crossSubsystem]), [
    ["cr1", "pw-bot-changes-requested", "eve", "ann", "p2", true],
    ["rj", "pw-bot-rejected", "hal", "gil", "solo", false],
  ]);
  // the NAKs are the same as without pw-bot verdicts
  const naks = (rs: typeof rows) => rs.filter((r) => r.kind === "nacked-by" || r.kind === "nak-line").map((r) => r.messageId);
  assert.deepEqual(naks(rows), naks(reviewRows(more, trailers, tr, new Set(["alpha", "beta", "gamma"])).rows));
});
