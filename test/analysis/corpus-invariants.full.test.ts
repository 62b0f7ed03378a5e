// Invariants on the real 2024-h2 corpus (skipped when ../shared is absent): ingest the three
// lists into a temp store, run `threadgraph analyze`, and check the graph and artifacts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import type { GraphArtifact, MetaArtifact, PeopleArtifact, ReviewsArtifact, ThreadDetail, ThreadsArtifact } from "../../loaders/analysis/artifacts.ts";
import type { FactsArtifact } from "../../loaders/analysis/facts.ts";
import { FILES } from "../../loaders/analysis/artifacts.ts";
import { openStore } from "../../loaders/store/store.ts";
// @ts-expect-error plain browser JS module without types
import { threadDetail } from "../../src/components/thread-detail.js";

const CORPUS = resolve("../shared/corpus/2024-h2");

// Reply messages counted straight from the messages/people views, independently of replyEdges():
// parent = In-Reply-To, else the last References entry (cleaned: no empty/self/whitespace ids),
// else the predecessor in the earliest later message's References chain (JWZ step 1, loops
// refused); the reply's sender differs from the parent's author (a forwarded patch's
// author_person_id, else its sender); neither side a bot (message flag or a person flagged as bot in
// people or on any message); not series structure (a patch n/m, n >= 1, under its author's cover
// or earlier patch of the same version and total; "Re:" subjects are not patches).
const REPLY_MESSAGES_SQL = String.raw`
WITH base0 AS (SELECT message_id, date, coalesce(person_id, from_email, '(unknown)') AS who, author_person_id, is_bot,
  patch_version AS v, patch_index AS idx, patch_total AS tot, coalesce(is_cover, false) AS cover,
  coalesce(is_patch, false) AND NOT regexp_matches(coalesce(subject, ''), '^\s*(re|aw|sv|antw|fwd?)\s*(\[\d+\])?\s*:', 'i') AS patch,
  list_filter(CASE WHEN nullif(trim(in_reply_to), '') IS NULL THEN "references"
    ELSE list_append(list_filter("references", x -> trim(x) <> trim(in_reply_to)), in_reply_to) END,
    x -> trim(x) <> '' AND trim(x) <> message_id AND NOT regexp_matches(trim(x), '\s')) AS refs
  FROM messages),
base AS (SELECT *, CASE WHEN patch AND NOT cover THEN coalesce(author_person_id, who) ELSE who END AS author FROM base0),
links AS (SELECT message_id AS via, date, refs[k] AS child, refs[k - 1] AS parent
  FROM (SELECT *, generate_subscripts(refs, 1) AS k FROM base) WHERE k > 1),
chained AS (SELECT l.child, first(l.parent ORDER BY l.date NULLS LAST, l.via) AS parent FROM links l
  LEFT JOIN base p ON p.message_id = l.parent WHERE NOT coalesce(list_contains(p.refs, l.child), false) GROUP BY l.child),
m AS (SELECT b.*, coalesce(b.refs[-1], c.parent) AS parent_id FROM base b LEFT JOIN chained c ON c.child = b.message_id),
bots AS (SELECT person_id AS who FROM people WHERE is_bot UNION SELECT who FROM base WHERE is_bot),
r AS (SELECT c.who <> p.author AS other,
  (c.is_bot OR p.is_bot OR c.who IN (SELECT who FROM bots) OR p.who IN (SELECT who FROM bots) OR p.author IN (SELECT who FROM bots)) AS bot,
  (c.patch AND c.idx >= 1 AND NOT c.cover AND p.patch AND c.who = p.who AND c.v IS NOT DISTINCT FROM p.v
    AND c.tot IS NOT DISTINCT FROM p.tot AND (p.cover OR p.idx = 0 OR p.idx < c.idx)) IS TRUE AS structure
  FROM m c JOIN base p ON p.message_id = c.parent_id)
SELECT count(*) FILTER (WHERE other AND NOT bot AND NOT structure) AS n FROM r`;
const skip = existsSync(join(CORPUS, "netdev.mbox.gz")) ? false : `skipped: ${CORPUS} is absent`;

