// The global filter in Chromium: each page opened with a window (and lists, bots) in the URL shows
// headline figures (data-kpi) equal to `threadgraph stats --json --since --until --lists --no-bots`
// for that filter; a change in the header's filter re-renders them (again equal to stats), goes
// to the URL, and is carried by the nav links; no console errors, nothing leaves loopback.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium, PAGE_WAIT_MS, settle } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { graphAtRest, graphPositions, layoutRuns } from "./graph-canvas.ts";
import { syntheticMaintainersFlags, writeSyntheticCorpus } from "./synthetic-corpus.ts";
import { cli } from "./pipeline.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
// @ts-expect-error plain browser JS module without types
import { decodeFacts, keepRows, messagesPerPerson } from "../../src/components/facts.js";
// @ts-expect-error plain browser JS module without types
import { bridgeRows } from "../../src/components/bridging.js";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";
const PAGES = ["/", "/threads", "/people", "/across", "/responsiveness", "/reviews"];
const KPIS = ["messages", "threads", "people", "reviews", "naks"] as const;
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

interface Filter { from: string; to: string; lists?: string[]; bots?: boolean }

function statsFor(store: string, f: Filter): Record<string, number> {
  const args = ["stats", "--store", store, "--json", "--since", f.from, "--until", f.to,
    ...(f.lists ? ["--lists", f.lists.join(",")] : []), ...(f.bots === false ? ["--no-bots"] : [])];
  const w = JSON.parse(cli(args)).window;
  return Object.fromEntries(KPIS.map((k) => [k, w[k]]));
}

async function shownKpis(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of KPIS) out[k] = Number((await page.locator(`[data-kpi=${k}] .v`).first().textContent())?.replace(/,/g, ""));
  return out;
}

