// Headless Chromium for the site tests and benchmark: the system /usr/bin/chromium driven by playwright-core,
// with a fresh profile, and a guard that aborts and records every request that would leave loopback.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const haveChromium = () => existsSync(CHROMIUM);

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
      "--disable-component-update", "--no-first-run", "--use-gl=swiftshader", "--enable-unsafe-swiftshader"],
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const watch: PageWatch = { consoleErrors: [], dialogs: [], outside: [], transferBytes: 0 };
      page.on("console", (m) => { if (m.type() === "error") watch.consoleErrors.push(m.text()); });
      page.on("pageerror", (e) => watch.consoleErrors.push(`pageerror: ${e.message}`));
      page.on("dialog", (d) => { watch.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
      page.on("response", async (r) => {
        const len = Number((await r.allHeaders().catch(() => ({} as Record<string, string>)))["content-length"] ?? 0);
        watch.transferBytes += len || (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.route("**/*", (route) => {
        const u = new URL(route.request().url());
        const local = u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1" || u.hostname === "localhost";
        if (local) return route.continue();
        watch.outside.push(route.request().url());
        return route.abort();
      });
      return { page, watch };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
