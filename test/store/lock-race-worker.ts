// A writer process for lock-race.test.ts: for each round, wait for the go signal, try to take the
// round's store lock, and while holding it create `inside` exclusively (a second holder finds it).
import { existsSync, openSync, closeSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { acquireLock } from "../../loaders/store/lock.ts";

const [root, worker, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

for (let k = 0; k < rounds; k++) {
  const dir = join(root, `r${k}`);
  writeFileSync(join(root, `ready-${k}-${worker}`), "");
  while (!existsSync(join(root, `go-${k}`))) { /* spin: all workers start together */ }
  let result = "busy";
  try {
    const lock = acquireLock(dir);
    try {
      const fd = openSync(join(dir, "inside"), "wx");
      closeSync(fd);
      sleep(30);
      unlinkSync(join(dir, "inside"));
      result = "held";
    } catch (e) {
      result = (e as NodeJS.ErrnoException).code === "EEXIST" ? "overlap" : `error ${(e as Error).message}`;
    } finally {
      lock.release();
    }
  } catch (e) {
    if (!/being written by process/.test((e as Error).message)) result = `error ${(e as Error).message}`;
  }
  // whole or absent: the parent polls for it
  writeFileSync(join(root, `res-${k}-${worker}.tmp`), result);
  renameSync(join(root, `res-${k}-${worker}.tmp`), join(root, `res-${k}-${worker}`));
}
