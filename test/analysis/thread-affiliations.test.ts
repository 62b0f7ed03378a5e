// threadAffiliationFiles: per thread, its participants (most messages first) with their home list,
// home subsystem and organisation, as the JSON object of those members (encoded once per person).
import { test } from "node:test";
import assert from "node:assert/strict";
import { threadAffiliationFiles } from "../../loaders/analysis/affiliation-artifacts.ts";
import type { Analysis } from "../../loaders/analysis/analyze.ts";
import type { Affiliations, PersonHome } from "../../loaders/analysis/affiliations.ts";

const home = (personId: string, org: string | null): PersonHome => ({ personId, homeList: "alpha", homeSubsystem: null, evidence: null, organisation: org });

/** The text written for each thread, as it stands in its shard (the shards are objects of thread id -> text). */
function threadObjects(messages: { from: string; thread: string }[], homes: PersonHome[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of new Set(messages.map((m) => m.thread))) {
    // One thread at a time: its shard is then exactly {"id":TEXT}.
    const ms = messages.filter((m) => m.thread === t);
    const a = { corpus: { messages: ms.map((m) => ({ from: m.from })) }, tr: { threading: { threadId: ms.map((m) => m.thread) } } } as unknown as Analysis;
    const files = new Map<string, string>();
    threadAffiliationFiles(a, { homes } as Affiliations, files);
    const shards = [...files.values()].filter((x) => x !== "{}");
    assert.equal(shards.length, 1);
    const head = `{${JSON.stringify(t)}:`;
    assert.ok(shards[0].startsWith(head) && shards[0].endsWith("}"));
    out.set(t, shards[0].slice(head.length, -1));
  }
  return out;
}

test("thread affiliations list participants by messages, each with their home and organisation", () => {
  const ms = [
    { from: "b@x", thread: "t1" }, { from: "a \"q\" <a@x>", thread: "t1" }, { from: "a \"q\" <a@x>", thread: "t1" }, { from: "c\u00e9@x", thread: "t2" },
    { from: "b@x", thread: "t2" }, { from: "__proto__", thread: "t2" },
  ];
  const got = threadObjects(ms, [home("a \"q\" <a@x>", "Org A"), home("b@x", null), home("__proto__", "P")]);
  const none = { home_list: null, home_subsystem: null, organisation: null };
  assert.equal(got.get("t1"), JSON.stringify({ "a \"q\" <a@x>": { home_list: "alpha", home_subsystem: null, organisation: "Org A" },
    "b@x": { home_list: "alpha", home_subsystem: null, organisation: null } }));
  const t2 = JSON.parse(got.get("t2")!);
  assert.deepEqual(Object.keys(t2), ["c\u00e9@x", "b@x", "__proto__"]);
  assert.deepEqual(t2["c\u00e9@x"], none);
  assert.equal(Object.getOwnPropertyDescriptor(t2, "__proto__")?.value.organisation, "P");
});

test("participants whose ids are array indexes keep the order a JSON object gives them", () => {
  // An object lists array-index keys first, ascending: the text must be what JSON.stringify gives.
  const ms = [{ from: "zed", thread: "t" }, { from: "zed", thread: "t" }, { from: "17", thread: "t" }, { from: "3", thread: "t" }, { from: "017", thread: "t" }];
  const text = threadObjects(ms, []).get("t")!;
  const none = { home_list: null, home_subsystem: null, organisation: null };
  assert.equal(text, JSON.stringify({ 3: none, 17: none, zed: none, "017": none }));
  assert.deepEqual(Object.keys(JSON.parse(text)), ["3", "17", "zed", "017"]);
});
