// The person page's replies, correspondents, reply times, first replies and carried tags, and the
// carried totals of the Reviews and People pages, computed in the browser (person-window.js,
// facts.js) from the fact tables and the person shards: with no filter they equal the loader's
// all-data figures (person shards, people.json, reviews.json); under a window and lists they equal
// an independent computation over the store's derived tables (SQL) and `stats --json`.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { tempDir } from "../store/helpers.ts";
import { haveChromium, PAGE_WAIT_MS, settle } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { SHOTS, type ServedSite } from "./served-site.ts";
import { serveCorpusData } from "./store-data-site.ts";
import { cli, sqlRows } from "./pipeline.ts";
import { writeCarriedCorpus } from "./carried-corpus.ts";
// @ts-expect-error plain browser JS module without types
import { decodeFacts, keepRows, keptCarried, carriedPerPerson, maskOf } from "../../src/components/facts.js";
// @ts-expect-error plain browser JS module without types
import { personReplies, personCarried, correspondentRows } from "../../src/components/person-window.js";
// @ts-expect-error plain browser JS module without types
import { observations } from "../../src/components/survival.js";

interface Filter { from: string | null; to: string | null; lists: string[] | null; bots: boolean }
const ALL: Filter = { from: null, to: null, lists: null, bots: true };
const FILTERS: Filter[] = [
  { from: "2024-07-05", to: "2024-07-11", lists: null, bots: true },
  { from: null, to: null, lists: ["netdev"], bots: false },
  { from: "2024-07-01", to: "2024-07-12", lists: ["linux-rdma"], bots: false },
  { from: "2024-07-10", to: null, lists: null, bots: true },
];
const quantile = (s: number[], q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : null);
const byId = (m: Map<number, number>, ids: string[]) => Object.fromEntries([...m].map(([k, n]) => [ids[k], n]));

