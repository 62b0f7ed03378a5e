// Browser tests of the built site: a synthetic corpus goes through the real CLI (ingest, analyze),
// `observable build` runs on it, and headless Chromium checks every page: no console errors, no
// Framework error cells, its main chart drawn and non-empty, one real interaction changing what is
// shown, nothing leaving loopback, and nothing from the hostile fixture executing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve as resolvePath } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium, PAGE_WAIT_MS, redrawOf, settle, waitForText, type Browser, type PageWatch } from "./browser.ts";
import { pageUrl, type StaticServer } from "./static-server.ts";
import type { SiteBuild } from "./site-build.ts";
import { writeSyntheticCorpus, HOSTILE_SUBJECT, HOSTILE_NAME, SHOWCASE_SUBJECT, syntheticMaintainersFlags } from "./synthetic-corpus.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
import { clipText } from "../../loaders/model/clip.ts";
import { sqlRows as sql } from "./pipeline.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";

let site: SiteBuild, server: StaticServer, browser: Browser, meta: any, threads: any[], people: any[];

async function open(path: string, ready: string): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await browser.newPage();
  await page.goto(server.url + pageUrl(path), { waitUntil: "load" });
  await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
  await settle(page);
  return { page, watch };
}

async function checkClean(page: Page, watch: PageWatch, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  assert.deepEqual(watch.consoleErrors, [], `${name}: console errors`);
  assert.deepEqual(watch.outside, [], `${name}: requests left loopback`);
  assert.deepEqual(watch.dialogs, [], `${name}: a dialog fired`);
  assert.equal(await page.locator(".observablehq--error").count(), 0, `${name}: Framework error cell`);
  assert.equal(await page.locator("img[src='x'], [onerror], script:not([src]):has-text('alert(')").count(), 0, `${name}: injected element`);
  assert.ok((await page.locator("[data-testid=page-header]").textContent())?.includes("refreshed"), `${name}: context header`);
}

const rowCount = (page: Page, scope = "main") => page.locator(`${scope} .tg-table tbody tr`).count();

