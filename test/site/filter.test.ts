// The global filter in Chromium: each page opened with a window (and lists, bots) in the URL shows
// headline figures (data-kpi) equal to `threadgraph stats --json --since --until --lists --no-bots`
// for that filter; a change in the header's filter re-renders them (again equal to stats), goes
// to the URL, and is carried by the nav links; no console errors, nothing leaves loopback.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { syntheticMaintainersFlags, writeSyntheticCorpus } from "./synthetic-corpus.ts";
import { cli } from "./pipeline.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";

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
      await page.waitForSelector("[data-kpi=messages]", { timeout: 20_000 });
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await shownKpis(page), want1, `${path}: figures for ${q}`);
      // The filter form shows the URL's filter.
      assert.equal(await page.locator("[data-testid=filter] input[name=from]").inputValue(), first.from);
      assert.equal(await page.locator("[data-testid=filter] input[name=bots]").isChecked(), false);
      // Change the window in the header: the figures follow, the URL and the nav links carry it.
      await page.locator("[data-testid=filter] input[name=from]").fill(second.from);
      await page.locator("[data-testid=filter] input[name=to]").fill(second.to);
      await page.locator("[data-testid=filter] input[name=to]").dispatchEvent("change");
      await page.waitForFunction((n) => document.querySelector("[data-kpi=messages] .v")?.textContent?.replace(/,/g, "") === String(n),
        want2.messages, { timeout: 10_000 });
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
});