describe("person figures under a filter (browser code) against the loader and the store", () => {
  let store = "", facts: any, ids: string[] = [], names: string[] = [], shards: Record<string, any> = {}, site = "";
  const read = (n: string) => JSON.parse(readFileSync(join(site, n), "utf8"));
  const t = tempDir("tg-person-window-");
  after(() => t.cleanup());
  before(() => {
    store = join(t.dir, "store");
    cli(["ingest", "--store", store, ...writeCarriedCorpus(join(t.dir, "corpus"))]);
    site = join(store, "site");
    facts = decodeFacts({ ...read("facts.json"), ...read("facts-carried.json"), ...read("facts-obs.json") });
    ({ id: ids, name: names } = read("facts-people.json"));
    for (const f of readdirSync(join(site, "person"))) if (f.startsWith("p-")) Object.assign(shards, read(join("person", f)));
  });

  test("no filter: replies, correspondents, reply times, first replies and carried tags equal the loader's", () => {
    const people = ids.map((id, k) => ({ id, name: names[k] }));
    const rows = new Map<string, any>(read("people.json").rows.map((r: any) => [r.id, r]));
    const kept = keepRows(facts, ALL);
    let checked = 0;
    for (const [id, d] of Object.entries(shards)) {
      const k = ids.indexOf(id);
      const rep = personReplies(facts, ALL, d.facts ?? null, kept), car = personCarried(facts, ALL, k);
      const corr = (xs: any[]) => Object.fromEntries(xs.map((x) => [x.id, x.w]));
      assert.deepEqual(corr(correspondentRows(facts, people, rep.out)), corr(d.correspondents_out), `${id}: correspondents out`);
      assert.deepEqual(corr(correspondentRows(facts, people, rep.in)), corr(d.correspondents_in), `${id}: correspondents in`);
      assert.deepEqual([rep.repliesSent, rep.repliesReceived], [d.person.replies_sent, d.person.replies_received], `${id}: replies`);
      const min = (ms: number | null) => (ms === null ? null : Math.round(ms / 60000));
      assert.deepEqual([rep.timed, rep.medianMinutes, rep.p90Minutes], [d.response.replies, min(d.response.median_ms), min(d.response.p90_ms)], `${id}: reply times`);
      assert.equal(rep.firstReplies, d.response.first_replies, `${id}: first replies`);
      assert.deepEqual([car.given, car.received], [rows.get(id).reviews_carried, rows.get(id).reviews_carried_received], `${id}: carried`);
      checked += rep.repliesSent + rep.repliesReceived + car.given + car.received;
    }
    assert.ok(checked > 10, "the corpus has replies and carried tags to compare");
    // The Reviews page's total and the People page's column.
    assert.equal(keptCarried(facts, ALL).length, read("reviews.json").totals.carried);
    const given = carriedPerPerson(facts, ALL).given;
    for (const [id, r] of rows) assert.equal(given[ids.indexOf(id)] ?? 0, r.reviews_carried, `${id}: people.json reviews_carried`);
  });

  test("window, lists, bots: the same figures as SQL over the store's replies and reviews, and stats --json", () => {
    const bots = new Set(sqlRows(store, "SELECT person_id FROM people WHERE is_bot").map((r) => r.person_id));
    for (const f of FILTERS) {
      const what = JSON.stringify(f);
      const where = [f.from ? `date >= TIMESTAMP '${f.from}'` : null, f.to ? `date < TIMESTAMP '${f.to}'` : null,
        f.lists ? `list_has_any(lists, [${f.lists.map((l) => `'${l}'`).join(",")}])` : null].filter(Boolean).join(" AND ") || "TRUE";
      const replies = sqlRows(store, `SELECT from_id, to_id, latency_ms FROM replies WHERE NOT is_bot AND ${where}`);
      const carried = sqlRows(store, `SELECT reviewer_id, author_id FROM reviews WHERE source = 'carried' AND kind NOT IN ('nacked-by', 'nak-line') AND ${where}`)
        .filter((r) => f.bots || !bots.has(r.reviewer_id));
      const kept = keepRows(facts, f);
      // First replies the Responsiveness page's way (facts-obs.json), not the shards'.
      const obs = observations(facts, f, maskOf).filter((o: any) => o.kind === "thread" && o.responder >= 0);
      let seen = 0;
      for (const [id, d] of Object.entries(shards)) {
        const k = ids.indexOf(id);
        const rep = personReplies(facts, f, d.facts ?? null, kept), car = personCarried(facts, f, k);
        const count = (xs: any[], key: string, other: string) => { const m: Record<string, number> = {}; for (const x of xs) if (x[key] === id) m[x[other]] = (m[x[other]] ?? 0) + 1; return m; };
        assert.deepEqual(byId(rep.out, ids), count(replies, "from_id", "to_id"), `${id} ${what}: replies out`);
        assert.deepEqual(byId(rep.in, ids), count(replies, "to_id", "from_id"), `${id} ${what}: replies in`);
        const lat = replies.filter((r) => r.from_id === id && r.latency_ms !== null && r.latency_ms >= 0).map((r) => r.latency_ms).sort((x, y) => x - y);
        const min = (ms: number | null) => (ms === null ? null : Math.round(ms / 60000));
        assert.deepEqual([rep.medianMinutes, rep.p90Minutes], [min(quantile(lat, 0.5)), min(quantile(lat, 0.9))], `${id} ${what}: reply times`);
        assert.equal(rep.firstReplies, obs.filter((o: any) => o.responder === k).length, `${id} ${what}: first replies`);
        assert.deepEqual([car.given, car.received], [carried.filter((r) => r.reviewer_id === id).length, carried.filter((r) => r.author_id === id).length], `${id} ${what}: carried`);
        seen += rep.repliesSent + car.given;
      }
      assert.equal(keptCarried(facts, f).length, carried.length, `${what}: carried total`);
      const args = [...(f.from ? ["--since", f.from] : []), ...(f.to ? ["--until", f.to] : []), ...(f.lists ? ["--lists", f.lists.join(",")] : []), ...(f.bots ? [] : ["--no-bots"])];
      assert.equal(JSON.parse(cli(["stats", "--store", store, "--json", ...args])).window.reviews_carried, carried.length, `${what}: stats reviews_carried`);
      assert.ok(seen > 0, `${what}: something to compare`);
    }
  });
});

