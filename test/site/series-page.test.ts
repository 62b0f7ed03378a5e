// The Series page, and the series parts of thread and person pages, in Chromium: a synthetic
// corpus (the site suite's, plus a respun series applied by a patchwork-bot notice and a lone
// patch sent back with pw-bot) through ingest + analyze + build. Screenshots in test-output/site.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium, PAGE_WAIT_MS, settle, waitForText, type PageWatch } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { writeSyntheticCorpus, syntheticMaintainersFlags, HOSTILE_SUBJECT } from "./synthetic-corpus.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
import { serveCorpusData } from "./store-data-site.ts";
import { cli } from "./pipeline.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";
const DAY = 86400_000;

function mail(o: { id: string; from: string; subject: string; day: number; replyTo?: string; body: string[] }): string {
  const date = new Date(Date.UTC(2024, 7, 1) + o.day * DAY).toUTCString().replace("GMT", "+0000");
  return ["From mboxrd@z Thu Jan  1 00:00:00 1970", `From: ${o.from}`, "To: netdev@vger.kernel.org", `Subject: ${o.subject}`, `Date: ${date}`,
    `Message-ID: <${o.id}>`, ...(o.replyTo ? [`In-Reply-To: <${o.replyTo}>`, `References: <${o.replyTo}>`] : []), "", ...o.body, "", ""].join("\n");
}

/** A series v1 -> v2 -> v3 (v3 applied by a patchwork-bot notice), and lone patches: one sent back, one hostile subject, one never answered. */
function seriesArchive(dir: string): string {
  const dev = "Nina Net <nina@net.example.org>", maint = "Carol Chen <carol@net.example.org>";
  const out: string[] = [];
  for (const [v, day] of [[1, 0], [2, 6], [3, 15]] as const) {
    const pfx = v === 1 ? "PATCH net-next" : `PATCH net-next v${v}`;
    out.push(mail({ id: `s${v}@x`, from: dev, day, subject: `[${pfx} 0/2] net: synthetic queues`, body: ["Cover."] }));
    for (const k of [1, 2]) out.push(mail({ id: `s${v}.${k}@x`, from: dev, day, replyTo: `s${v}@x`, subject: `[${pfx} ${k}/2] net: queue step ${k}`, body: ["diff"] }));
    if (v < 3) out.push(mail({ id: `s${v}-r@x`, from: maint, day: day + 2, replyTo: `s${v}.1@x`, subject: `Re: [${pfx} 1/2] net: queue step 1`, body: ["Please fix the locking.", "", "pw-bot: cr"] }));
  }
  out.push(mail({ id: "s3-pw@x", from: "patchwork-bot+netdevbpf@kernel.org", day: 18, replyTo: "s3@x", subject: "Re: [PATCH net-next v3 0/2] net: synthetic queues", body: [
    "Hello:", "", "This series was applied to netdev/net-next.git (main)", `by ${maint}:`, "", "Here is the summary with links:",
    "  - [net-next,v3,1/2] net: queue step 1", "    https://git.kernel.org/netdev/net-next/c/0123456789ab",
    "  - [net-next,v3,2/2] net: queue step 2", "    https://git.kernel.org/netdev/net-next/c/0123456789ac", "", "You are awesome, thank you!"] }));
  out.push(mail({ id: "l1@x", from: dev, day: 20, subject: "[PATCH net] net: synthetic fix", body: ["diff"] }));
  out.push(mail({ id: "l1-r@x", from: maint, day: 21, replyTo: "l1@x", subject: "Re: [PATCH net] net: synthetic fix", body: ["Wrong tree.", "", "pw-bot: reject"] }));
  out.push(mail({ id: "l2@x", from: dev, day: 22, subject: `[PATCH net] ${HOSTILE_SUBJECT}`, body: ["diff"] }));
  const file = join(dir, "series.mbox");
  writeFileSync(file, out.join(""));
  return `netdev=${file}`;
}

