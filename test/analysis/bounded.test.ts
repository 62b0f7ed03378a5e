// Hostile sizes never reach the pages whole: a 20 MiB Subject, a 10,000-character name, Zalgo
// text and a 20k-message thread give bounded artifacts; sources never name a local path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { artifactJson, DETAIL_ROWS } from "../../loaders/analysis/bounded.ts";
import { capLength, clipText, STRING_MAX, TEXT_MAX } from "../../loaders/model/clip.ts";
import { corpus, msg, person, fromShard, H, T0 } from "./fixture.ts";
import { FILES, type ThreadDetail } from "../../loaders/analysis/artifacts.ts";
import { shardName, shardOf } from "../../loaders/model/shard.ts";

const bytes = (files: Map<string, string>) => [...files.values()].reduce((n, s) => n + Buffer.byteLength(s), 0);
const ZALGO = "Z" + "\u0301\u0316\u0327".repeat(2000) + "algo";
const LONG = "x".repeat(10_000);

test("clipText collapses combining-mark runs and cuts long text; capLength never splits a surrogate pair", () => {
  assert.equal(clipText("Plain subject"), "Plain subject");
  assert.equal(clipText("e\u0301t\u00e9"), "e\u0301t\u00e9", "ordinary accents stay");
  assert.equal(clipText(ZALGO), "Z\u0301\u0316algo");
  assert.equal(clipText("ctl\u0001\u001b[31m\u0085x\ty"), "ctl  [31m x y", "control characters become spaces");
  const long = clipText(LONG);
  assert.equal(long, "x".repeat(TEXT_MAX) + "…");
  assert.equal([...clipText("😀".repeat(1000))].length, TEXT_MAX + 1, "cut by code points");
  assert.equal(capLength("a" + "😀".repeat(600), 2), "a…");
  assert.equal(capLength("short"), "short");
  assert.equal(capLength("y".repeat(5000)).length, STRING_MAX + 1);
});

test("a 20 MiB Subject and huge names give < 1 MB of artifacts in total", () => {
  const huge = "S".repeat(20 << 20);
  const c = corpus([
    msg("root@x", "mallory", T0, { subject: huge }),
    msg("r1@x", "bob", T0 + H, { irt: "root@x", subject: `Re: ${huge}` }),
    msg("r2@x", "zalgo", T0 + 2 * H, { irt: "r1@x", subject: ZALGO }),
    msg("r3@x", "mallory", T0 + 3 * H, { irt: "r2@x" }),
  ], [], [person("mallory", { name: "N".repeat(10 << 20) }), person("zalgo", { name: ZALGO })]);
  const files = siteFiles(analyzeCorpus(c), "v1", Date.now());
  assert.ok(bytes(files) < 1 << 20, `artifacts total ${bytes(files)} bytes`);
  // Every string in every JSON artifact is bounded; display text is clipped, not dropped.
  for (const [name, content] of files) {
    if (!name.endsWith(".json")) continue;
    JSON.parse(content, (_k, v) => { if (typeof v === "string") assert.ok(v.length <= STRING_MAX + 1, `${name}: ${v.length}-char string`); return v; });
  }
  const threads = JSON.parse(files.get("threads.json")!).rows;
  assert.equal(threads[0].subject, "S".repeat(TEXT_MAX) + "…");
  const people = JSON.parse(files.get("people.json")!).rows;
  assert.ok(people.some((p: { name: string }) => p.name === "Z\u0301\u0316algo"), "Zalgo name collapsed");
  for (const f of ["graph-nodes.csv", "graph-edges.csv", "graph.gexf", "graph.graphml"]) assert.ok(files.get(f)!.length < 64 << 10, f);
});

test("a 20,000-message thread (same cap as 100k): its detail holds the first DETAIL_ROWS messages and the real counts", () => {
  const N = 20_000;
  const msgs = [msg("m0@x", "p0", T0, { subject: "big" })];
  for (let i = 1; i < N; i++) msgs.push(msg(`m${i}@x`, `p${i % 1000}`, T0 + i * 1000, { irt: `m${Math.floor((i - 1) / 2)}@x` }));
  const a = analyzeCorpus(corpus(msgs));
  const files = siteFiles(a, "v1", Date.now());
  const name = FILES.threadShard(shardName(shardOf("m0@x")));
  const content = files.get(name)!;
  assert.ok(content.length < 400 << 10, `${name}: ${content.length} bytes`);
  const d = fromShard<ThreadDetail>(files, FILES.threadShard, "m0@x")!;
  // Any of its messages leads to it (thread.html?m= looks the thread up by Message-ID).
  assert.equal(fromShard(files, FILES.messageShard, `m${N - 1}@x`), "m0@x");
  assert.equal(d.messages.length, DETAIL_ROWS);
  assert.equal(d.participants.length, DETAIL_ROWS);
  assert.deepEqual(d.full_counts, { messages: N, participants: 1000, trailers: 0, naks: 0 });
  assert.equal(d.thread.messages, N, "the thread row keeps the real count");
  assert.equal(d.messages[0].id, "m0@x", "the first messages in date order");
  assert.equal(d.messages.at(-1)!.id, `m${DETAIL_ROWS - 1}@x`);
});

