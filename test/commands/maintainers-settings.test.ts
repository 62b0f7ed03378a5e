// The MAINTAINERS choice: flags > saved in the store > config > none, saved like the identity
// inputs; a URL is fetched once through the HTTP client and cached, and a failed fetch falls back
// to the cached copy. Also the organisation lines of the overrides file. Synthetic data only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveMaintainers } from "../../loaders/store/maintainers-input.ts";
import { saveMaintainersChoice, readStoreSettings } from "../../loaders/store/settings.ts";
import { cachePath, loadMaintainersText } from "../../loaders/sources/maintainers-file.ts";
import { maintainersChoice } from "../../loaders/commands/maintainers-flags.ts";
import { parseOverrides } from "../../loaders/identity/overrides.ts";
import { tempDir } from "../store/helpers.ts";
import { maintainersText } from "../maintainers/snippet.ts";

const TEXT = maintainersText(["WIDGET", "M:\tWendy <w@x.example>", "L:\twidget@vger.kernel.org", "F:\tdrivers/widget/"]);

test("precedence: --maintainers > saved in the store > config > none; --no-maintainers is saved as null", () => {
  const t = tempDir();
  try {
    const store = join(t.dir, "store");
    mkdirSync(store);
    const file = join(t.dir, "MAINTAINERS");
    writeFileSync(file, TEXT);
    assert.deepEqual(resolveMaintainers(store, {}), { spec: null, origin: "none" });
    assert.deepEqual(resolveMaintainers(store, { maintainers: "MAINTAINERS" }, undefined, t.dir), { spec: file, origin: "config" });
    saveMaintainersChoice(store, "https://example.org/MAINTAINERS");
    assert.deepEqual(resolveMaintainers(store, { maintainers: "MAINTAINERS" }, undefined, t.dir), { spec: "https://example.org/MAINTAINERS", origin: "store" });
    assert.deepEqual(resolveMaintainers(store, { maintainers: "MAINTAINERS" }, file, t.dir), { spec: file, origin: "flags" });
    saveMaintainersChoice(store, null);
    assert.equal(readStoreSettings(store).maintainers, null);
    assert.deepEqual(resolveMaintainers(store, { maintainers: "MAINTAINERS" }, undefined, t.dir), { spec: null, origin: "store" });
    assert.throws(() => maintainersChoice({ maintainers: join(t.dir, "nope") }), /does not exist/);
    assert.throws(() => maintainersChoice({ maintainers: file, "no-maintainers": true }), /exclude each other/);
    assert.equal(maintainersChoice({ "no-maintainers": true }), null);
  } finally { t.cleanup(); }
});

