// Worker thread: the full graph downloads written into the site directory (see graph-exports-job.ts).
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { graphExportFiles, type GraphExportInput } from "./build-graph.ts";
import { writeFileNamed } from "../store/write-file.ts";

const { dir, input } = workerData as { dir: string; input: GraphExportInput };
try {
  const names: string[] = [];
  for (const [name, text] of Object.entries(graphExportFiles(input))) { writeFileNamed(join(dir, name), text); names.push(name); }
  parentPort!.postMessage({ names });
} catch (e) {
  // A write error (a full disk) goes back as it is: the refresh fails with the file named.
  const err = e as NodeJS.ErrnoException;
  parentPort!.postMessage({ error: { message: err?.message ?? String(e), code: err?.code } });
}