test("meta names sources by list and kind, never by a local path", () => {
  const c = corpus([msg("a@x", "alice", T0, { lists: ["netdev"] })]);
  c.sources = [
    { source: "mbox:/home/someone/secret/netdev.mbox.gz", list: "netdev", messages: 1 },
    { source: "pi:/srv/archives/ksummit/git/0.git", list: "ksummit", messages: 1 },
    { source: "lore-http:https://lore.kernel.org/netdev/", list: "netdev", messages: 1 },
    { source: "maildir:/var/mail/x", list: null, messages: 1 },
  ];
  const meta = siteFiles(analyzeCorpus(c), "v1", Date.now()).get("meta.json")!;
  assert.doesNotMatch(meta, /\/home|\/srv|\/var|secret/);
  assert.deepEqual(JSON.parse(meta).sources.map((s: { source: string }) => s.source),
    ["netdev (mbox)", "ksummit (public-inbox)", "netdev (lore HTTP)", "no list (Maildir)"]);
});

test("artifactJson gives exactly the bytes of the bounding replacer, on its fast path and off it", async () => {
  const { artifactJson } = await import("../../loaders/analysis/bounded.ts");
  // The replacer as documented: display text clipped, any other string capped, text lists cut and clipped.
  const TEXT = new Set(["subject", "name", "target_subject", "email", "label"]), LISTS = new Set(["emails", "top"]);
  const reference = (v: unknown) => JSON.stringify(v, (k, x) => typeof x === "string" ? (TEXT.has(k) ? clipText(x) : capLength(x))
    : Array.isArray(x) && LISTS.has(k) ? x.slice(0, DETAIL_ROWS).map((y) => (typeof y === "string" ? clipText(y) : y)) : x);
  const plain = { subject: "ok", rows: [[1, "a", null, true], { name: "n", x: 1.5, y: -0, z: NaN, u: undefined }], emails: ["a@b"], n: Infinity };
  const cases: unknown[] = [
    plain, [], {}, "x", 3, null,
    { ...plain, subject: ZALGO }, { ...plain, rows: [{ name: LONG }] }, { deep: [[[{ label: "ctl\u0001" }]]] },
    { id: LONG }, [LONG], [[LONG]], { emails: ["ok", ZALGO] }, { top: Array.from({ length: DETAIL_ROWS + 1 }, (_, i) => `p${i}`) },
    { emails: Array.from({ length: DETAIL_ROWS + 3 }, () => "e") }, { subject: ["list under a text key", LONG] },
    { when: new Date(T0), nested: { toJSON: () => ({ subject: ZALGO }) } }, { name: 5, email: null, label: { subject: LONG } },
    Object.assign(Object.create(null), { subject: "x".repeat(TEXT_MAX + 1) }), { subject: "x".repeat(TEXT_MAX) },
  ];
  for (const v of cases) assert.equal(artifactJson(v), reference(v), JSON.stringify(v)?.slice(0, 80));
});

// The reference: JSON.stringify with the replacer artifactJson documents (bounded.ts), value by value.
const TEXT_KEYS = new Set(["subject", "name", "target_subject", "email", "label"]), TEXT_LIST_KEYS = new Set(["emails", "top"]);
const reference = (v: unknown) => JSON.stringify(v, (key: string, x: unknown) => {
  if (typeof x === "string") return TEXT_KEYS.has(key) ? clipText(x) : capLength(x);
  if (Array.isArray(x) && TEXT_LIST_KEYS.has(key)) return x.slice(0, DETAIL_ROWS).map((y) => (typeof y === "string" ? clipText(y) : y));
  return x;
});

test("artifactJson gives the replacer's bytes for hostile and benign values alike", () => {
  const strings = ["plain", "", "quote \" and \\ back", "tab\there", "nl\n", "c1\u0085", "del\u007f", "e\u0301t\u00e9", ZALGO, "\u5f20\u4e09\u4e30",
    "\u0301\u0316\u0327", "x".repeat(TEXT_MAX), "x".repeat(TEXT_MAX + 1), "\"".repeat(TEXT_MAX), "y".repeat(STRING_MAX + 1), "\ud800 lone", "😀".repeat(TEXT_MAX),
    "😀".repeat(TEXT_MAX + 1), '"emails":[', "top"];
  let seed = 7;
  const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  const keys = ["subject", "name", "id", "emails", "top", "label", "email", "other", "target_subject", "rows"];
  const value = (depth: number): unknown => {
    const k = rnd(depth > 3 ? 3 : 7);
    if (k === 0) return strings[rnd(strings.length)];
    if (k === 1) return rnd(1000) - 500;
    if (k === 2) return rnd(2) ? null : true;
    if (k === 3) return Array.from({ length: rnd(2) ? rnd(4) : DETAIL_ROWS - 1 + rnd(3) }, () => (rnd(2) ? strings[rnd(strings.length)] : rnd(9)));
    if (k === 4) return Array.from({ length: rnd(4) }, () => value(depth + 1));
    if (k === 5) { const s = strings[rnd(strings.length)]; return { toJSON: () => s }; }
    return Object.fromEntries(Array.from({ length: rnd(5) }, () => [keys[rnd(keys.length)], value(depth + 1)]));
  };
  for (let n = 0; n < 3000; n++) {
    const v = { [keys[rnd(keys.length)]]: value(0), rows: [value(1), value(1)] };
    assert.equal(artifactJson(v), reference(v));
  }
  for (const s of strings) for (const k of keys) { const v = { [k]: s, list: { [k]: [s, s] } }; assert.equal(artifactJson(v), reference(v), `${k}: ${s.slice(0, 20)}`); }
  const many = { emails: Array.from({ length: DETAIL_ROWS + 1 }, (_, i) => `a${i}@x`) };
  assert.equal(artifactJson(many), reference(many));
  assert.equal(JSON.parse(artifactJson(many)).emails.length, DETAIL_ROWS);
});
