// Browser test of the site built from an EMPTY store (an ingest of an empty mbox, then analyze): its
// data loaders give every file the pages load, and every page says how to get data. Served on the
// synthetic suites' shared build with the empty store's data (store-data-site.ts), not a build of its
// own. Its own file (not in site.test.ts) so that npm test can run it beside the synthetic site suite.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { haveChromium, PAGE_WAIT_MS, visit } from "./browser.ts";
import { pageUrl } from "./static-server.ts";
import { SHOTS } from "./served-site.ts";
import { serveCorpusData } from "./store-data-site.ts";
import { writeEmptyCorpus } from "./pipeline.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";

describe("site with an empty store", { skip }, () => {
  test("builds, and every page says how to get data", async () => {
    const served = await serveCorpusData("tg-site-empty-", writeEmptyCorpus);
    try {
      for (const path of ["/", "/across", "/graph", "/people", "/threads", "/responsiveness", "/reviews", "/series", "/subsystems", "/organisations"]) {
        const { page, watch } = await served.browser.newPage();
        await visit(page, served.server.url + pageUrl(path));
        await page.waitForSelector("[data-testid=empty-state]", { timeout: PAGE_WAIT_MS });
        assert.match(await page.locator("[data-testid=empty-state]").textContent() ?? "", /npm run ingest/);
        if (path === "/") await page.screenshot({ path: join(SHOTS, "empty-overview.png"), fullPage: true });
        assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
        assert.deepEqual(watch.outside, [], `${path}: requests left loopback`);
        assert.equal(await page.locator(".observablehq--error").count(), 0);
        await page.close();
      }
    } finally {
      await served.close();
    }
  });
});
