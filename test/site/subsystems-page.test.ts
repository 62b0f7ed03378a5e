// Browser checks of the Subsystems and Organisations pages (#11 "Every page and every figure follows
// the global filter"): with ?from=&to=&lists= their headline figures change with the window and
// equal a hand count over the synthetic corpus; over all data they equal the loader's figures
// (subsystems.json, organisations.json); a filter change in the header re-renders them without a
// reload; no console errors, no outside requests. Screenshots at 1,440 and 1,024 px go to
// test-output/site/affil-*.png.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium, PAGE_WAIT_MS, settle, type PageWatch } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { syntheticCorpus, syntheticMaintainersFlags, writeSyntheticCorpus } from "./synthetic-corpus.ts";
import { writeHostileCorpus } from "./hostile-corpus.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
import { serveCorpusData } from "./store-data-site.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";

/** Hand count over the generated corpus: patches (not covers) and their senders in a window on some lists. */
function handCount(from: string | null, to: string | null, lists: string[] | null) {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const kept = syntheticCorpus().filter((m) => (!from || m.date >= day(from)) && (!to || m.date < day(to)) && (!lists || m.lists.some((l) => lists.includes(l))));
  const patches = kept.filter((m) => /^\[PATCH/.test(m.subject) && !/ 0\/\d+\]/.test(m.subject));
  return { patches: patches.length, mapped: patches.filter((m) => m.body.includes("diff --git")).length, people: new Set(kept.filter((m) => m.from !== "bot").map((m) => m.from)).size };
}

