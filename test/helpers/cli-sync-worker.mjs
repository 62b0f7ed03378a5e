// Worker thread of cli-sync.ts: runs each CLI call in-process (cli-in-process.ts) and answers on the
// port, then wakes the waiting thread. Plain JS that registers tsx itself: Node 20 does not carry
// the parent's `--import tsx` hooks into a worker's entry module.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const loaded = import("./cli-in-process.ts"); // a failure to load is each call's error, never a hang
const port = workerData.port;
parentPort.on("message", async ({ args, done }) => {
  try {
    const { cli } = await loaded;
    port.postMessage(await cli(args));
  } catch (e) {
    port.postMessage({ error: e?.stack ?? String(e) });
  }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