describe("person, Reviews and People pages under a window in Chromium (the carried corpus through ingest + analyze, on the site suite's build)", { skip: haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)" }, () => {
  let served: ServedSite | undefined;
  before(async () => { served = await serveCorpusData("tg-person-window-site-", writeCarriedCorpus); }); // on the site suite's build
  after(async () => { await served?.close(); });
  // A window that cuts Bob's replies and carried tags (his review of p1 and his tag carried in p2 in; his tag
  // carried in f1, his reply to it, Eve's answer and his undated reply out).
  const F = { from: "2024-07-02", to: "2024-07-10" };
  const where = `date >= TIMESTAMP '${F.from}' AND date < TIMESTAMP '${F.to}'`;
  const q = `from=${F.from}&to=${F.to}`;

  async function open(path: string, ready: string): Promise<Page> {
    const { page, watch } = await served!.browser.newPage();
    (page as any).tgWatch = watch;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(served!.server.url + pageUrl(path), { waitUntil: "load" });
    await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
    await settle(page);
    return page;
  }
  async function done(page: Page, name: string) {
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${name}-${w}.png`), fullPage: true });
    }
    const watch = (page as any).tgWatch;
    assert.deepEqual(watch.consoleErrors, [], `${name}: console errors`);
    assert.deepEqual(watch.outside, [], `${name}: requests left loopback`);
    assert.equal(await page.locator(".observablehq--error").count(), 0, `${name}: Framework error cell`);
    assert.equal(await page.locator("[data-testid=not-filtered]:not([hidden])").count(), 0, `${name}: no "covers all data" note`);
    await page.close();
  }
  const kpi = async (page: Page, name: string) => (await page.locator(`[data-kpi=${name}] .v`).first().textContent())?.trim() ?? "";
  const table = async (page: Page, testid: string) => Object.fromEntries((await page.locator(`[data-testid=${testid}] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")))).filter((r) => r.length > 2).map((r) => [r[0], Number(r[2])]));

  test("person page: correspondents, replies, first replies and carried tags of the window, beside the all-data totals", { timeout: 180_000 }, async () => {
    const sql = (x: string) => sqlRows(served!.store, x);
    const name = new Map(sql("SELECT person_id, name FROM people").map((r) => [r.person_id, r.name]));
    const bob = "bob@carried.example";
    const rep = (w: string) => sql(`SELECT from_id, to_id FROM replies WHERE NOT is_bot AND ${w}`);
    const win = rep(where), all = rep("TRUE");
    const tally = (rows: any[], key: string, other: string) => { const m: Record<string, number> = {}; for (const r of rows) if (r[key] === bob) m[name.get(r[other])] = (m[name.get(r[other])] ?? 0) + 1; return m; };
    const car = (w: string) => sql(`SELECT count(*) FILTER (WHERE reviewer_id = '${bob}')::INTEGER AS given, count(*) FILTER (WHERE author_id = '${bob}')::INTEGER AS received FROM reviews WHERE source = 'carried' AND ${w}`)[0];
    const cw = car(where), ca = car("TRUE");
    assert.ok(cw.given > 0 && cw.given < ca.given, `the window cuts Bob's carried tags: ${JSON.stringify([cw, ca])}`);
    const page = await open(`/person?e=${encodeURIComponent(bob)}&${q}`, "[data-testid=person-filter]");
    await page.waitForSelector("[data-testid=correspondents-out] tbody tr", { timeout: PAGE_WAIT_MS });
    assert.deepEqual(await table(page, "correspondents-out"), tally(win, "from_id", "to_id"), "replies to (out) in the window");
    assert.deepEqual(await table(page, "correspondents-in"), tally(win, "to_id", "from_id"), "replied to by (in) in the window");
    const n = (rows: any[], k: string) => rows.filter((r) => r[k] === bob).length;
    assert.equal(await kpi(page, "person_replies_sent"), `${n(win, "from_id")} of ${n(all, "from_id")}`);
    assert.equal(await kpi(page, "person_replies_received"), `${n(win, "to_id")} of ${n(all, "to_id")}`);
    assert.equal(await kpi(page, "person_carried"), `${cw.given} of ${ca.given} / ${cw.received} of ${ca.received}`);
    assert.doesNotMatch(await page.locator("main").textContent() ?? "", /all data\)/, "no figure labelled all data");
    await done(page, "person-window-carried");
  });

  test("Reviews and People pages: the carried tags of the window equal stats --json", { timeout: 180_000 }, async () => {
    const stats = JSON.parse(cli(["stats", "--store", served!.store, "--json", "--since", F.from, "--until", F.to])).window;
    const want = stats.reviews_carried;
    const all = sqlRows(served!.store, "SELECT count(*)::INTEGER AS n FROM reviews WHERE source = 'carried'")[0].n;
    assert.ok(want > 0 && want < all, `${want} of ${all}`);
    const reviews = await open(`/reviews?${q}`, "[data-kpi=reviews_carried]");
    assert.equal(await kpi(reviews, "reviews_carried"), String(want));
    // pw-bot verdicts follow the filter too: the figures and the table (one of the corpus's two is in the window).
    const pw = sqlRows(served!.store, "SELECT count(*)::INTEGER AS n FROM reviews WHERE source = 'pw-bot'")[0].n;
    assert.ok(stats.pw_bot_changes_requested > 0 && stats.pw_bot_changes_requested < pw, `${stats.pw_bot_changes_requested} of ${pw}`);
    assert.equal(await kpi(reviews, "pw_bot_changes_requested"), String(stats.pw_bot_changes_requested));
    assert.equal(await kpi(reviews, "pw_bot_rejected"), String(stats.pw_bot_rejected));
    assert.equal(await reviews.locator(".tg-table").last().locator("tbody tr").count(), stats.pw_bot_changes_requested + stats.pw_bot_rejected, "pw-bot rows in the window");
    await done(reviews, "reviews-window-carried");
    // The columns checked here, chosen in the link (the page's defaults leave Tags carried out).
    const people = await open(`/people?${q}&show=all&cols=name,messages,threads_started,replies_sent,reviews_carried,last`, ".tg-table tbody tr");
    const col = await people.locator(".tg-table thead th").allTextContents();
    const at = col.findIndex((c) => c.startsWith("Tags carried"));
    assert.ok(at >= 0, `a Tags carried column: ${col}`);
    const rows = await people.locator(".tg-table tbody tr").evaluateAll((trs, i) => trs.map((tr) => [tr.querySelectorAll("td")[0]?.textContent ?? "", Number(tr.querySelectorAll("td")[i]?.textContent)]), at);
    const given = sqlRows(served!.store, `SELECT p.name, count(*)::INTEGER AS n FROM reviews r JOIN people p ON p.person_id = r.reviewer_id WHERE source = 'carried' AND r.${where.replace(" AND date", " AND r.date")} GROUP BY 1`);
    const shown = Object.fromEntries(rows.filter(([, v]) => (v as number) > 0));
    assert.deepEqual(shown, Object.fromEntries(given.map((r) => [r.name, r.n])), "Tags carried per person in the window");
    // Every other column follows the window too (people-window.js): a few, cell by cell, against SQL over the store.
    const cells = async (label: string) => {
      const i = col.findIndex((c) => c.trim().startsWith(label));
      assert.ok(i >= 0, `a ${label} column: ${col}`);
      const got = await people.locator(".tg-table tbody tr").evaluateAll((trs, k) => trs.map((tr) => [tr.querySelectorAll("td")[0]?.textContent ?? "", tr.querySelectorAll("td")[k]?.textContent?.trim() ?? ""]), i);
      return Object.fromEntries(got.filter(([, v]) => v !== "0" && v !== "–"));
    };
    const perName = (sql: string) => Object.fromEntries(sqlRows(served!.store, sql).map((r) => [r.name, String(r.v)]));
    const mw = where.replaceAll("date", "m.date");
    assert.deepEqual(await cells("Msgs"), perName(`SELECT p.name, count(*)::INTEGER AS v FROM messages m JOIN people p USING (person_id) WHERE ${mw} GROUP BY 1`), "Msgs in the window");
    assert.deepEqual(await cells("Replies"), perName(`SELECT p.name, count(*)::INTEGER AS v FROM replies r JOIN people p ON p.person_id = r.from_id WHERE NOT r.is_bot AND ${where.replaceAll("date", "r.date")} GROUP BY 1`), "Replies sent in the window");
    assert.deepEqual(await cells("Threads"), perName(`SELECT p.name, count(*)::INTEGER AS v FROM threads t JOIN messages m ON m.message_id = t.root_id JOIN people p ON p.person_id = m.person_id WHERE NOT t.root_missing AND ${mw} GROUP BY 1`), "Threads started in the window");
    assert.deepEqual(await cells("Last seen"), perName(`SELECT p.name, strftime(max(m.date), '%Y-%m-%d') AS v FROM messages m JOIN people p USING (person_id) WHERE ${mw} GROUP BY 1`), "Last seen in the window");
    await done(people, "people-window-carried");
  });
});
