// readAnalysisInput reads the corpus and the subsystem/organisation input in one scan of the
// messages view plus one statement each for the rest: what it returns must be what the plain
// per-table queries give (each message's list addresses in order, files in path order with
// duplicates and odd paths, first/last dates per address, the address map). Synthetic records only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import type { Store } from "../../loaders/store/api.ts";
import { readAnalysisInput, readCorpus } from "../../loaders/analysis/store-io.ts";
import { readAffiliations } from "../../loaders/analysis/affiliation-tables.ts";
import type { AffiliationLists } from "../../loaders/analysis/affiliation-input.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "../store/helpers.ts";

// Addresses with regular-expression characters, matched literally (an address is not a pattern).
const LISTS: AffiliationLists = { hosts: ["vger.kernel.org", "lists.linux.dev"],
  addresses: ["dev@lists.example.org", "o'brien@odd.example", "a+b.(c)|d@odd.example", "back\\slash$@odd.example"] };
const PATCH = { isPatch: true, isRfc: false, version: 1, index: null, total: null, isCover: false, tags: [] };

/** A seeded generator: the same corpus every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function corpus(n: number) {
  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const addrs = ["netdev@vger.kernel.org", "linux-cxl@vger.kernel.org", "ksummit@lists.linux.dev", "dev@lists.example.org",
    "o'brien@odd.example", "we\"ird\\é,[x]@vger.kernel.org", "ann@people.example", "bob@vger.kernel.org.example", "carl@lists.linux.dev.example",
    // Two '@': the host is what follows the first; no local part; none at all.
    "a@b@vger.kernel.org", "x@vger.kernel.org@evil.example", "@lists.linux.dev", "vger.kernel.org", "",
    // Addresses with pattern characters, then what they would match as patterns (never lists).
    "a+b.(c)|d@odd.example", "back\\slash$@odd.example",
    "dev@listsXexample.org", "aab.(c)|d@odd.example", "a+b.c|d@odd.example", "a+b.(c)", "d@odd.example", "back\\slash", "DEV@lists.example.org"];
  const paths = ["net/core/dev.c", "drivers/cxl/core/mbox.c", "Documentation/é/ü.rst", "a \"quoted\", path", "MAINTAINERS", "z/last"];
  const people = ["ann@people.example", "bob@other.example", "cy@third.example", "Dee@Case.example"];
  const out = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(r() * 4);
    const list = (m: number) => Array.from({ length: m }, () => ({ name: "", email: pick(addrs) }));
    const forwarded = i % 7 === 3;
    out.push(pm(`m${i}@h`, {
      date: i % 11 === 5 ? null : Date.UTC(2024, 0, 1) + Math.floor(r() * 1e10),
      from: { name: `P${i % 4}`, email: pick(people) },
      ...(forwarded ? { author: { name: "Fwd", email: pick(people) }, patch: PATCH, subject: `[PATCH] p${i}` } : {}),
      to: list(k), cc: list(Math.floor(r() * 3)), listId: i % 3 === 0 ? null : pick(["netdev.vger.kernel.org", "<dev.lists.example.org>", ""]),
      files: i % 5 === 0 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => pick(paths)),
      // Replies: In-Reply-To the last reference, another one, or none with references.
      ...(i > 0 && i % 2 === 0 ? { inReplyTo: i % 8 === 2 ? `m${i - 2}@h` : `m${i - 1}@h`, references: [`m${i - 2}@h`, `m${i - 1}@h`].slice(i % 6 === 0 ? 1 : 0) } : {}),
      ...(i % 9 === 1 ? { references: [`m${i - 1}@h`] } : {}),
      trailers: i % 4 === 1 ? [{ kind: "reviewed-by", name: `R${i % 3}`, email: pick(people), raw: "Reviewed-by: x" }] : [],
      lists: ["zoo"],
    }));
  }
  return out;
}

const sqlList = (xs: string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ");

/** The affiliation input as plain queries over the views give it, one query per part. */
async function reference(store: Store) {
  const rows = await store.query<{ message_id: string; a: string[]; list_id: string | null; file_count: number | null }>(
    `SELECT message_id, list_filter(list_concat(coalesce(to_emails, []), coalesce(cc_emails, [])),
      x -> split_part(x, '@', 2) IN (${sqlList(LISTS.hosts)}) OR x IN (${sqlList(LISTS.addresses)})) AS a, list_id, file_count FROM messages`);
  const files = await store.query<{ message_id: string; p: string[] }>("SELECT message_id, list(path ORDER BY path) AS p FROM message_files GROUP BY message_id");
  const emails = await store.query<{ email: string; person_id: string }>("SELECT email, person_id FROM person_emails ORDER BY email");
  const seen = await store.query<{ p: string; e: string; f: number; l: number }>(`SELECT p, e, min(d) AS f, max(d) AS l FROM (
      SELECT person_id AS p, from_email AS e, epoch_ms(date) AS d FROM messages WHERE date IS NOT NULL
      UNION ALL SELECT author_person_id, author_email, epoch_ms(date) FROM messages WHERE date IS NOT NULL AND coalesce(author_email, '') <> '')
    WHERE e IS NOT NULL GROUP BY p, e ORDER BY p, e`);
  const observations = new Map<string, { email: string; firstSeen: number; lastSeen: number }[]>();
  for (const s of seen) observations.set(s.p, [...(observations.get(s.p) ?? []), { email: s.e, firstSeen: s.f, lastSeen: s.l }]);
  return {
    addressed: new Map(rows.filter((x) => x.a.length || x.list_id !== null).map((x) => [x.message_id, { to: x.a, listId: x.list_id }])),
    unparsed: new Set(rows.filter((x) => x.file_count === null).map((x) => x.message_id)),
    files: new Map(files.map((x) => [x.message_id, x.p])),
    personOfEmail: new Map(emails.map((x) => [x.email, x.person_id])),
    observations,
  };
}

