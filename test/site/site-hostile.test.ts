// Browser test of a site built from a HOSTILE synthetic corpus (test/site/hostile-corpus.ts): every
// page fits the window at 1,440 and 1,024 px, artifacts stay small, a long thread page says how much
// it shows, lore links survive dot-segment Message-IDs, and dist/ names no local path.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative } from "node:path";
import { haveChromium, PAGE_WAIT_MS, settle, visit, type Browser } from "./browser.ts";
import type { StaticServer } from "./static-server.ts";
import { REPO, type SiteBuild } from "./site-build.ts";
import { SHOTS, type ServedSite } from "./served-site.ts";
import { serveCorpusData } from "./store-data-site.ts";
import { BIG_THREAD, DOT_IDS, writeHostileCorpus } from "./hostile-corpus.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";

const files = (d: string): string[] => readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));

let tmp: string, store: string, site: SiteBuild, server: StaticServer, browser: Browser, threads: any[];

describe("site from a hostile corpus (huge and unbroken text, Zalgo, dot Message-IDs)", { skip }, () => {
  let served: ServedSite | undefined;
  before(async () => {
    served = await serveCorpusData("tg-site-hostile-", writeHostileCorpus); // on the site suite's build
    ({ tmp, store, site, server, browser } = served);
    threads = JSON.parse(readFileSync(join(store, "site/threads.json"), "utf8")).rows;
  });
  after(async () => {
    await served?.close();
  });

  test("artifacts from a 1 MiB Subject, 10,000-char names and a 620-message thread stay under 1 MB", () => {
    const bytes = files(join(site.dist, "_file/data/site")).reduce((n, f) => n + statSync(f).size, 0);
    assert.ok(bytes < 1 << 20, `artifacts in dist: ${bytes} bytes`);
  });

  test("no page is wider than the window at 1,440 and 1,024 px", async () => {
    // Every built page, and the page of every thread and person (each a thread.html?m= / person.html?e= link).
    const people = JSON.parse(readFileSync(join(store, "site/people.json"), "utf8")).rows;
    const pages = [...files(site.dist).filter((f) => f.endsWith(".html") && !f.endsWith("404.html")).map((f) => `/${relative(site.dist, f)}`),
      ...threads.map((t) => `/thread.html?m=${encodeURIComponent(t.id)}`), ...people.map((p: { id: string }) => `/person.html?e=${encodeURIComponent(p.id)}`)];
    assert.ok(pages.length >= 12, `pages: ${pages.length}`);
    const wide: string[] = [];
    const { page, watch } = await browser.newPage();
    for (const path of pages) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await visit(page, server.url + path);
      await page.waitForSelector("[data-testid=page-header]", { timeout: PAGE_WAIT_MS, state: "attached" });
      for (const width of [1440, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        await settle(page);
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        if (sw > width) wide.push(`${path}: ${sw} px at ${width}`);
      }
      if (/thread\.html|person\.html|index|graph/.test(path)) await page.screenshot({ path: join(SHOTS, `hostile-${path.replace(/\W+/g, "_")}.png`), fullPage: true });
    }
    assert.deepEqual(wide, []);
    assert.deepEqual(watch.consoleErrors, [], "console errors");
    assert.deepEqual(watch.dialogs, [], "dialogs");
    await page.close();
  });

  test("a thread longer than a page shows says 'N of M shown' and links lore", async () => {
    const t = threads.find((x) => x.messages === BIG_THREAD);
    const { page, watch } = await browser.newPage();
    await visit(page, `${server.url}/thread.html?m=${encodeURIComponent(t.id)}`);
    const note = page.locator("[data-testid=thread-shown]");
    await note.waitFor({ timeout: PAGE_WAIT_MS });
    assert.match(await note.textContent() ?? "", new RegExp(`500 of ${BIG_THREAD} messages shown`));
    assert.equal(await note.locator("a").getAttribute("href"), `https://lore.kernel.org/r/${encodeURIComponent(t.id)}`);
    assert.equal(await page.locator("[data-testid=thread-flow] .tg-flow-row").count(), 500);
    assert.deepEqual(watch.consoleErrors, []);
    await page.close();
  });

  test("threads rooted at Message-ID '.' and '..' link to that exact message on lore, not lore's front page", async () => {
    for (const id of DOT_IDS) {
      const t = threads.find((x) => x.id === id);
      assert.ok(t?.detail, `thread ${id} has a page`);
      const { page } = await browser.newPage();
      await visit(page, `${server.url}/thread.html?m=${encodeURIComponent(t.id)}`);
      const href = await page.getByText("Read the thread on lore.kernel.org").getAttribute("href");
      const u = new URL(href!);
      assert.equal(`${u.origin}${u.pathname}`, "https://lore.kernel.org/all/", href!);
      assert.equal(u.searchParams.get("q"), `mid:"${id}"`);
      await page.close();
    }
  });

  test("a reply whose Message-ID holds + / ? # % and '..' leads to its thread (thread.html?m=, percent-encoded)", async () => {
    for (const root of DOT_IDS) {
      const id = `a+b/c?d#e%2e${root}@evil.example`;
      const { page, watch } = await browser.newPage();
      await visit(page, `${server.url}/thread.html?m=${encodeURIComponent(id)}`);
      await page.waitForFunction((s) => document.querySelector("main h1")?.textContent === s, `Message-ID is ${root}`, { timeout: PAGE_WAIT_MS });
      assert.equal(await page.title(), `Message-ID is ${root} | threadgraph`);
      // Its row links lore with the id intact, and its sender links their page.
      assert.equal(await page.locator(`a[href='https://lore.kernel.org/r/${encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}']`).count(), 1);
      assert.ok(await page.locator("a[href='./person.html?e=quinn%40evil.example']").count() >= 1);
      assert.deepEqual(watch.consoleErrors, []);
      await page.close();
    }
  });

  test("dist names no local path (store, work tree, temp dir, home)", () => {
    const paths = [store, tmp, REPO, site.dir, homedir()].filter((p) => p.length > 5);
    const found: string[] = [];
    for (const f of files(site.dist)) {
      const text = readFileSync(f, "latin1");
      for (const p of paths) if (text.includes(p)) found.push(`${relative(site.dist, f)} contains ${p}`);
    }
    assert.deepEqual(found, []);
  });
});
