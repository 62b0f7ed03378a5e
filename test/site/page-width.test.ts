// The wide tables (People: 20 columns; Series) fit a 1,024 px window with the sidebar open: no
// sideways scrolling of the page nor of any table box, at 1,024 and 1,440 px, with and without a
// window; nor on the other pages, nor a thread's discussion tree, at 1,024 px. Every People column stays one click away (the column chooser, kept in ?cols=), and a
// filtered People page loads only the files its shown columns need (no people.json; the reply
// minutes and graph buckets once a column reads them). Synthetic corpus (the site suite's build).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { haveChromium, visit } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { writeSyntheticCorpus, syntheticMaintainersFlags } from "./synthetic-corpus.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
// @ts-expect-error plain browser JS module without types
import { PEOPLE_COLUMNS, DEFAULT_COLUMNS } from "../../src/components/people-columns.js";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";
const WINDOW = "from=2024-07-05&to=2024-07-20";

describe("wide tables fit the window; People columns on demand", { skip }, () => {
  let served: ServedSite | undefined;
  before(async () => { served = await serveCorpusSite("tg-site-test-", writeSyntheticCorpus, syntheticMaintainersFlags); });
  after(async () => { await served?.close(); });

  async function open(path: string, width: number, ready: string) {
    const { page, watch } = await served!.browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.setViewportSize({ width, height: 900 });
    await visit(page, served!.server.url + pageUrl(path));
    await page.waitForSelector(ready, { state: "attached", timeout: 30_000 });
    return { page, watch, requests };
  }

  /** Widths of the page and of every table box that is wider than its room. */
  const overflow = (page: Page) => page.evaluate(`(() => {
    const d = document.documentElement, out = [];
    if (d.scrollWidth > d.clientWidth) out.push("page " + d.scrollWidth + " > " + d.clientWidth);
    document.querySelectorAll(".tg-table, [data-testid=thread-flow]").forEach((t, i) => { if (t.scrollWidth > t.clientWidth) out.push((t.className || "box") + " " + i + " " + t.scrollWidth + " > " + t.clientWidth); });
    return out;
  })()`) as Promise<string[]>;

  for (const width of [1024, 1440]) {
    for (const path of ["/people", `/people?${WINDOW}`, "/series", `/series?${WINDOW}`]) {
      test(`${path} at ${width} px: no sideways scrolling`, async () => {
        const { page, watch } = await open(path, width, ".tg-table tbody tr");
        // The narrowest case: the sidebar open beside the page (Framework's default at these widths).
        assert.ok(Number(await page.evaluate("document.querySelector('main').getBoundingClientRect().left")) > 200, "the sidebar is open");
        assert.deepEqual(await overflow(page), [], `${path} at ${width} px`);
        assert.deepEqual(watch.consoleErrors, []);
        await page.screenshot({ path: join(SHOTS, `width-${path.slice(1, 7)}${path.includes("?") ? "-window" : ""}-${width}.png`), fullPage: true });
        await page.close();
      });
    }
  }

  test("every other page at 1,024 px, and a thread's discussion tree: no sideways scrolling", async () => {
    const threads = JSON.parse(readFileSync(join(served!.store, "site/threads.json"), "utf8")).rows;
    const big = threads.reduce((a: any, b: any) => (b.messages > a.messages ? b : a));
    for (const path of ["/", "/across", "/threads", "/responsiveness", "/reviews", "/subsystems", "/organisations", `/threads?${WINDOW}`, `/reviews?${WINDOW}`,
      `/thread?m=${encodeURIComponent(big.id)}`]) {
      const { page } = await open(path, 1024, "main h1");
      assert.deepEqual(await overflow(page), [], path);
      await page.close();
    }
  });

  test("People: every column can be shown; headers carry their full name; the choice is in the link", async () => {
    const { page } = await open("/people", 1024, ".tg-table tbody tr");
    const heads = () => page.locator(".tg-table thead th").allTextContents();
    assert.equal((await heads()).length, DEFAULT_COLUMNS.length);
    const chooser = page.locator("[data-testid=people-columns]");
    await chooser.locator("summary").click();
    assert.equal(await chooser.locator("input[type=checkbox]").count(), PEOPLE_COLUMNS.length, "a box per column");
    await chooser.getByLabel("Email", { exact: true }).check();
    await page.waitForFunction(() => /[?&]cols=[^&]*email/.test(location.search));
    // The URL changes at once; Framework redraws the table a moment later.
    await page.waitForFunction(() => [...document.querySelectorAll(".tg-table thead th")].some((th) => th.textContent?.startsWith("Email")));
    const titles = await page.locator(".tg-table thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("title") ?? ""));
    assert.ok(titles.some((t) => t.startsWith("Threads started")), `full names in the tooltips: ${titles}`);
    await page.close();
    const all = PEOPLE_COLUMNS.map((c: { key: string }) => c.key).join(",");
    const every = await open(`/people?cols=${all}&${WINDOW}`, 1024, ".tg-table tbody tr");
    assert.equal((await every.page.locator(".tg-table thead th").count()), PEOPLE_COLUMNS.length, "all columns at once");
    assert.ok(every.requests.some((p) => p.includes("facts-reply-times")) && every.requests.some((p) => p.includes("graph-buckets")));
    await every.page.close();
  });

  test("People under a window loads no people.json, and the reply minutes and graph buckets only for the columns that read them", async () => {
    const lean = await open(`/people?${WINDOW}&cols=name,messages,replies_sent`, 1024, ".tg-table tbody tr");
    const got = (r: string[], f: string) => r.some((p) => p.startsWith(`/_file/data/site/${f}.`));
    assert.ok(!got(lean.requests, "people") && !got(lean.requests, "facts-reply-times") && !got(lean.requests, "graph-buckets"), lean.requests.join(" "));
    assert.ok(got(lean.requests, "facts-people") && got(lean.requests, "facts-people-cols"), lean.requests.join(" "));
    await lean.page.close();
    const med = await open(`/people?${WINDOW}&cols=name,median_reply_ms`, 1024, ".tg-table tbody tr");
    assert.ok(got(med.requests, "facts-reply-times") && !got(med.requests, "graph-buckets"), med.requests.join(" "));
    assert.ok((await med.page.locator(".tg-table tbody td:nth-child(2)").allTextContents()).some((t) => /\d/.test(t)), "median reply times shown");
    await med.page.close();
  });
});