const sorted = <K, V>(m: Map<K, V>) => [...m].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

test("readAnalysisInput: the corpus and the affiliation input from one scan of messages equal the plain per-part queries", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    // A second archive holds some of the messages: they have two sources.
    await ingest(store, [fakeSource("s", msgs(...corpus(400)), "zoo"), fakeSource("t2", msgs(...corpus(400).slice(100, 150)), "zoo")], {}, { parseStream: fakeParse });
    const want = await reference(store);
    assert.ok(want.addressed.size > 100 && want.files.size > 100 && want.observations.size > 2, "the corpus exercises every part");
    assert.ok([...want.files.values()].some((p) => new Set(p).size < p.length), "a message lists a path twice");
    const both = await readAnalysisInput(store, ["zoo"], LISTS);
    const got = await both.affiliation!;
    for (const [name, g, w] of [["addressed", got.addressed, want.addressed], ["files", got.files, want.files],
      ["personOfEmail", got.personOfEmail, want.personOfEmail]] as const) {
      assert.deepEqual(sorted(g as Map<string, unknown>), sorted(w as Map<string, unknown>), name);
    }
    assert.deepEqual([...got.unparsed].sort(), [...want.unparsed].sort());
    // Order matters here (periods are made per person in this order): as the query orders them.
    assert.deepEqual([...got.observations], [...want.observations]);
    // Links and trailers as the views give them (In-Reply-To and the trailer's person are sent short when repeated).
    const links = new Map((await store.query<{ message_id: string; in_reply_to: string | null; references: string[] | null; person_id: string | null;
      from_email: string | null; sources: string[] }>(`SELECT message_id, in_reply_to, "references", person_id, from_email, sources FROM messages`)).map((x) => [x.message_id, x]));
    assert.equal([...links.values()].filter((x) => x.sources.length === 2).length, 50, "messages in both archives");
    assert.ok([...links.values()].some((x) => x.in_reply_to && x.in_reply_to !== x.references?.at(-1)), "an In-Reply-To that is not the last reference");
    for (const m of both.corpus!.messages) {
      const w = links.get(m.id)!;
      assert.deepEqual([m.inReplyTo, m.references, m.from, m.sources], [w.in_reply_to, w.references ?? [], w.person_id ?? w.from_email ?? "(unknown)", w.sources], m.id);
    }
    const trailers = await store.query<{ message_id: string; kind: string; person_id: string | null; name: string | null; email: string | null }>(
      "SELECT message_id, kind, person_id, name, email FROM trailers ORDER BY message_id, kind, person_id, name, email");
    assert.ok(trailers.length > 50);
    assert.deepEqual(both.corpus!.trailers, trailers.map((x) => ({ messageId: x.message_id, kind: x.kind, personId: x.person_id, name: x.name ?? "", email: x.email ?? "" })));
    // The corpus is the one read alone, and the affiliation input the one read alone (the fallback without a corpus).
    assert.deepEqual(both.corpus, await readCorpus(store, ["zoo"]));
    const alone = await readAffiliations(store, { maintainers: null, tracked: [], writeDerived: false });
    assert.deepEqual([...alone.input.files].sort(), [...got.files].sort());
  } finally {
    await store.close();
    t.cleanup();
  }
});
