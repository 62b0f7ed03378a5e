// The browser harness the site suites trust (browser.ts, static-server.ts): a request to another host
// is recorded and never sent (IP literals included), the static server's files are cached between
// page loads (what keeps hundreds of loads cheap), and settle() waits for what a page fetches in turn.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { haveChromium, launch, settle, visit, type Browser } from "./browser.ts";
import { serveDir, type StaticServer } from "./static-server.ts";

const skip = haveChromium() ? false : "SKIP: /usr/bin/chromium is missing (apt-get install chromium)";

describe("browser harness (Chromium)", { skip }, () => {
  let dir: string, server: StaticServer, browser: Browser;
  // A server on every interface: a request to this machine's outside address must never reach it.
  let trap: Server, trapPort = 0;
  const trapped: string[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "tg-browser-harness-"));
    trap = createServer((req, res) => { trapped.push(req.url ?? ""); res.end("reached"); });
    await new Promise<void>((ok) => trap.listen(0, "0.0.0.0", ok));
    trapPort = (trap.address() as { port: number }).port;
    server = await serveDir(dir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((ok) => trap?.close(ok));
    rmSync(dir, { recursive: true, force: true });
  });

  test("a request to another host is recorded in watch.outside and fails", async () => {
    const outsideIp = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === "IPv4")?.address;
    const targets = ["http://tg-harness.example.com/pixel.png", ...(outsideIp ? [`http://${outsideIp}:${trapPort}/leak`] : [])];
    writeFileSync(join(dir, "outside.html"), `<!doctype html><p id=r>waiting</p><script>
      Promise.all(${JSON.stringify(targets)}.map((u) => fetch(u).then(() => "reached", () => "failed")))
        .then((r) => { document.getElementById("r").textContent = r.join(","); });</script>`);
    const { page, watch } = await browser.newPage();
    await visit(page, `${server.url}/outside.html`);
    await page.waitForFunction(() => document.getElementById("r")?.textContent !== "waiting");
    assert.deepEqual((await page.textContent("#r"))?.split(","), targets.map(() => "failed"));
    assert.deepEqual([...new Set(watch.outside)].sort(), [...targets].sort());
    assert.deepEqual(trapped, [], "the request reached a non-loopback address");
    await page.close();
  });

  test("a page's files come from Chromium's cache on the next load (304 or not asked for)", async () => {
    writeFileSync(join(dir, "mod.js"), "export const x = 1;\n");
    writeFileSync(join(dir, "cached.html"), `<!doctype html><script type=module>import { x } from "./mod.js"; document.body.dataset.x = x;</script>`);
    const { page } = await browser.newPage();
    const fetched: number[] = [];
    page.on("response", (r) => { if (r.url().endsWith("/mod.js")) fetched.push(r.status()); });
    const served = () => server.bytesServed.get("/mod.js");
    await visit(page, `${server.url}/cached.html`);
    assert.deepEqual(fetched, [200]);
    server.bytesServed.delete("/mod.js");
    await visit(page, `${server.url}/cached.html`);
    assert.equal(await page.evaluate(() => document.body.dataset.x), "1");
    assert.equal(served(), undefined, "the second load sent the module's body again");
    await page.close();
  });

  test("settle waits for files fetched one after another, and the DOM they change", async () => {
    // Each file names the next; the page shows the last one's text only after three round trips
    // and some work in between.
    writeFileSync(join(dir, "c.json"), JSON.stringify({ text: "third" }));
    writeFileSync(join(dir, "b.json"), JSON.stringify({ next: "c.json" }));
    writeFileSync(join(dir, "a.json"), JSON.stringify({ next: "b.json" }));
    writeFileSync(join(dir, "chain.html"), `<!doctype html><p id=r>none</p><script type=module>
      const busy = () => { const t = performance.now(); while (performance.now() - t < 60); };
      let f = "a.json", j;
      for (;;) { j = await (await fetch(f + "?" + Math.random())).json(); busy(); if (!j.next) break; f = j.next; }
      await new Promise((r) => requestAnimationFrame(r));
      document.getElementById("r").textContent = j.text;</script>`);
    const { page } = await browser.newPage();
    await visit(page, `${server.url}/chain.html`);
    assert.equal(await page.textContent("#r"), "third");
    // A resize: what the page redraws on it is drawn when settle returns.
    await page.evaluate(`new ResizeObserver(() => requestAnimationFrame(() => { document.getElementById("r").textContent = "w" + innerWidth; })).observe(document.body)`);
    await page.setViewportSize({ width: 1000, height: 700 });
    await settle(page);
    assert.equal(await page.textContent("#r"), "w1000");
    await page.close();
  });

  test("settle is not held up by a worker the page ended before its script loaded (a superseded graph re-layout)", async () => {
    // Workers made from blobs and terminated at once: their script requests never report an end.
    writeFileSync(join(dir, "workers.html"), `<!doctype html><p id=r>none</p><script>
      const code = "/*" + "x".repeat(1 << 20) + "*/ onmessage = () => {};";
      for (let i = 0; i < 4; i++) new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" }))).terminate();
      requestAnimationFrame(() => { document.getElementById("r").textContent = "drawn"; });</script>`);
    const { page } = await browser.newPage();
    await page.goto(`${server.url}/workers.html`, { waitUntil: "load" });
    await settle(page, 10_000);
    assert.equal(await page.textContent("#r"), "drawn");
    await page.close();
  });
});
