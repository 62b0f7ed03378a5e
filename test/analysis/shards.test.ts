// Every thread and every person is one link away: thread.html?m=<any Message-ID of the thread> and
// person.html?e=<any address of the person> find their page data in the shard files, whatever
// the ids look like, for quiet threads, one-message people and bots alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { FILES, type PersonDetail, type ThreadDetail } from "../../loaders/analysis/artifacts.ts";
import { SHARDS, addressKey, shardName, shardOf } from "../../loaders/model/shard.ts";
import { corpus, msg, person, fromShard, H, T0 } from "./fixture.ts";

// Ids a URL mangles easily: slashes, percent, plus, dot segments, spaces, non-ASCII.
const ODD = ["a/b@x", "100%@x", "a+b@x", "..", ".", "x y@z", "ünï@例え", "<not-stripped>@x"];

function build() {
  const msgs = [];
  // 60 quiet threads of 1-3 messages from 40 people (none "notable"), some odd ids, one bot.
  for (let t = 0; t < 60; t++) {
    const root = t < ODD.length ? ODD[t] : `t${t}@x`;
    msgs.push(msg(root, `p${t % 40}`, T0 + t * H, { subject: `quiet thread ${t}` }));
    for (let r = 1; r <= t % 3; r++) msgs.push(msg(`${root}.r${r}`, `p${(t + r) % 40}`, T0 + t * H + r * 60_000, { irt: r === 1 ? root : `${root}.r${r - 1}` }));
  }
  msgs.push(msg("bot1@x", "bot", T0, { bot: true, irt: "t20@x" }));
  // A reply whose root is not stored: its thread is the phantom root's.
  msgs.push(msg("orphan@x", "p1", T0, { irt: "missing-root@x" }));
  const extra = [person("p3", { name: "Three Addresses" }), person("bot", { bot: true, name: "CI Bot" })];
  extra[0].emails.push("Second@Example.ORG", "third+tag@example.org");
  const a = analyzeCorpus(corpus(msgs, [], extra));
  return { msgs, a, files: siteFiles(a, "v1", Date.now()) };
}

test("every Message-ID leads to its thread, every thread has page data", () => {
  const { msgs, a, files } = build();
  assert.ok(a.tr.threads.length >= 60);
  for (let i = 0; i < msgs.length; i++) {
    const tid = fromShard<string>(files, FILES.messageShard, msgs[i].id);
    assert.equal(tid, a.tr.threading.threadId[i], msgs[i].id);
    const d = fromShard<ThreadDetail>(files, FILES.threadShard, tid!);
    assert.ok(d, `thread of ${msgs[i].id}`);
    assert.ok(d!.messages.some((m) => m.id === msgs[i].id), `${msgs[i].id} listed in its thread`);
  }
  assert.equal(fromShard<string>(files, FILES.messageShard, "missing-root@x"), "missing-root@x", "the phantom root's id leads to its thread too");
  assert.equal(fromShard<string>(files, FILES.messageShard, "never-seen@x"), undefined);
  const threads = JSON.parse(files.get(FILES.threads)!).rows;
  assert.ok(threads.every((t: { detail: boolean }) => t.detail));
  // A fixed set of files whatever the corpus: the pages list them statically.
  for (const f of [FILES.threadShard, FILES.messageShard, FILES.personShard, FILES.addressShard])
    assert.equal([...files.keys()].filter((n) => n.startsWith(f("00").slice(0, -7))).length, SHARDS);
  assert.equal(JSON.parse(files.get(FILES.meta)!).thread_keys, undefined, "meta no longer lists entities");
});

test("every address of every person (bots included) leads to their page data", () => {
  const { a, files } = build();
  const people = JSON.parse(files.get(FILES.people)!).rows as { id: string; name: string; bot: boolean }[];
  assert.equal(people.length, a.people.size);
  for (const p of people) {
    const d = fromShard<PersonDetail>(files, FILES.personShard, p.id);
    assert.equal(d?.person.name, p.name, p.id);
    for (const e of d!.emails) assert.equal(fromShard<string>(files, FILES.addressShard, addressKey(e)), p.id, e);
    assert.equal(fromShard<string>(files, FILES.addressShard, addressKey(p.id)), p.id);
  }
  assert.equal(fromShard<string>(files, FILES.addressShard, addressKey("<SECOND@example.org>")), "p3", "any address, any case");
  assert.equal(fromShard<PersonDetail>(files, FILES.personShard, "bot")?.person.bot, true, "bots have pages, labelled");
});

