// Untrusted strings that are JS prototype names ("constructor", "__proto__", "toString"...) as
// senders (a From: without '@' becomes the person id) and as message ids, through parsing,
// identity, threading, replies, the graph, its metrics and layout, and the whole analysis.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage } from "../../loaders/parse/index.ts";
import { resolvePeople } from "../../loaders/identity/resolve.ts";
import { buildThreads } from "../../loaders/thread/index.ts";
import { replyEdges } from "../../loaders/graph/replies.ts";
import { buildReplyGraph, graphKey, personOfKey } from "../../loaders/graph/build.ts";
import { computeMetrics } from "../../loaders/graph/metrics.ts";
import { layoutGraph } from "../../loaders/graph/layout.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { NO_PATCH, type AnalysisMessage, type Corpus } from "../../loaders/model/corpus.ts";

const NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__", "~tilde"];

/** A ring of replies: message i (id NAMES[i], sent by NAMES[i]) answers message i-1. */
function raw(i: number): Buffer {
  const id = NAMES[i];
  const head = [
    `From: ${id}`,
    "To: list@example.org",
    `Subject: ${i ? "Re: " : ""}topic`,
    `Date: ${i + 1} Jul 2024 10:00:00 +0000`,
    `Message-ID: <${id}>`,
    ...(i ? [`In-Reply-To: <${NAMES[i - 1]}>`, `References: <${NAMES[0]}> <${NAMES[i - 1]}>`] : []),
  ];
  return Buffer.from(head.join("\n") + "\n\nbody\n");
}

/**
 * The ring, parsed and resolved. Addresses are lower-cased ("toString" -> "tostring"), so with
 * `exactSenders` the senders are set to the names as written, as another source could give them.
 */
function corpus(exactSenders = false): Corpus {
  const parsed = NAMES.map((_, i) => parseMessage(raw(i), { trackedLists: [] }));
  // identity: addresses without '@' are not addresses; the store then uses from_email as person id
  const people = resolvePeople(parsed.map((p) => ({ email: p.from.email, name: p.from.name, messages: 1 })));
  const person = (email: string) => people.emailToPerson.get(email) ?? email;
  const messages: AnalysisMessage[] = parsed.map((p, i) => ({
    id: p.messageId, date: p.date, from: exactSenders ? NAMES[i] : person(p.from.email), subject: p.subject, inReplyTo: p.inReplyTo,
    references: p.references, lists: ["alpha"], patch: NO_PATCH, isBot: false, nakLine: false,
  }));
  return {
    messages, trailers: [],
    people: messages.map((m) => ({ id: m.from, name: m.from, email: m.from, emails: [m.from], isBot: false })),
    lists: ["alpha"], sources: [{ source: "synthetic", list: null, messages: messages.length }],
  };
}

test("prototype names: parsed as themselves (ids as written, senders lower-cased)", () => {
  const c = corpus();
  assert.deepEqual(c.messages.map((m) => m.id), NAMES);
  assert.deepEqual(c.messages.map((m) => m.from), NAMES.map((n) => n.toLowerCase()));
  assert.deepEqual(c.messages.map((m) => m.inReplyTo), [null, ...NAMES.slice(0, -1)]);
});

test("prototype names: threaded, replied, graphed, measured and laid out", () => {
  const c = corpus(true);
  const tr = buildThreads(c.messages);
  assert.equal(tr.threads.length, 1);
  assert.equal(tr.threads[0].id, "constructor");
  assert.deepEqual([...tr.threading.parent], NAMES.map((_, i) => i - 1));
  const { edges, stats } = replyEdges(c.messages, tr, new Set());
  assert.equal(stats.replies, NAMES.length - 1);
  assert.deepEqual(edges.map((e) => `${e.from}>${e.to}`), NAMES.slice(1).map((n, i) => `${n}>${NAMES[i]}`));
  const g = buildReplyGraph(edges);
  assert.equal(g.order, NAMES.length);
  assert.equal(g.size, NAMES.length - 1);
  assert.deepEqual(g.nodes().map(personOfKey).sort(), [...NAMES].sort());
  for (const n of NAMES) assert.equal(g.getNodeAttribute(graphKey(n), "label"), n);
  const m = computeMetrics(g);
  assert.equal(m.nodes.size, NAMES.length);
  const mid = m.nodes.get(graphKey("toString"))!;
  assert.deepEqual([mid.in_w, mid.out_w, mid.degree], [1, 1, 2]);
  for (const x of m.nodes.values()) {
    assert.equal(typeof x.pagerank, "number");
    assert.equal(typeof x.community, "number");
  }
  assert.equal(layoutGraph(g).size, NAMES.length);
});

test("graph keys: ordinary ids are their own key; prototype names and the escape are escaped, reversibly", () => {
  for (const id of ["ann@example.org", "bob", "", "proto", "constructors"]) assert.equal(graphKey(id), id);
  for (const id of [...Object.getOwnPropertyNames(Object.prototype), "~", "~x", "~~constructor"]) {
    assert.notEqual(graphKey(id), id);
    assert.equal(personOfKey(graphKey(id)), id);
    assert.ok(!Object.prototype.hasOwnProperty.call(Object.prototype, graphKey(id)));
  }
});

test("prototype names: the whole analysis and the site files build without crashing", () => {
  for (const exact of [false, true]) {
    const a = analyzeCorpus(corpus(exact));
    assert.equal(a.tr.threads.length, 1);
    assert.equal(a.replies.length, NAMES.length - 1);
    assert.equal(a.graph.order, NAMES.length);
    assert.equal(a.messagesBy.get("__proto__"), 1);
    const files = siteFiles(a, "test", Date.UTC(2024, 7, 1));
    const graph = JSON.parse(files.get("graph.json")!.toString()) as { nodes: unknown[] };
    assert.equal(graph.nodes.length, NAMES.length);
  }
});