describe("Subsystems and Organisations pages follow the filter (synthetic corpus with a synthetic MAINTAINERS)", { skip }, () => {
  let served: ServedSite;
  before(async () => {
    served = await serveCorpusSite("tg-affil-test-", writeSyntheticCorpus, syntheticMaintainersFlags); // the charts/site suites' build: one shared site
  });
  after(async () => { await served?.close(); });
  const site = (name: string) => JSON.parse(readFileSync(join(served.store, "site", name), "utf8"));

  async function open(path: string, ready: string): Promise<{ page: Page; watch: PageWatch }> {
    const { page, watch } = await served.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(served.server.url + pageUrl(path), { waitUntil: "load" });
    await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
    await settle(page);
    return { page, watch };
  }
  const kpi = async (page: Page, name: string) => (await page.locator(`[data-kpi=${name}] .v`).textContent())?.trim() ?? "";
  const num = async (page: Page, name: string) => Number((await kpi(page, name)).replace(/[^\d]/g, ""));
  async function clean(page: Page, watch: PageWatch, name: string) {
    for (const w of [1440, 1024]) {
      await page.setViewportSize({ width: w, height: 900 });
      await settle(page);
      await page.screenshot({ path: join(SHOTS, `affil-${name}-${w}.png`), fullPage: true });
    }
    assert.deepEqual(watch.consoleErrors, [], `${name}: console errors`);
    assert.deepEqual(watch.outside, [], `${name}: requests left loopback`);
    assert.equal(await page.locator(".observablehq--error").count(), 0, `${name}: Framework error cell`);
    assert.equal(await page.locator("[data-testid=not-filtered]:visible").count(), 0, `${name}: no "covers all data" notice`);
    await page.close();
  }

  /** Pairs of names in the maintainers' load scatter whose text boxes overlap (they were drawn over each other). */
  const overlappingLabels = (page: Page) => page.locator("svg[aria-label='maintainers load']").evaluate((svg) => {
    const boxes = [...svg.querySelectorAll("g[aria-label=text] text")].map((t) => ({ name: t.textContent, b: (t as SVGGraphicsElement).getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [p, q] = [boxes[i].b, boxes[j].b];
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(`${boxes[i].name} / ${boxes[j].name}`);
    }
    return out;
  });

  test("Subsystems: over all data the loader's figures; under a window a hand count, and the figures change", async () => {
    const all = await open("/subsystems", "[data-kpi=patches]");
    const sub = site("subsystems.json");
    assert.equal(await num(all.page, "patches"), sub.patches);
    assert.equal(await num(all.page, "mapped"), sub.mapped);
    assert.equal(await num(all.page, "matrix_reviews"), sub.matrix.cells.reduce((s: number, c: any) => s + c.reviews + c.naks, 0));
    const h = handCount(null, null, null);
    assert.deepEqual([sub.patches, sub.mapped], [h.patches, h.mapped], "the loader counts what the corpus holds");
    assert.deepEqual(await overlappingLabels(all.page), [], "maintainers' names drawn over each other");
    await clean(all.page, all.watch, "subsystems-all");
    const windows: [string, string, string][] = [["2024-07-01", "2024-07-04", "linux-cxl"], ["2024-07-05", "2024-12-31", "linux-rdma"], ["2024-07-01", "2024-12-31", "netdev"]];
    const seen = new Set<string>();
    for (const [from, to, list] of windows) {
      const w = await open(`/subsystems?from=${from}&to=${to}&lists=${list}`, "[data-kpi=patches]");
      const want = handCount(from, to, [list]);
      const got = { patches: await num(w.page, "patches"), mapped: await num(w.page, "mapped") };
      assert.deepEqual(got, { patches: want.patches, mapped: want.mapped }, `${from}..${to} ${list}`);
      seen.add(JSON.stringify(got));
      const rows = await w.page.locator("table").first().locator("tbody tr td:first-child").allTextContents();
      assert.ok(rows.every((l) => l.trim() === list), `sections per list: only ${list}: ${rows}`);
      if (await w.page.locator("svg[aria-label='maintainers load']").count()) {
        assert.deepEqual(await overlappingLabels(w.page), [], `${from}..${to} ${list}: names over each other`);
        const ticks = await w.page.locator("svg[aria-label='maintainers load'] g[aria-label$='tick label'] text").allTextContents();
        assert.deepEqual(ticks.filter((t) => !/^[\d,]+$/.test(t)), [], `${from}..${to} ${list}: counts get whole-number ticks`);
      }
      await clean(w.page, w.watch, `subsystems-${list}`);
    }
    assert.ok(seen.size >= 2, `the figures change with the window: ${[...seen]}`);
  });

  test("Subsystems: a list unchecked in the header re-renders the figures without a reload", async () => {
    const { page, watch } = await open("/subsystems", "svg[aria-label='subsystem review matrix']");
    const before = await num(page, "patches");
    await page.evaluate(() => { (window as any).__sameDocument = true; });
    await page.locator("[data-testid=filter]").getByRole("checkbox", { name: "linux-cxl" }).uncheck();
    const want = handCount(null, null, ["netdev", "linux-rdma"]).patches;
    await page.waitForFunction((n) => document.querySelector("[data-kpi=patches] .v")?.textContent?.replace(/\D/g, "") === String(n), want, { timeout: PAGE_WAIT_MS });
    assert.ok(want < before);
    assert.equal(await page.evaluate(() => (window as any).__sameDocument), true, "no reload");
    await clean(page, watch, "subsystems-unchecked");
  });

  test("Organisations: over all data the loader's figures; under a window the active people of a hand count", async () => {
    const all = await open("/organisations", "[data-kpi=people_with_org]");
    const org = site("organisations.json");
    assert.equal(await kpi(all.page, "people_with_org"), `${org.people_with_org} of ${org.people}`);
    assert.equal(await num(all.page, "org_reviews"), org.monthly.reduce((s: number, m: any) => s + m.reviews, 0));
    assert.equal(org.people, handCount(null, null, null).people);
    await clean(all.page, all.watch, "organisations-all");
    const w = await open("/organisations?from=2024-07-01&to=2024-07-04&lists=linux-cxl", "[data-kpi=people_with_org]");
    const want = handCount("2024-07-01", "2024-07-04", ["linux-cxl"]).people;
    assert.match(await kpi(w.page, "people_with_org"), new RegExp(` of ${want}$`));
    assert.ok(want < org.people);
    await clean(w.page, w.watch, "organisations-window");
  });
});

describe("without MAINTAINERS (the hostile corpus's site): Subsystems says how to add one, Organisations still follows the filter", { skip }, () => {
  let served: ServedSite;
  before(async () => { served = await serveCorpusData("tg-affil-hostile-", writeHostileCorpus); }); // on the site suite's build, as the hostile suite
  after(async () => { await served?.close(); });

  test("Subsystems: the notice with the --maintainers hint; Organisations: figures under a window, as text", async () => {
    for (const [path, ready] of [["/subsystems?from=2024-07-01&to=2024-08-01", "[data-testid=no-maintainers]"], ["/organisations?from=2024-07-01&to=2024-08-01", "[data-kpi=people_with_org]"]]) {
      const { page, watch } = await served.browser.newPage();
      await page.goto(served.server.url + pageUrl(path), { waitUntil: "load" });
      await page.waitForSelector(ready, { timeout: PAGE_WAIT_MS, state: "attached" });
      await settle(page);
      if (path.startsWith("/subsystems")) assert.match(await page.locator("[data-testid=no-maintainers]").textContent() ?? "", /--maintainers/);
      assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
      assert.deepEqual(watch.outside, [], `${path}: requests left loopback`);
      assert.equal(await page.locator(".observablehq--error").count(), 0);
      assert.deepEqual(watch.dialogs, [], `${path}: no injected script ran (dialogs)`);
      await page.screenshot({ path: join(SHOTS, `affil-hostile-${path.slice(1, 5)}.png`), fullPage: true });
      await page.close();
    }
  });
});
