// threadgraph start (`npm start`): the main job in one command. Step 1/3 syncs the configured lists
// from lore, step 2/3 analyses the store, step 3/3 serves the site (vendor bundles, then
// `observable preview`). It stops at the first failing step with a clear message and a non-zero
// exit, and never serves an empty store silently.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { inboxUrl, loadConfig, resolveStoreDir, type ThreadgraphConfig } from "../config.ts";
import { openStore } from "../store/store.ts";
import { run as runSync } from "./sync.ts";
import { run as runAnalyze } from "./analyze.ts";
import { withNodeFlags } from "./node-flags.ts";

export const help = `usage: threadgraph start [--no-sync] [--store DIR] [--port N] [--host H]
       npm start [-- options]

The main job: (1/3) sync the lists in threadgraph.config.ts from lore (default: linux-cxl, netdev,
linux-rdma over the last 180 days; incremental), (2/3) analyse the store, (3/3) serve the site with
Observable Framework's preview server until Ctrl-C.

options:
  --no-sync     skip step 1: use the store you already have (e.g. after 'threadgraph ingest')
  --store DIR   the store (default: $THREADGRAPH_STORE, else threadgraph.config.ts store, else data/store)
  --port N      preview port (default 3000, or the next free one)
  --host H      preview host (default 127.0.0.1)

The config file is threadgraph.config.ts, or $THREADGRAPH_CONFIG when set.

exit status: 0 the server was stopped, 1 a step failed (nothing is served), 2 usage error`;

const STEPS = 3;
const step = (n: number, what: string) => console.log(`\nstep ${n}/${STEPS} ${what}`);
const fail = (n: number, what: string, hint: string) => {
  console.error(`\nthreadgraph start: step ${n}/${STEPS} ${what} failed. ${hint}`);
  return 1;
};

export async function run(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseArgs({ args: argv, strict: true, options: {
      "no-sync": { type: "boolean" }, store: { type: "string" }, port: { type: "string" }, host: { type: "string" },
    } }).values;
  } catch (e) {
    console.error(`threadgraph start: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  if (v.port !== undefined && !/^\d{1,5}$/.test(v.port)) {
    console.error(`threadgraph start: --port expects a port number, not '${v.port}'`);
    return 2;
  }
  let cfg: ThreadgraphConfig;
  try {
    cfg = await loadConfig();
  } catch (e) {
    console.error(`threadgraph start: ${(e as Error).message}`);
    return 1;
  }
  const storeDir = await resolveStoreDir(v.store, cfg);
  const storeArgs = ["--store", storeDir];

  if (v["no-sync"]) step(1, "sync: skipped (--no-sync)");
  else {
    step(1, `sync: ${cfg.lists.map((l) => l.name).join(", ")} from ${[...new Set(cfg.lists.map((l) => new URL(inboxUrl(l)).host))].join(", ")}, ` +
      `window ${cfg.since}${cfg.until ? `..${cfg.until}` : ""}, ${cfg.mode} mode -> ${storeDir}`);
    const code = await runSync([...storeArgs, "--no-analyze"]);
    if (code !== 0) {
      return fail(1, "sync", "What was fetched before the failure is kept. Check the network and the lists in threadgraph.config.ts, " +
        "then re-run 'npm start' (sync resumes); or serve the store you have with 'npm start -- --no-sync'.");
    }
  }

  step(2, `analyse: ${storeDir}`);
  const messages = await countMessages(storeDir);
  if (messages === 0) {
    return fail(2, "analyse", `The store ${storeDir} holds no mail, so there is nothing to serve. ` +
      (v["no-sync"] ? "Run 'npm start' without --no-sync to fetch the configured lists from lore, " : "The sync found no mail in the window: check the lists and `since` in threadgraph.config.ts, ") +
      "or ingest local archives ('npm run ingest -- LIST=PATH ...', see the README).");
  }
  const code = await runAnalyze(storeArgs);
  if (code !== 0) return fail(2, "analyse", "The store is unchanged; fix the error above and re-run 'npm start -- --no-sync'.");

  step(3, "serve: building the vendor bundles, starting the preview server");
  return serve(storeDir, v.host ?? "127.0.0.1", v.port);
}

/** Messages in the store, 0 when there is no store. */
async function countMessages(storeDir: string): Promise<number> {
  if (!existsSync(join(storeDir, "manifest.json"))) return 0;
  const store = await openStore(storeDir);
  try {
    return Number((await store.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM messages"))[0].n);
  } finally {
    await store.close();
  }
}

/** `npm run vendor`, then `observable preview` until it exits or we are told to stop. */
async function serve(storeDir: string, host: string, port: string | undefined): Promise<number> {
  const root = process.cwd();
  const bin = (name: string) => join(root, "node_modules/.bin", name);
  // Framework runs the .ts data loaders with tsx from PATH; the loaders must read this store.
  // Their analysis (when the site cache is stale) runs with the CLI's V8 flags (node-flags.ts).
  const env = withNodeFlags({ ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`, THREADGRAPH_STORE: storeDir });
  const vendor = spawnSync("npm", ["run", "--silent", "vendor"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (vendor.status !== 0) return fail(3, "serve", "'npm run vendor' failed (see above); check that 'npm ci' completed.");
  const args = ["preview", "--no-open", "--host", host, ...(port ? ["--port", port] : [])];
  const child = spawn(bin("observable"), args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  let announced = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    const url = !announced && /https?:\/\/[^\s\x1b]+/.exec(chunk.toString().replace(/\x1b\[[0-9;]*m/g, ""));
    if (url) {
      announced = true;
      console.log(`\nstep 3/3 serve: the site is at ${url[0]} (Ctrl-C stops)`);
    }
  });
  const stop = () => { if (child.exitCode === null) child.kill("SIGTERM"); };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await new Promise<number | null>((res) => {
    child.on("error", (e) => { console.error(`threadgraph start: ${e.message}`); res(1); });
    child.on("exit", (c, sig) => res(sig ? 0 : c));
  });
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  if (!announced) return fail(3, "serve", "The preview server did not start (see above).");
  return code ?? 0;
}