test("a URL is fetched once and cached; a failed later fetch falls back to the cached copy; offline reads never fetch", async () => {
  const t = tempDir();
  let hits = 0, fail = false;
  const server = createServer((req, res) => {
    hits++;
    if (fail) { res.statusCode = 404; res.end("gone"); return; }
    res.end(req.url === "/junk" ? "<html>not it</html>" : TEXT);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/MAINTAINERS`;
  try {
    const cacheDir = join(t.dir, "cache");
    await assert.rejects(loadMaintainersText(url, { cacheDir, fetch: false }), /not cached yet/);
    const a = await loadMaintainersText(url, { cacheDir });
    assert.equal(a.via, "url");
    assert.equal(a.text, TEXT);
    const b = await loadMaintainersText(url, { cacheDir });
    assert.equal(b.via, "cache");
    assert.equal(hits, 1);
    // an old cached copy is fetched again; when that fails, the copy is used with a warning
    const old = new Date(Date.now() - 3 * 86_400_000);
    utimesSync(cachePath(cacheDir, url), old, old);
    fail = true;
    const warnings: string[] = [];
    const c = await loadMaintainersText(url, { cacheDir, warn: (m) => warnings.push(m) });
    assert.equal(c.via, "cache");
    assert.equal(c.text, TEXT);
    assert.match(warnings.join("\n"), /using the copy cached/);
    fail = false;
    await assert.rejects(loadMaintainersText(url.replace("/MAINTAINERS", "/junk"), { cacheDir }), /not a MAINTAINERS file/);
  } finally {
    server.close();
    t.cleanup();
  }
});

test("a URL answering HTML that shows the file (a cgit or GitHub view), or an endless body: a clear error, nothing cached", async () => {
  const t = tempDir();
  const escaped = TEXT.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const server = createServer((req, res) => {
    if (req.url === "/cgit") res.end(`<!DOCTYPE html>\n<html><head><title>MAINTAINERS</title></head><body><pre><code>${escaped}</code></pre></body></html>\n`);
    else if (req.url === "/bare") res.end(`<pre>\n${escaped}</pre>\n`);
    else { // endless: never a MAINTAINERS file, however long
      res.write(TEXT);
      const more = () => { if (!res.destroyed && res.write(Buffer.alloc(1 << 16, 0x61))) setImmediate(more); else if (!res.destroyed) res.once("drain", more); };
      more();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const cacheDir = join(t.dir, "cache");
    for (const path of ["/cgit", "/bare"]) {
      await assert.rejects(loadMaintainersText(base + path, { cacheDir }), /HTML page, not a MAINTAINERS file/, path);
      assert.equal(existsSync(cachePath(cacheDir, base + path)), false, `${path}: nothing cached`);
    }
    const t0 = Date.now();
    await assert.rejects(loadMaintainersText(base + "/endless", { cacheDir }), /MAINTAINERS .*endless/);
    assert.ok(Date.now() - t0 < 60_000, "an endless body ends within a minute");
    assert.equal(existsSync(cachePath(cacheDir, base + "/endless")), false);
  } finally {
    server.closeAllConnections();
    server.close();
    t.cleanup();
  }
});

test("overrides: org EMAIL [FROM..UNTIL] NAME, '-' for none; bad ranges are errors with file:line", () => {
  const o = parseOverrides("org a@x.example 2020-01-01..2021-06-30 Example Corp\norg b@y.example Independent Co\norg c@z.example ..2022-01-01 -\n", "ov");
  assert.deepEqual(o.orgs.map((x) => [x.email, x.organisation, x.from && new Date(x.from).toISOString().slice(0, 10), x.until && new Date(x.until).toISOString()]), [
    ["a@x.example", "Example Corp", "2020-01-01", "2021-06-30T23:59:59.999Z"],
    ["b@y.example", "Independent Co", undefined, undefined],
    ["c@z.example", null, undefined, "2022-01-01T23:59:59.999Z"],
  ]);
  assert.throws(() => parseOverrides("org a@x.example 2021-01-01..2020-01-01 X", "ov"), /ov:1: the range ends before it starts/);
  assert.throws(() => parseOverrides("org a@x.example", "ov"), /ov:1: org needs/);
});

test("a saved MAINTAINERS that vanished: commands say where the choice came from and how to change it; page loaders go on without", async () => {
  const { ingest } = await import("../../loaders/pipeline/ingest.ts");
  const { openStore } = await import("../../loaders/store/store.ts");
  const { runAnalysis } = await import("../../loaders/analysis/run.ts");
  const { fakeParse, fakeSource, msgs, pm } = await import("../store/helpers.ts");
  const t = tempDir();
  try {
    const storeDir = join(t.dir, "store");
    const store = await openStore(storeDir);
    await ingest(store, [fakeSource("s", msgs(pm("a@h", { files: ["drivers/widget/a.c"] })))], {}, { parseStream: fakeParse });
    await store.close();
    saveMaintainersChoice(storeDir, join(t.dir, "gone", "MAINTAINERS"));
    const opts = { storeDir, lists: ["alpha"], window: {} };
    await assert.rejects(runAnalysis({ ...opts, writeDerived: true, fetchMaintainers: true }),
      /does not exist \(saved in the store by an earlier --maintainers\).*--no-maintainers/);
    const warnings: string[] = [];
    const r = await runAnalysis({ ...opts, warn: (m) => warnings.push(m) });
    assert.equal(r.affiliations?.status, "no-maintainers");
    assert.match(warnings.join("\n"), /subsystems left out: .*does not exist/);
    assert.match(r.files.get("subsystems.json")!, /no-maintainers/);
  } finally { t.cleanup(); }
});

test("ingest --no-analyze --maintainers saves the choice once the ingest succeeded; a failed one saves nothing; the next analyze uses it", { timeout: 120_000 }, async () => {
  // In-process (test/helpers/cli-in-process.ts), run from the test's directory like the process was.
  const { cli } = await import("../helpers/cli-in-process.ts");
  const tg = (cwd: string, ...args: string[]) => cli(args, { cwd, env: { THREADGRAPH_STORE: "" } });
  const t = tempDir();
  try {
    const file = join(t.dir, "MAINTAINERS");
    writeFileSync(file, TEXT);
    const box = join(t.dir, "w.mbox");
    writeFileSync(box, "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Wendy <w@x.example>\nTo: netdev@vger.kernel.org\nSubject: [PATCH] widget: fix\n" +
      "Date: Mon, 1 Jul 2024 10:00:00 +0000\nMessage-ID: <w1@x.example>\n\n---\ndiff --git a/drivers/widget/a.c b/drivers/widget/a.c\n--- a/drivers/widget/a.c\n+++ b/drivers/widget/a.c\n@@ -1 +1 @@\n-a\n+b\n\n");
    const store = join(t.dir, "store");
    const failed = await tg(t.dir, "ingest", "--store", store, "--no-analyze", "--maintainers", file, `netdev=${join(t.dir, "missing.mbox")}`);
    assert.notEqual(failed.status, 0, failed.stderr);
    assert.equal(existsSync(join(store, "settings.json")) ? readStoreSettings(store).maintainers : undefined, undefined, "a failed ingest saves nothing");
    const ok = await tg(t.dir, "ingest", "--store", store, "--no-analyze", "--maintainers", file, `netdev=${box}`);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(readStoreSettings(store).maintainers, file);
    const an = await tg(t.dir, "analyze", "--store", store);
    assert.equal(an.status, 0, an.stderr);
    const q = await tg(t.dir, "query", "--store", store, "--json", "SELECT subsystem FROM message_subsystems");
    assert.equal(q.status, 0, q.stderr);
    assert.match(q.stdout, /WIDGET/, "the analyze after a --no-analyze ingest used the saved MAINTAINERS");
  } finally { t.cleanup(); }
});
