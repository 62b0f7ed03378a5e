// The People page's columns under a filter, computed in the browser (people-window.js over
// facts.json, facts-people.json, facts-people-cols.json, facts-reply-times.json and
// facts-carried.json, without people.json): its rows are people.json's people (id, name, email,
// bot); with no filter every column equals people.json for every person; under windows, list sets and bot settings they
// equal an independent computation over the store (SQL over messages, threads, replies, reviews;
// first replies the Responsiveness page's way, survival.js over facts-obs.json). Three corpora:
// the site's synthetic one (cover letters, series), the carried one (a forwarded patch, a bot, a
// reply dated before its parent, an undated reply) and an edge one written here (a root with a
// self-referencing In-Reply-To, replies to missing parents, a forwarded patch by someone who never
// posts, people named only in a Reported-by).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../store/helpers.ts";
import { cli, sqlRows } from "./pipeline.ts";
import { writeCarriedCorpus } from "./carried-corpus.ts";
import { writeSyntheticCorpus } from "./synthetic-corpus.ts";
import { homeLists } from "../../loaders/analysis/analyze.ts";
// @ts-expect-error plain browser JS module without types
import { decodeFacts, keepRows, maskOf, isoOfDay } from "../../src/components/facts.js";
// @ts-expect-error plain browser JS module without types
import { decodePeopleCols, peopleRowsInFilter, peopleRoster, addReplyTimes } from "../../src/components/people-window.js";
// @ts-expect-error plain browser JS module without types
import { observations } from "../../src/components/survival.js";

interface Filter { from: string | null; to: string | null; lists: string[] | null; bots: boolean }
const ALL: Filter = { from: null, to: null, lists: null, bots: true };
const DAY = 86400000;
const COUNTS = ["messages", "threads_started", "patches_authored", "patches_for_others", "replies_sent", "reviews_given", "reviews_received",
  "reviews_carried", "reviews_carried_received", "naks_given", "naks_received", "first_replies"] as const;
const minute = (ms: number | null) => (ms === null ? null : Math.round(ms / 60000));
const dayOfMs = (ms: number | null) => (ms === null ? null : Math.floor(ms / DAY));

/** Edge cases of the definitions, synthetic: two lists, a bot, a self-referencing root, orphans, a forwarded patch. */
function writeEdgeCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const mail = (id: string, from: string, to: string, subject: string, at: string, extra: string[] = [], body = "text") =>
    ["From mboxrd@z Thu Jan  1 00:00:00 1970", `From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: <${id}@edge.example>`, ...extra, "", body, "", ""].join("\n");
  const A = "Ada Edge <ada@edge.example>", B = "Ben Edge <ben@edge.example>", BOT = "kernel test robot <lkp@intel.com>";
  const NET = "netdev@vger.kernel.org", RDMA = "linux-rdma@vger.kernel.org";
  const irt = (p: string) => [`In-Reply-To: <${p}@edge.example>`, `References: <${p}@edge.example>`];
  const msgs = [
    mail("self", A, NET, "self-referencing root", "2024-07-02T10:00:00Z", irt("self")),
    mail("self-r", B, NET, "Re: self-referencing root", "2024-07-03T11:00:00Z", irt("self")),
    mail("orphan", B, NET, "Re: lost thread", "2024-07-04T09:00:00Z", irt("missing")),
    mail("orphan-r", A, `${NET}, ${RDMA}`, "Re: lost thread", "2024-07-09T09:00:00Z", irt("orphan")),
    mail("fwd", A, RDMA, "[PATCH] rdma: forwarded", "2024-07-05T08:00:00Z", [], "From: Quiet Author <quiet@edge.example>\n\nfix\n\nReported-by: Rita Report <rita@edge.example>\nReported-by: Rob Robot <robot@ci.edge.example>\nSigned-off-by: Quiet Author <quiet@edge.example>"),
    mail("fwd-r", B, RDMA, "Re: [PATCH] rdma: forwarded", "2024-07-08T08:30:00Z", irt("fwd"), "> fix\n\nReviewed-by: Ben Edge <ben@edge.example>"),
    mail("fwd-bot", BOT, RDMA, "Re: [PATCH] rdma: forwarded", "2024-07-05T09:00:00Z", irt("fwd"), "build ok"),
    mail("cover", B, NET, "[PATCH 0/1] net: edge series", "2024-07-10T08:00:00Z"),
    mail("p1", B, NET, "[PATCH 1/1] net: edge step", "2024-07-10T08:01:00Z", irt("cover"), "step\n\nSigned-off-by: Ben Edge <ben@edge.example>"),
    mail("p1-r", A, NET, "Re: [PATCH 1/1] net: edge step", "2024-07-11T12:00:00Z", irt("p1"), "> step\n\nNACKed-by: Ada Edge <ada@edge.example>"),
  ];
  const file = join(dir, "edge.mbox");
  writeFileSync(file, msgs.join(""));
  return [file];
}

