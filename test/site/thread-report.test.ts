// Thread page text (src/components/thread-report.js): home lists in words ("several lists", not
// the first list of the config), a forwarded patch's author next to its sender, a missing root.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { threadRows, threadStory, homeFlows } from "../../src/components/thread-report.js";

const ref = (id: string, home: string | null) => ({ id, key: id, name: id.toUpperCase(), home });
const d = {
  thread: { id: "r", key: "r", subject: "s", author: ref("ann", "alpha"), root_missing: false, messages: 3, participants: 3, lists: ["alpha", "beta"],
    start: 0, end: 7_200_000, first_reply_ms: 3_600_000, depth: 2 },
  messages: [
    { id: "r", parent: null, from: "ann", date: 0, latency_ms: null, lists: ["alpha"], subject: "s", depth: 0, patch: null },
    { id: "x", parent: "r", from: "eve", date: 3_600_000, latency_ms: 3_600_000, lists: ["alpha", "beta"], subject: "Re: s", depth: 1, patch: null },
    { id: "p", parent: "x", from: "gus", author: ref("fred", null), date: 7_200_000, latency_ms: 3_600_000, lists: ["beta"], subject: "[PATCH] s", depth: 2, patch: "v1" },
  ],
  participants: [{ ...ref("ann", "alpha"), messages: 1, first: 0 }, { ...ref("eve", "cross-list"), messages: 1, first: 1 }, { ...ref("gus", "beta"), messages: 1, first: 2 }],
  trailers: [], naks: [],
};

test("thread page: cross-list homes are named as such; a forwarded patch shows its author", () => {
  const rows = threadRows(d);
  assert.equal(rows.find((r: { id: string }) => r.id === "p").from_label, "GUS (author: FRED)");
  assert.equal(rows.find((r: { id: string }) => r.id === "r").from_label, "ANN");
  const flows = homeFlows(d).map((f: { from: string; to: string }) => `${f.from}>${f.to}`).sort();
  assert.deepEqual(flows, ["beta>several lists", "several lists>alpha"]);
  const story = threadStory(d).join(" ");
  assert.match(story, /1 from several lists equally \(EVE\)/);
  assert.doesNotMatch(story, /from cross-list/);
});

test("thread page: a thread whose first message is missing says so instead of naming a starter", () => {
  const story = threadStory({ ...d, thread: { ...d.thread, author: null, root_missing: true } })[0];
  assert.match(story, /first message is not in the archive/);
  assert.doesNotMatch(story, /Started by/);
});

test("thread page: names are never joined with commas (\"Last, First\" would read as two people)", () => {
  const named = (id: string, name: string, messages: number) => ({ ...ref(id, "alpha"), name, messages, first: 0 });
  const story = threadStory({ ...d, participants: [named("ann", "Doe, Jane", 3), named("eve", "Roe, Rick", 2), named("gus", "Poe, Ed", 1)] }).join("\n");
  // Every name stays whole, and what separates two names is " · ", never a comma.
  assert.match(story, /Doe, Jane · Roe, Rick · Poe, Ed\)/);
  assert.match(story, /Most active: Doe, Jane \(3\) · Roe, Rick \(2\) · Poe, Ed \(1\)/);
  assert.doesNotMatch(story, /Jane, Roe|Rick, Poe|\(3\), |\(2\), /);
});

test("discussion tree: depth-first order shows branches; tooltips say who answered whom", async () => {
  // @ts-expect-error plain browser JS module without types
  const { treeOrder, answerText } = await import("../../src/components/thread-flow.js");
  const H = 3_600_000;
  const m = (id: string, parent: string | null, from: string, h: number) => ({ id, parent, from, date: h * H, latency_ms: parent ? H : null, lists: ["alpha"], subject: id, depth: 0, patch: null });
  // r <- a (1h) <- a2 (4h); r <- b (2h) <- b2 (3h): date order interleaves the branches, the tree does not.
  const dd = { ...d, messages: [m("r", null, "ann", 0), m("a", "r", "eve", 1), m("b", "r", "gus", 2), m("b2", "b", "ann", 3), m("a2", "a", "gus", 4)],
    participants: d.participants };
  const rows = threadRows(dd);
  const order = treeOrder(rows).map((o: { row: number; depth: number }) => `${rows[o.row].id}:${o.depth}`);
  assert.deepEqual(order, ["r:0", "a:1", "a2:2", "b:1", "b2:2"]);
  const b2 = rows.find((r: { id: string }) => r.id === "b2");
  assert.equal(answerText(rows, b2), "ANN (home list: alpha) answered GUS after 60 min");
  assert.match(answerText(rows, rows[0]), /ANN .* started the thread/);
  // A 5,000-deep chain does not overflow the stack.
  const chain = Array.from({ length: 5000 }, (_, i) => m(`c${i}`, i ? `c${i - 1}` : null, "ann", i));
  assert.equal(treeOrder(threadRows({ ...d, messages: chain })).at(-1).depth, 4999);
});