test("search files: every thread and person once, subjects and names searchable", () => {
  const { a, files } = build();
  const chunk = (i: number) => JSON.parse(files.get(FILES.searchThreads(i.toString(16)))!).rows;
  const idsOf = (i: number) => JSON.parse(files.get(FILES.searchIds(i.toString(16)))!);
  const rows = Array.from({ length: 16 }, (_, i) => chunk(i)).flat();
  const ids = Array.from({ length: 16 }, (_, i) => idsOf(i)).flat();
  assert.equal(rows.length, a.tr.threads.length);
  assert.deepEqual([...new Set(ids)].sort(), a.tr.threads.map((t) => t.id).sort(), "every thread once");
  for (let i = 0; i < 16; i++) assert.equal(chunk(i).length, idsOf(i).length, "ids line up with their rows");
  const people = JSON.parse(files.get(FILES.searchPeople)!).rows;
  const first = rows[ids.indexOf("a/b@x")];
  assert.equal(first[0], "quiet thread 0");
  assert.equal(people[first[1]][0], "p0", "the starter is an index into the people rows");
  assert.equal(people.length, a.people.size);
  assert.ok(people.some((r: unknown[]) => r[0] === "p3" && r[1] === "Three Addresses" && String(r[2]).includes("Second@Example.ORG")));
});

test("a shard holds exactly its members' JSON text, whatever the characters (the UTF-8 buffers round-trip)", async () => {
  const { ShardSet } = await import("../../loaders/analysis/shards.ts");
  const { shardOf, shardName } = await import("../../loaders/model/shard.ts");
  const set = new ShardSet((n) => `s/${n}.json`);
  const values = ["plain", "ünï 例え", "😀 astral", JSON.parse('"lone \\ud800 and \\udfff"'), "x".repeat(70_000), "quote \" and \\ backslash", ""];
  const added: [string, string][] = [];
  values.forEach((v, i) => {
    for (const key of [`k${i}@x`, `ключ${i}`, `k${i}😀`]) { const json = JSON.stringify({ v, i }); set.add(key, json); added.push([key, json]); }
  });
  set.add("k0@x", JSON.stringify("ignored: the first value wins"));
  const files = new Map<string, string>();
  set.writeTo(files);
  assert.equal(files.size, SHARDS);
  // The text the members make, in the order they came, per shard: nothing re-encoded differently.
  const expected = new Map<number, string[]>();
  for (const [k, j] of added) expected.set(shardOf(k), [...(expected.get(shardOf(k)) ?? []), `${JSON.stringify(k)}:${j}`]);
  for (let i = 0; i < SHARDS; i++) assert.equal(files.get(`s/${shardName(i)}.json`), `{${(expected.get(i) ?? []).join(",")}}`);
});

test("compact lookups: a root maps to 0 (its own id), a series part is written once per group and named by its threads", () => {
  const long = "z".repeat(1000); // two groups whose ids agree in their first 998 characters (the capped key)
  const msgs = [msg("v1@x", "hal", T0, { subject: "[PATCH] mm: tidy", patch: { version: 1 } }), msg("v2@x", "hal", T0 + 48 * H, { subject: "[PATCH v2] mm: tidy", patch: { version: 2 } }),
    msg("v2.r@x", "ann", T0 + 49 * H, { irt: "v2@x", subject: "Re: [PATCH v2] mm: tidy" }),
    msg(`${long}1`, "bob", T0, { subject: "[PATCH] net: one", patch: { version: 1 } }), msg(`${long}2`, "cat", T0 + H, { subject: "[PATCH] fs: two", patch: { version: 1 } })];
  const a = analyzeCorpus(corpus(msgs));
  const files = siteFiles(a, "v1", Date.now());
  const raw = (f: (xx: string) => string, k: string) => JSON.parse(files.get(f(shardName(shardOf(k))))!)[k];
  assert.equal(raw(FILES.messageShard, "v2@x"), 0, "a root: 0");
  assert.equal(raw(FILES.messageShard, "v2.r@x"), "v2@x", "a reply: its thread id");
  assert.equal(fromShard(files, FILES.messageShard, "v2@x"), "v2@x");
  const d1 = fromShard<ThreadDetail>(files, FILES.threadShard, "v1@x")!, d2 = fromShard<ThreadDetail>(files, FILES.threadShard, "v2@x")!;
  assert.equal(d1.series?.revisions.length, 2);
  assert.deepEqual(d2.series, d1.series, "both revisions show the group's history");
  assert.equal(typeof raw(FILES.threadShard, "v1@x").series, "string", "the detail names the group");
  const seriesFiles = [...files].filter(([n]) => n.startsWith("thread/s-"));
  assert.equal(seriesFiles.length, SHARDS);
  assert.equal(seriesFiles.reduce((n, [, t]) => n + t.split('"revisions"').length - 1, 0), 2, "each group's part once (mm: tidy, net: one)");
  // The second long-id group cannot be named by its capped id (taken): its detail holds its part.
  assert.equal(typeof raw(FILES.threadShard, `${long}2`).series, "object");
  const parts = [`${long}1`, `${long}2`].map((id) => fromShard<ThreadDetail>(files, FILES.threadShard, id)!.series!);
  assert.deepEqual(parts.map((s) => s.revisions[0].subject), ["[PATCH] net: one", "[PATCH] fs: two"]);
});
