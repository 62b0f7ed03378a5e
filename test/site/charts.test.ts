// Browser checks of the charts (#11 "Charts that show the cross-list signal"): the graph explorer
// re-lays out the shown subgraph when a filter changes and accepts ?p= by address or name; the
// heatmaps' colour toggle; the Kaplan–Meier bands and numbers at risk; the thread's reply tree;
// flat CSV downloads. Screenshots at 1,440 and 1,024 px go to test-output/site/charts-*.png.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium, PAGE_WAIT_MS, settle, visit, waitForText, type PageWatch } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { graphAtRest, graphPositions } from "./graph-canvas.ts";
import { syntheticMaintainersFlags, writeSyntheticCorpus } from "./synthetic-corpus.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";

describe("charts in Chromium (synthetic corpus through ingest + analyze + build)", { skip }, () => {
  let served: ServedSite;
  let meta: any;
  before(async () => {
    served = await serveCorpusSite("tg-charts-test-", writeSyntheticCorpus, syntheticMaintainersFlags); // the site suite's build: one shared site
    meta = JSON.parse(readFileSync(join(served.store, "site/meta.json"), "utf8"));
  });
  after(async () => { await served?.close(); });

  async function open(path: string, ready: string, width = 1440): Promise<{ page: Page; watch: PageWatch }> {
    const { page, watch } = await served.browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(served.server.url + pageUrl(path), { waitUntil: "load" });
    await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
    await settle(page);
    return { page, watch };
  }
  async function clean(page: Page, watch: PageWatch, name: string) {
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await settle(page);
      await page.screenshot({ path: join(SHOTS, `charts-${name}-${w}.png`), fullPage: true });
    }
    assert.deepEqual(watch.consoleErrors, [], `${name}: console errors`);
    assert.deepEqual(watch.outside, [], `${name}: requests left loopback`);
    assert.equal(await page.locator(".observablehq--error").count(), 0, `${name}: Framework error cell`);
  }
  /** Axis labels of the page's charts whose box overlaps one of the same axis's tick labels. */
  const axisLabelClashes = (page: Page) => page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll("main svg")) for (const axis of ["x", "y"]) {
      const label = svg.querySelector(`g[aria-label='${axis}-axis label'] text`);
      if (!label) continue;
      const b = label.getBoundingClientRect();
      for (const t of svg.querySelectorAll(`g[aria-label='${axis}-axis tick label'] text`)) { const q = t.getBoundingClientRect(); if (b.left < q.right && q.left < b.right && b.top < q.bottom && q.top < b.bottom) out.push(`${label.textContent} / ${t.textContent}`); }
    }
    return out;
  });

  test("graph: a list filter re-lays out the shown people; ?p= takes an address", async () => {
    const { page, watch } = await open("/graph?p=carol@net.example.org", "[data-testid=graph-canvas] canvas");
    await page.waitForFunction(() => /Showing [1-9]/.test(document.querySelector("[data-testid=graph-status]")?.textContent ?? ""));
    const panel = page.locator("[data-testid=graph-panel]");
    assert.match(await panel.textContent() ?? "", /Carol Chen/, "?p=<address> selects the person");
    // Metrics with context, not raw numbers; the neighbours are listed.
    assert.match(await panel.textContent() ?? "", /PageRank.*rank \d+ of \d+ \(top \d+%\)/);
    assert.doesNotMatch(await panel.textContent() ?? "", /\de-\d/);
    assert.ok(await page.locator("[data-testid=graph-neighbours] li").count() > 0, "neighbours listed");
    assert.equal(await page.locator("[data-testid=graph-canvas]").getAttribute("data-layout"), "precomputed");
    const before = await graphPositions(page);
    await page.locator("[data-testid=filter]").getByRole("checkbox", { name: "linux-cxl" }).uncheck();
    await page.waitForFunction(() => document.querySelector("[data-testid=graph-canvas]")?.getAttribute("data-layout") === "done", null, { timeout: PAGE_WAIT_MS });
    await graphAtRest(page); // the camera reset after the re-layout, and the labels drawn once it stops
    const after = await graphPositions(page);
    const moved = after.filter(([i, x, y]) => { const b = before.find((p) => p[0] === i)!; return Math.hypot(x - b[1], y - b[2]) > 1e-6; });
    assert.ok(moved.length > 0, "positions changed after the filter change");
    assert.ok(after.every(([, x, y]) => Number.isFinite(x) && Number.isFinite(y)), "no NaN positions");
    // The selected person stays in view (the new layout is fitted to where the shown people were).
    const carol = await page.evaluate(() => new URL(location.href).searchParams.get("p"));
    assert.equal(carol, "carol@net.example.org");
    // Every shown person is in the canvas, and they spread over it (not a blob where the old
    // layout's hidden people set the frame).
    const view = await page.evaluate(() => {
      const c = document.querySelector("[data-testid=graph-canvas]") as any;
      const pts = c.tgPositions().map(([i]: [number]) => c.tgViewport(i)).filter(Boolean) as { x: number; y: number }[];
      return { pts, size: c.tgSize() };
    });
    const shown = Number((await page.locator("[data-testid=graph-status]").textContent())!.match(/Showing (\d+) people/)![1]);
    assert.equal(view.pts.length, shown);
    const { width: W, height: Hh } = view.size;
    assert.ok(view.pts.every((p) => p.x >= 0 && p.y >= 0 && p.x <= W && p.y <= Hh), `all shown people in view: ${JSON.stringify(view.pts)}`);
    const span = Math.max(Math.max(...view.pts.map((p) => p.x)) - Math.min(...view.pts.map((p) => p.x)), Math.max(...view.pts.map((p) => p.y)) - Math.min(...view.pts.map((p) => p.y)));
    assert.ok(span > 0.3 * Math.min(W, Hh), `the shown people spread over the canvas (${Math.round(span)} px of ${W}×${Hh})`);
    // And the names are drawn: sigma writes labels on a 2D canvas, whose pixels can be read.
    const inked = await page.evaluate(() => {
      const c = document.querySelector("[data-testid=graph-canvas] canvas.sigma-labels") as HTMLCanvasElement;
      const px = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 3; k < px.length; k += 4) if (px[k] > 0) n++;
      return n;
    });
    assert.ok(inked > 200, `labels drawn after the re-layout (${inked} inked pixels)`);
    await clean(page, watch, "graph");
  });

  test("graph: ?p= takes a name (any case)", async () => {
    const { page, watch } = await open("/graph?p=grace%20gold", "[data-testid=graph-canvas] canvas");
    await page.waitForFunction(() => /Grace Gold/.test(document.querySelector("[data-testid=graph-panel]")?.textContent ?? ""), null, { timeout: PAGE_WAIT_MS });
    await clean(page, watch, "graph-name");
  });

  test("heatmaps: the colour toggle switches scale and the legend says which", async () => {
    const { page, watch } = await open("/across", "svg[aria-label='reply flow matrix']");
    const legend = () => page.locator("main").textContent();
    assert.match(await legend() ?? "", /square-root scale/);
    await page.getByLabel("share of each row").first().check();
    await page.waitForFunction(() => location.search.includes("fscale=row"));
    await waitForText(page.locator("main"), /share of each row's total/);
    await clean(page, watch, "across");
    const r = await open("/reviews?rscale=log", "svg[aria-label='review matrix']");
    assert.match(await r.page.locator("main").textContent() ?? "", /log scale/);
    await clean(r.page, r.watch, "reviews");
  });

  test("responsiveness: confidence bands and numbers at risk", async () => {
    const { page, watch } = await open("/responsiveness", "[data-testid=at-risk]");
    assert.ok(await page.locator("svg[aria-label='survival curves'] g[aria-label=area] path").count() > 0, "bands drawn");
    const first = await page.locator("[data-testid=at-risk] tbody tr").first().locator("td").allTextContents();
    assert.ok(Number(first[1].replace(/,/g, "")) > 0, `n per curve: ${first}`);
    // Who answers first: a count axis has whole-number ticks (not 0.1 … 1.0), here and in a one-week window.
    for (const q of ["", `?from=${new Date(meta.window.start).toISOString().slice(0, 10)}&to=${new Date(meta.window.start + 7 * 86_400_000).toISOString().slice(0, 10)}`]) {
      if (q) await visit(page, served.server.url + pageUrl(`/responsiveness${q}`));
      const ticks = await page.locator("svg:has(g[aria-label='x-axis label'] text:text-matches('replied first')) g[aria-label='x-axis tick label'] text").allTextContents();
      assert.ok(ticks.length > 0, `first-responder chart ${q}`);
      assert.deepEqual(ticks.filter((t) => !/^[\d,]+$/.test(t)), [], `whole-number ticks ${q}`);
    }
    await clean(page, watch, "responsiveness");
  });

  test("overview: per-list scales give one chart per list", async () => {
    const { page, watch } = await open("/?scale=per-list", "[aria-label='weekly activity chart'] svg");
    assert.equal(await page.locator("[aria-label='weekly activity chart'] > svg, [aria-label='weekly activity chart'] > figure").count(), meta.lists.length);
    await clean(page, watch, "overview");
  });

  test("a window with no mail: each chart says so instead of drawing an empty (NaN) axis", async () => {
    for (const [path, ready, notes] of [["/", "[data-kpi=messages]", 2], ["/series", "[data-kpi=series]", 1], ["/responsiveness", "[data-kpi=messages]", 1]] as const) {
      const { page, watch } = await open(`${path}?from=2099-01-01&to=2099-01-08`, ready);
      assert.equal(await page.locator("[data-kpi=messages] .v, [data-kpi=series] .v").first().textContent(), "0", `${path}: the window holds no mail`);
      assert.equal(await page.locator("[data-testid=none-in-filter]").count(), notes, `${path}: a note per chart left without data`);
      const axes = await page.locator("main svg text").allTextContents();
      assert.deepEqual(axes.filter((t) => /NaN|\d\.0{6}/.test(t)), [], `${path}: no NaN or 0.000000 tick`);
      await clean(page, watch, `nomail-${path.slice(1) || "index"}`);
    }
  });

  test("overview: partial weeks are full-height bands in the new/returning chart too", async () => {
    const DAY = 86_400_000, iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const d0 = Math.floor(meta.window.start / DAY) * DAY;
    const { page, watch } = await open(`/?from=${iso(d0 + DAY)}&to=${iso(d0 + 10 * DAY)}`, "[data-testid=new-returning-note]");
    // The chart is the plot with an area mark in the note's cell.
    const geo = await page.locator("[data-testid=new-returning-note]").evaluate((note) => {
      const svg = [...note.parentElement!.querySelectorAll("svg")].find((s) => s.querySelector("g[aria-label=area]"))!;
      return {
        bottom: Number(svg.querySelector("g[aria-label=rule] line")!.getAttribute("y1")),
        bands: [...svg.querySelectorAll("g[aria-label=rect] rect")].map((r) => [Number(r.getAttribute("y")), Number(r.getAttribute("height"))]),
      };
    });
    assert.ok(geo.bands.length >= 1, "a 9-day window has a partial week");
    for (const [y, h] of geo.bands) {
      assert.ok(Math.abs(y + h - geo.bottom) < 1.5, `band ends on the x axis: ${y}+${h} vs ${geo.bottom}`);
      assert.ok(y <= 30, `band spans the frame from the top, not up to a data value: y=${y}`);
    }
    // The "Week →" label clears the two-line date ticks ("DecWeek →" on the last tick before), at both widths.
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await settle(page);
      assert.deepEqual(await axisLabelClashes(page), [], `${w} px: axis label over a tick`);
    }
    await clean(page, watch, "overview-partial");
  });

  test("person: monthly chart with partial months marked", async () => {
    const people = JSON.parse(readFileSync(join(served!.store, "site/people.json"), "utf8")).rows;
    const { page, watch } = await open(`/person?e=${encodeURIComponent(people[0].id)}`, "svg[aria-label='person activity chart'], [aria-label='person activity chart']");
    assert.match(await page.locator("[data-testid=partial-months]").textContent() ?? "", /partial months \(\d{4}-\d\d: \d+ of \d+ days/);
    await clean(page, watch, "person");
  });

  test("thread: reply tree with who-answered-whom tooltips; CSV is flat", async () => {
    const threads = JSON.parse(readFileSync(join(served!.store, "site/threads.json"), "utf8")).rows;
    const { page, watch } = await open(`/thread?m=${encodeURIComponent(threads[0].id)}`, "[data-testid=thread-flow] svg");
    // No filter: no note; a window in the URL: the page says it shows the whole thread, not the window.
    assert.equal(await page.locator("[data-testid=not-filtered]:visible").count(), 0, "no note without a filter");
    const windowed = await open(`/thread?m=${encodeURIComponent(threads[0].id)}&from=2099-01-01&to=2099-02-01`, "[data-testid=thread-flow] svg");
    assert.match(await windowed.page.locator("[data-testid=not-filtered]:visible").textContent() ?? "", /whole thread.*all shipped data/, "under a filter the thread page says it is not filtered");
    await windowed.page.close();
    const titles = await page.locator("[data-testid=thread-flow] .tg-flow-row title").allTextContents();
    assert.ok(titles.some((t) => / answered .+ after /.test(t)), titles.slice(0, 3).join(" | "));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".tg-table").last().getByText("Download CSV").click()]);
    const csv = readFileSync(await download.path(), "utf8");
    assert.match(csv.split("\n")[0], /\(hours\)/, "durations in hours");
    assert.match(csv, /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/, "ISO dates");
    assert.doesNotMatch(csv, /[{}]/, "no JSON");
    await clean(page, watch, "thread");
  });
});