describe("Series page in Chromium", { skip }, () => {
  let served: ServedSite | undefined;
  let ser: any;
  before(async () => {
    served = await serveCorpusData("tg-series-site-", (dir) => [...writeSyntheticCorpus(dir), seriesArchive(dir)]); // on the site suite's build
    ser = JSON.parse(readFileSync(join(served.store, "site/series.json"), "utf8"));
  });
  after(async () => { await served?.close(); });

  async function open(path: string, ready: string): Promise<{ page: Page; watch: PageWatch }> {
    const { page, watch } = await served!.browser.newPage();
    await page.goto(served!.server.url + pageUrl(path), { waitUntil: "load" });
    await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
    await settle(page);
    return { page, watch };
  }
  async function clean(page: Page, watch: PageWatch, name: string) {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    assert.deepEqual(watch.consoleErrors, [], `${name}: console errors`);
    assert.deepEqual(watch.outside, [], `${name}: requests left loopback`);
    assert.deepEqual(watch.dialogs, [], `${name}: a dialog fired`);
    assert.equal(await page.locator(".observablehq--error").count(), 0, `${name}: Framework error cell`);
    assert.equal(await page.locator("img[src='x'], [onerror]").count(), 0, `${name}: injected element`);
  }

  test("group by home subsystem without a MAINTAINERS file (this suite builds without one): the matrices say how to add one, nobody is forced into a section", async () => {
    for (const [path, chart, hint] of [["/across?fgroup=subsystem", "reply flow matrix", "flow-hint"], ["/reviews?rgroup=subsystem", "review matrix", "review-hint"]]) {
      const { page, watch } = await open(path, `svg[aria-label='${chart}'] rect`);
      assert.match(await page.locator(`[data-testid=${hint}]`).textContent() ?? "", /--maintainers/, `${path}: the hint`);
      const rows = await page.locator(`svg[aria-label='${chart}'] g[aria-label='y-axis tick label'] text`).allTextContents();
      assert.deepEqual([...new Set(rows)], ["subsystem unknown"], `${path}: rows ${rows}`);
      assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(watch.outside, [], `${path}: requests left loopback`);
      await page.close();
    }
  });

  test("series.json: the respin is one group applied at v3 after 2 earlier revisions; the lone patch rejected", () => {
    const row = ser.rows.find((r: any) => r.id === "s1@x");
    assert.deepEqual(row.revisions.map((r: any) => [r.version, r.outcome]), [[1, "superseded"], [2, "superseded"], [3, "applied"]]);
    assert.equal(row.time_to_accept_ms, 18 * DAY);
    assert.equal(ser.rows.find((r: any) => r.id === "l1@x").outcome, "rejected");
    assert.ok(ser.revisions_to_accept.some((x: any) => x.revisions === 3));
  });

  test("Series page: funnel, survival curves with bands, table search; the hostile subject stays text", async () => {
    const { page, watch } = await open("/series", "svg[aria-label='time to acceptance survival curves']");
    assert.ok((await page.locator("svg[aria-label='lifecycle funnel'] rect").count()) >= 4, "funnel bars");
    const curves = page.locator("svg[aria-label='time to acceptance survival curves']");
    assert.ok((await curves.locator("g[aria-label=line] path").count()) >= 2, "one curve per list and all lists");
    assert.ok((await curves.locator("g[aria-label=area] path").count()) >= 1, "confidence bands");
    const table = page.locator(".tg-table").last();
    const n0 = await table.locator("tbody tr").count();
    await table.locator("input[type=search]").fill("synthetic queues");
    await page.waitForFunction(() => location.search.includes("q=synthetic"));
    assert.equal(await table.locator("tbody tr").count(), 1);
    assert.ok(n0 > 1);
    assert.match(await table.locator("tbody").textContent() ?? "", /applied/);
    await table.locator("input[type=search]").fill("onerror");
    assert.ok((await table.locator("tbody").textContent())?.includes(HOSTILE_SUBJECT), "hostile subject shown as text");
    await page.getByRole("radio", { name: "month" }).check();
    await page.waitForFunction(() => location.search.includes("by=month"));
    await waitForText(page.locator("main"), /Month posted/);
    await clean(page, watch, "series");
  });

  test("thread page of a patch shows the revision history; person page the series outcomes", async () => {
    const last = ser.rows.find((r: any) => r.id === "s1@x").revisions.at(-1);
    const t = await open(`/thread?m=${encodeURIComponent(last.id)}`, "[data-testid=thread-series]");
    assert.match(await t.page.locator("[data-testid=thread-series]").textContent() ?? "", /v1.*v2.*v3.*applied.*netdev\/net-next\.git/s);
    await clean(t.page, t.watch, "thread-series");
    const author = ser.rows.find((r: any) => r.id === "s1@x").author;
    const p = await open(`/person?e=${encodeURIComponent(author.id)}`, "[data-testid=person-series]");
    assert.match(await p.page.locator("[data-testid=person-series]").textContent() ?? "", /series applied/);
    await clean(p.page, p.watch, "person-series");
  });

  test("Series page: a list with series but nothing seen applied is called unknown, not 0% (named from series.json)", async () => {
    const silent = ser.curves.filter((c: any) => c.group.startsWith("list:") && c.n > 0 && c.events === 0).map((c: any) => c.group.slice(5));
    const applied = ser.curves.filter((c: any) => c.group.startsWith("list:") && c.events > 0).map((c: any) => c.group.slice(5));
    assert.ok(silent.length > 0 && applied.length > 0, `the corpus has both kinds of list: ${JSON.stringify({ silent, applied })}`);
    const { page, watch } = await open("/series", "[data-testid=no-applied-evidence]");
    const text = await page.locator("[data-testid=no-applied-evidence]").textContent() ?? "";
    for (const l of silent) assert.ok(text.includes(l), `${l} named as unknown`);
    for (const l of applied) assert.ok(!text.includes(` ${l}`), `${l} has applied series: not named`);
    await clean(page, watch, "series-no-applied-evidence");
  });

  const SERIES_KPIS = ["series", "postings", "applied", "partial", "never_answered", "never_answered_never_applied"] as const;
  const seriesCli = (f: { from: string; to: string; lists?: string[] }) => {
    const w = JSON.parse(cli(["series", "--store", served!.store, "--json", "--since", f.from, "--until", f.to, ...(f.lists ? ["--lists", f.lists.join(",")] : [])]));
    return Object.fromEntries(SERIES_KPIS.map((k) => [k, w[k]]));
  };
  const shownSeries = async (page: Page) => {
    const out: Record<string, number> = {};
    for (const k of SERIES_KPIS) out[k] = Number((await page.locator(`[data-kpi=${k}] .v`).first().textContent())?.replace(/,/g, ""));
    return out;
  };

  test("Series page follows the filter: with ?from=&to=&lists= the headline equals `threadgraph series --json --since --until --lists`, the table lists only that window's series, a header change re-renders", { timeout: 180_000 }, async () => {
    // The respun series starts on 2024-08-01 and is applied on day 18: in the first window it is
    // counted (its outcome is known) but its curve is censored at the window's end.
    const first = { from: "2024-08-01", to: "2024-08-10", lists: ["netdev"] }, second = { from: "2024-08-10", to: "2024-09-01", lists: ["netdev"] };
    const want1 = seriesCli(first), want2 = seriesCli(second);
    assert.ok(want1.series > 0 && want2.series > 0 && want1.applied > 0);
    assert.notDeepEqual(want1, want2, "two different windows, or the re-render check proves nothing");
    const { page, watch } = await open(`/series?from=${first.from}&to=${first.to}&lists=netdev`, "[data-kpi=series]");
    assert.deepEqual(await shownSeries(page), want1);
    const table = page.locator(".tg-table").last();
    const text = await table.locator("tbody").textContent() ?? "";
    assert.match(text, /synthetic queues/);
    assert.doesNotMatch(text, /synthetic fix/, "a series posted after the window is not listed");
    // Curves: the respun series, applied after the window's end, is censored in it: nothing applied.
    // (the curves' table: its "Censored" header's tooltip gives the full name)
    assert.equal(await page.locator('th[title^="Not applied (censored)"]').count(), 1, "the time-to-acceptance table");
    assert.equal(await page.locator("[data-testid=no-applied-evidence]").count(), 0, "netdev has an applied series (after the window's end): not called silent");
    // Every figure follows the filter (the reviewer load too; this build has none: no MAINTAINERS): no notice.
    assert.equal(await page.locator("[data-testid=not-filtered]").count(), 0, "no 'covers all data' notice");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(SHOTS, "series-window-1440.png"), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: join(SHOTS, "series-window-1024.png"), fullPage: true });
    // The header's from field: the page re-renders to the second window's figures.
    await page.locator("[data-testid=filter] input[name=from]").fill(second.from);
    await page.locator("[data-testid=filter] input[name=to]").fill(second.to);
    await page.locator("[data-testid=filter] input[name=to]").dispatchEvent("change");
    await page.waitForFunction((n) => document.querySelector("[data-kpi=series] .v")?.textContent?.replace(/,/g, "") === String(n), want2.series, { timeout: PAGE_WAIT_MS });
    assert.deepEqual(await shownSeries(page), want2);
    assert.match(page.url(), /from=2024-08-10/);
    await clean(page, watch, "series-window");
  });

  test("Series page without a filter: the headline equals series.json's all-time totals (bots' series left out)", async () => {
    const { page, watch } = await open("/series", "[data-kpi=series]");
    const shown = await shownSeries(page);
    assert.deepEqual([shown.series, shown.applied, shown.partial, shown.never_answered, shown.never_answered_never_applied],
      [ser.totals.groups, ser.totals.applied, ser.totals.partial, ser.totals.never_answered, ser.totals.never_answered_never_applied]);
    assert.equal(await page.locator("[data-testid=not-filtered]").first().isVisible(), false);
    await clean(page, watch, "series-all");
  });

  const sql = (q: string) => cli(["query", "--store", served!.store, "--json", q]).trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const kpiNumber = async (page: Page, name: string) => Number((await page.locator(`[data-kpi=${name}] .v`).first().textContent())?.split(" of ")[0].replace(/,/g, ""));

  test("person page follows the filter: figures, threads and chart of the window and lists only, with the all-data totals beside them", { timeout: 120_000 }, async () => {
    const author = ser.rows.find((r: any) => r.id === "s1@x").author.id;
    const [want] = sql(`SELECT count(*)::INTEGER AS n, count(DISTINCT t.thread_id)::INTEGER AS th,
        count(*) FILTER (WHERE m.date >= TIMESTAMP '2024-08-01' AND m.date < TIMESTAMP '2024-08-10' AND list_has_any(m.lists, ['netdev']))::INTEGER AS nw,
        count(DISTINCT t.thread_id) FILTER (WHERE m.date >= TIMESTAMP '2024-08-01' AND m.date < TIMESTAMP '2024-08-10' AND list_has_any(m.lists, ['netdev']))::INTEGER AS thw
      FROM messages m JOIN message_threads t USING (message_id) WHERE coalesce(m.person_id, m.from_email) = '${author.replace(/'/g, "''")}'`);
    assert.ok(want.nw > 0 && want.nw < want.n, `a window that cuts their mail: ${JSON.stringify(want)}`);
    const all = await open(`/person?e=${encodeURIComponent(author)}`, "[data-kpi=person_messages]");
    assert.equal(await kpiNumber(all.page, "person_messages"), want.n);
    assert.equal(await all.page.locator("[data-testid=person-filter]").count(), 0);
    await all.page.close();
    const { page, watch } = await open(`/person?e=${encodeURIComponent(author)}&from=2024-08-01&to=2024-08-10&lists=netdev`, "[data-testid=person-filter]");
    await page.waitForSelector("svg[aria-label='person activity chart']", { timeout: PAGE_WAIT_MS });
    assert.equal(await kpiNumber(page, "person_messages"), want.nw);
    assert.equal(await kpiNumber(page, "person_threads"), want.thw);
    assert.match(await page.locator("[data-kpi=person_messages] .v").textContent() ?? "", new RegExp(` of ${want.n}$`), "the all-data total beside it");
    const threads = page.locator(".tg-table").last();
    assert.equal(await threads.locator("tbody tr").count(), want.thw, "their threads in the filter");
    const text = await threads.locator("tbody").textContent() ?? "";
    assert.match(text, /synthetic queues/);
    assert.doesNotMatch(text, /synthetic fix/, "a thread of theirs after the window is not listed");
    const series = await page.locator("[data-testid=person-series]").textContent() ?? "";
    assert.match(series, /series applied/, "their series first posted in the window (applied later)");
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: join(SHOTS, `person-window-${w}.png`), fullPage: true });
    }
    await clean(page, watch, "person-window");
  });

  test("search follows the filter: threads started in the window on its lists; people who sent mail in it", { timeout: 120_000 }, async () => {
    const count = (where: string) => sql(`SELECT count(*)::INTEGER AS n FROM threads WHERE subject ILIKE '%synthetic%' ${where}`)[0].n;
    const wantAll = count(""), wantWin = count(`AND start_at >= TIMESTAMP '2024-08-01' AND start_at < TIMESTAMP '2024-08-10' AND list_has_any(lists, ['netdev'])`);
    assert.ok(wantWin > 0 && wantWin < wantAll, `${wantWin} of ${wantAll}`);
    const heading = async (page: Page) => Number((await page.locator("[data-testid=search-results] h2").first().textContent())?.match(/Threads: ([\d,]+)/)?.[1].replace(/,/g, ""));
    const all = await open("/search?q=synthetic", "[data-testid=search-results] h2");
    assert.equal(await heading(all.page), wantAll);
    assert.equal(await all.page.locator("[data-testid=not-filtered]").count(), 0);
    await all.page.close();
    const { page, watch } = await open("/search?q=synthetic&from=2024-08-01&to=2024-08-10&lists=netdev", "[data-testid=search-results] h2");
    assert.equal(await heading(page), wantWin);
    assert.doesNotMatch(await page.locator("[data-testid=search-results]").textContent() ?? "", /synthetic fix/);
    // People: those who sent mail in the window on netdev (the store's messages), among those matching "example".
    const people = (where: string) => sql(`SELECT count(DISTINCT m.person_id)::INTEGER AS n FROM messages m JOIN people p USING (person_id)
      WHERE (lower(p.name) LIKE '%example%' OR lower(array_to_string(p.emails, ' ')) LIKE '%example%') ${where}`)[0].n;
    const peopleWin = people(`AND m.date >= TIMESTAMP '2024-08-01' AND m.date < TIMESTAMP '2024-08-10' AND list_has_any(m.lists, ['netdev'])`);
    const peopleHeading = async (p: Page) => Number((await p.locator("[data-testid=search-results] h2").nth(1).textContent())?.match(/People: ([\d,]+)/)?.[1].replace(/,/g, ""));
    const ex = await open("/search?q=example&from=2024-08-01&to=2024-08-10&lists=netdev", "[data-testid=search-people-filter]");
    assert.ok(peopleWin > 0 && peopleWin < people(""), `${peopleWin} of ${people("")}`);
    assert.equal(await peopleHeading(ex.page), peopleWin);
    assert.equal(await ex.page.locator("[data-testid=not-filtered]").count(), 0, "no 'people are not filtered' note");
    await clean(ex.page, ex.watch, "search-people-window");
    // The header's box carries the filter to the search page.
    assert.deepEqual(await page.locator("form.tg-search-box input[type=hidden]").evaluateAll((xs) => xs.map((x) => `${(x as HTMLInputElement).name}=${(x as HTMLInputElement).value}`)),
      ["from=2024-08-01", "to=2024-08-10", "lists=netdev"]);
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: join(SHOTS, `search-window-${w}.png`), fullPage: true });
    }
    await clean(page, watch, "search-window");
  });
});