test("2024-h2: edges reference existing nodes, weights sum to reply messages, no bots by default", { skip, timeout: 300_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), "tg-h2-"));
  try {
    const store = join(tmp, "store");
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    };
    cli("ingest", "--store", store, ...["linux-cxl", "netdev", "linux-rdma"].map((l) => `${l}=${join(CORPUS, `${l}.mbox.gz`)}`));
    console.log(cli("analyze", "--store", store).trim());
    const site = join(store, "site");
    const read = <T>(f: string): T => JSON.parse(readFileSync(join(site, f), "utf8"));
    const meta = read<MetaArtifact>("meta.json");
    const g = read<GraphArtifact>("graph.json");
    assert.equal(meta.empty, false);
    assert.ok(meta.counts.messages > 17_000);
    // Every edge endpoint exists.
    for (const e of g.edges) assert.ok(g.nodes[e.s] && g.nodes[e.t], `edge ${e.s}->${e.t}`);
    // Default-graph weights add up to the reply messages (full table, bots excluded).
    const s = await openStore(store);
    const [{ n }] = await s.query<{ n: number }>("SELECT count(*) AS n FROM replies WHERE NOT is_bot");
    const [{ w }] = await s.query<{ w: number }>("SELECT count(*) AS w FROM replies r JOIN messages m ON m.message_id = r.child_id WHERE NOT r.is_bot AND m.thread_id = r.thread_id");
    const bots = await s.query<{ person_id: string }>("SELECT person_id FROM people WHERE is_bot");
    const [{ n: independent }] = await s.query<{ n: number }>(REPLY_MESSAGES_SQL);
    await s.close();
    assert.equal(n, w);
    assert.equal(meta.counts.reply_messages, n);
    const isBot = new Set(g.nodes.filter((x) => x.bot).map((x) => x.id));
    const defaultWeight = g.edges.filter((e) => !g.nodes[e.s].bot && !g.nodes[e.t].bot).reduce((a, e) => a + e.w, 0);
    assert.equal(g.pruning.kept_edges, g.pruning.total_edges, "2024-h2 fits without pruning");
    assert.equal(defaultWeight, n);
    console.log(`reply messages: graph weight ${defaultWeight}, independent SQL ${independent}`);
    assert.equal(Number(independent), defaultWeight, "graph weight = reply messages counted in SQL from the messages view");
    // No bot carries default-graph metrics; store-flagged bots are flagged in the graph.
    for (const x of g.nodes) if (x.bot) assert.equal(x.pagerank, null);
    for (const b of bots) if (g.nodes.some((x) => x.id === b.person_id)) assert.ok(isBot.has(b.person_id));
    // Default-graph nodes are the people on a human-to-human edge: a human who only talked with
    // bots (e.g. only answered syzbot) is a node of the full graph but not of the default one.
    const human = new Set<number>();
    for (const e of g.edges) if (!g.nodes[e.s].bot && !g.nodes[e.t].bot) { human.add(e.s); human.add(e.t); }
    assert.equal(g.stats.nodes, human.size);
    // Size budget for the graph page.
    const gz = gzipSync(readFileSync(join(site, "graph.json"))).length;
    console.log(`graph.json: ${g.nodes.length} nodes, ${g.edges.length} edges, ${(gz / 1e6).toFixed(2)} MB gzipped`);
    assert.ok(gz <= 5e6);
    // Every thread detail's messages have parents inside the thread (or null).
    for (const c of Object.values(read<Record<string, unknown>>(FILES.threadShard("00"))).slice(0, 50)) {
      const d: ThreadDetail = threadDetail(c, null);
      const ids = new Set(d.messages.map((m) => m.id));
      for (const m of d.messages) assert.ok(m.parent === null || ids.has(m.parent));
      assert.equal(d.messages.length, d.thread.messages);
    }
    await crossPageInvariants(store, read);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