describe("site in Chromium (synthetic corpus through ingest + analyze + build)", { skip }, () => {
  let served: ServedSite | undefined;
  before(async () => {
    served = await serveCorpusSite("tg-site-test-", writeSyntheticCorpus, syntheticMaintainersFlags);
    ({ site, server, browser } = served);
    meta = JSON.parse(readFileSync(join(served.store, "site/meta.json"), "utf8"));
    threads = JSON.parse(readFileSync(join(served.store, "site/threads.json"), "utf8")).rows;
    people = JSON.parse(readFileSync(join(served.store, "site/people.json"), "utf8")).rows;
  });
  after(async () => {
    await served?.close();
  });

  test("links resolve on a plain static host (no clean-URL rewriting)", async () => {
    const broken: string[] = [];
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".html") ? [join(d, e.name)] : []));
    for (const file of walk(site.dist)) {
      for (const [, href] of readFileSync(file, "utf8").matchAll(/(?:href|src)="(\.{1,2}\/[^"#?]*)/g)) {
        const target = resolvePath(dirname(file), decodeURIComponent(href));
        if (!existsSync(target) || (statSync(target).isDirectory() && !existsSync(join(target, "index.html")))) broken.push(`${file}: ${href}`);
      }
    }
    assert.deepEqual(broken.slice(0, 10), [], "static links");
    // links the pages build at run time (tables of people and threads)
    for (const path of ["/people", "/threads"]) {
      const { page } = await open(path, ".tg-table tbody tr a");
      const hrefs = await page.locator(".tg-table tbody a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const local = hrefs.filter((h) => h.startsWith(server.url));
      assert.ok(local.length > 0, `${path}: has page links`);
      for (const h of local.slice(0, 20)) assert.equal((await fetch(h)).status, 200, h);
    }
  });

  test("overview: weekly chart, metric switch changes it and the URL", async () => {
    const { page, watch } = await open("/", "svg[aria-label='weekly activity chart'] g[aria-label=line] path");
    const before = await page.locator("svg[aria-label='weekly activity chart'] g[aria-label=line] path").first().getAttribute("d");
    await page.getByLabel("Active people").check();
    await page.waitForFunction(() => location.search.includes("metric=people"));
    await settle(page); // the URL changes before the chart is redrawn
    const after = await page.locator("svg[aria-label='weekly activity chart'] g[aria-label=line] path").first().getAttribute("d");
    assert.notEqual(after, before, "switching the metric redraws the lines");
    await checkClean(page, watch, "overview");
  });

  test("across lists: upset bars and flow matrix; table search filters bridges", async () => {
    const { page, watch } = await open("/across", "[data-testid=upset] rect");
    assert.ok((await page.locator("[data-testid=upset] rect").count()) > 0);
    assert.ok((await page.locator("svg[aria-label='reply flow matrix'] rect").count()) >= 9);
    const bridges = page.locator(".tg-table").first();
    const n0 = await bridges.locator("tbody tr").count();
    await bridges.locator("input[type=search]").fill("Grace");
    assert.ok((await bridges.locator("tbody tr").count()) < n0 || n0 === 1, "search narrows the bridges table");
    // Every person a table names links to their page: bridges, and each participant of a cross-posted thread.
    const crossposted = page.locator(".tg-table").last();
    const names = await crossposted.locator("tbody tr td:last-child a").count();
    assert.ok(names >= 2 && names === await crossposted.locator("tbody tr td:last-child a[href^='./person.html?e=']").count(), `${names} participant links`);
    await checkClean(page, watch, "across");
  });

  test("graph explorer: WebGL canvas, list filter changes the visible graph, ?p= selects a person", async () => {
    const key = people.find((p) => p.name === "Carol Chen").key;
    // Bots out (the global filter's bots=0), to compare with the graph's own totals without bots.
    const { page, watch } = await open(`/graph?bots=0&p=${key}`, "[data-testid=graph-canvas] canvas");
    const status = page.locator("[data-testid=graph-status]");
    await page.waitForFunction(() => /Showing [1-9]/.test(document.querySelector("[data-testid=graph-status]")?.textContent ?? ""));
    const s0 = await status.textContent();
    // All filters open, bots hidden: shown == the graph's own totals (bots excluded), never more.
    const [shownN, shownE, totalN, totalE] = (s0!.match(/Showing ([\d,]+) people and ([\d,]+) reply edges, of ([\d,]+) people and ([\d,]+) edges/) ?? []).slice(1).map((x) => Number(x.replace(/,/g, "")));
    assert.deepEqual([shownN, shownE], [totalN, totalE], s0!);
    assert.equal(totalN, meta.counts.graph_people);
    assert.doesNotMatch(s0!, /pruned/);
    // The graph follows the header's global filter (it has no list filter of its own).
    await page.locator("[data-testid=filter]").getByRole("checkbox", { name: "netdev" }).uncheck();
    await page.waitForFunction((s) => document.querySelector("[data-testid=graph-status]")?.textContent !== s, s0);
    assert.ok(page.url().includes("lists="), "filter is in the URL");
    assert.match(await page.locator("[data-testid=graph-panel]").textContent() ?? "", /Carol Chen/);
    await checkClean(page, watch, "graph");
  });

  test("people: table and search; hostile display name is plain text", async () => {
    const { page, watch } = await open("/people", ".tg-table tbody tr");
    const n0 = await rowCount(page);
    await page.locator(".tg-table input[type=search]").fill("mallory");
    await page.waitForFunction(() => location.search.includes("q=mallory"));
    assert.ok((await rowCount(page)) < n0);
    assert.ok((await page.locator(".tg-table tbody").textContent())?.includes(HOSTILE_NAME), "name shown as text");
    await checkClean(page, watch, "people");
  });

  test("people: the header, Overview and people page count the same people (active in the window); no page wider than the window", async () => {
    const active = people.filter((p) => p.messages > 0 && !p.bot).length;
    assert.equal(meta.counts.people, active);
    const { page: peoplePage } = await open("/people", ".tg-table tbody tr");
    for (const width of [1024, 1400]) {
      const page = peoplePage;
      await page.setViewportSize({ width, height: 900 });
      await settle(page);
      assert.equal((await page.locator("[data-kpi=people] .v").textContent())?.replace(/,/g, ""), String(active), "headline people = active");
      assert.match(await page.locator(".tg-table-tools .tg-note").first().textContent() ?? "", new RegExp(`^${active} rows`));
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= width, `people page ${sw} px wide at ${width}`);
    }
    await peoplePage.close();
    const { page } = await open("/", ".tg-table tbody tr");
    const engaged = page.locator(".tg-table").nth(1).locator(".tg-table-tools .tg-note");
    assert.match(await engaged.textContent() ?? "", new RegExp(`^${active} rows`), "Overview: most engaged = people active");
    assert.match(await page.locator("[data-testid=new-returning-note]").textContent() ?? "", /history starts/);
    await page.close();
  });

  test("threads: table; filter to cross-posted; hostile subject is text", async () => {
    const { page, watch } = await open("/threads", ".tg-table tbody tr");
    assert.ok((await page.locator(".tg-table tbody").textContent())?.includes(HOSTILE_SUBJECT) || threads.length > 25);
    const n0 = await page.locator(".tg-table .tg-note").textContent();
    await page.getByLabel("cross-posted (2+ lists)").check();
    await page.waitForFunction((s) => document.querySelector(".tg-table .tg-note")?.textContent !== s, n0);
    assert.ok(page.url().includes("show=cross"), "filter is in the URL");
    const subjects = await page.locator(".tg-table tbody tr td:first-child").allTextContents();
    assert.ok(subjects.includes(SHOWCASE_SUBJECT) && subjects.every((x) => threads.find((t) => t.subject === x)?.lists.length > 1));
    await checkClean(page, watch, "threads");
  });

  test("thread page: the showcase reads as a report; reply tree has one row per message; lore links", async () => {
    const t = threads.find((x) => x.subject === SHOWCASE_SUBJECT);
    assert.ok(t?.detail, "showcase thread has a page");
    const { page, watch } = await open(`/thread?m=${encodeURIComponent(t.id)}`, "[data-testid=thread-flow] .tg-flow-row circle");
    assert.equal(await page.locator("[data-testid=thread-flow] .tg-flow-row").count(), t.messages);
    const story = await page.locator("[data-testid=thread-story]").textContent();
    for (const l of ["linux-cxl", "netdev", "linux-rdma"]) assert.ok(story?.includes(l), `story names ${l}`);
    assert.ok((await page.locator("a[href^='https://lore.kernel.org/r/']").count()) >= t.messages);
    const msgs = page.locator(".tg-table").last();
    await msgs.locator("input[type=search]").fill("Erin");
    assert.ok((await msgs.locator("tbody tr").count()) < t.messages);
    await checkClean(page, watch, "thread-showcase");
  });

  test("hostile thread page: nothing executes, subject and body URL stay text", async () => {
    const t = threads.find((x) => x.subject === HOSTILE_SUBJECT);
    assert.ok(t?.detail, "hostile thread has a page");
    const { page, watch } = await open(`/thread?m=${encodeURIComponent(t.id)}`, "[data-testid=thread-flow] .tg-flow-row circle");
    assert.equal(await page.locator("h1").first().textContent(), HOSTILE_SUBJECT);
    assert.equal(await page.locator("a[href^='javascript:']").count(), 0);
    assert.equal(await page.evaluate(() => document.title.includes("<img")), true, "title is text");
    await checkClean(page, watch, "thread-hostile");
  });

  test("person page: activity chart; table search narrows", async () => {
    const p = people.find((x) => x.name === "Alice Anders");
    const { page, watch } = await open(`/person?e=${encodeURIComponent(p.id)}`, "svg[aria-label='person activity chart'] rect");
    const tables = page.locator(".tg-table");
    const last = tables.last();
    const n0 = await last.locator("tbody tr").count();
    await last.locator("input[type=search]").fill("cleanup 0");
    assert.ok((await last.locator("tbody tr").count()) < n0);
    await checkClean(page, watch, "person");
  });

  test("a dozen random thread.html?m= and person.html?e= links from the store show the right subject or name", async () => {
    // Any message of a thread (not only roots), and any address of a person, straight from the store.
    const rows = sql(served!.store, "SELECT m.message_id AS id, t.subject AS subject FROM messages m JOIN threads t ON t.thread_id = m.thread_id ORDER BY hash(m.message_id) LIMIT 12");
    const addrs = sql(served!.store, "SELECT a.address AS address, p.name AS name FROM people p, unnest(p.emails) AS a(address) ORDER BY hash(a.address) LIMIT 12");
    assert.equal(rows.length, 12);
    assert.ok(addrs.length >= 8, `${addrs.length} addresses`); // the synthetic corpus has about ten people
    const clip = (x: string) => clipText(x);
    // One tab for all the links (each goto is a full page load, the watch is emptied per link): a tab
    // per link cost Chromium more than the checks did.
    const { page, watch } = await browser.newPage();
    const visit = async (path: string, ready: string) => {
      for (const list of [watch.consoleErrors, watch.outside, watch.dialogs]) list.length = 0;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(server.url + pageUrl(path), { waitUntil: "load" });
      await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
      await settle(page);
    };
    for (const [path, want] of [...rows.map((r) => [`/thread?m=${encodeURIComponent(r.id)}`, clip(r.subject)]), ...addrs.map((r) => [`/person?e=${encodeURIComponent(String(r.address).toUpperCase())}`, clip(r.name)])]) {
      await visit(path, "main h1");
      await page.waitForFunction(() => !/not found|^$/i.test(document.querySelector("main h1")?.textContent ?? ""), null, { timeout: PAGE_WAIT_MS }).catch(() => {});
      assert.equal(await page.locator("main h1").first().textContent(), want, path);
      assert.equal(await page.title(), `${want} | threadgraph`, path);
      assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(watch.outside, [], `${path}: requests left loopback`);
      assert.equal(await page.locator(".observablehq--error").count(), 0, path);
      if (path === `/thread?m=${encodeURIComponent(rows[0].id)}` || path.startsWith(`/person?e=${encodeURIComponent(String(addrs[0].address).toUpperCase())}`)) {
        for (const width of [1440, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          await settle(page);
          await page.screenshot({ path: join(SHOTS, `${path.slice(1, 7)}-random-${width}.png`), fullPage: true });
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${path}: wider than ${width}`);
        }
      }
    }
    // Unknown ids: a clear message, no crash.
    for (const path of ["/thread?m=no-such-message%40x", "/person?e=nobody%40nowhere", "/thread", "/person?e=__proto__"]) {
      await visit(path, "[data-testid=not-found]");
      assert.match(await page.locator("main h1").first().textContent() ?? "", /not found/, path);
      assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
      assert.equal(await page.locator(".observablehq--error").count(), 0, path);
    }
    await page.close();
  });

  test("search: the header box finds threads by subject words and list, and people by address; results link to them", async () => {
    const { page, watch } = await open("/", "form.tg-search-box input");
    await page.locator("form.tg-search-box input").fill("offload knob");
    await page.locator("form.tg-search-box input").press("Enter");
    await page.waitForSelector("[data-testid=search-results] .tg-table tbody tr a", { timeout: PAGE_WAIT_MS });
    const subjects = await page.locator("[data-testid=search-results] .tg-table").first().locator("tbody tr td:first-child").allTextContents();
    assert.ok(subjects.length > 0 && subjects.every((x) => /offload knob/i.test(x)), subjects.join(" | "));
    assert.ok(page.url().includes("search.html?q=offload"), page.url());
    const p = people.find((x) => x.name === "Alice Anders");
    // Each query's results replace the last ones, which may read alike: wait for the new ones.
    const results = "[data-testid=search-results]";
    let fresh = await redrawOf(page, results);
    await page.locator("[data-testid=search-input]").fill(p.email.toUpperCase());
    await fresh(new RegExp(`People: [1-9][\\s\\S]*${p.name}`));
    const link = page.locator(`${results} a`, { hasText: p.name }).first();
    await link.click();
    await page.waitForFunction((n) => document.querySelector("main h1")?.textContent === n, p.name);
    await page.goBack();
    await settle(page); // the address's results, drawn again
    fresh = await redrawOf(page, results);
    await page.locator("[data-testid=search-input]").fill("list:linux-cxl");
    await fresh(/Threads: [1-9]/);
    await checkClean(page, watch, "search");
  });

  test("responsiveness: survival curves per list; switch to months", async () => {
    const { page, watch } = await open("/responsiveness", "svg[aria-label='survival curves'] g[aria-label=line] path");
    await page.getByLabel("month").check();
    await page.waitForFunction(() => location.search.includes("by=month"));
    // The table's first column is named Month and its rows are months once the page has redrawn.
    await waitForText(page.locator(".tg-table thead th"), /^Month/);
    assert.match(await page.locator(".tg-table tbody").first().textContent() ?? "", /2024-0[7-9]/);
    await checkClean(page, watch, "responsiveness");
  });

  test("reviews: matrix, pairs and the cross-subsystem NAK", async () => {
    const { page, watch } = await open("/reviews", "svg[aria-label='review matrix'] rect");
    assert.match(await page.locator("main").textContent() ?? "", /synthetic offload knob/);
    const pairs = page.locator(".tg-table").first();
    const n0 = await pairs.locator("tbody tr").count();
    await page.getByLabel("Only reviewers and authors with different home lists").check();
    await page.waitForFunction(() => location.search.includes("cross=1"));
    await settle(page); // the URL changes before the table is redrawn
    assert.ok((await pairs.locator("tbody tr").count()) <= n0);
    // The colour legend's tick labels do not run into each other.
    const boxes = await page.locator("figure:has(svg[aria-label='review matrix']) svg[class$='-ramp'] text").evaluateAll((ts) =>
      ts.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.left, r.right, r.top, r.bottom]));
    assert.ok(boxes.length >= 3, "legend has a label and tick labels");
    const hit = (a: number[], b: number[]) => a[0] < b[1] - 0.5 && b[0] < a[1] - 0.5 && a[2] < b[3] - 0.5 && b[2] < a[3] - 0.5;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.ok(!hit(boxes[i], boxes[j]), `legend texts overlap: ${JSON.stringify([boxes[i], boxes[j]])}`);
    await checkClean(page, watch, "reviews");
  });

  test("group people by home subsystem / organisation: flow and review matrices, kept in the URL; People columns", async () => {
    const SECTIONS = ["SYNTHETIC CXL REGIONS", "SYNTHETIC NET KNOBS", "SYNTHETIC RDMA CORE"];
    const VERDICTS = ["insufficient mail", "subsystem unknown", "no organisation"];
    const rowsOf = (page: Page, chart: string) => page.locator(`svg[aria-label='${chart}'] g[aria-label='y-axis tick label'] text`).allTextContents();
    for (const [path, chart, param] of [["/across", "reply flow matrix", "fgroup"], ["/reviews", "review matrix", "rgroup"]]) {
      const { page, watch } = await open(path, `svg[aria-label='${chart}'] rect`);
      const lists0 = await rowsOf(page, chart);
      assert.ok(lists0.includes("netdev"), `${path}: rows are home lists at first: ${lists0}`);
      await page.getByRole("radio", { name: "home subsystem" }).check();
      await page.waitForFunction((p) => location.search.includes(`${p}=subsystem`), param);
      await page.waitForFunction((c) => [...document.querySelectorAll(`svg[aria-label='${c}'] g[aria-label='y-axis tick label'] text`)].some((t) => t.textContent?.startsWith("SYNTHETIC")), chart);
      const subs = await rowsOf(page, chart);
      // rows: the synthetic sections, and people without a verdict in rows of their own; no list is a row any more
      assert.ok(subs.filter((r) => SECTIONS.includes(r)).length >= 2, `${path}: section rows ${subs}`);
      assert.deepEqual(subs.filter((r) => !SECTIONS.includes(r) && !VERDICTS.includes(r) && !/^other \(\d+\)$/.test(r)), [], `${path}: only sections and verdicts`);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${path.slice(1)}-by-subsystem-1440.png`), fullPage: true });
      await page.setViewportSize({ width: 1024, height: 900 });
      await page.screenshot({ path: join(SHOTS, `${path.slice(1)}-by-subsystem-1024.png`), fullPage: true });
      await checkClean(page, watch, `${path.slice(1)}-by-subsystem`);
      // organisation, opened from a link: synthetic domains have none (a verdict row, not a bucket); the bot's intel.com does
      const o = await open(`${path}?${param}=organisation`, `svg[aria-label='${chart}'] rect`);
      assert.ok(await o.page.getByRole("radio", { name: "organisation" }).isChecked(), `${path}: the URL chose organisation`);
      const orgs = await rowsOf(o.page, chart);
      assert.ok(orgs.includes("no organisation") && !orgs.includes("netdev"), `${path}: organisation rows ${orgs}`);
      await checkClean(o.page, o.watch, `${path.slice(1)}-by-organisation`);
    }
    // Both columns chosen in the link (the People page shows them on demand).
    const { page, watch } = await open("/people?cols=name,home_subsystem,organisation", ".tg-table tbody tr");
    const headers = await page.locator(".tg-table thead th").allTextContents();
    const col = (name: string) => headers.findIndex((h) => h.includes(name));
    assert.ok(col("Home subsystem") >= 0 && col("Organisation") >= 0, `People columns: ${headers}`);
    const bob = page.locator(".tg-table tbody tr", { hasText: "Bob Brandt" });
    assert.equal((await bob.locator("td").nth(col("Home subsystem")).textContent())?.trim(), "SYNTHETIC CXL REGIONS");
    await checkClean(page, watch, "people-affiliations");
  });

  test("subsystems: the review/NAK matrix crosses sections, the maintainers' load names them", async () => {
    const { page, watch } = await open("/subsystems", "svg[aria-label='subsystem review matrix'] g[aria-label=cell] rect");
    // every cell has room: rows are not squeezed to nothing by the axis margins
    const heights = await page.locator("svg[aria-label='subsystem review matrix'] g[aria-label=cell] rect").evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().height));
    assert.ok(heights.length >= 3 && heights.every((h) => h >= 10), `cell heights ${JSON.stringify(heights)}`);
    const text = await page.locator("main").textContent() ?? "";
    for (const s of ["SYNTHETIC CXL REGIONS", "SYNTHETIC NET KNOBS", "SYNTHETIC RDMA CORE"]) assert.ok(text.includes(s), `page names ${s}`);
    // Erin (home: SYNTHETIC RDMA CORE) NAKed a patch of SYNTHETIC NET KNOBS: an off-diagonal cell with a NAK dot
    assert.ok(await page.locator("svg[aria-label='subsystem review matrix'] circle").count() >= 1, "a NAK dot");
    assert.match(text, /Bob Brandt/);
    await checkClean(page, watch, "subsystems");
  });

  test("organisations: tables and the cross-company chart render (synthetic domains have no organisation)", async () => {
    const { page, watch } = await open("/organisations", "table");
    assert.match(await page.locator("main").textContent() ?? "", /cross-company/i);
    await checkClean(page, watch, "organisations");
  });

  test("thread page names participants' home subsystem", async () => {
    const t = threads.find((x) => x.subject === SHOWCASE_SUBJECT);
    const { page, watch } = await open(`/thread?m=${encodeURIComponent(t.id)}`, "[data-testid=thread-flow] .tg-flow-row circle");
    assert.match(await page.locator("[data-testid=thread-story]").textContent() ?? "", /Home subsystems and organisations: .*SYNTHETIC/);
    assert.match(await page.locator("main").textContent() ?? "", /Home subsystem/);
    await checkClean(page, watch, "thread-affiliations");
  });

  test("dist is self-contained: no URL to another host except lore links and XML namespaces", () => {
    const allowed = new Set(["lore.kernel.org", "www.w3.org"]);
    const hosts = new Map<string, string>();
    const walk = (dir: string) => {
      for (const f of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (/\.(html|js|css)$/.test(f.name)) {
          for (const m of readFileSync(p, "utf8").matchAll(/\bhttps?:\/\/([a-z0-9.-]+)/gi)) if (!allowed.has(m[1].toLowerCase())) hosts.set(m[1], p);
        }
      }
    };
    walk(site.dist);
    assert.deepEqual([...hosts], [], "external hosts referenced by the built site");
  });

  test("meta: the analysis saw the synthetic corpus", () => {
    assert.equal(meta.empty, false);
    assert.deepEqual([...meta.lists].sort(), ["linux-cxl", "linux-rdma", "netdev"]);
  });
});
