// The synthetic page artifacts (the site bench's 10,000-node graph site) must hold every file an
// analysis writes, or the site build stops at the first page attachment it cannot find. Files
// added to the pipeline later are taken from an analysis without a store only when their empty
// version holds nothing per person or thread; the rest line up with the synthetic people/threads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { completeArtifacts, EMPTY_IS_ENOUGH, syntheticArtifacts } from "./synthetic-artifacts.ts";
import { FILES, THREAD_PARTS } from "../../loaders/analysis/artifacts.ts";
import { SHARDS, shardName } from "../../loaders/model/shard.ts";
// @ts-expect-error plain browser JS module without types
import { threadDetail } from "../../src/components/thread-detail.js";

test("synthetic artifacts: every file an analysis writes, sized to the synthetic people and threads", async () => {
  const raw = syntheticArtifacts({ people: 300, threads: 40, edgesPerNode: 2 });
  const { files, added } = await completeArtifacts(raw);
  assert.deepEqual(added.filter((n) => !EMPTY_IS_ENOUGH.has(n)), [], "files only an empty store's analysis provided (make them in syntheticArtifacts)");
  const json = (n: string) => (typeof files[n] === "string" ? JSON.parse(files[n] as string) : files[n]) as any;
  const people = json(FILES.facts).people.n;
  assert.equal(people, 300);
  assert.equal(json(FILES.factsAffiliations).subsystem.length, people, "facts-affiliations: one entry per fact-table person");
  assert.equal(json(FILES.factsPeople).id.length, people);
  assert.ok(json(FILES.factsReplies).replies && json(FILES.factsObs).obs, "reply edges and observations in their own files");
  assert.equal(json(FILES.factsSubsystems).reviews.section.length, json(FILES.facts).reviews.msg.length, "facts-subsystems: one entry per review");
  const parts = Array.from({ length: THREAD_PARTS }, (_, k) => json(FILES.threadPart(k)));
  assert.equal(parts.reduce((s, p) => s + p.rows.length, 0), 40, "thread parts hold every thread");
  assert.equal(json(FILES.threadsTop).total, 40);
  // The thread shards in the compact form the page decodes: every message with its parent's id and latency.
  const details = Array.from({ length: SHARDS }, (_, i) => Object.values(json(FILES.threadShard(shardName(i))))).flat().map((c) => threadDetail(c, null));
  assert.equal(details.length, 30);
  for (const d of details) {
    assert.equal(d.messages.length, d.thread.messages);
    assert.equal(d.trailers[0].message_id, d.messages.at(-1).id);
    for (const m of d.messages.slice(1)) assert.equal(m.latency_ms, m.date - d.messages.find((x: { id: string }) => x.id === m.parent).date);
  }
});
