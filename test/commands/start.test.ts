// `npm start` end to end against a REAL public-inbox-httpd on loopback (synthetic mail): it syncs
// the configured lists (pointed at the server through $THREADGRAPH_CONFIG), analyses, and serves the
// site on the port; stopping it stops the preview server. It stops at the first failing step with
// a clear message (a list the server does not have; an empty store with --no-sync) and serves nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildInbox, freePort, skipReason, startServer, type RunningServer } from "../helpers/public-inbox-server.ts";
import { copyProject } from "../site/site-build.ts";
import { tempDir } from "../store/helpers.ts";
import { openStore } from "../../loaders/store/store.ts";

const skip = skipReason(false);
if (skip) console.log(`# SKIP npm start: ${skip}`);
const tmp = tempDir("tg-start-");
let server: RunningServer | undefined;
let project = "";

/** A small thread a few days old: inside the default 180-day window. */
function mail(i: number): Buffer {
  const when = new Date(Date.now() - (10 - i) * 86_400_000).toUTCString();
  return Buffer.from([`From: Dev ${i % 3} <dev${i % 3}@synthetic.example>`, "To: netdev@vger.kernel.org", `Subject: ${i ? "Re: " : ""}[PATCH] synthetic start test`,
    `Date: ${when}`, `Message-ID: <start-${i}@synthetic.example>`, ...(i ? [`In-Reply-To: <start-${i - 1}@synthetic.example>`] : []), "", `body ${i}`, ""].join("\n"));
}

before(async () => {
  if (skip) return;
  const ibx = await buildInbox({ name: "netdev", address: "netdev@vger.kernel.org", messages: [0, 1, 2, 3, 4, 5].map(mail) }, tmp.dir);
  server = await startServer([ibx]);
  project = copyProject("tg-start-project-");
}, { timeout: 300_000 });
after(async () => {
  await server?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
  tmp.cleanup();
});

function config(name: string, lists: { name: string; inbox: string }[], store: string): string {
  const file = join(tmp.dir, `${name}.config.ts`);
  writeFileSync(file, `export default ${JSON.stringify({
    lists: lists.map((l) => ({ ...l, address: `${l.name}@vger.kernel.org` })), since: "180d", mode: "http", store,
  })};\n`);
  return file;
}

/** `npm start -- ARGS` in the project copy, in its own process group (so stop() reaches the preview server). */
function npmStart(configFile: string, ...args: string[]) {
  const p = spawn("npm", ["start", "--", ...args], { cwd: project, detached: true, env: { ...process.env, THREADGRAPH_CONFIG: configFile, THREADGRAPH_STORE: "" } });
  let out = "";
  p.stdout!.on("data", (c) => { out += c; });
  p.stderr!.on("data", (c) => { out += c; });
  const exited = new Promise<number | null>((r) => p.on("exit", (code) => r(code)));
  return {
    output: () => out, exited,
    async waitFor(re: RegExp, ms: number): Promise<RegExpExecArray> {
      const t0 = Date.now();
      for (;;) {
        const m = re.exec(out);
        if (m) return m;
        if (p.exitCode !== null) throw new Error(`npm start exited ${p.exitCode} before ${re}:\n${out}`);
        if (Date.now() - t0 > ms) throw new Error(`no ${re} within ${ms} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      try { process.kill(-p.pid!, "SIGTERM"); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(-p.pid!, "SIGKILL"); } catch { /* gone */ } }, 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

test("npm start syncs the configured lists, analyses, and serves the site on the port until stopped", { skip, timeout: 300_000 }, async () => {
  const store = join(tmp.dir, "store");
  const port = await freePort();
  const run = npmStart(config("ok", [{ name: "netdev", inbox: server!.inboxUrl("netdev") }], store), "--port", String(port));
  try {
    const m = await run.waitFor(/the site is at (http:\/\/\S+)/, 240_000);
    const out = run.output();
    assert.match(out, /step 1\/3 sync: netdev from 127\.0\.0\.1:\d+, window 180d, http mode/);
    assert.match(out, /step 2\/3 analyse/);
    assert.match(out, /analyzed 6 messages: 1 threads/);
    assert.ok(out.indexOf("step 1/3") < out.indexOf("step 2/3") && out.indexOf("step 2/3") < out.indexOf("step 3/3"));
    assert.equal(new URL(m[1]).port, String(port));
    const res = await fetch(m[1]);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<html/i);
    // The pages' data loader reads the synced store.
    const meta = await fetch(new URL("_file/data/site/meta.json", m[1]));
    assert.equal(meta.status, 200);
    assert.equal((await meta.json()).counts.messages, 6);
  } finally {
    await run.stop();
  }
  // Stopped: nothing answers on the port any more.
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`));
  const s = await openStore(store);
  try {
    assert.equal(Number((await s.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM messages"))[0].n), 6);
  } finally {
    await s.close();
  }
});

test("npm start stops at a failing sync with a clear message and serves nothing", { skip, timeout: 180_000 }, async () => {
  const run = npmStart(config("bad", [{ name: "nosuchlist", inbox: `${server!.base}/nosuchlist/` }], join(tmp.dir, "bad-store")),
    "--port", String(await freePort()));
  const code = await run.exited;
  assert.equal(code, 1, run.output());
  assert.match(run.output(), /step 1\/3 sync failed\. .*npm start -- --no-sync/s);
  assert.doesNotMatch(run.output(), /step 2\/3|the site is at/);
});

test("npm start -- --no-sync on an empty store says what to do and serves nothing", { skip, timeout: 120_000 }, async () => {
  const run = npmStart(config("empty", [{ name: "netdev", inbox: server!.inboxUrl("netdev") }], join(tmp.dir, "empty-store")), "--no-sync");
  const code = await run.exited;
  assert.equal(code, 1, run.output());
  assert.match(run.output(), /step 1\/3 sync: skipped \(--no-sync\)/);
  assert.match(run.output(), /holds no mail, so there is nothing to serve\. Run 'npm start' without --no-sync/);
  assert.doesNotMatch(run.output(), /step 3\/3|the site is at/);
});

test("npm start: usage errors exit 2 before anything runs", { timeout: 60_000 }, async () => {
  const { spawnSync } = await import("node:child_process");
  const { cli } = await import("../helpers/cli-in-process.ts");
  // One real process (its exit status is the boundary), the rest in-process (the same runCli).
  const spawned = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "start", "--bogus"], { encoding: "utf8" });
  assert.equal(spawned.status, 2, "--bogus");
  assert.doesNotMatch(spawned.stdout, /step 1\/3/);
  const r = await cli(["start", "--port", "abc"]);
  assert.equal(r.status, 2, "--port abc");
  assert.doesNotMatch(r.stdout, /step 1\/3/);
  assert.match((await cli(["start", "--help"])).stdout, /exit status: 0 the server was stopped, 1 a step failed/);
});
