// One writer at a time per store: an exclusive lock file holding the writer's pid.
// A lock left by a killed process (pid no longer alive) is taken over.
import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";

export function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

export function acquireLock(dir: string): () => void {
  const file = join(dir, "store.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => { try { unlinkSync(file); } catch { /* already gone */ } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(file, "utf8").trim());
      // Our own pid counts as alive: a second writer inside this process must wait too.
      if (Number.isFinite(pid) && pid > 0 && processAlive(pid)) {
        throw new Error(`${dir}: store is being written by process ${pid} (lock ${file})`);
      }
      unlinkSync(file); // stale: its writer died
    }
  }
  throw new Error(`${dir}: could not take the store lock ${file}`);
}