// Figures that two pages show must agree (docs/analysis.md "Headline figures"): each is checked
// against the artifact the other page reads, or against SQL on the store's views.
async function crossPageInvariants(store: string, read: <T>(f: string) => T): Promise<void> {
  const meta = read<MetaArtifact>("meta.json");
  const people = read<PeopleArtifact>("people.json").rows;
  const s = await openStore(store);
  try {
    const num = async (sql: string) => Number((await s.query<{ n: number }>(sql))[0].n);
    // Header/Overview people = people active in the window = senders who are not bots (SQL).
    const senders = await num(`WITH who AS (SELECT coalesce(person_id, from_email, '(unknown)') AS who, is_bot FROM messages),
      bots AS (SELECT person_id AS who FROM people WHERE is_bot UNION SELECT who FROM who WHERE is_bot)
      SELECT count(DISTINCT who) AS n FROM who WHERE who NOT IN (SELECT who FROM bots)`);
    console.log(`people: header ${meta.counts.people}, active rows ${people.filter((p) => p.active).length}, SQL senders ${senders}, listed ${people.length}`);
    assert.equal(meta.counts.people, senders, "people header count == people active in the window");
    assert.equal(people.filter((p) => p.active).length, meta.counts.people);
    // Reviews: per-person sums == site totals, for each definition.
    const sum = (k: "reviews_given" | "reviews_received" | "reviews_carried") => people.reduce((t, p) => t + (p[k] ?? 0), 0);
    const rev = read<ReviewsArtifact>("reviews.json");
    const inReplies = await num(`SELECT count(*) AS n FROM reviews WHERE source = 'reply' AND kind IN ('reviewed-by', 'acked-by', 'tested-by')`);
    console.log(`reviews: site ${meta.counts.reviews}, sum given ${sum("reviews_given")}, SQL ${inReplies}; carried ${meta.counts.reviews_carried} / ${sum("reviews_carried")}`);
    assert.equal(sum("reviews_given"), meta.counts.reviews, "sum of per-person reviews given == site total");
    assert.equal(sum("reviews_received"), meta.counts.reviews);
    assert.equal(rev.totals.reviewed + rev.totals.acked + rev.totals.tested, meta.counts.reviews);
    assert.equal(inReplies, meta.counts.reviews);
    assert.equal(sum("reviews_carried"), meta.counts.reviews_carried);
    // NAKs: none in patches, one per (NAKer, target).
    assert.equal(await num(`SELECT count(*) AS n FROM reviews r JOIN messages m USING (message_id) WHERE r.kind IN ('nacked-by', 'nak-line') AND coalesce(m.is_patch, false)
      AND NOT regexp_matches(coalesce(m.subject, ''), '^\\s*(re|aw|sv|antw|fwd?)\\s*(\\[\\d+\\])?\\s*:', 'i')`), 0, "no NAK counted inside a patch");
    assert.equal(await num(`SELECT count(*) AS n FROM (SELECT reviewer_id, target_id FROM reviews WHERE kind IN ('nacked-by', 'nak-line') GROUP BY ALL HAVING count(*) > 1)`), 0);
    assert.equal(rev.naks.length, meta.counts.naks);
    // Unanswered: threads page == responsiveness page (its censored thread observations in the fact
    // tables: time is doubled, + 1 when answered); missing roots have no author.
    const th = read<ThreadsArtifact>("threads.json").rows;
    const { obs } = read<Pick<FactsArtifact, "obs">>(FILES.factsObs);
    const censored = obs.kind.filter((k, i) => k === 0 && obs.time[i] % 2 === 0).length;
    console.log(`unanswered: threads page ${th.filter((t) => t.unanswered).length}, responsiveness ${censored}, root missing ${th.filter((t) => t.root_missing).length}`);
    assert.equal(th.filter((t) => t.unanswered).length, censored);
    assert.equal(th.filter((t) => t.root_missing && t.unanswered !== null).length, 0);
    assert.equal(await num(`SELECT count(*) AS n FROM threads WHERE root_missing AND (author_id IS NOT NULL OR sender_id IS NOT NULL)`), 0);
    const started = people.reduce((t, p) => t + p.threads_started, 0);
    assert.equal(started, await num(`SELECT count(*) AS n FROM threads WHERE NOT root_missing`), "threads started sum == threads with a root");
    // Across lists counts a person's messages from the fact tables' message rows (a cross-post is
    // one row): the same unique messages as the people page.
    const byId = new Map(people.map((p) => [p.id, p]));
    const f = read<FactsArtifact>(FILES.facts);
    const sent = new Array<number>(f.people.n).fill(0);
    for (const p of f.messages.person) sent[p]++;
    f.people.row.forEach((r, i) => { if (r >= 0) assert.equal(sent[i], people[r].messages, people[r].name); });
    // Graph panel numbers == people page (bots excluded); no more people shown than the total.
    const g = read<GraphArtifact>("graph.json");
    for (const n of g.nodes) if (!n.bot && byId.has(n.id)) {
      assert.deepEqual([n.out_w, n.in_w], [byId.get(n.id)!.replies_sent, byId.get(n.id)!.replies_received], n.name);
    }
    assert.equal(g.stats.edges_with_bots, g.pruning.total_edges);
    assert.ok(g.stats.nodes <= g.stats.nodes_with_bots!);
  } finally {
    await s.close();
  }
}
