// CPU time of the calling thread (Linux /proc/thread-self; null elsewhere): the workers send it
// back so the analysis bench can report each thread's share of the analysis' CPU.
import { readFileSync } from "node:fs";

/** CPU (user + system) this thread has used since it started, in ms; null where /proc is missing. */
export function threadCpuMs(): number | null {
  try {
    const f = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