describe("global filter in Chromium (synthetic corpus through ingest + analyze + build)", { skip }, () => {
  let served: ServedSite | undefined;
  let meta: any;
  before(async () => {
    served = await serveCorpusSite("tg-filter-test-", writeSyntheticCorpus, syntheticMaintainersFlags); // the site suite's build: one shared site
    meta = JSON.parse(readFileSync(join(served.store, "site/meta.json"), "utf8"));
  });
  after(async () => {
    await served?.close();
  });

  test("each page: the window in the URL gives stats' figures; a change in the header re-renders them", { timeout: 240_000 }, async () => {
    const { server, browser, store } = served!;
    const d0 = Math.floor(meta.window.start / DAY) * DAY;
    // Cuts inside the data: the second day to a week later, lists and bots narrowed; then a wider window.
    const first: Filter = { from: iso(d0 + DAY), to: iso(d0 + 8 * DAY), lists: ["netdev", "linux-rdma"], bots: false };
    const second: Filter = { from: iso(d0), to: iso(d0 + 3 * DAY), lists: ["netdev", "linux-rdma"], bots: false };
    const want1 = statsFor(store, first), want2 = statsFor(store, second);
    assert.notDeepEqual(want1, want2, "the two windows must differ, or the re-render check proves nothing");
    assert.ok(want1.messages > 0 && want2.messages > 0);
    for (const path of PAGES) {
      const { page, watch } = await browser.newPage();
      const q = `?from=${first.from}&to=${first.to}&lists=${first.lists!.join(",")}&bots=0`;
      await page.goto(server.url + pageUrl(path + q), { waitUntil: "load" });
      await page.waitForSelector("[data-kpi=messages]", { timeout: PAGE_WAIT_MS });
      await settle(page);
      assert.deepEqual(await shownKpis(page), want1, `${path}: figures for ${q}`);
      // The filter form shows the URL's filter.
      assert.equal(await page.locator("[data-testid=filter] input[name=from]").inputValue(), first.from);
      assert.equal(await page.locator("[data-testid=filter] input[name=bots]").isChecked(), false);
      // Change the window in the header: the figures follow, the URL and the nav links carry it.
      await page.locator("[data-testid=filter] input[name=from]").fill(second.from);
      await page.locator("[data-testid=filter] input[name=to]").fill(second.to);
      await page.locator("[data-testid=filter] input[name=to]").dispatchEvent("change");
      await page.waitForFunction((n) => document.querySelector("[data-kpi=messages] .v")?.textContent?.replace(/,/g, "") === String(n),
        want2.messages, { timeout: PAGE_WAIT_MS });
      assert.deepEqual(await shownKpis(page), want2, `${path}: figures after the change`);
      const url = new URL(page.url());
      assert.deepEqual([url.searchParams.get("from"), url.searchParams.get("to"), url.searchParams.get("bots")], [second.from, second.to, "0"]);
      const nav = await page.locator("#observablehq-sidebar a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      assert.ok(nav.length >= 5, "sidebar links");
      for (const href of nav) assert.match(href, new RegExp(`from=${second.from}.*to=${second.to}`), `nav link ${href} carries the filter`);
      await page.screenshot({ path: join(SHOTS, `filter-${path.replace("/", "") || "index"}.png`), fullPage: true });
      assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(watch.outside, [], `${path}: requests left loopback`);
      assert.equal(await page.locator(".observablehq--error").count(), 0, `${path}: Framework error cell`);
      await page.close();
    }
  });

  // What the fact tables say for a filter, in Node: the people who sent a kept message (by id), the bridges.
  function factsFor(f: Filter) {
    const site = (n: string) => JSON.parse(readFileSync(join(served!.store, "site", n), "utf8"));
    const facts = decodeFacts(site("facts.json"));
    const { name, id } = site("facts-people.json");
    const filter = { from: f.from ?? null, to: f.to ?? null, lists: f.lists ?? null, bots: f.bots !== false };
    const keep = keepRows(facts, filter).keep;
    const sent = messagesPerPerson(facts, keep);
    const active = new Set<string>(id.filter((_: string, p: number) => sent[p] > 0));
    const bridges = bridgeRows(facts, keep, filter.lists, name.map((n: string, k: number) => ({ name: n, id: id[k] })));
    const sentBy = new Map<string, number>(id.map((x: string, p: number) => [x, sent[p]]));
    return { active, bridges, sentBy };
  }
  const shownIds = (page: Page, graph: any) => page.evaluate(() => {
    const c = document.querySelector("[data-testid=graph-canvas]") as any;
    return c.tgPositions().map(([i]: [number]) => i).filter((i: number) => c.tgViewport(i) !== null) as number[];
  }).then((idx) => idx.map((i) => graph.nodes[i].id as string));

  test("graph page: the header's filter decides who is shown; a change re-lays out the graph", { timeout: 120_000 }, async () => {
    const { server, browser, store } = served!;
    const graph = JSON.parse(readFileSync(join(store, "site/graph.json"), "utf8"));
    const d0 = Math.floor(meta.window.start / DAY) * DAY;
    // One day of the synthetic corpus (a netdev patch, its review and NAK), then a wider window.
    const first: Filter = { from: iso(d0 + 4 * DAY), to: iso(d0 + 5 * DAY), lists: ["netdev", "linux-rdma"] };
    const { page, watch } = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url + pageUrl(`/graph?from=${first.from}&to=${first.to}&lists=${first.lists!.join(",")}&p=carol@net.example.org`), { waitUntil: "load" });
    await page.waitForSelector("[data-testid=graph-canvas] canvas", { timeout: PAGE_WAIT_MS, state: "attached" });
    await page.waitForFunction(() => /Showing [1-9]/.test(document.querySelector("[data-testid=graph-status]")?.textContent ?? ""));
    // The page has no window, list or bot controls of its own any more: the header's filter shows the URL's.
    assert.equal(await page.locator("form:not([data-testid=filter])").getByRole("checkbox", { name: "netdev" }).count(), 0);
    assert.equal(await page.locator("[data-testid=filter] input[name=from]").inputValue(), first.from);
    const { active: want, sentBy } = factsFor(first);
    // The side panel: the filter's messages, the window's metrics bucket.
    const panel = page.locator("[data-testid=graph-panel]");
    await page.waitForFunction(() => /graph metrics: \d{4}-Q\d/.test(document.querySelector("[data-testid=graph-panel]")?.textContent ?? ""), null, { timeout: PAGE_WAIT_MS });
    assert.match(await panel.textContent() ?? "", new RegExp(`messages in the filter${sentBy.get("carol@net.example.org")} · rank`));
    assert.match(await panel.textContent() ?? "", /PageRankrank \d+ of \d+/);
    const shown = await shownIds(page, graph);
    assert.ok(shown.length > 0);
    for (const id of shown) assert.ok(want.has(id), `${id} is shown but sent nothing in ${first.from}..${first.to} on ${first.lists}`);
    const everyone = graph.nodes.filter((n: any) => n.degree > 0).length;
    assert.ok(shown.length < everyone, `the window hides people (${shown.length} of ${everyone})`);
    // The window sits in one quarter: the page says which metrics bucket it shows.
    assert.match(await page.locator("[data-testid=graph-bucket]").textContent() ?? "", /graph metrics: \d{4}-Q\d/);
    // A header change re-lays out the shown people.
    await page.waitForFunction(() => document.querySelector("[data-testid=graph-canvas]")?.getAttribute("data-layout") === "done", null, { timeout: PAGE_WAIT_MS });
    await graphAtRest(page);
    const runs = await layoutRuns(page);
    const before = await graphPositions(page);
    await page.locator("[data-testid=filter] input[name=to]").fill(iso(d0 + 60 * DAY));
    await page.locator("[data-testid=filter] input[name=to]").dispatchEvent("change");
    await page.waitForFunction((n) => Number(document.querySelector("[data-testid=graph-canvas]")?.getAttribute("data-layout-runs")) > n, runs, { timeout: PAGE_WAIT_MS });
    await graphAtRest(page);
    const after = await graphPositions(page);
    assert.ok(after.some(([i, x, y]) => { const b = before.find((p) => p[0] === i)!; return Math.hypot(x - b[1], y - b[2]) > 1e-6; }), "positions changed");
    const wider = factsFor({ ...first, to: iso(d0 + 60 * DAY) }).active;
    const shown2 = await shownIds(page, graph);
    assert.ok(shown2.length > shown.length, "a wider window shows more people");
    for (const id of shown2) assert.ok(wider.has(id), `${id} shown after the change`);
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await settle(page);
      await page.screenshot({ path: join(SHOTS, `filter-graph-${w}.png`), fullPage: true });
    }
    assert.deepEqual(watch.consoleErrors, [], "graph: console errors");
    assert.deepEqual(watch.outside, [], "graph: requests left loopback");
    assert.equal(await page.locator(".observablehq--error").count(), 0, "graph: Framework error cell");
    await page.close();
  });

  test("across page: the bridges table follows the window", { timeout: 120_000 }, async () => {
    const { server, browser } = served!;
    const d0 = Math.floor(meta.window.start / DAY) * DAY;
    const narrow: Filter = { from: iso(d0), to: iso(d0 + 4 * DAY) };
    // The table's row count and the names on its first page, against the fact tables' bridges.
    const table = async (page: Page) => ({
      count: Number((await page.locator("[data-testid=bridges] .tg-table-tools .tg-note").textContent())!.match(/^([\d,]+) rows/)![1].replace(/,/g, "")),
      names: await page.locator("[data-testid=bridges] tbody tr td:first-child").allTextContents(),
    });
    const check = (got: { count: number; names: string[] }, want: string[], what: string) => {
      assert.equal(got.count, want.length, `${what}: rows`);
      for (const n of got.names) assert.ok(want.includes(n), `${what}: ${n} is not a bridge candidate`);
    };
    const { page, watch } = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url + pageUrl(`/across?allmulti=1`), { waitUntil: "load" });
    await page.waitForSelector("[data-testid=bridges] tbody tr", { timeout: PAGE_WAIT_MS });
    const wantAll = factsFor({} as Filter).bridges.map((r: any) => r.name);
    const wantNarrow = factsFor(narrow).bridges.map((r: any) => r.name);
    assert.notEqual(wantNarrow.length, wantAll.length, "the windows must differ, or the check proves nothing");
    check(await table(page), wantAll, "all data");
    await page.locator("[data-testid=filter] input[name=from]").fill(narrow.from);
    await page.locator("[data-testid=filter] input[name=to]").fill(narrow.to);
    await page.locator("[data-testid=filter] input[name=to]").dispatchEvent("change");
    await page.waitForFunction((n) => document.querySelector("[data-testid=bridges] .tg-table-tools .tg-note")?.textContent?.startsWith(`${n} rows`),
      wantNarrow.length.toLocaleString("en-US"), { timeout: PAGE_WAIT_MS });
    check(await table(page), wantNarrow, "narrow window");
    await page.screenshot({ path: join(SHOTS, "filter-across-bridges.png"), fullPage: true });
    assert.deepEqual(watch.consoleErrors, [], "across: console errors");
    assert.deepEqual(watch.outside, [], "across: requests left loopback");
    await page.close();
  });
});