// The site suite's build (synthetic corpus + synthetic MAINTAINERS: site.test.ts, shared through
// the site cache): the reviewer load per maintainer under a window and lists, against the CLI.
describe("Series page reviewer load in Chromium (with MAINTAINERS)", { skip }, () => {
  let served: ServedSite | undefined;
  before(async () => { served = await serveCorpusSite("tg-site-test-", writeSyntheticCorpus, syntheticMaintainersFlags); });
  after(async () => { await served?.close(); });

  test("the reviewer load follows ?from=&to=&lists=: its rows equal `threadgraph series --json --since --until --lists`'s reviewer_load", { timeout: 180_000 }, async () => {
    const f = { from: "2024-07-05", to: "2024-07-10", lists: "netdev,linux-rdma" };
    const want = JSON.parse(cli(["series", "--store", served!.store, "--json", "--since", f.from, "--until", f.to, "--lists", f.lists])).reviewer_load;
    const all = JSON.parse(readFileSync(join(served!.store, "site/series.json"), "utf8")).reviewer_load;
    const row = (r: any) => [r.person.name, String(r.touching), String(r.answered), String(r.applied)];
    assert.ok(want.length > 0 && want.some((r: any) => r.answered > 0), `rows in the window: ${JSON.stringify(want)}`);
    assert.notDeepEqual(want.map(row), all.map(row), "the window changes the table, or this proves nothing");
    const { page, watch } = await served!.browser.newPage();
    await page.goto(served!.server.url + pageUrl(`/series?from=${f.from}&to=${f.to}&lists=${f.lists}`), { waitUntil: "load" });
    await page.waitForSelector("[data-testid=reviewer-load] tbody tr", { timeout: PAGE_WAIT_MS });
    // Columns: name, sections, touching, answered, share, applied.
    const shown = await page.locator("[data-testid=reviewer-load] tbody tr").evaluateAll((trs) => trs.map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim().replace(/,/g, ""))).map((c) => [c[0], c[2], c[3], c[5]]));
    const byName = (xs: string[][]) => [...xs].sort((x, y) => (x[0] < y[0] ? -1 : 1));
    assert.deepEqual(byName(shown), byName(want.map(row)));
    const first = want[0];
    const sections = await page.locator("[data-testid=reviewer-load] tbody tr", { hasText: first.person.name }).locator("td").nth(1).textContent();
    for (const s of first.subsystems) assert.ok(sections?.includes(s), `${first.person.name}: section ${s} named`);
    assert.equal(await page.locator("[data-testid=not-filtered]").count(), 0, "no 'covers all data' notice");
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: join(SHOTS, `series-load-window-${w}.png`), fullPage: true });
    }
    assert.deepEqual(watch.consoleErrors, [], "console errors");
    assert.deepEqual(watch.outside, [], "requests left loopback");
    assert.equal(await page.locator(".observablehq--error").count(), 0, "Framework error cell");
    await page.close();
  });
});
