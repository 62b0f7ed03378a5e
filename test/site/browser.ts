// Headless Chromium for the site tests and benchmark: the system /usr/bin/chromium driven by playwright-core,
// with a fresh profile, and a guard that aborts and records every request that would leave loopback.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page, type Request } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/**
 * How long a suite waits for what a page load or a redraw shows (a selector, a figure): seconds when
 * quiet, but on a loaded 2-core machine (three test files and their Chromiums, CI or here) a first
 * load runs many times slower. 15-20 s was crossed at TG_BROWSER_SLOWDOWN=6 under load 60.
 * A hang guard: a page that never shows it still fails, only later.
 */
export const PAGE_WAIT_MS = 60_000;
export const haveChromium = () => existsSync(CHROMIUM);

/**
 * TG_BROWSER_SLOWDOWN=N runs every page's main thread N times slower (Chromium's CPU throttling):
 * a test that reads the page before what it waits for has happened fails here as it would on a
 * loaded CI machine, instead of once in a while.
 */
const SLOWDOWN = Number(process.env.TG_BROWSER_SLOWDOWN ?? 1);

export interface PageWatch {
  consoleErrors: string[];
  dialogs: string[];
  outside: string[];
  transferBytes: number;
}

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<{ page: Page; watch: PageWatch }>;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "tg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
      // Nothing leaves loopback: every other host goes to a proxy that is not there (IP literals
      // included) and resolves to nothing. Not page.route: routing turns Chromium's HTTP cache off,
      // and every page load then fetched and compiled all its modules again (3x the CPU of a suite).
      "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      track(page);
      if (SLOWDOWN > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
      const watch: PageWatch = { consoleErrors: [], dialogs: [], outside: [], transferBytes: 0 };
      page.on("console", (m) => { if (m.type() === "error") watch.consoleErrors.push(m.text()); });
      page.on("pageerror", (e) => watch.consoleErrors.push(`pageerror: ${e.message}`));
      page.on("dialog", (d) => { watch.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
      page.on("response", async (r) => {
        const len = Number((await r.allHeaders().catch(() => ({} as Record<string, string>)))["content-length"] ?? 0);
        watch.transferBytes += len || (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      // Recorded here, failed by the launch flags above.
      page.on("request", (r) => {
        const u = new URL(r.url());
        const local = u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1" || u.hostname === "localhost";
        if (!local) watch.outside.push(r.url());
      });
      return { page, watch };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// settle(page): the page has loaded what it asked for and drawn it. Stricter than Playwright's
// "networkidle" (no request for 500 ms, whatever the page is still computing) and much shorter
// (a site suite waits for hundreds of loads): no request in flight, then frames and an idle main
// thread with no DOM change and no new request; repeated until a round sees none.
const inFlight = new WeakMap<Page, { pending: Set<Request>; started: number }>();

// blob: and data: URLs are read from the page's memory, never loaded: a worker's script made from a
// blob (the graph's ForceAtlas2 re-layout) reports no end when the page terminates the worker before
// it has started, which a loaded machine makes likely: settle() then waited for it until its timeout.
const inMemory = (r: Request) => /^(blob|data):/.test(r.url());

function track(page: Page): void {
  const t = { pending: new Set<Request>(), started: 0 };
  inFlight.set(page, t);
  page.on("request", (r) => { if (!inMemory(r)) t.pending.add(r); t.started++; });
  page.on("requestfinished", (r) => t.pending.delete(r));
  page.on("requestfailed", (r) => t.pending.delete(r));
}

// Three frames (a resize or a fetched file reaches Framework's runtime, which recomputes on the next
// frame), then an idle main thread: true when no node or attribute changed meanwhile. A string, so
// that no transform of this file (tsx's __name helpers) reaches the page.
const STILL = `new Promise((ok) => {
  let changed = false;
  const mo = new MutationObserver(() => { changed = true; });
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  frame().then(frame).then(frame).then(() => requestIdleCallback(() => { mo.disconnect(); ok(!changed); }, { timeout: 1000 }));
})`;

/** Wait until `page` (from Browser.newPage) has no request in flight and its DOM holds still; `timeout` ms, then an error naming what is pending. */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  const t = inFlight.get(page);
  if (!t) throw new Error("settle: the page was not opened with Browser.newPage");
  const end = Date.now() + timeout;
  const late = () => new Error(`settle: still loading after ${timeout} ms: ${[...t.pending].map((r) => r.url()).slice(0, 5).join(", ")}`);
  for (;;) {
    while (t.pending.size) {
      if (Date.now() > end) throw late();
      await new Promise((ok) => setTimeout(ok, 10));
    }
    const started = t.started;
    const still = await page.evaluate(STILL) as boolean;
    if (still && !t.pending.size && t.started === started) return;
    if (Date.now() > end) {
      if (t.pending.size) throw late();
      return; // a page that animates its DOM for ever (no request pending): as settled as it gets
    }
  }
}

/** page.goto, then settle: the page as a reader sees it once it has loaded. */
export async function visit(page: Page, url: string, timeout?: number): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await settle(page, timeout);
}

/** Wait until `locator`'s text matches `re`: a control changes the URL at once but Framework redraws later. */
export async function waitForText(locator: Locator, re: RegExp, timeout = PAGE_WAIT_MS): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const text = (await locator.first().textContent()) ?? "";
    if (re.test(text)) return text;
    if (Date.now() > end) throw new Error(`waitForText: ${re} not seen after ${timeout} ms in: ${text.slice(0, 300)}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/**
 * Before an interaction that makes Framework redraw what `selector` matches (a cell re-run replaces
 * its output): marks the current matches stale, and returns a wait for a NEW match whose text
 * matches `re`. For a redraw whose text may read like the old one's (search results: "Threads: 3"
 * before and after), where waitForText alone could pass on the old output.
 */
export async function redrawOf(page: Page, selector: string): Promise<(re: RegExp, timeout?: number) => Promise<string>> {
  await page.evaluate(`document.querySelectorAll(${JSON.stringify(selector)}).forEach((e) => { e.dataset.tgStale = "1"; })`);
  return (re, timeout) => waitForText(page.locator(`${selector}:not([data-tg-stale])`), re, timeout);
}