/** Filters cutting the corpus: a middle third, one list with bots out, the second half on the other lists, bots out alone. */
function filtersOf(f: any): Filter[] {
  const span = f.lastDay - f.firstDay, at = (q: number) => isoOfDay(f.firstDay + Math.round(q * span));
  return [
    { from: at(1 / 3), to: at(2 / 3), lists: null, bots: true },
    { from: null, to: null, lists: [f.lists[0]], bots: false },
    { from: at(0.5), to: null, lists: f.lists.length > 1 ? f.lists.slice(1) : null, bots: true },
    { from: null, to: null, lists: null, bots: false },
  ];
}

for (const [corpus, write] of [["synthetic", writeSyntheticCorpus], ["carried", writeCarriedCorpus], ["edge", writeEdgeCorpus]] as const) {
  describe(`People page columns under a filter (${corpus} corpus)`, () => {
    let store = "", site = "", facts: any, pc: any, people: any[] = [], roster: any[] = [];
    const read = (n: string) => JSON.parse(readFileSync(join(site, n), "utf8"));
    const t = tempDir("tg-people-window-");
    after(() => t.cleanup());
    before(() => {
      store = join(t.dir, "store");
      cli(["ingest", "--store", store, ...write(join(t.dir, "corpus"))]);
      site = join(store, "site");
      facts = decodeFacts({ ...read("facts.json"), ...read("facts-carried.json"), ...read("facts-obs.json") });
      pc = decodePeopleCols(facts, read("facts-people-cols.json"), read("facts-reply-times.json"));
      const fp = read("facts-people.json");
      roster = peopleRoster(facts, fp.id.map((id: string, k: number) => ({ id, name: fp.name[k] })), pc);
      people = read("people.json").rows;
    });

    test("the roster is people.json's people: every row once, with its name, email and bot flag", () => {
      const pick = (r: any) => ({ id: r.id, name: r.name, email: r.email, bot: r.bot });
      const byId = (rs: any[]) => [...rs].map(pick).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      assert.deepEqual(byId(roster), byId(people));
      if (corpus === "edge") assert.ok(roster.some((r) => r.k < 0), "the corpus names people the fact tables lack (trailers only)");
    });

    test("replies sent need no reply times; the median reply is left out until they are added", () => {
      const bare = decodePeopleCols(facts, read("facts-people-cols.json"));
      const f = filtersOf(facts)[0];
      const without = peopleRowsInFilter(facts, roster, f, bare), full = peopleRowsInFilter(facts, roster, f, pc);
      assert.deepEqual(without.map((r: any) => r.replies_sent), full.map((r: any) => r.replies_sent));
      assert.ok(without.every((r: any) => r.median_reply_ms === undefined), "no median before the reply times");
      addReplyTimes(bare, read("facts-reply-times.json"));
      assert.deepEqual(peopleRowsInFilter(facts, roster, f, bare).map((r: any) => r.median_reply_ms), full.map((r: any) => r.median_reply_ms));
      assert.throws(() => addReplyTimes(decodePeopleCols(facts, read("facts-people-cols.json")), { minutes: [...read("facts-reply-times.json").minutes, 5] }), /different analyses/);
    });

    test("no filter: every person's row equals people.json (reply times to the minute, last seen to the day)", () => {
      const rowOf = new Map<string, any>(peopleRowsInFilter(facts, roster, ALL, pc).map((r: any) => [r.id, r]));
      let nonzero = 0;
      people.forEach((p) => {
        const r = rowOf.get(p.id);
        for (const k of COUNTS) { assert.equal(r[k], p[k] ?? 0, `${p.id}: ${k}`); nonzero += r[k]; }
        assert.deepEqual(r.lists, p.lists, `${p.id}: per list`);
        assert.equal(r.home, p.home, `${p.id}: home list`);
        assert.equal(minute(r.median_reply_ms), minute(p.median_reply_ms), `${p.id}: median reply`);
        assert.equal(dayOfMs(r.last), dayOfMs(p.last), `${p.id}: last seen`);
      });
      assert.ok(nonzero > 10, "the corpus has figures to compare");
    });

    test("windows, lists, bots: every column equals SQL over the store", () => {
      for (const f of filtersOf(facts)) {
        const what = `${JSON.stringify(f)}`;
        const where = (d = "date", l = "lists") => [f.from ? `${d} >= TIMESTAMP '${f.from}'` : null, f.to ? `${d} < TIMESTAMP '${f.to}'` : null,
          f.lists ? `list_has_any(${l}, [${f.lists.map((x) => `'${x}'`).join(",")}])` : null].filter(Boolean).join(" AND ") || "TRUE";
        const human = (col: string) => (f.bots ? "TRUE" : `${col} NOT IN (SELECT person_id FROM people WHERE is_bot)`);
        const tally = (sql: string) => { const m = new Map<string, number>(); for (const r of sqlRows(store, sql)) m.set(r.k, Number(r.n)); return m; };
        // A patch as the analysis reads one (store-io.ts): a PATCH tag on a subject that is no reply ("Re: [PATCH]").
        const patch = "is_patch AND NOT is_cover AND NOT regexp_matches(coalesce(subject, ''), '^\\s*(re|aw|sv|antw|fwd?)\\s*(\\[\\d+\\])?\\s*:', 'i')";
        const msgs = `FROM messages m WHERE ${where("m.date", "m.lists")} AND ${human("m.person_id")}`;
        const want: Record<string, Map<string, number>> = {
          messages: tally(`SELECT person_id AS k, count(*) AS n ${msgs} GROUP BY 1`),
          threads_started: tally(`SELECT m.person_id AS k, count(*) AS n FROM messages m JOIN threads t ON t.root_id = m.message_id AND NOT t.root_missing WHERE ${where("m.date", "m.lists")} AND ${human("m.person_id")} GROUP BY 1`),
          patches_authored: tally(`SELECT author_person_id AS k, count(*) AS n ${msgs} AND ${patch} GROUP BY 1`),
          patches_for_others: tally(`SELECT person_id AS k, count(*) AS n ${msgs} AND ${patch} AND author_person_id <> person_id GROUP BY 1`),
          replies_sent: tally(`SELECT from_id AS k, count(*) AS n FROM replies WHERE NOT is_bot AND ${where()} GROUP BY 1`),
          reviews_given: tally(`SELECT reviewer_id AS k, count(*) AS n FROM reviews WHERE source = 'reply' AND kind IN ('reviewed-by', 'acked-by', 'tested-by') AND author_id IS NOT NULL AND ${where()} AND ${human("reviewer_id")} GROUP BY 1`),
          naks_given: tally(`SELECT reviewer_id AS k, count(*) AS n FROM reviews WHERE kind IN ('nacked-by', 'nak-line') AND ${where()} AND ${human("reviewer_id")} GROUP BY 1`),
          reviews_carried: tally(`SELECT reviewer_id AS k, count(*) AS n FROM reviews WHERE source = 'carried' AND kind NOT IN ('nacked-by', 'nak-line') AND ${where()} AND ${human("reviewer_id")} GROUP BY 1`),
        };
        const perList = new Map<string, Record<string, number>>();
        for (const r of sqlRows(store, `SELECT person_id AS k, l, count(*) AS n FROM (SELECT person_id, unnest(lists) AS l ${msgs}) GROUP BY 1, 2`)) {
          const o = perList.get(r.k) ?? {}; o[r.l] = Number(r.n); perList.set(r.k, o);
        }
        // Home lists by the loader's own function, over the kept messages in its order.
        const home = homeLists(sqlRows(store, `SELECT person_id AS "from", lists ${msgs} ORDER BY date NULLS LAST, message_id`) as { from: string; lists: string[] }[], new Set<string>(facts.lists));
        const last = new Map(sqlRows(store, `SELECT person_id AS k, epoch_ms(max(date)) AS ms ${msgs} AND date IS NOT NULL GROUP BY 1`).map((r) => [r.k, Number(r.ms)]));
        const lat = new Map<string, number[]>();
        for (const r of sqlRows(store, `SELECT from_id AS k, latency_ms AS ms FROM replies WHERE NOT is_bot AND latency_ms >= 0 AND ${where()} ORDER BY 2`)) {
          const l = lat.get(r.k) ?? []; l.push(Number(r.ms)); lat.set(r.k, l);
        }
        const ids: string[] = read("facts-people.json").id;
        const firsts = new Map<string, number>();
        for (const o of observations(facts, f, maskOf)) if (o.kind === "thread" && o.responder >= 0) firsts.set(ids[o.responder], (firsts.get(ids[o.responder]) ?? 0) + 1);
        want.first_replies = firsts;
        const rows = peopleRowsInFilter(facts, roster, f, pc, keepRows(facts, f));
        assert.equal(rows.length, people.length, `${what}: a row per person`);
        let seen = 0;
        rows.forEach((r: any) => {
          const id = r.id;
          for (const [k, m] of Object.entries(want)) { assert.equal(r[k], m.get(id) ?? 0, `${id} ${what}: ${k}`); seen += r[k]; }
          assert.deepEqual(r.lists, perList.get(id) ?? {}, `${id} ${what}: per list`);
          assert.equal(r.home, home.get(id) ?? null, `${id} ${what}: home list`);
          assert.equal(dayOfMs(r.last), dayOfMs(last.get(id) ?? null), `${id} ${what}: last seen`);
          const l = lat.get(id) ?? [];
          assert.equal(minute(r.median_reply_ms), minute(l.length ? l[Math.min(l.length - 1, Math.floor(0.5 * l.length))] : null), `${id} ${what}: median reply`);
        });
        if (corpus !== "edge" || f.from === null) assert.ok(seen > 0, `${what}: something to compare`);
      }
    });
  });
}
